import type { Db } from "mongodb";
import { CampaignActionRepository } from "./action/action.repository";
import { CampaignRepository } from "./campaign/campaign.repository";
import { EndorsementRepository } from "./endorsement/endorsement.repository";
import { CampaignMilestoneRepository } from "./milestone/milestone.repository";

export function createRepositories(db: Db) {
  return {
    campaigns: new CampaignRepository(db),
    endorsements: new EndorsementRepository(db),
    actions: new CampaignActionRepository(db),
    milestones: new CampaignMilestoneRepository(db),
  };
}

export type AdvocacyRepositories = ReturnType<typeof createRepositories>;
