import { canWrite, ForbiddenError, NotFoundError, type Access } from "../kit";
import { DevelopmentOwnerKind, PeerReviewFindingsAccess } from "./enums";
import type { OwnerRef } from "./shared/owner";
import { canReadRecord, type ReadableRecord, type ReadRule } from "./shared/scope";

/*
 * Who may change what in the development subgraph: every rule in one place, called by the services
 * before they change anything. Reads are narrowed in `shared/scope.ts`.
 */

/** Anonymous callers and read-only API keys write nothing. */
export function assertCanWrite(access: Access): void {
  if (!access.canWrite) {
    throw new ForbiddenError(access.principal.kind === "ANONYMOUS" ? "Sign in to make changes" : "This credential is read-only");
  }
}

/**
 * A role on the owner (the kit's `canWrite`): staff of the owning school for a school's record; managers
 * (coordinators, admins of the operating organization) of the owning network for a network's record; for
 * an organization's record, its admins, on a network they manage.
 */
export function mayWrite(access: Access, owner: OwnerRef): boolean {
  if (owner.kind === DevelopmentOwnerKind.ORGANIZATION && (!access.organizationAdmin || access.organizationId !== owner.id)) return false;
  return canWrite(access, { networkId: owner.networkId ?? "", schoolId: owner.schoolId });
}

const OWNER_ROLES: Record<DevelopmentOwnerKind, string> = {
  [DevelopmentOwnerKind.SCHOOL]: "the school's staff",
  [DevelopmentOwnerKind.NETWORK]: "the network's coordinators and admins",
  [DevelopmentOwnerKind.ORGANIZATION]: "the organization's admins",
};

/** Creating a record for `owner` (or moving a record to it). */
export function assertMayWriteFor(access: Access, owner: OwnerRef): void {
  assertCanWrite(access);
  if (!mayWrite(access, owner)) throw new ForbiddenError(`Only ${OWNER_ROLES[owner.kind]} may do this`);
}

/**
 * Changing a record that exists: the caller must see it (otherwise it does not exist for them:
 * NOT_FOUND, so ids of hidden records cannot be probed) and have a role on its owner (FORBIDDEN).
 */
export function assertMayChange(access: Access, rule: ReadRule, record: ReadableRecord & { id: string }, typeName: string): void {
  assertCanWrite(access);
  if (!canReadRecord(access, rule, record)) throw new NotFoundError(typeName, record.id);
  if (!mayWrite(access, record.owner)) throw new ForbiddenError(`Only ${OWNER_ROLES[record.owner.kind]} may change this ${typeName}`);
}

/** Whether the caller is on the staff of the school (and may write). */
export function isStaffOf(access: Access, schoolId: string | null | undefined): boolean {
  return access.canWrite && !!schoolId && access.schoolIds.includes(schoolId);
}

/** Registering a school's team: the school's staff, or a manager of the event's owning network. */
export function assertMayRegisterSchool(access: Access, schoolId: string, event: { owner: OwnerRef }): void {
  assertCanWrite(access);
  if (isStaffOf(access, schoolId)) return;
  if (event.owner.networkId && access.managedNetworkIds.includes(event.owner.networkId)) return;
  throw new ForbiddenError("Only the school's staff, or the coordinators of the event's network, may register its team");
}

/** An educator registers themselves: a person on the staff of their school. */
export function assertMayRegisterEducator(access: Access, schoolId: string): void {
  assertCanWrite(access);
  if (access.principal.kind !== "PERSON" || !isStaffOf(access, schoolId)) {
    throw new ForbiddenError("Educators register themselves, signed in as staff of their school");
  }
}

/** Cancelling a registration: the registering school's staff, the event's host, or a manager of its owning network. */
export function assertMayCancelRegistration(access: Access, registration: { schoolId?: string | null }, event: { owner: OwnerRef }): void {
  assertCanWrite(access);
  if (isStaffOf(access, registration.schoolId)) return;
  if (mayWrite(access, event.owner)) return;
  if (event.owner.networkId && access.managedNetworkIds.includes(event.owner.networkId)) return;
  throw new ForbiddenError("Only the registered school's staff, or the event's host, may cancel this registration");
}

/** The host school alone decides who reads a peer review's findings. */
export function assertHostStaff(access: Access, review: { hostSchoolId: string }): void {
  assertCanWrite(access);
  if (!isStaffOf(access, review.hostSchoolId)) throw new ForbiddenError("Only the host school decides who reads the findings");
}

/**
 * Who reads a review's findings, for a caller who may see the review: everyone when the host made them
 * public; otherwise staff of the host, of the schools it named, and of the visiting team's schools when
 * it shares them with the team. Network coordinators and organization admins read them only as staff
 * of one of these schools.
 */
export function callerMayReadFindings(
  access: Access,
  review: { hostSchoolId: string; findingsAccess: PeerReviewFindingsAccess; findingsReaderSchoolIds: string[]; teamSchoolIds: string[] },
): boolean {
  if (review.findingsAccess === PeerReviewFindingsAccess.PUBLIC) return true;
  const readers = [review.hostSchoolId, ...review.findingsReaderSchoolIds];
  if (review.findingsAccess === PeerReviewFindingsAccess.REVIEW_TEAM) readers.push(...review.teamSchoolIds);
  return readers.some((schoolId) => access.schoolIds.includes(schoolId));
}

/**
 * A mentor school's capacity: its staff, or the managers of its network (`networkId`: the network the
 * capacity was first stated for; the subgraph does not know a school's networks otherwise).
 */
export function assertMaySetMentorCapacity(access: Access, schoolId: string, networkId: string | null | undefined): void {
  assertCanWrite(access);
  if (isStaffOf(access, schoolId)) return;
  if (networkId && access.managedNetworkIds.includes(networkId)) return;
  throw new ForbiddenError("Only the school's staff, or its network's coordinators, may set its mentoring capacity");
}

/** Joining or leaving a learning community for a school: its convenors, or the member school's staff. */
export function assertMayChangeMembership(access: Access, community: { owner: OwnerRef }, schoolId: string): void {
  assertCanWrite(access);
  if (isStaffOf(access, schoolId) || mayWrite(access, community.owner)) return;
  throw new ForbiddenError("Only the community's convenors, or the member school's staff, may do this");
}
