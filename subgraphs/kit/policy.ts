import type { Document, Filter } from "mongodb";
import { canRead, canWrite, readableFilter, type Access, type SharedKind } from "./access";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";
import { Visibility } from "./visibility";

/*
 * Record-level access, declared once per record type. A policy states the kind of data (what an alliance
 * agreement must share), who reads beyond the owner and the visibility, and who writes; from that one
 * declaration come the database filter (inside every query, so counts and pages are right), the same check
 * for a record in memory, and the write checks. Secured repositories (`secured-repository.ts`) read only
 * through it.
 *
 * Child records (adoptions, registrations, endorsements, activities, …) follow their parent: they carry a
 * copy of the fields the parent's policy reads (`inheritedFrom`), written when the child is created and kept
 * in step when the parent changes (`SecuredRepository.inherit`). One strategy everywhere, chosen because the
 * child's filter is then the parent's filter on the child's own collection: one indexed query, no join per
 * read, counts and keyset pages exact, and no way to forget the parent on a new read path.
 */

/** Where a record sits: its network, and the school within it when a school owns it. */
export interface PolicyOwner {
  networkId: string | null;
  schoolId?: string | null;
}

/** What every record under a policy stores. */
export interface SharedRecord {
  owner: PolicyOwner;
  visibility: Visibility;
}

export interface ReadRule {
  /** The kind of data an alliance agreement must share for allied networks to read ALLIANCE records. */
  kind: SharedKind;
  /**
   * Fields naming schools that take part in the record (a mentorship's partner, a peer review's team):
   * their staff read it whatever its visibility, it is theirs too.
   */
  participantSchools?: readonly string[];
  /**
   * A field listing networks the owner offers the record to (an event's `networkIds`): their members read
   * NETWORK and ALLIANCE records as the owning network's members do.
   */
  sharedWithNetworks?: string;
  /**
   * A field holding a second owner (a `PolicyOwner`: for an adaptation, the original's owner) that reads the
   * record as its own owner does, whatever its visibility: the school's staff, or the network's managers for a
   * network's own. Read only: writing stays with the record's owner.
   */
  readByOwnerOf?: string;
}

export interface PolicyDefinition<TRecord extends SharedRecord> {
  /** The GraphQL type name, for NOT_FOUND errors. */
  typeName: string;
  read: ReadRule;
  /** Who changes a record: by default a role on its owner (the kit's `canWrite`). */
  write?: (access: Access, record: TRecord) => boolean;
  /** What FORBIDDEN says when `write` refuses. */
  writers?: string;
}

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Anonymous callers change nothing: UNAUTHENTICATED, so a client knows that signing in is the remedy. */
export function assertSignedIn(access: Access): void {
  if (access.principal.kind === "ANONYMOUS") throw new UnauthenticatedError("Sign in to make changes");
}

/** Anonymous callers must sign in (UNAUTHENTICATED); read-only API keys change nothing (FORBIDDEN). */
export function assertCanWrite(access: Access): void {
  assertSignedIn(access);
  if (!access.canWrite) throw new ForbiddenError("This credential is read-only");
}

/**
 * Who acts for a school: its staff, and the managers of a network the school accepted membership in
 * (`access.schoolMemberships`: a membership that is pending, declined or ended gives nothing). Naming a
 * network of one's own is never enough: the school must have accepted it.
 */
export function actsForSchool(access: Access, schoolId: string): boolean {
  return access.canWrite && isSchoolKeeper(access, schoolId);
}

/** The same people, for reading what only a school's keepers read (its educators' contact details). */
export function isSchoolKeeper(access: Access, schoolId: string): boolean {
  if (access.schoolIds.includes(schoolId)) return true;
  return access.schoolMemberships.some((membership) => membership.schoolId === schoolId && access.managedNetworkIds.includes(membership.networkId));
}

/** Whether the school accepted a membership in the network (as far as the caller's access tells). */
export function isAcceptedMember(access: Access, schoolId: string, networkId: string): boolean {
  return access.schoolMemberships.some((membership) => membership.schoolId === schoolId && membership.networkId === networkId);
}

/** Whether `access` reads as `owner` itself (a `PolicyOwner`, or nothing): its school's staff, or its network's managers. */
export function readsAsOwner(access: Access, owner: unknown): boolean {
  if (!owner || typeof owner !== "object") return false;
  const { networkId, schoolId } = owner as PolicyOwner;
  if (schoolId) return access.schoolIds.includes(schoolId);
  return Boolean(networkId) && access.managedNetworkIds.includes(networkId!);
}

export class RecordPolicy<TRecord extends SharedRecord = SharedRecord> {
  readonly typeName: string;
  readonly rule: ReadRule;

  constructor(private readonly definition: PolicyDefinition<TRecord>) {
    this.typeName = definition.typeName;
    this.rule = definition.read;
  }

