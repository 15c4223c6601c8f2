import type { Collection, Document, Filter, IndexDescription } from "mongodb";
import { endorsementPolicy } from "../policies";
import { differentSharing, type CampaignSharing } from "../documents";
import { newId, SecuredRepository, toEntity, type Access, type Link, type SortKeys, type StoredDocument } from "../../kit";
import type { AdvocateKind } from "../enums";
import type { EndorsementListArgs } from "./endorsement.inputs";

/** An endorsement, with its campaign's owner and visibility (`CampaignSharing`) so it is seen exactly when the campaign is. */
export interface EndorsementDocument extends StoredDocument, CampaignSharing {
  campaignId: string;
  endorserKind: AdvocateKind;
  endorserId: string;
  endorsedOn: string;
  statement?: string | null;
  signatory?: string | null;
  withdrawnOn?: string | null;
  withdrawalReason?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewEndorsement = Pick<
  EndorsementDocument,
  "campaignId" | "endorserKind" | "endorserId" | "endorsedOn" | "statement" | "signatory" | "owner" | "visibility"
>;

export interface CampaignEndorsementCounts {
  campaignId: string;
  schools: number;
  networks: number;
  organizations: number;
  total: number;
}

const SIGNING_ORDER: SortKeys = [["endorsedOn", 1]];

/** The filters of `Campaign.endorsements`, the same wherever a list of endorsements appears. */
function listFilter(args: EndorsementListArgs): Filter<EndorsementDocument> {
  const filter: Filter<EndorsementDocument> = {};
  if (args.endorserKind) filter.endorserKind = args.endorserKind;
  if (!args.includeWithdrawn) filter.withdrawnOn = null;
  return filter;
}

export class EndorsementRepository extends SecuredRepository<EndorsementDocument> {
  readonly policy = endorsementPolicy;
  readonly collectionName = "endorsements";
  readonly indexes: IndexDescription[] = [
    // One endorsement record per endorser and campaign, also under concurrent requests; withdrawing keeps it.
    { key: { campaignId: 1, endorserKind: 1, endorserId: 1 }, unique: true, name: "one_endorsement_per_endorser_and_campaign" },
    { key: { campaignId: 1, endorsedOn: 1 } },
    { key: { endorserKind: 1, endorserId: 1 } },
  ];

  /** The current endorsements `access` may read of schools, networks or organizations (of one kind), as links from endorser to campaign. */
  currentLinks(access: Access, kind: AdvocateKind): Link {
    const filter = this.readable(access, { endorserKind: kind, withdrawnOn: null }) as Filter<Document>;
    return { collection: this.collection as unknown as Collection<Document>, parentField: "endorserId", targetField: "campaignId", filter };
  }

  /** One page per endorser (of one kind) of its endorsements that `access` may read and that match `args`, in signing order. */
  pagesForEndorsers(access: Access, kind: AdvocateKind, endorserIds: readonly string[], args: EndorsementListArgs) {
    const filter = { $and: [{ endorserKind: kind }, listFilter(args)] } as Filter<EndorsementDocument>;
    return this.pagesByGroupReadable(access, "endorserId", endorserIds, filter, SIGNING_ORDER, args);
  }

  /** Current endorsements of each campaign by kind of endorser, in one aggregate. */
  async countByCampaignIds(access: Access, campaignIds: readonly string[]): Promise<CampaignEndorsementCounts[]> {
    const rows = await this.collection
      .aggregate<{ _id: { campaignId: string; kind: AdvocateKind }; count: number }>([
        { $match: this.readable(access, { campaignId: { $in: [...campaignIds] }, withdrawnOn: null }) },
        { $group: { _id: { campaignId: "$campaignId", kind: "$endorserKind" }, count: { $sum: 1 } } },
      ])
      .toArray();
    const counts = new Map(
      campaignIds.map((campaignId) => [campaignId, { campaignId, schools: 0, networks: 0, organizations: 0, total: 0 }]),
    );
    for (const row of rows) {
      const entry = counts.get(row._id.campaignId);
      if (!entry) continue;
      if (row._id.kind === "SCHOOL") entry.schools += row.count;
      else if (row._id.kind === "NETWORK") entry.networks += row.count;
      else entry.organizations += row.count;
      entry.total += row.count;
    }
    return [...counts.values()];
  }

  /** A page of endorsements for each campaign, in signing order, in one aggregate for all of them. */
  pagesForCampaigns(access: Access, campaignIds: readonly string[], args: EndorsementListArgs) {
    return this.pagesByGroupReadable(access, "campaignId", campaignIds, listFilter(args), SIGNING_ORDER, args);
  }

  create(endorsement: NewEndorsement) {
    const now = new Date();
    return this.insert({ _id: newId(), ...endorsement, withdrawnOn: null, withdrawalReason: null, createdAt: now, updatedAt: now });
  }

  /** Renews a withdrawn endorsement of the same endorser; null unless there is one (a write: the service checked the caller). */
  async renewWithdrawn(endorsement: NewEndorsement) {
    const doc = await this.collection.findOneAndUpdate(
      {
        campaignId: endorsement.campaignId,
        endorserKind: endorsement.endorserKind,
        endorserId: endorsement.endorserId,
        withdrawnOn: { $ne: null },
      },
      {
        $set: {
          endorsedOn: endorsement.endorsedOn,
          statement: endorsement.statement,
          signatory: endorsement.signatory,
          owner: endorsement.owner,
          visibility: endorsement.visibility,
          withdrawnOn: null,
          withdrawalReason: null,
          updatedAt: new Date(),
        },
      },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Withdraws a current endorsement; null when it is not current (any more). */
  async withdraw(id: string, withdrawnOn: string, reason: string | null) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, withdrawnOn: null },
      { $set: { withdrawnOn, withdrawalReason: reason, updatedAt: new Date() } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Gives the campaign's endorsements its current owner and visibility where they differ (see CampaignSharingSync). */
  async followCampaign(campaignId: string, sharing: CampaignSharing): Promise<void> {
    await this.collection.updateMany(differentSharing(campaignId, sharing), { $set: { owner: sharing.owner, visibility: sharing.visibility } });
  }
}
