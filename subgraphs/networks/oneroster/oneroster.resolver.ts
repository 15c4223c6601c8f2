import { createHash } from "node:crypto";
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from "type-graphql";
import { RedactInAudit } from "../../kit";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { OneRosterImport } from "./oneroster";
import { ImportOneRosterOrgsInput } from "./oneroster.inputs";

/** The audit log keeps which file was imported (its size and SHA-256), not its text. */
const fileDigest = RedactInAudit(({ input }) => ({
  input: { networkId: input.networkId, dryRun: input.dryRun, csvBytes: Buffer.byteLength(input.csv, "utf8"), csvSha256: createHash("sha256").update(input.csv).digest("hex") },
}));

@Resolver(() => OneRosterImport)
export class OneRosterImportResolver {
  @Mutation(() => OneRosterImport, {
    description:
      "The network's managers import a OneRoster 1.2 `orgs.csv`: new schools are registered by their organization, schools are matched by the " +
      "organization's sourcedIds then NCES ids, memberships are proposed (never imposed). A bad row refuses the whole file; `dryRun` writes nothing.",
  })
  @UseMiddleware(fileDigest)
  importOneRosterOrgs(@Arg("input", { description: "The network, the file and whether to write." }) input: ImportOneRosterOrgsInput, @Ctx() { access, loaders, parties, services }: NetworksContext) {
    return services.oneRoster.importOrgs(access, parties, loaders, input);
  }

  @FieldResolver(() => Network, { description: "The network imported into." })
  network(@Root() report: OneRosterImport, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(report.networkId);
  }
}
