import { GroupedPageLoaders, keyedLoader, type Access } from "../kit";
import { CampaignActionService } from "./action/action.service";
import { CampaignService } from "./campaign/campaign.service";
import { CampaignSharingSync } from "./campaign/campaign.sharing";
import { EndorsementService } from "./endorsement/endorsement.service";
import { CampaignMilestoneService } from "./milestone/milestone.service";
import type { AdvocacyRepositories } from "./repositories";

/**
 * Per-request DataLoaders: every entity lookup and nested list is batched into one query per tick, and
 * every query is narrowed to what the request's `access` may read (the repositories' `readable`).
 */
function createLoaders(access: Access, repos: AdvocacyRepositories) {
  return {
    campaignById: keyedLoader((ids: readonly string[]) => repos.campaigns.findReadableByIds(access, ids), (c) => c.id),
    endorsementById: keyedLoader((ids: readonly string[]) => repos.endorsements.findReadableByIds(access, ids), (e) => e.id),
    actionById: keyedLoader((ids: readonly string[]) => repos.actions.findReadableByIds(access, ids), (a) => a.id),
    milestoneById: keyedLoader((ids: readonly string[]) => repos.milestones.findReadableByIds(access, ids), (m) => m.id),
    endorsementCountsByCampaign: keyedLoader((ids: readonly string[]) => repos.endorsements.countByCampaignIds(access, ids), (c) => c.campaignId),
    /** Connections nested under many parents (campaigns, schools, networks, organizations), one batch per list and arguments. */
    pages: new GroupedPageLoaders(),
  };
}

export function createServices(repos: AdvocacyRepositories) {
  const sharing = new CampaignSharingSync(repos);
  const campaigns = new CampaignService(repos, sharing);
  return {
    sharing,
    campaigns,
    endorsements: new EndorsementService(repos, campaigns, sharing),
    actions: new CampaignActionService(repos, campaigns, sharing),
    milestones: new CampaignMilestoneService(repos, campaigns, sharing),
  };
}

export interface AdvocacyContext {
  /** The caller's access, forwarded (signed) by the gateway: every read and write is checked against it. */
  access: Access;
  repos: AdvocacyRepositories;
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
}

/** Repositories and services live as long as the subgraph; loaders only as long as one request. */
export function createAdvocacyContext(access: Access, repos: AdvocacyRepositories, services: AdvocacyContext["services"]): AdvocacyContext {
  return { access, repos, services, loaders: createLoaders(access, repos) };
}
