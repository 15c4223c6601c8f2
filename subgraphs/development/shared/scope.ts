import type { Collection, Document, Filter } from "mongodb";
import { canRead, readableFilter, toEntity, Visibility, type Access, type Entity, type SharedKind, type StoredDocument } from "../../kit";
import type { OwnerRef } from "./owner";

/**
 * The one place where reads are narrowed to what the caller may see. Every repository read that
 * returns records with visibility (or their children) goes through `readable`, `findReadable` or
 * `readableParentStages`, so root lists, lookups, nested lists, counts and `_entities` agree.
 *
 * The rule is the kit's (`readableFilter`: public; the owning school's staff; the owning network's
 * managers for records a school does not own; members of the owning network for NETWORK and ALLIANCE;
 * allied networks for ALLIANCE when their agreement shares `kind`), plus what each type adds:
 *
 * - `participantSchools`: fields naming the schools that take part in the record (a mentorship's
 *   partner school, a peer review's visiting team and the readers the host named, the schools testing
 *   an improvement cycle). Their staff read the record whatever its visibility: it is theirs too.
 * - `sharedWithNetworks`: a field listing the networks the owner offers or shares the record with (an
 *   event's `networkIds`, a need's `networkIds`). Their members read NETWORK and ALLIANCE records as the
 *   owning network's members do: that is what offering an event to a network, or sharing a need with
 *   it, means. Allied networks still go by the owning network only.
 */
export interface ReadRule {
  /** The kind of data an alliance agreement must share for allied networks to read ALLIANCE records. */
  kind: SharedKind;
  participantSchools?: readonly string[];
  sharedWithNetworks?: string;
}

export const ReadRules = {
  event: { kind: "EVENTS", sharedWithNetworks: "networkIds" },
  need: { kind: "NEEDS", sharedWithNetworks: "networkIds" },
  peerReview: { kind: "PEER_REVIEWS", participantSchools: ["teamSchoolIds", "findingsReaderSchoolIds"] },
  mentorship: { kind: "MENTORSHIPS", participantSchools: ["partnerSchoolId"] },
  /**
   * A learning community follows the visibility its convenor gives it within its owning network. Of the
   * kinds an alliance agreement names, EVENTS fits it best: a job-alike group is a standing professional
   * learning offer educators join, like the workshops and institutes on a network's event calendar; an
   * agreement that shares events lets allied networks see both.
   */
  learningCommunity: { kind: "EVENTS" },
  improvementCycle: { kind: "IMPROVEMENT_CYCLES", participantSchools: ["schoolIds"] },
} as const satisfies Record<string, ReadRule>;

/** The MongoDB condition of what `access` may read under `rule`, for documents stored under `prefix`. */
export function readableWhere(access: Access, rule: ReadRule, prefix = ""): Filter<Document> {
  const field = (name: string) => `${prefix}${name}`;
  const base = readableFilter(access, rule.kind, prefix);
  const clauses: Filter<Document>[] = Array.isArray(base.$or) ? [...(base.$or as Filter<Document>[])] : [base];
  if (access.schoolIds.length > 0) {
    for (const name of rule.participantSchools ?? []) clauses.push({ [field(name)]: { $in: access.schoolIds } });
  }
  if (rule.sharedWithNetworks && access.memberNetworkIds.length > 0) {
    clauses.push({
      [field("visibility")]: { $in: [Visibility.NETWORK, Visibility.ALLIANCE] },
      [field(rule.sharedWithNetworks)]: { $in: access.memberNetworkIds },
    });
  }
  return clauses.length === 1 ? clauses[0] : { $or: clauses };
}

/** `filter`, narrowed to what `access` may read. */
export function readable<TDoc extends Document>(access: Access, rule: ReadRule, filter: Filter<TDoc>): Filter<TDoc> {
  const and = ((filter as Document).$and as Filter<Document>[] | undefined) ?? [];
  return { ...filter, $and: [...and, readableWhere(access, rule)] } as Filter<TDoc>;
}

/** The documents matching `filter` that `access` may read, in `sort` order. */
export async function findReadable<TDoc extends StoredDocument>(
  collection: Collection<TDoc>,
  access: Access,
  rule: ReadRule,
  filter: Filter<TDoc>,
  sort: Record<string, 1 | -1> = { _id: 1 },
): Promise<Array<Entity<TDoc>>> {
  const docs = await collection.find(readable(access, rule, filter)).sort(sort).toArray();
  return docs.map((doc) => toEntity(doc as TDoc));
}

/**
 * Aggregation stages that keep only the child documents whose parent (in `parentCollection`, by the
 * child's `parentField`) `access` may read: children (registrations, mentorship activities, community
 * memberships) follow the visibility of their parent, inside the query.
 */
export function readableParentStages(access: Access, rule: ReadRule, parentCollection: string, parentField: string): Document[] {
  return [
    {
      $lookup: {
        from: parentCollection,
        let: { parentId: `$${parentField}` },
        pipeline: [{ $match: { $expr: { $eq: ["$_id", "$$parentId"] } } }, { $match: readableWhere(access, rule) }, { $project: { _id: 1 } }],
        as: "_readableParent",
      },
    },
    { $match: { _readableParent: { $ne: [] } } },
    { $project: { _readableParent: 0 } },
  ];
}

/** The child documents matching `filter` whose parent `access` may read, in `sort` order. */
export async function findWithReadableParent<TDoc extends StoredDocument>(
  collection: Collection<TDoc>,
  access: Access,
  rule: ReadRule,
  parent: { collection: string; field: string },
  filter: Filter<TDoc>,
  sort: Record<string, 1 | -1> = { _id: 1 },
): Promise<Array<Entity<TDoc>>> {
  const docs = await collection
    .aggregate<TDoc>([{ $match: filter }, ...readableParentStages(access, rule, parent.collection, parent.field), { $sort: sort }])
    .toArray();
  return docs.map((doc) => toEntity(doc));
}

/** The record types' fields the rule reads, as stored. */
export interface ReadableRecord {
  owner: OwnerRef;
  visibility: Visibility;
}

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** The same rule as `readableWhere`, for one record already loaded (e.g. before a write). */
export function canReadRecord(access: Access, rule: ReadRule, record: ReadableRecord): boolean {
  const { owner, visibility } = record;
  if (canRead(access, rule.kind, { owner: { networkId: owner.networkId ?? "", schoolId: owner.schoolId }, visibility })) return true;
  const fields = record as unknown as Record<string, unknown>;
  if ((rule.participantSchools ?? []).some((name) => idsIn(fields[name]).some((id) => access.schoolIds.includes(id)))) return true;
  if (!rule.sharedWithNetworks || (visibility !== Visibility.NETWORK && visibility !== Visibility.ALLIANCE)) return false;
  return idsIn(fields[rule.sharedWithNetworks]).some((id) => access.memberNetworkIds.includes(id));
}
