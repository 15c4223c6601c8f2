import { canWrite, RecordPolicy, type Access, type SharedRecord, type Visibility } from "../kit";
import { DevelopmentOwnerKind } from "./enums";
import type { OwnerRef } from "./shared/owner";

/*
 * Who reads and writes each record type of the development subgraph: one kit policy each. What each type
 * adds to the kit's rule (owner, visibility, alliances by kind):
 *
 * - participant schools (a mentorship's partner school, a peer review's visiting team and the readers the
 *   host named, the schools testing an improvement cycle): their staff read the record whatever its visibility;
 * - the networks the owner offers or shares the record with (an event's and a need's `networkIds`): their
 *   members read NETWORK and ALLIANCE records as the owning network's members do. Allies go by the owner only.
 *
 * Registrations, mentorship activities and learning-community memberships follow their parent (the kit's
 * one strategy for child records: a copy of what the parent's policy reads, kept in step by the services).
 */

/** What every record here stores for its policy. */
export interface DevelopmentRecord extends SharedRecord {
  owner: OwnerRef;
  visibility: Visibility;
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

const OWNER = "the owner (the school's staff, the network's coordinators and admins, or the organization's admins)";
const byOwner = (access: Access, record: DevelopmentRecord) => mayWrite(access, record.owner);

function policy(typeName: string, read: RecordPolicy["rule"]) {
  return new RecordPolicy<DevelopmentRecord>({ typeName, read, write: byOwner, writers: OWNER });
}

const event = policy("Event", { kind: "EVENTS", sharedWithNetworks: "networkIds" });
const mentorship = policy("Mentorship", { kind: "MENTORSHIPS", participantSchools: ["partnerSchoolId"] });
/**
 * A learning community follows the visibility its convenor gives it within its owning network. Of the kinds
 * an alliance agreement names, EVENTS fits it best: a job-alike group is a standing professional learning
 * offer educators join, like the workshops on a network's event calendar.
 */
const learningCommunity = policy("LearningCommunity", { kind: "EVENTS" });

export const Policies = {
  event,
  need: policy("Need", { kind: "NEEDS", sharedWithNetworks: "networkIds" }),
  peerReview: policy("PeerReview", { kind: "PEER_REVIEWS", participantSchools: ["teamSchoolIds", "findingsReaderSchoolIds"] }),
  mentorship,
  learningCommunity,
  improvementCycle: policy("ImprovementCycle", { kind: "IMPROVEMENT_CYCLES", participantSchools: ["schoolIds"] }),
  registration: event.child<DevelopmentRecord>({ typeName: "EventRegistration" }),
  mentorshipActivity: mentorship.child<DevelopmentRecord>({ typeName: "MentorshipActivity", write: byOwner, writers: OWNER }),
  learningCommunityMember: learningCommunity.child<DevelopmentRecord>({ typeName: "LearningCommunityMember" }),
};
