import type { Document, Filter } from "mongodb";
import { canRead, canWrite, ForbiddenError, NotFoundError, readableFilter, type Access, type RecordOwner, type SharedKind, type Visibility } from "../kit";

/*
 * Who may see and change what in the resources subgraph, in one place.
 *
 * Reads: a resource is seen under its owner (a network, or a school within it) and its visibility, by the
 * kit's rules (`readableFilter`, README "Security model"); alliances see ALLIANCE resources when their
 * agreement shares RESOURCES. Co-developing schools and the networks a resource is shared through are
 * descriptive only: they widen nothing. Adoptions and share requests carry a copy of their resource's owner
 * and visibility (kept in step by `ResourceService`) and are seen exactly when the resource is. Funding
 * awards are owned by their network and have a visibility of their own (NETWORK unless chosen otherwise).
 * Every query applies the filter inside the database, so counts, totals and pages only cover what the
 * caller may see.
 *
 * Writes: publishing, updating and archiving a resource need a role on its owner (`canWrite`: staff of the
 * owning school for a school's resource, managers of the owning network for the network's own); the network a resource is published through must be one
 * of the caller's networks. A school's adoptions and share requests are made by its staff; a share request
 * is decided by those who may write the resource; funding awards are recorded by the network's managers.
 * A record the caller may neither see nor write is NOT_FOUND, as if it did not exist.
 */

/** The kind of data an alliance agreement must share for allied networks to see ALLIANCE resources and awards. */
export const RESOURCE_DATA: SharedKind = "RESOURCES";

/** A kit `RecordOwner` as stored here: the owning network, and the owning school within it or null. */
export interface StoredOwner extends RecordOwner {
  schoolId: string | null;
}

/** What the kit's access control reads on every record of this subgraph. */
export interface Sharing {
  owner: StoredOwner;
  visibility: Visibility;
}

/** The MongoDB filter of the records (resources, adoptions, share requests, funding awards) `access` may read. */
export function readableBy<T extends Document>(access: Access): Filter<T> {
  return readableFilter(access, RESOURCE_DATA) as Filter<T>;
}

/** `filter`, narrowed to what `access` may read. */
export function readable<T extends Document>(access: Access, filter: Filter<T>): Filter<T> {
  return { $and: [filter, readableBy<T>(access)] } as Filter<T>;
}

export function mayRead(access: Access, record: Sharing): boolean {
  return canRead(access, RESOURCE_DATA, record);
}

/** Anonymous callers and read-only API keys change nothing. */
export function assertCanWrite(access: Access): void {
  if (!access.canWrite) throw new ForbiddenError(access.principal.kind === "ANONYMOUS" ? "Sign in to make changes" : "This credential is read-only");
}

/**
 * Publishing for `owner`: staff of the owning school, or managers of the owning network for its own records (`canWrite`), through
 * a network that is one of the caller's. The subgraph cannot check which networks a school belongs to: the
 * caller's own networks, as the gateway worked them out, stand in for that.
 */
export function assertMayPublish(access: Access, owner: RecordOwner): void {
  assertCanWrite(access);
  if (!canWrite(access, owner)) {
    throw new ForbiddenError(owner.schoolId ? "Only the school's staff and its network's coordinators may publish for it" : "Only the network's coordinators and admins may publish for it");
  }
  if (!access.memberNetworkIds.includes(owner.networkId) && !access.managedNetworkIds.includes(owner.networkId)) {
    throw new ForbiddenError("A resource is published through one of your networks");
  }
}

/**
 * Changing an existing record (`typeName` `id`) of `owner`: a role on the owner. A caller who may not even
 * see the record gets NOT_FOUND, so ids of hidden records cannot be probed.
 */
export function assertMayChange(access: Access, record: Sharing & { id: string }, typeName: string): void {
  assertCanWrite(access);
  if (canWrite(access, record.owner)) return;
  if (!mayRead(access, record)) throw new NotFoundError(typeName, record.id);
  throw new ForbiddenError(`Only the owner's staff or coordinators may change this ${typeName}`);
}

/** Acting for a school (adopting a resource, asking for one): its staff. */
export function assertStaffOf(access: Access, schoolId: string, what: string): void {
  assertCanWrite(access);
  if (!access.schoolIds.includes(schoolId)) throw new ForbiddenError(`Only the school's staff may ${what} for it`);
}

/** Recording or changing a network's funding awards: its coordinators and admins. */
export function assertManagesNetwork(access: Access, networkId: string): void {
  assertCanWrite(access);
  if (!access.managedNetworkIds.includes(networkId)) throw new ForbiddenError("Only the network's coordinators and admins may do this");
}
