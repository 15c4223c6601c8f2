import { NetworkCoDevelopmentResolver, ResourceCoDevelopmentResolver, SchoolCoDevelopmentResolver } from "./co-development.resolver";
import { AdoptionAdaptationsResolver, ResourceLineageResolver } from "./lineage.resolver";

/** Joint practice development (seed 002): adapted versions linked to their originals, and co-development credits. */
export const jointPracticeResolvers = [
  ResourceLineageResolver,
  AdoptionAdaptationsResolver,
  ResourceCoDevelopmentResolver,
  SchoolCoDevelopmentResolver,
  NetworkCoDevelopmentResolver,
] as const;
