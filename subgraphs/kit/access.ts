import type { Access, SharedKind } from "../../contracts/access";
import { Visibility } from "./visibility";

export * from "../../contracts/access";

/** Where a record sits for access control: always a network, and the school within it when a school owns it. */
export interface RecordOwner {
  networkId: string;
  schoolId?: string | null;
}

/**
 * The MongoDB filter that keeps exactly the records `access` may read, for records stored with
 * `owner: RecordOwner` and `visibility` (under `prefix`, e.g. "" or "resource."). Used inside every
 * query, so counts and pages are right and nothing is fetched to be thrown away.
 */
export function readableFilter(access: Access, kind: SharedKind, prefix = ""): Record<string, unknown> {
  const field = (name: string) => `${prefix}${name}`;
  const clauses: Record<string, unknown>[] = [{ [field("visibility")]: Visibility.PUBLIC }];
  if (access.schoolIds.length > 0) clauses.push({ [field("owner.schoolId")]: { $in: access.schoolIds } });
  if (access.managedNetworkIds.length > 0) {
    clauses.push({ [field("owner.schoolId")]: null, [field("owner.networkId")]: { $in: access.managedNetworkIds } });
  }
  if (access.memberNetworkIds.length > 0) {
    clauses.push({
      [field("visibility")]: { $in: [Visibility.NETWORK, Visibility.ALLIANCE] },
      [field("owner.networkId")]: { $in: access.memberNetworkIds },
    });
  }
  const allied = access.alliedNetworkIds[kind] ?? [];
  if (allied.length > 0) clauses.push({ [field("visibility")]: Visibility.ALLIANCE, [field("owner.networkId")]: { $in: allied } });
  return clauses.length === 1 ? clauses[0] : { $or: clauses };
}

/** The same rule for one record in memory (e.g. a document already loaded for a write). */
export function canRead(access: Access, kind: SharedKind, record: { owner: RecordOwner; visibility: Visibility }): boolean {
  const { owner, visibility } = record;
  if (visibility === Visibility.PUBLIC) return true;
  if (owner.schoolId && access.schoolIds.includes(owner.schoolId)) return true;
  if (!owner.schoolId && access.managedNetworkIds.includes(owner.networkId)) return true;
  if (visibility !== Visibility.PRIVATE && access.memberNetworkIds.includes(owner.networkId)) return true;
  return visibility === Visibility.ALLIANCE && (access.alliedNetworkIds[kind] ?? []).includes(owner.networkId);
}

/**
 * Writes need a role on the owner: staff of the owning school for a school's record, managers of the
 * owning network for a network's record. The same people read it when it is PRIVATE.
 */
export function canWrite(access: Access, owner: RecordOwner): boolean {
  if (!access.canWrite) return false;
  return owner.schoolId ? access.schoolIds.includes(owner.schoolId) : access.managedNetworkIds.includes(owner.networkId);
}
