import type { IndexDescription } from "mongodb";
import { milestonePolicy } from "../policies";
import { differentSharing, type CampaignSharing, type NewDocument } from "../documents";
import { newId, SecuredRepository, type Access, type PageArgs, type StoredDocument } from "../../kit";
import type { CampaignMilestoneKind } from "../enums";

/** A milestone, with its campaign's owner and visibility (`CampaignSharing`) so it is seen exactly when the campaign is. */
export interface CampaignMilestoneDocument extends StoredDocument, CampaignSharing {
  campaignId: string;
  kind: CampaignMilestoneKind;
  title: string;
  description?: string | null;
  date: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCampaignMilestone = NewDocument<CampaignMilestoneDocument>;

export class CampaignMilestoneRepository extends SecuredRepository<CampaignMilestoneDocument> {
  readonly policy = milestonePolicy;
  readonly collectionName = "campaign_milestones";
  readonly indexes: IndexDescription[] = [{ key: { campaignId: 1, date: 1 } }];

  /** A page for each campaign of its milestones that `access` may read, oldest first, in one aggregate for all of them. */
  pagesForCampaigns(access: Access, campaignIds: readonly string[], args: PageArgs) {
    return this.pagesByGroupReadable(access, "campaignId", campaignIds, {}, [["date", 1]], args);
  }

  create(milestone: NewCampaignMilestone) {
    const now = new Date();
    return this.insert({ _id: newId(), ...milestone, createdAt: now, updatedAt: now });
  }

  /** Gives the campaign's milestones its current owner and visibility where they differ (see CampaignSharingSync). */
  async followCampaign(campaignId: string, sharing: CampaignSharing): Promise<void> {
    await this.collection.updateMany(differentSharing(campaignId, sharing), { $set: { owner: sharing.owner, visibility: sharing.visibility } });
  }
}
