import type { ResourcesContext } from "../context";
import { FundedWorkResolver, FundingAwardWorkResolver } from "./funded-work.resolver";
import type { FundedWork } from "./funded-work";

/** What funded work adds to the resources subgraph's schema: links from awards to what they pay for. */
export const fundedWorkModule = {
  resolvers: [FundedWorkResolver, FundingAwardWorkResolver],
  referenceResolvers: {
    FundedWork: { __resolveReference: (reference: Pick<FundedWork, "id">, context: ResourcesContext) => context.loaders.fundedWorkById.load(reference.id) },
  },
} as const;
