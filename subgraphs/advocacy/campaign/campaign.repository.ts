import type { Document, Filter, IndexDescription } from "mongodb";
import { campaignPolicy } from "../policies";
import type { CampaignSharing, NewDocument } from "../documents";
import { newId, pagesThroughLink, SecuredRepository, toEntity, type Access, type Link, type RecordOwner, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { CampaignOrder, CampaignStatus, type AdvocateKind, type CampaignLevel } from "../enums";
import type { CampaignsArgs } from "./campaign.inputs";

export interface CampaignStatusChangeDocument {
  from?: CampaignStatus | null;
  status: CampaignStatus;
  on: string;
  note?: string | null;
  changedAt: Date;
}

export interface CampaignDocument extends StoredDocument {
  title: string;
  policyGoal: string;
  description?: string | null;
  level: CampaignLevel;
  jurisdiction: string;
  region?: string | null;
  country: string;
  targetBody: string;
  issueAreas: string[];
  status: CampaignStatus;
  statusHistory: CampaignStatusChangeDocument[];
  startDate?: string | null;
  targetDate?: string | null;
  endDate?: string | null;
  leadNetworkId: string;
  leadSchoolIds: string[];
  leadOrganizationId?: string | null;
  /** The kit's owner for access control: the lead network (and a school within it, if one owns it). */
  owner: RecordOwner;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export type NewCampaign = NewDocument<CampaignDocument>;

const CAMPAIGN_ORDERS: Record<CampaignOrder, SortKeys> = {
  [CampaignOrder.TITLE]: [["title", 1]],
  [CampaignOrder.NEWEST]: [["createdAt", -1]],
};

/** Which campaign field holds the lead of each kind. */
const LEAD_FIELDS: Record<AdvocateKind, "leadSchoolIds" | "leadNetworkId" | "leadOrganizationId"> = {
  SCHOOL: "leadSchoolIds",
  NETWORK: "leadNetworkId",
  ORGANIZATION: "leadOrganizationId",
};

/** The filters of `Query.campaigns`, the same wherever a list of campaigns appears. */
function campaignFilter(args: CampaignsArgs): Filter<CampaignDocument> {
  const filter: Filter<CampaignDocument> = {};
  if (args.level) filter.level = args.level;
  if (args.status?.length) filter.status = { $in: args.status };
  if (args.jurisdiction) filter.jurisdiction = args.jurisdiction;
  if (args.region) filter.region = args.region;
  if (args.issueArea) filter.issueAreas = args.issueArea;
  if (args.leadNetworkId) filter.leadNetworkId = args.leadNetworkId;
  return filter;
}

export class CampaignRepository extends SecuredRepository<CampaignDocument> {
  readonly policy = campaignPolicy;
  readonly collectionName = "campaigns";
  readonly indexes: IndexDescription[] = [
    { key: { title: 1 } },
    { key: { createdAt: -1 } },
    { key: { level: 1, status: 1, title: 1 } },
    { key: { status: 1, title: 1 } },
    { key: { jurisdiction: 1, title: 1 } },
    { key: { region: 1, title: 1 } },
    { key: { issueAreas: 1 } },
    { key: { leadNetworkId: 1 } },
    { key: { leadSchoolIds: 1 } },
    { key: { leadOrganizationId: 1 } },
    { key: { "owner.networkId": 1, visibility: 1 } },
    { key: { visibility: 1, title: 1 } },
  ];

  /**
   * The owner and visibility a campaign has now, whoever asks: a write's internal read, only to keep the
   * copies on its records in step (never returned to a caller). Null when there is no such campaign.
   */
  async sharingOf(id: string): Promise<CampaignSharing | null> {
    const doc = await this.collection.findOne({ _id: id }, { projection: { owner: 1, visibility: 1 } });
    return doc ? { owner: doc.owner, visibility: doc.visibility } : null;
  }

  list(access: Access, args: CampaignsArgs) {
    return this.pageReadable(access, campaignFilter(args), CAMPAIGN_ORDERS[args.orderBy], args);
  }

  /** One page per school, network or organization (of one kind) of the campaigns it leads that `access` may read and that match `args`. */
  pagesLedBy(access: Access, kind: AdvocateKind, leadIds: readonly string[], args: CampaignsArgs) {
    return this.pagesByGroupReadable(access, LEAD_FIELDS[kind], leadIds, campaignFilter(args), CAMPAIGN_ORDERS[args.orderBy], args);
  }

  /**
   * One page per endorser of the campaigns it endorses (`endorsements`: the endorsements `access` may read,
   * linking endorsers to campaigns) that `access` may read and that match `args`: one aggregate over the links.
   */
  pagesEndorsedBy(access: Access, endorsements: Link, endorserIds: readonly string[], args: CampaignsArgs) {
    return pagesThroughLink(this.collection, endorsements, endorserIds, this.readable(access, campaignFilter(args)), CAMPAIGN_ORDERS[args.orderBy], args);
  }

  create(campaign: NewCampaign) {
    const now = new Date();
    return this.insert({ _id: newId(), ...campaign, createdAt: now, updatedAt: now });
  }

  /**
   * Applies changes unless the campaign is CLOSED or no longer has `owner` (the one the caller was
   * authorized on); null when there is no such campaign.
   */
  async updateOpen(id: string, owner: RecordOwner, changes: Partial<CampaignDocument>) {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const set = Object.fromEntries(entries.filter(([, value]) => value !== null));
    const unset = Object.fromEntries(entries.filter(([, value]) => value === null).map(([key]) => [key, ""]));
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: { $ne: CampaignStatus.CLOSED }, "owner.networkId": owner.networkId },
      { $set: { ...set, updatedAt: new Date() }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /**
   * Moves the campaign from `from` to the change's status, atomically: null when its status is no
   * longer `from` or its owner no longer `owner` (another request changed it first).
   */
  async transition(id: string, from: CampaignStatus, owner: RecordOwner, change: CampaignStatusChangeDocument, dates: Pick<CampaignDocument, "startDate" | "endDate">) {
    const set: Document = { status: change.status, updatedAt: change.changedAt };
    if (dates.startDate !== undefined) set.startDate = dates.startDate;
    if (dates.endDate !== undefined) set.endDate = dates.endDate;
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: from, "owner.networkId": owner.networkId },
      { $set: set, $push: { statusHistory: change } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
