import type { Document, Filter, IndexDescription } from "mongodb";
import { actionPolicy } from "../policies";
import { differentSharing, type CampaignSharing, type NewDocument } from "../documents";
import { newId, SecuredRepository, toEntity, type Access, type PageArgs, type RecordOwner, type SortKeys, type StoredDocument } from "../../kit";
import type { AdvocateRef } from "../advocate/advocate";
import { CampaignActionStatus, type CampaignActionKind } from "../enums";
import type { CampaignActionListArgs, CampaignActionsArgs } from "./action.inputs";

/** An action, with its campaign's owner and visibility (`CampaignSharing`) so it is seen exactly when the campaign is. */
export interface CampaignActionDocument extends StoredDocument, CampaignSharing {
  campaignId: string;
  kind: CampaignActionKind;
  title: string;
  description?: string | null;
  date: string;
  status: CampaignActionStatus;
  location?: string | null;
  participants: AdvocateRef[];
  people: string[];
  participantCount?: number | null;
  outcome?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCampaignAction = NewDocument<CampaignActionDocument>;

function listFilter(args: CampaignActionListArgs): Filter<CampaignActionDocument> {
  const filter: Filter<CampaignActionDocument> = {};
  if (args.kind) filter.kind = args.kind;
  if (args.status) filter.status = args.status;
  if (args.from || args.to) filter.date = { ...(args.from ? { $gte: args.from } : {}), ...(args.to ? { $lte: args.to } : {}) };
  return filter;
}

function order(args: CampaignActionListArgs): SortKeys {
  return [["date", args.newestFirst ? -1 : 1]];
}

export class CampaignActionRepository extends SecuredRepository<CampaignActionDocument> {
  readonly policy = actionPolicy;
  readonly collectionName = "campaign_actions";
  readonly indexes: IndexDescription[] = [
    { key: { campaignId: 1, date: 1 } },
    { key: { campaignId: 1, status: 1, date: 1 } },
    { key: { status: 1, date: 1 } },
    { key: { date: 1 } },
  ];

  list(access: Access, args: CampaignActionsArgs) {
    const filter = listFilter(args);
    if (args.campaignId) filter.campaignId = args.campaignId;
    return this.pageReadable(access, filter, order(args), args);
  }

  /** A page of actions for each campaign, in one aggregate for all of them. */
  pagesForCampaigns(access: Access, campaignIds: readonly string[], args: CampaignActionListArgs) {
    return this.pagesByGroupReadable(access, "campaignId", campaignIds, listFilter(args), order(args), args);
  }

  /** A page for each campaign of its PLANNED actions dated `from` or later, soonest first. */
  upcomingPagesForCampaigns(access: Access, campaignIds: readonly string[], from: string, args: PageArgs) {
    const filter: Filter<CampaignActionDocument> = { status: CampaignActionStatus.PLANNED, date: { $gte: from } };
    return this.pagesByGroupReadable(access, "campaignId", campaignIds, filter, [["date", 1]], args);
  }

  create(action: NewCampaignAction) {
    const now = new Date();
    return this.insert({ _id: newId(), ...action, createdAt: now, updatedAt: now });
  }

  /**
   * Applies changes to an action still in `status` and of a campaign still owned by `owner` (the one the
   * caller was authorized on); null when it is not (any more).
   */
  async updateInStatus(id: string, status: CampaignActionStatus, owner: RecordOwner, changes: Partial<CampaignActionDocument>) {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const set = Object.fromEntries(entries.filter(([, value]) => value !== null));
    const unset = Object.fromEntries(entries.filter(([, value]) => value === null).map(([key]) => [key, ""]));
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status, "owner.networkId": owner.networkId },
      { $set: { ...set, updatedAt: new Date() }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Gives the campaign's actions its current owner and visibility where they differ (see CampaignSharingSync). */
  async followCampaign(campaignId: string, sharing: CampaignSharing): Promise<void> {
    await this.collection.updateMany(differentSharing(campaignId, sharing), { $set: { owner: sharing.owner, visibility: sharing.visibility } });
  }
}
