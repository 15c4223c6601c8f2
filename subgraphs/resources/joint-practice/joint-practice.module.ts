import { NetworkCoDevelopmentResolver, ResourceCoDevelopmentResolver, SchoolCoDevelopmentResolver } from "./co-development.resolver";
import { AdoptionAdaptationsResolver, ResourceLineageResolver } from "./lineage.resolver";

/** Joint practice development (seed 002): adapted versions linked to their originals, and co-development credits. */
export const jointPracticeModule = {
  resolvers: [ResourceLineageResolver, AdoptionAdaptationsResolver, ResourceCoDevelopmentResolver, SchoolCoDevelopmentResolver, NetworkCoDevelopmentResolver],
  referenceResolvers: {},
} as const;
