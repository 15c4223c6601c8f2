import { createHash } from "node:crypto";
import { Arg, Args, Ctx, Directive, Int, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import { mapNodes, pageOfList, PageArgs, RedactInAudit, type Access } from "../kit";
import type { RegisteredSubgraphRecord, SupergraphVersionDocument } from "./registry.repository";
import type { RegistryService } from "./registry.service";
import {
  OperationUsageInput,
  RegisteredSubgraph,
  RegisteredSubgraphConnection,
  SubgraphCheck,
  SubgraphCheckInput,
  SubgraphPublication,
  SubgraphPublishInput,
  SupergraphRelease,
  SupergraphVersion,
  SupergraphVersionConnection,
} from "./registry.types";

export interface RegistryContext {
  access: Access;
  registry: RegistryService;
}

function toVersion(doc: SupergraphVersionDocument): SupergraphVersion {
  return {
    version: doc._id,
    change: doc.change as SupergraphVersion["change"],
    subgraph: doc.subgraph,
    rolledBackTo: doc.rolledBackTo,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    forced: doc.forced,
    breakingChanges: doc.breakingChanges,
    subgraphNames: doc.subgraphs.map((subgraph) => subgraph.name),
  };
}

/** The audit log records which SDL was checked or published by its hash, not the whole document. */
const sdlByHash = RedactInAudit(({ input }) => ({ input: { ...input, sdl: createHash("sha256").update(String(input.sdl)).digest("hex") } }));

const toSubgraph = (record: RegisteredSubgraphRecord): RegisteredSubgraph => record;

@Resolver()
export class RegistryResolver {
  @Query(() => RegisteredSubgraphConnection, { description: "The subgraphs of the current supergraph (the hub's and partners'), by name." })
  async registeredSubgraphs(@Args() page: PageArgs, @Ctx() { access, registry }: RegistryContext) {
    return pageOfList((await registry.list(access)).map(toSubgraph), [["name", 1]], (subgraph) => subgraph.name, page);
  }

  @Query(() => RegisteredSubgraph, { nullable: true, description: "A subgraph of the current supergraph by name; null when there is none." })
  registeredSubgraph(@Arg("name", { description: "The subgraph's name." }) name: string, @Ctx() { access, registry }: RegistryContext) {
    return registry.fetch(access, name);
  }

  @Query(() => SupergraphVersionConnection, { description: "The supergraph's versions, newest first." })
  async supergraphVersions(@Args() page: PageArgs, @Ctx() { registry }: RegistryContext) {
    const result = await registry.versions(page);
    return mapNodes(result, toVersion);
  }

  @Directive("@inaccessible")
  @Query(() => SupergraphRelease, { nullable: true, description: "The current supergraph when newer than `newerThan`; the gateway's only." })
  async supergraph(@Arg("newerThan", () => Int, { nullable: true, description: "The version the gateway serves; null when it serves none yet." }) newerThan: number | null, @Ctx() { access, registry }: RegistryContext) {
    const release = await registry.release(access, newerThan ?? null);
    return release && { version: release._id, sdl: release.sdl, subgraphs: release.subgraphs.map(({ name, organizationId }) => ({ name, organizationId })) };
  }

  @UseMiddleware(sdlByHash)
  @Mutation(() => SubgraphCheck, { description: "Checks a subgraph's SDL (composition, ownership, breaking changes) and changes nothing." })
  checkSubgraph(@Arg("input", { description: "The subgraph's name and SDL." }) input: SubgraphCheckInput, @Ctx() { access, registry }: RegistryContext) {
    return registry.check(access, input);
  }

  @UseMiddleware(sdlByHash)
  @Mutation(() => SubgraphPublication, { description: "Checks and, if it passes, publishes a subgraph: every gateway serves it within seconds." })
  publishSubgraph(@Arg("input", { description: "The subgraph's name, SDL and URL." }) input: SubgraphPublishInput, @Ctx() { access, registry }: RegistryContext) {
    return registry.publish(access, input);
  }

  @Mutation(() => SubgraphPublication, { description: "Removes the organization's subgraph from the supergraph, if the rest still composes." })
  deleteSubgraph(@Arg("name", { description: "The subgraph's name." }) name: string, @Ctx() { access, registry }: RegistryContext) {
    return registry.delete(access, name);
  }

  @Mutation(() => SupergraphVersion, { description: "Serves an earlier supergraph version again, as a new version. The hub operator's only." })
  async rollbackSupergraph(@Arg("to", () => Int, { description: "The version to serve again." }) to: number, @Ctx() { access, registry }: RegistryContext) {
    return toVersion(await registry.rollback(access, to));
  }

  @Directive("@inaccessible")
  @UseMiddleware(RedactInAudit(({ operations }) => ({ operations: operations.length })))
  @Mutation(() => Boolean, { description: "Operations the gateway served, counted per day; the gateway's only." })
  async recordOperationUsage(@Arg("operations", () => [OperationUsageInput], { description: "The operations served, with their counts." }) operations: OperationUsageInput[], @Ctx() { access, registry }: RegistryContext) {
    await registry.recordUsage(access, operations);
    return true;
  }
}
