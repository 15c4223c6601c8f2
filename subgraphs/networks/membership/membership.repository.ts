import type { Filter, IndexDescription } from "mongodb";
import { pagesByGroup, READ_ALL, Repository, toEntity, type Link, type PageArgs, type StoredDocument } from "../../kit";
import { ConsentStatus, moveConsent, type ConsentFields, type ConsentStepDocument } from "../consent/consent";
import { MembershipSide, type MembershipRole } from "../enums";
import type { MembershipsArgs } from "./membership.inputs";

export interface MembershipDocument extends StoredDocument, ConsentFields {
  schoolId: string;
  networkId: string;
  /** Copied from the school so a network's schools page in name order; kept in step on rename. */
  schoolName: string;
  role: MembershipRole;
  startDate: string;
  endDate?: string | null;
  initiatedBy: MembershipSide;
  /** `schoolId:networkId` while pending or accepted; its unique index allows one open membership per pair, also under races. */
  openKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

function filterOf(args: MembershipsArgs & PageArgs): Filter<MembershipDocument> {
  const filter: Filter<MembershipDocument> = {};
  if (args.schoolId) filter.schoolId = args.schoolId;
  if (args.networkId) filter.networkId = args.networkId;
  if (args.status) filter.status = args.status;
  if (args.role) filter.role = args.role;
  return filter;
}

export function openKey(schoolId: string, networkId: string): string {
  return `${schoolId}:${networkId}`;
}

export class MembershipRepository extends Repository<MembershipDocument> {
  readonly collectionName = "memberships";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_membership_per_school_and_network" },
    { key: { networkId: 1, status: 1, schoolName: 1 } },
    { key: { schoolId: 1, status: 1 } },
    { key: { createdAt: -1 } },
  ];

  async findForPair(schoolId: string, networkId: string) {
    return (await this.collection.find({ schoolId, networkId }).toArray()).map(toEntity);
  }

  /** Every membership of these schools, in any status, oldest first. */
  async findBySchoolIds(schoolIds: readonly string[]) {
    const docs = await this.collection.find({ schoolId: { $in: [...schoolIds] } }, READ_ALL).sort({ startDate: 1 }).toArray();
    return docs.map(toEntity);
  }

  async findAcceptedBySchoolIds(schoolIds: readonly string[]) {
    const filter = { schoolId: { $in: [...schoolIds] }, status: ConsentStatus.ACCEPTED };
    return (await this.collection.find(filter, READ_ALL).toArray()).map(toEntity);
  }

  async findAcceptedByNetworkIds(networkIds: readonly string[]) {
    const filter = { networkId: { $in: [...networkIds] }, status: ConsentStatus.ACCEPTED };
    return (await this.collection.find(filter, { projection: { schoolId: 1, networkId: 1 }, ...READ_ALL }).toArray()).map(toEntity);
  }

  /** Schools among `schoolIds` that are an accepted member of a network now. */
  async schoolIdsInANetwork(schoolIds: readonly string[]): Promise<Set<string>> {
    const filter = { schoolId: { $in: [...schoolIds] }, status: ConsentStatus.ACCEPTED };
    return new Set(await this.collection.distinct("schoolId", filter));
  }

  /** Memberships in any status, newest first, within `readable`. */
  list(readable: Filter<MembershipDocument>, args: MembershipsArgs) {
    return this.page({ $and: [filterOf(args), readable] }, [["createdAt", -1]], args);
  }

  /** One page per school of its memberships within `readable`, earliest start first. */
  pagesForSchools(readable: Filter<MembershipDocument>, schoolIds: readonly string[], args: MembershipsArgs) {
    return pagesByGroup(this.collection, "schoolId", schoolIds, { $and: [filterOf(args), readable] }, [["startDate", 1]], args);
  }

  /** One page per network of its memberships within `readable`, by school name. */
  pagesForNetworks(readable: Filter<MembershipDocument>, networkIds: readonly string[], args: MembershipsArgs) {
    return pagesByGroup(this.collection, "networkId", networkIds, { $and: [filterOf(args), readable] }, [["schoolName", 1]], args);
  }

  /** Accepted memberships joining networks to their schools (`from: "networkId"`) or schools to their networks. */
  acceptedLink(from: "networkId" | "schoolId"): Link {
    const targetField = from === "networkId" ? "schoolId" : "networkId";
    return { collection: this.collection, parentField: from, targetField, filter: { status: ConsentStatus.ACCEPTED } };
  }

  /** Inserts in order; on an error the ones before it stay (see `undoInserts`). */
  async insertMany(docs: MembershipDocument[]): Promise<void> {
    if (docs.length > 0) await this.collection.insertMany(docs);
  }

  /** Removes memberships this request just inserted, when the write they belong to failed: nobody acted on them yet. */
  async undoInserts(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.collection.deleteMany({ _id: { $in: [...ids] } });
  }

  move(id: string, to: ConsentStatus, step: ConsentStepDocument, set?: Partial<MembershipDocument>) {
    return moveConsent(this.collection, id, to, step, { set });
  }

  async renameSchool(schoolId: string, schoolName: string): Promise<void> {
    await this.collection.updateMany({ schoolId }, { $set: { schoolName } });
  }

  /**
   * Memberships stored before consent existed were made by a network's managers and count as accepted (ended ones as
   * ended). Idempotent; until it has run, such a membership has no status and grants nothing.
   */
  async migrateToConsent(): Promise<void> {
    const legacy = { status: { $exists: false } } as Filter<MembershipDocument>;
    const fields = { initiatedBy: MembershipSide.NETWORK, history: [] };
    await this.collection.updateMany({ ...legacy, endDate: null }, { $set: { ...fields, status: ConsentStatus.ACCEPTED } });
    await this.collection.updateMany(legacy, { $set: { ...fields, status: ConsentStatus.ENDED }, $unset: { openKey: "" } });
  }
}
