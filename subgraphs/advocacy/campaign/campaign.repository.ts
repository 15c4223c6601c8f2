import type { Document, Filter, IndexDescription } from "mongodb";
import type { NewDocument } from "../documents";
import { newId, Repository, toEntity, type RecordOwner, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
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

const ORDERS: Record<CampaignOrder, SortKeys> = {
  [CampaignOrder.TITLE]: [["title", 1]],
  [CampaignOrder.NEWEST]: [["createdAt", -1]],
};

/** Which campaign field holds the lead of each kind. */
const LEAD_FIELDS: Record<AdvocateKind, "leadSchoolIds" | "leadNetworkId" | "leadOrganizationId"> = {
  SCHOOL: "leadSchoolIds",
  NETWORK: "leadNetworkId",
  ORGANIZATION: "leadOrganizationId",
};

export class CampaignRepository extends Repository<CampaignDocument> {
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
  ];

  /**
   * Every read goes through here: the one place where the caller's access (visibility, owner) will
   * narrow the filter once access control arrives.
   */
  private readable(filter: Filter<CampaignDocument>): Filter<CampaignDocument> {
    return filter;
  }

  async findByIds(ids: readonly string[]) {
    const docs = await this.collection.find(this.readable({ _id: { $in: [...ids] } })).toArray();
    return docs.map(toEntity);
  }

  async findById(id: string) {
    const doc = await this.collection.findOne(this.readable({ _id: id }));
    return doc ? toEntity(doc) : null;
  }

  /** Campaigns led by any of these schools, networks or organizations (of one kind), by title. */
  async findLedBy(kind: AdvocateKind, ids: readonly string[]) {
    const filter = { [LEAD_FIELDS[kind]]: { $in: [...ids] } } as Filter<CampaignDocument>;
    const docs = await this.collection.find(this.readable(filter)).sort({ title: 1, _id: 1 }).toArray();
    return docs.map(toEntity);
  }

  list(args: CampaignsArgs) {
    const filter: Filter<CampaignDocument> = {};
    if (args.level) filter.level = args.level;
    if (args.status?.length) filter.status = { $in: args.status };
    if (args.jurisdiction) filter.jurisdiction = args.jurisdiction;
    if (args.region) filter.region = args.region;
    if (args.issueArea) filter.issueAreas = args.issueArea;
    if (args.leadNetworkId) filter.leadNetworkId = args.leadNetworkId;
    return this.page(this.readable(filter), ORDERS[args.orderBy], args);
  }

  create(campaign: NewCampaign) {
    const now = new Date();
    return this.insert({ _id: newId(), ...campaign, createdAt: now, updatedAt: now });
  }

  /** Applies changes unless the campaign is CLOSED; null when there is no open campaign with that id. */
  async updateOpen(id: string, changes: Partial<CampaignDocument>) {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const set = Object.fromEntries(entries.filter(([, value]) => value !== null));
    const unset = Object.fromEntries(entries.filter(([, value]) => value === null).map(([key]) => [key, ""]));
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: { $ne: CampaignStatus.CLOSED } },
      { $set: { ...set, updatedAt: new Date() }, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /**
   * Moves the campaign from `from` to the change's status, atomically: null when its status is no
   * longer `from` (another request changed it first).
   */
  async transition(id: string, from: CampaignStatus, change: CampaignStatusChangeDocument, dates: Pick<CampaignDocument, "startDate" | "endDate">) {
    const set: Document = { status: change.status, updatedAt: change.changedAt };
    if (dates.startDate !== undefined) set.startDate = dates.startDate;
    if (dates.endDate !== undefined) set.endDate = dates.endDate;
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: from },
      { $set: set, $push: { statusHistory: change } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
