import type { IndexDescription } from "mongodb";
import { milestonePolicy } from "../policies";
import { differentSharing, type CampaignSharing, type NewDocument } from "../documents";
import { newId, SecuredRepository, toEntity, type Access, type StoredDocument } from "../../kit";
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

/** Milestones are a campaign's short timeline (a few dozen at most), read whole. */
export class CampaignMilestoneRepository extends SecuredRepository<CampaignMilestoneDocument> {
  readonly policy = milestonePolicy;
  readonly collectionName = "campaign_milestones";
  readonly indexes: IndexDescription[] = [{ key: { campaignId: 1, date: 1 } }];


  /** The milestones of these campaigns, oldest first. */
  async findByCampaignIds(access: Access, campaignIds: readonly string[]) {
    const docs = await this.collection
      .find(this.readable(access, { campaignId: { $in: [...campaignIds] } }))
      .sort({ date: 1, _id: 1 })
      .toArray();
    return docs.map(toEntity);
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
