import type { Filter, IndexDescription } from "mongodb";
import { type PageArgs, Repository, SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { MentorshipRole, MentorshipStatus, type MentorshipActivityDirection, type MentorshipActivityKind, type MentorshipEndReason } from "../enums";
import { focusKey } from "../shared/focus";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { MentorshipsArgs, NetworkMentorshipsArgs, SchoolMentorshipsArgs } from "./mentorship.inputs";

export interface MentorshipDocument extends StoredDocument {
  mentorSchoolId: string;
  partnerSchoolId: string;
  networkId?: string | null;
  focusAreas: string[];
  focusAreaKeys: string[];
  goals?: string | null;
  startDate: string;
  endDate?: string | null;
  status: MentorshipStatus;
  endReason?: MentorshipEndReason | null;
  endNote?: string | null;
  /** `mentorSchoolId:partnerSchoolId` while active: one active mentorship per pair, also under races. */
  activeKey?: string;
  owner: OwnerRef;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export function mentorshipKey(mentorSchoolId: string, partnerSchoolId: string): string {
  return `${mentorSchoolId}:${partnerSchoolId}`;
}

const RECENT_FIRST: SortKeys = [["startDate", -1]];

function mentorshipFilter(args: Partial<MentorshipsArgs>): Filter<MentorshipDocument> {
  const filter: Filter<MentorshipDocument> = {};
  if (args.mentorSchoolId) filter.mentorSchoolId = args.mentorSchoolId;
  if (args.partnerSchoolId) filter.partnerSchoolId = args.partnerSchoolId;
  if (args.networkId) filter.networkId = args.networkId;
  if (args.status) filter.status = args.status;
  if (args.focusArea) filter.focusAreaKeys = focusKey(args.focusArea);
  return filter;
}

export class MentorshipRepository extends SecuredRepository<MentorshipDocument> {
  readonly policy = Policies.mentorship;
  readonly collectionName = "mentorships";
  readonly indexes: IndexDescription[] = [
    { key: { activeKey: 1 }, unique: true, sparse: true, name: "one_active_mentorship_per_pair" },
    { key: { mentorSchoolId: 1, startDate: -1 } },
    { key: { partnerSchoolId: 1, startDate: -1 } },
    { key: { networkId: 1, startDate: -1 } },
    { key: { startDate: -1 } },
  ];

  list(access: Access, args: MentorshipsArgs) {
    return this.pageReadable(access, mentorshipFilter(args), RECENT_FIRST, args);
  }

  /** One page per school of the mentorships it is in (on the side `role` names, or either), that `access` may read. */
  pagesForSchools(access: Access, schoolIds: readonly string[], args: SchoolMentorshipsArgs) {
    const ids = [...schoolIds];
    if (args.role) {
      const side = args.role === MentorshipRole.MENTOR ? "mentorSchoolId" : "partnerSchoolId";
      return this.pagesByGroupReadable(access, side, ids, mentorshipFilter(args), RECENT_FIRST, args);
    }
    const filter = { $and: [{ $or: [{ mentorSchoolId: { $in: ids } }, { partnerSchoolId: { $in: ids } }] }, mentorshipFilter(args)] } as Filter<MentorshipDocument>;
    return this.pagesByGroupReadable(access, { expression: { $concatArrays: [["$mentorSchoolId"], ["$partnerSchoolId"]] } }, ids, filter, RECENT_FIRST, args);
  }

  pagesForNetworks(access: Access, networkIds: readonly string[], args: NetworkMentorshipsArgs) {
    return this.pagesByGroupReadable(access, "networkId", networkIds, mentorshipFilter(args), RECENT_FIRST, args);
  }

  /** How many active mentorships each of these mentor schools has that `access` may read (public counts reveal no private mentorship). */
  async countActiveReadable(access: Access, mentorSchoolIds: readonly string[]): Promise<Array<{ schoolId: string; count: number }>> {
    const counts = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: this.readable(access, { mentorSchoolId: { $in: [...mentorSchoolIds] }, status: MentorshipStatus.ACTIVE }) },
        { $group: { _id: "$mentorSchoolId", count: { $sum: 1 } } },
      ])
      .toArray();
    return counts.map((count) => ({ schoolId: count._id, count: count.count }));
  }

  /** The active mentorship of a pair, whoever reads it: the uniqueness check before starting one (a write). */
  async findActive(mentorSchoolId: string, partnerSchoolId: string) {
    const doc = await this.collection.findOne({ activeKey: mentorshipKey(mentorSchoolId, partnerSchoolId) });
    return doc ? toEntity(doc) : null;
  }

  /** Ends an active mentorship; null when it is not active (ended by another request). */
  async end(id: string, ending: { endDate: string; endReason: MentorshipEndReason; endNote: string | null }) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: MentorshipStatus.ACTIVE },
      { $set: { status: MentorshipStatus.ENDED, ...ending, updatedAt: new Date() }, $unset: { activeKey: "" } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}

