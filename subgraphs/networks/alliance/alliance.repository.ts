import type { Document, Filter, IndexDescription } from "mongodb";
import { pagesByGroup, pagesThroughLink, READ_ALL, Repository, toEntity, type Link, type StoredDocument } from "../../kit";
import { ConsentStatus, moveConsent, type ConsentFields, type ConsentStepDocument } from "../consent/consent";
import type { AllianceScope, SharedDataKind } from "../enums";
import type { AlliancesArgs, ConsentListArgs } from "./alliance.inputs";

export interface AllianceDocument extends StoredDocument {
  name: string;
  description?: string | null;
  scope: AllianceScope;
  formedOn: string;
  endedOn?: string | null;
  agreement: { sharedKinds: SharedDataKind[]; effectiveFrom: string; terms?: string | null };
  createdAt: Date;
  updatedAt: Date;
}

function allianceFilter(args: AlliancesArgs): Filter<AllianceDocument> {
  const filter: Filter<AllianceDocument> = {};
  if (args.scope) filter.scope = args.scope;
  if (!args.includeEnded) filter.endedOn = null;
  return filter;
}

export class AllianceRepository extends Repository<AllianceDocument> {
  readonly collectionName = "alliances";
  readonly indexes: IndexDescription[] = [{ key: { name: 1 } }];

  list(args: AlliancesArgs) {
    return this.page(allianceFilter(args), [["name", 1]], args);
  }

  /** One page per parent of the alliances `link` joins to it, by name, filtered as `list` is. */
  pagesThrough(link: Link, parentIds: readonly string[], args: AlliancesArgs) {
    return pagesThroughLink(this.collection, link, parentIds, allianceFilter(args), [["name", 1]], args);
  }

  /** Stops sharing `kinds` under an open alliance's agreement; null when the alliance is not open. */
  async removeSharedKinds(id: string, kinds: SharedDataKind[]) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, endedOn: null },
      { $pull: { "agreement.sharedKinds": { $in: kinds } }, $set: { updatedAt: new Date() } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Puts an accepted agreement in force, unless the alliance was dissolved meanwhile. */
  async replaceAgreement(id: string, agreement: AllianceDocument["agreement"]): Promise<void> {
    await this.collection.updateOne({ _id: id, endedOn: null }, { $set: { agreement, updatedAt: new Date() } });
  }
}

export interface AllianceMemberDocument extends StoredDocument, ConsentFields {
  allianceId: string;
  networkId: string;
  joinedOn: string;
  leftOn?: string | null;
  /** Member networks that accepted the join (every member must). */
  approvals: string[];
  /** `allianceId:networkId` while pending or accepted (unique: one open join per network and alliance). */
  openKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

export function allianceMemberKey(allianceId: string, networkId: string): string {
  return `${allianceId}:${networkId}`;
}

/** Adds member networks' acceptance to a pending join or proposal, and the step to its history. */
async function approve<TDoc extends StoredDocument & ConsentFields>(repository: Repository<TDoc>, id: string, networkIds: string[], step: ConsentStepDocument) {
  const doc = await repository.collection.findOneAndUpdate(
    { _id: id, status: ConsentStatus.PENDING } as Filter<TDoc>,
    { $addToSet: { approvals: { $each: networkIds } }, $push: { history: step }, $set: { updatedAt: step.at } } as Document,
    { returnDocument: "after" },
  );
  return doc ? toEntity(doc as TDoc) : null;
}

export class AllianceMemberRepository extends Repository<AllianceMemberDocument> {
  readonly collectionName = "alliance_members";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_alliance_membership" },
    { key: { allianceId: 1, status: 1, createdAt: -1 } },
    { key: { networkId: 1, status: 1 } },
  ];

  async findAcceptedByNetworkIds(networkIds: readonly string[]) {
    const filter = { networkId: { $in: [...networkIds] }, status: ConsentStatus.ACCEPTED };
    return (await this.collection.find(filter, READ_ALL).toArray()).map(toEntity);
  }

  async findAcceptedByAllianceIds(allianceIds: readonly string[]) {
    const filter = { allianceId: { $in: [...allianceIds] }, status: ConsentStatus.ACCEPTED };
    return (await this.collection.find(filter, READ_ALL).toArray()).map(toEntity);
  }

  async findByAllianceIds(allianceIds: readonly string[]) {
    const docs = await this.collection.find({ allianceId: { $in: [...allianceIds] } }, READ_ALL).sort({ joinedOn: 1 }).toArray();
    return docs.map(toEntity);
  }

  async findPendingByAllianceId(allianceId: string) {
    return (await this.collection.find({ allianceId, status: ConsentStatus.PENDING }, READ_ALL).toArray()).map(toEntity);
  }

