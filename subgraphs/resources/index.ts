import { buildFederatedSchema, ensureIndexes, type SubgraphDefinition } from "../kit";
import { resolveAdoptionReference } from "./adoption/adoption.reference";
import { AdoptionResolver, ResourceAdoptionsResolver, SchoolAdoptionsResolver } from "./adoption/adoption.resolver";
import { createResourcesContext, createServices, type ResourcesContext } from "./context";
import { entityReferenceResolvers, Network, Organization, School } from "./federation/entities";
import { resolveFundingAwardReference } from "./funding/funding.reference";
import { FundingAwardResolver, NetworkFundingResolver } from "./funding/funding.resolver";
import { moduleReferenceResolvers, moduleResolvers } from "./modules";
import { createRepositories } from "./repositories";
import { resolveResourceReference } from "./resource/resource.reference";
import { NetworkResourcesResolver, ResourceResolver, SchoolResourcesResolver } from "./resource/resource.resolver";
import { resolveShareRequestReference } from "./share-request/share-request.reference";
import { ShareRequestResolver } from "./share-request/share-request.resolver";

export type { ResourcesContext } from "./context";

/** What networks pool and share: resources, adoptions, share requests and funding awards, each seen by its visibility. */
export const resourcesSubgraph: SubgraphDefinition<ResourcesContext> = {
  name: "resources",
  async create(db) {
    const repos = createRepositories(db);
    const services = createServices(repos);
    const schema = await buildFederatedSchema({
      resolvers: [
        ResourceResolver,
        SchoolResourcesResolver,
        NetworkResourcesResolver,
        AdoptionResolver,
        ResourceAdoptionsResolver,
        SchoolAdoptionsResolver,
        ShareRequestResolver,
        FundingAwardResolver,
        NetworkFundingResolver,
        ...moduleResolvers,
      ],
      orphanedTypes: [School, Network, Organization],
      referenceResolvers: {
        ...entityReferenceResolvers,
        Resource: { __resolveReference: resolveResourceReference },
        ResourceAdoption: { __resolveReference: resolveAdoptionReference },
        ShareRequest: { __resolveReference: resolveShareRequestReference },
        FundingAward: { __resolveReference: resolveFundingAwardReference },
        ...moduleReferenceResolvers,
      },
    });
    return {
      schema,
      createContext: async (access) => createResourcesContext(access, repos, services),
      ensureIndexes: () => ensureIndexes(repos),
    };
  },
};
