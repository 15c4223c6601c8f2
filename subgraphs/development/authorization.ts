import { actsForSchool, assertCanWrite, ForbiddenError, type Access, type RecordPolicy } from "../kit";
import { DevelopmentOwnerKind, PeerReviewFindingsAccess } from "./enums";
import { mayWrite, type DevelopmentRecord } from "./policies";
import type { OwnerRef } from "./shared/owner";

/*
 * Who may change what in the development subgraph, beyond the record policies (`policies.ts`): the rules
 * of registrations, findings, mentor capacity and community memberships, called by the services before
 * they change anything. Anonymous callers and read-only keys are refused first, by the kit's `assertCanWrite`.
 */

export { mayWrite };

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
 * Changing a record that exists, by its policy: the caller must see it (otherwise it does not exist for
 * them: NOT_FOUND, so ids of hidden records cannot be probed) and have a role on its owner (FORBIDDEN).
 */
export function assertMayChange(access: Access, policy: RecordPolicy<DevelopmentRecord>, record: DevelopmentRecord & { id: string }): void {
  policy.assertMayChange(access, record);
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
 * A mentor school's capacity: its staff, or the managers of a network the school accepted membership in
 * (the kit's `actsForSchool`). A network named by the caller grants nothing.
 */
export function assertMaySetMentorCapacity(access: Access, schoolId: string): void {
  assertCanWrite(access);
  if (!actsForSchool(access, schoolId)) {
    throw new ForbiddenError("Only the school's staff, or the coordinators of a network it belongs to, may set its mentoring capacity");
  }
}

/** Joining or leaving a learning community for a school: its convenors, or the member school's staff. */
export function assertMayChangeMembership(access: Access, community: { owner: OwnerRef }, schoolId: string): void {
  assertCanWrite(access);
  if (isStaffOf(access, schoolId) || mayWrite(access, community.owner)) return;
  throw new ForbiddenError("Only the community's convenors, or the member school's staff, may do this");
}