  async findOpen(allianceId: string, networkId: string) {
    const doc = await this.collection.findOne({ openKey: allianceMemberKey(allianceId, networkId) });
    return doc ? toEntity(doc) : null;
  }

  /** An alliance's joins in any status, newest first, within `readable`. */
  list(allianceId: string, readable: Filter<AllianceMemberDocument>, args: ConsentListArgs) {
    const filter: Filter<AllianceMemberDocument> = { allianceId };
    if (args.status) filter.status = args.status;
    return this.page({ $and: [filter, readable] }, [["createdAt", -1]], args);
  }

  /** One page per alliance of its joins within `readable`, earliest joined first. */
  pagesForAlliances(readable: Filter<AllianceMemberDocument>, allianceIds: readonly string[], args: ConsentListArgs) {
    const filter: Filter<AllianceMemberDocument> = args.status ? { status: args.status } : {};
    return pagesByGroup(this.collection, "allianceId", allianceIds, { $and: [filter, readable] }, [["joinedOn", 1]], args);
  }

  /** Accepted joins, linking networks to the alliances they belong to. */
  acceptedLink(): Link {
    return { collection: this.collection, parentField: "networkId", targetField: "allianceId", filter: { status: ConsentStatus.ACCEPTED } };
  }

  approve(id: string, networkIds: string[], step: ConsentStepDocument) {
    return approve(this, id, networkIds, step);
  }

  move(id: string, to: ConsentStatus, step: ConsentStepDocument, options?: { set?: Document; guard?: Document }) {
    return moveConsent(this.collection, id, to, step, options);
  }

  /** Closes an alliance's pending joins (when it is dissolved). */
  async declinePending(allianceId: string, step: ConsentStepDocument): Promise<void> {
    await this.collection.updateMany(
      { allianceId, status: ConsentStatus.PENDING },
      { $set: { status: ConsentStatus.DECLINED, updatedAt: step.at }, $push: { history: step }, $unset: { openKey: "" } } as Document,
    );
  }

  /** Memberships stored before consent existed count as accepted (left ones as ended); idempotent. */
  async migrateToConsent(): Promise<void> {
    const legacy = { status: { $exists: false } } as Filter<AllianceMemberDocument>;
    // they had no timestamps: lists page by createdAt, which every document must have
    const migratedAt = new Date();
    const fields = { approvals: [], history: [], createdAt: migratedAt, updatedAt: migratedAt };
    await this.collection.updateMany({ ...legacy, leftOn: null }, { $set: { ...fields, status: ConsentStatus.ACCEPTED } });
    await this.collection.updateMany(legacy, { $set: { ...fields, status: ConsentStatus.ENDED }, $unset: { openKey: "" } });
  }
}

export interface AgreementProposalDocument extends StoredDocument, ConsentFields {
  allianceId: string;
  agreement: AllianceDocument["agreement"];
  proposedBy: string[];
  approvals: string[];
  /** The alliance's id while pending: one open proposal per alliance. */
  openKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

export class AgreementProposalRepository extends Repository<AgreementProposalDocument> {
  readonly collectionName = "agreement_proposals";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_agreement_proposal_per_alliance" },
    { key: { allianceId: 1, status: 1, createdAt: -1 } },
  ];

  async findPendingByAllianceId(allianceId: string) {
    return (await this.collection.find({ allianceId, status: ConsentStatus.PENDING }, READ_ALL).toArray()).map(toEntity);
  }

  list(allianceId: string, readable: Filter<AgreementProposalDocument>, args: ConsentListArgs) {
    const filter: Filter<AgreementProposalDocument> = { allianceId };
    if (args.status) filter.status = args.status;
    return this.page({ $and: [filter, readable] }, [["createdAt", -1]], args);
  }

  approve(id: string, networkIds: string[], step: ConsentStepDocument) {
    return approve(this, id, networkIds, step);
  }

  move(id: string, to: ConsentStatus, step: ConsentStepDocument, options?: { set?: Document; guard?: Document }) {
    return moveConsent(this.collection, id, to, step, options);
  }

  /** A member that narrows the agreement takes back its acceptance of pending proposals (they may widen it again). */
  async retractApprovals(allianceId: string, networkIds: string[]): Promise<void> {
    await this.collection.updateMany({ allianceId, status: ConsentStatus.PENDING }, { $pull: { approvals: { $in: networkIds } } } as Document);
  }

  async declinePending(allianceId: string, step: ConsentStepDocument): Promise<void> {
    await this.collection.updateMany(
      { allianceId, status: ConsentStatus.PENDING },
      { $set: { status: ConsentStatus.DECLINED, updatedAt: step.at }, $push: { history: step }, $unset: { openKey: "" } } as Document,
    );
  }
}
