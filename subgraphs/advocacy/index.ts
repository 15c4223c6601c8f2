import { buildFederatedSchema, ensureIndexes, type SubgraphDefinition } from "../kit";
import { resolveCampaignActionReference } from "./action/action.reference";
import { CampaignActionResolver } from "./action/action.resolver";
import { resolveAdvocateReference } from "./advocate/advocate.reference";
import { NetworkCampaignsResolver, OrganizationCampaignsResolver, SchoolCampaignsResolver } from "./advocate/advocate.resolver";
import { resolveCampaignReference } from "./campaign/campaign.reference";
import { CampaignResolver } from "./campaign/campaign.resolver";
import { createAdvocacyContext, createServices, type AdvocacyContext } from "./context";
import { resolveEndorsementReference } from "./endorsement/endorsement.reference";
import { EndorsementResolver } from "./endorsement/endorsement.resolver";
import { resolveCampaignMilestoneReference } from "./milestone/milestone.reference";
import { CampaignMilestoneResolver } from "./milestone/milestone.resolver";
import { createRepositories } from "./repositories";

export type { AdvocacyContext } from "./context";

/** How networks organize for policy: campaigns, endorsements, actions and milestones. Extends School, Network and Organization. */
export const advocacySubgraph: SubgraphDefinition<AdvocacyContext> = {
  name: "advocacy",
  async create(db) {
    const repos = createRepositories(db);
    const services = createServices(repos);
    const schema = await buildFederatedSchema({
      resolvers: [
        CampaignResolver,
        EndorsementResolver,
        CampaignActionResolver,
        CampaignMilestoneResolver,
        SchoolCampaignsResolver,
        NetworkCampaignsResolver,
        OrganizationCampaignsResolver,
      ],
      referenceResolvers: {
        Campaign: { __resolveReference: resolveCampaignReference },
        Endorsement: { __resolveReference: resolveEndorsementReference },
        CampaignAction: { __resolveReference: resolveCampaignActionReference },
        CampaignMilestone: { __resolveReference: resolveCampaignMilestoneReference },
        School: { __resolveReference: resolveAdvocateReference },
        Network: { __resolveReference: resolveAdvocateReference },
        Organization: { __resolveReference: resolveAdvocateReference },
      },
    });
    return {
      schema,
      createContext: async (access) => createAdvocacyContext(access, repos, services),
      ensureIndexes: async () => {
        await ensureIndexes(repos);
        // records stored before they carried their campaign's owner and visibility get them
        await services.sharing.backfill();
      },
    };
  },
};
