import type { Filter, IndexDescription } from "mongodb";
import type { NewDocument } from "../documents";
import { newId, Repository, toEntity, type StoredDocument } from "../../kit";
import type { CampaignMilestoneKind } from "../enums";

export interface CampaignMilestoneDocument extends StoredDocument {
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
export class CampaignMilestoneRepository extends Repository<CampaignMilestoneDocument> {
  readonly collectionName = "campaign_milestones";
  readonly indexes: IndexDescription[] = [{ key: { campaignId: 1, date: 1 } }];

  /** Read paths go through here, where access control will narrow them. */
  private readable(filter: Filter<CampaignMilestoneDocument>): Filter<CampaignMilestoneDocument> {
    return filter;
  }

  async findByIds(ids: readonly string[]) {
    return (await this.collection.find(this.readable({ _id: { $in: [...ids] } })).toArray()).map(toEntity);
  }

  async findById(id: string) {
    const doc = await this.collection.findOne(this.readable({ _id: id }));
    return doc ? toEntity(doc) : null;
  }

  /** The milestones of these campaigns, oldest first. */
  async findByCampaignIds(campaignIds: readonly string[]) {
    const docs = await this.collection
      .find(this.readable({ campaignId: { $in: [...campaignIds] } }))
      .sort({ date: 1, _id: 1 })
      .toArray();
    return docs.map(toEntity);
  }

  create(milestone: NewCampaignMilestone) {
    const now = new Date();
    return this.insert({ _id: newId(), ...milestone, createdAt: now, updatedAt: now });
  }
}
