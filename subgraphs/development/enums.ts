import { registerEnumType } from "type-graphql";

/** Who owns or hosts a development record. */
export enum DevelopmentOwnerKind {
  SCHOOL = "SCHOOL",
  NETWORK = "NETWORK",
  ORGANIZATION = "ORGANIZATION",
}

export enum EventKind {
  WORKSHOP = "WORKSHOP",
  RETREAT = "RETREAT",
  SUMMER_INSTITUTE = "SUMMER_INSTITUTE",
  FORUM = "FORUM",
  VISITATION_DAY = "VISITATION_DAY",
  WEBINAR = "WEBINAR",
  IN_SERVICE_DAY = "IN_SERVICE_DAY",
}

export enum EventFormat {
  IN_PERSON = "IN_PERSON",
  ONLINE = "ONLINE",
  HYBRID = "HYBRID",
}

export enum EventStatus {
  SCHEDULED = "SCHEDULED",
  CANCELLED = "CANCELLED",
}

export enum EventRegistrantKind {
  EDUCATOR = "EDUCATOR",
  SCHOOL = "SCHOOL",
}

export enum EventRegistrationStatus {
  CONFIRMED = "CONFIRMED",
  WAITLISTED = "WAITLISTED",
  CANCELLED = "CANCELLED",
}

export enum NeedPriority {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}

export enum NeedStatus {
  OPEN = "OPEN",
  ADDRESSED = "ADDRESSED",
  WITHDRAWN = "WITHDRAWN",
}

export enum PeerReviewStatus {
  PLANNED = "PLANNED",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}

/** Who may read a peer review's findings: the host decides. */
export enum PeerReviewFindingsAccess {
  HOST_ONLY = "HOST_ONLY",
  REVIEW_TEAM = "REVIEW_TEAM",
  PUBLIC = "PUBLIC",
}

export enum PeerReviewFindingKind {
  STRENGTH = "STRENGTH",
  WARM_FEEDBACK = "WARM_FEEDBACK",
  COOL_FEEDBACK = "COOL_FEEDBACK",
  QUESTION = "QUESTION",
  RECOMMENDATION = "RECOMMENDATION",
}

/** How a school takes part in a peer review. */
export enum PeerReviewRole {
  HOST = "HOST",
  VISITOR = "VISITOR",
  READER = "READER",
}

export enum MentorshipStatus {
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}

/** A school's side of a mentorship. */
export enum MentorshipRole {
  MENTOR = "MENTOR",
  PARTNER = "PARTNER",
}

export enum MentorshipEndReason {
  FUNDING_ENDED = "FUNDING_ENDED",
  DISTANCE = "DISTANCE",
  GOALS_MET = "GOALS_MET",
  CAPACITY = "CAPACITY",
  LEADERSHIP_CHANGE = "LEADERSHIP_CHANGE",
  OTHER = "OTHER",
}

export enum MentorshipActivityKind {
  VISIT = "VISIT",
  EXCHANGE = "EXCHANGE",
  WORKSHOP = "WORKSHOP",
  MEETING = "MEETING",
  CALL = "CALL",
  OTHER = "OTHER",
}

/** Which way a mentorship activity went. */
export enum MentorshipActivityDirection {
  MENTOR_TO_PARTNER = "MENTOR_TO_PARTNER",
  PARTNER_TO_MENTOR = "PARTNER_TO_MENTOR",
  JOINT = "JOINT",
}

export enum LearningCommunityRole {
  FACILITATOR = "FACILITATOR",
  MEMBER = "MEMBER",
}

/** Plan-Do-Study-Act, then completed; a cycle moves through them in this order only. */
export enum ImprovementCyclePhase {
  PLAN = "PLAN",
  DO = "DO",
  STUDY = "STUDY",
  ACT = "ACT",
  COMPLETED = "COMPLETED",
}

export enum ImprovementNextStep {
  ADOPT = "ADOPT",
  ADAPT = "ADAPT",
  ABANDON = "ABANDON",
}

registerEnumType(DevelopmentOwnerKind, { name: "DevelopmentOwnerKind", description: "What kind of entity owns or hosts a development record." });
registerEnumType(EventKind, { name: "EventKind", description: "What kind of professional-development event." });
registerEnumType(EventFormat, { name: "EventFormat", description: "In person, online or both." });
registerEnumType(EventStatus, { name: "EventStatus" });
registerEnumType(EventRegistrantKind, { name: "EventRegistrantKind", description: "Who registered: an educator, or a school (for a team of seats)." });
registerEnumType(EventRegistrationStatus, {
  name: "EventRegistrationStatus",
  valuesConfig: { WAITLISTED: { description: "Past capacity: moves up in order when a seat frees." } },
});
registerEnumType(NeedPriority, { name: "NeedPriority" });
registerEnumType(NeedStatus, { name: "NeedStatus" });
registerEnumType(PeerReviewStatus, { name: "PeerReviewStatus" });
registerEnumType(PeerReviewFindingsAccess, {
  name: "PeerReviewFindingsAccess",
  description: "Who may read a peer review's findings, besides the schools the host names.",
  valuesConfig: {
    HOST_ONLY: { description: "The host school (and the schools it names)." },
    REVIEW_TEAM: { description: "Also the visiting team's schools." },
    PUBLIC: { description: "Everyone." },
  },
});
registerEnumType(PeerReviewFindingKind, { name: "PeerReviewFindingKind" });
registerEnumType(PeerReviewRole, { name: "PeerReviewRole", description: "How a school takes part in a peer review." });
registerEnumType(MentorshipStatus, { name: "MentorshipStatus" });
registerEnumType(MentorshipRole, { name: "MentorshipRole", description: "A school's side of a mentorship." });
registerEnumType(MentorshipEndReason, { name: "MentorshipEndReason" });
registerEnumType(MentorshipActivityKind, { name: "MentorshipActivityKind" });
registerEnumType(MentorshipActivityDirection, { name: "MentorshipActivityDirection" });
registerEnumType(LearningCommunityRole, { name: "LearningCommunityRole" });
registerEnumType(ImprovementCyclePhase, { name: "ImprovementCyclePhase", description: "Plan-Do-Study-Act, then completed, in this order only." });
registerEnumType(ImprovementNextStep, { name: "ImprovementNextStep", description: "What the cycle's study leads to." });