export interface MentorshipActivityDocument extends StoredDocument {
  mentorshipId: string;
  kind: MentorshipActivityKind;
  direction: MentorshipActivityDirection;
  date: string;
  summary: string;
  participantCount?: number | null;
  /** A copy of what the mentorship's policy reads (owner, visibility, partnerSchoolId); both schools never change. */
  owner: OwnerRef;
  visibility: Visibility;
  partnerSchoolId: string;
  createdAt: Date;
  updatedAt: Date;
}

const NEWEST_FIRST: SortKeys = [["date", -1], ["createdAt", -1]];

export class MentorshipActivityRepository extends SecuredRepository<MentorshipActivityDocument> {
  readonly policy = Policies.mentorshipActivity;
  readonly collectionName = "mentorship_activities";
  readonly indexes: IndexDescription[] = [{ key: { mentorshipId: 1, date: -1 } }];


  /** One page per mentorship of its activities that `access` may read (they follow their mentorship), newest first. */
  pagesForMentorships(access: Access, mentorshipIds: readonly string[], args: PageArgs) {
    return this.pagesByGroupReadable(access, "mentorshipId", mentorshipIds, {}, NEWEST_FIRST, args);
  }
}

export interface MentorCapacityDocument extends StoredDocument {
  schoolId: string;
  /** The network whose managers may also set the capacity (the mentor school's network, as first stated). */
  networkId?: string | null;
  capacity: number;
  /** Counters changed only by guarded atomic updates: `openSlots = capacity - activeCount`, never below 0. */
  activeCount: number;
  openSlots: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A mentor school's stated capacity is its published availability (numbers only, no partner named): not a
 * record under a policy. What its numbers reveal is narrowed where they are shown (`toMentorCapacity`).
 */
export class MentorCapacityRepository extends Repository<MentorCapacityDocument> {
  readonly collectionName = "mentor_capacities";
  readonly indexes: IndexDescription[] = [{ key: { schoolId: 1 }, unique: true, name: "one_capacity_per_school" }];

  async findBySchoolId(schoolId: string) {
    const doc = await this.collection.findOne({ schoolId });
    return doc ? toEntity(doc) : null;
  }

  async findBySchoolIds(schoolIds: readonly string[]) {
    return (await this.collection.find({ schoolId: { $in: [...schoolIds] } }).toArray()).map(toEntity);
  }

  /**
   * Sets the capacity if it is still `previous` and the active partners fit under the new one. Null
   * when either condition fails (the caller re-reads to tell which).
   */
  async changeCapacity(schoolId: string, previous: number, capacity: number, networkId?: string | null) {
    const doc = await this.collection.findOneAndUpdate(
      { schoolId, capacity: previous, activeCount: { $lte: capacity } },
      { $set: { capacity, ...(networkId ? { networkId } : {}), updatedAt: new Date() }, $inc: { openSlots: capacity - previous } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Takes one place for a new partner, only while one is open: false at capacity. */
  async takeSlot(schoolId: string): Promise<boolean> {
    const doc = await this.collection.findOneAndUpdate(
      { schoolId, openSlots: { $gte: 1 } },
      { $inc: { openSlots: -1, activeCount: 1 }, $set: { updatedAt: new Date() } },
    );
    return doc !== null;
  }

  async releaseSlot(schoolId: string): Promise<void> {
    await this.collection.updateOne({ schoolId }, { $inc: { openSlots: 1, activeCount: -1 }, $set: { updatedAt: new Date() } });
  }
}