  /** The MongoDB condition of the records `access` may read (fields under `prefix`). */
  filter(access: Access, prefix = ""): Filter<Document> {
    const field = (name: string) => `${prefix}${name}`;
    const base = readableFilter(access, this.rule.kind, prefix);
    const clauses: Filter<Document>[] = Array.isArray(base.$or) ? [...(base.$or as Filter<Document>[])] : [base];
    if (access.schoolIds.length > 0) {
      for (const name of this.rule.participantSchools ?? []) clauses.push({ [field(name)]: { $in: access.schoolIds } });
    }
    if (this.rule.sharedWithNetworks && access.memberNetworkIds.length > 0) {
      clauses.push({
        [field("visibility")]: { $in: [Visibility.NETWORK, Visibility.ALLIANCE] },
        [field(this.rule.sharedWithNetworks)]: { $in: access.memberNetworkIds },
      });
    }
    if (this.rule.readByOwnerOf) {
      const second = (name: string) => field(`${this.rule.readByOwnerOf}.${name}`);
      if (access.schoolIds.length > 0) clauses.push({ [second("schoolId")]: { $in: access.schoolIds } });
      if (access.managedNetworkIds.length > 0) clauses.push({ [second("schoolId")]: null, [second("networkId")]: { $in: access.managedNetworkIds } });
    }
    return clauses.length === 1 ? clauses[0] : { $or: clauses };
  }

  /** `filter`, narrowed to what `access` may read. */
  where<TDoc extends Document>(access: Access, filter: Filter<TDoc>): Filter<TDoc> {
    return { $and: [filter, this.filter(access)] } as Filter<TDoc>;
  }

  /** The same rule as `filter`, for one record in memory. */
  canRead(access: Access, record: TRecord): boolean {
    const { owner, visibility } = record;
    if (canRead(access, this.rule.kind, { owner: { networkId: owner.networkId ?? "", schoolId: owner.schoolId }, visibility })) return true;
    const fields = record as unknown as Record<string, unknown>;
    if ((this.rule.participantSchools ?? []).some((name) => idsIn(fields[name]).some((id) => access.schoolIds.includes(id)))) return true;
    if (this.rule.readByOwnerOf && readsAsOwner(access, fields[this.rule.readByOwnerOf])) return true;
    if (!this.rule.sharedWithNetworks || (visibility !== Visibility.NETWORK && visibility !== Visibility.ALLIANCE)) return false;
    return idsIn(fields[this.rule.sharedWithNetworks]).some((id) => access.memberNetworkIds.includes(id));
  }

  /** Whether `access` may change the record (or create it with these fields). */
  canWrite(access: Access, record: TRecord): boolean {
    if (!access.canWrite) return false;
    if (this.definition.write) return this.definition.write(access, record);
    return canWrite(access, { networkId: record.owner.networkId ?? "", schoolId: record.owner.schoolId });
  }

  /** Creating a record with these fields: FORBIDDEN without a role on its owner. */
  assertMayCreate(access: Access, record: TRecord): void {
    assertCanWrite(access);
    if (!this.canWrite(access, record)) throw this.forbidden();
  }

  /**
   * Changing an existing record: NOT_FOUND when the caller may not read it (ids of hidden records cannot be
   * probed, and a child's writer who no longer sees its parent cannot change it), FORBIDDEN when they read it
   * but may not write it.
   */
  assertMayChange(access: Access, record: TRecord & { id: string }): void {
    assertCanWrite(access);
    if (!this.canRead(access, record)) throw new NotFoundError(this.typeName, record.id);
    if (!this.canWrite(access, record)) throw this.forbidden();
  }

  /** The fields a child record copies from this (its parent) record, so that the child's policy reads it alike. */
  inheritedFrom(parent: TRecord): SharedRecord & Record<string, unknown> {
    const fields = parent as unknown as Record<string, unknown>;
    const copy: Record<string, unknown> = { owner: { networkId: parent.owner.networkId, schoolId: parent.owner.schoolId ?? null }, visibility: parent.visibility };
    const copied = [...(this.rule.participantSchools ?? []), this.rule.sharedWithNetworks, this.rule.readByOwnerOf].filter((name): name is string => Boolean(name));
    for (const name of copied) {
      copy[name] = fields[name] ?? null;
    }
    return copy as SharedRecord & Record<string, unknown>;
  }

  /** The policy of a child record type: read exactly as this parent (from its inherited copy), written as `definition` says. */
  child<TChild extends SharedRecord>(definition: Omit<PolicyDefinition<TChild>, "read">): RecordPolicy<TChild> {
    return new RecordPolicy<TChild>({ ...definition, read: this.rule });
  }

  private forbidden(): ForbiddenError {
    return new ForbiddenError(this.definition.writers ? `Only ${this.definition.writers} may do this` : undefined);
  }
}
