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

registerEnumType(DevelopmentOwnerKind, {
  name: "DevelopmentOwnerKind",
  description: "What kind of entity owns or hosts a development record.",
  valuesConfig: {
    SCHOOL: { description: "A school: its staff write the record." },
    NETWORK: { description: "A network: its coordinators and admins write the record." },
    ORGANIZATION: { description: "An organization (within one of its networks): its admins write the record." },
  },
});
registerEnumType(EventKind, {
  name: "EventKind",
  description: "What kind of professional-development event.",
  valuesConfig: {
    WORKSHOP: { description: "A hands-on session of a few hours or a day." },
    RETREAT: { description: "Several days away, usually for school leaders or teams." },
    SUMMER_INSTITUTE: { description: "A multi-day institute in the summer, e.g. NESSN's." },
    FORUM: { description: "A gathering to share practice across schools, e.g. a fall forum." },
    VISITATION_DAY: { description: "A day visiting a school to see its practice in classrooms." },
    WEBINAR: { description: "An online session." },
    IN_SERVICE_DAY: { description: "A school's professional day, possibly led by another school's teachers." },
  },
});
registerEnumType(EventFormat, {
  name: "EventFormat",
  description: "In person, online or both.",
  valuesConfig: {
    IN_PERSON: { description: "At a venue (`venue` set)." },
    ONLINE: { description: "Online only (`onlineUrl` set)." },
    HYBRID: { description: "At a venue and online (both set)." },
  },
});
registerEnumType(EventStatus, {
  name: "EventStatus",
  description: "Whether an event still takes place.",
  valuesConfig: {
    SCHEDULED: { description: "Takes place as planned and takes registrations until it ends." },
    CANCELLED: { description: "Cancelled by its host: it takes no registrations." },
  },
});
registerEnumType(EventRegistrantKind, {
  name: "EventRegistrantKind",
  description: "Who registered: an educator, or a school (for a team of seats).",
  valuesConfig: {
    EDUCATOR: { description: "An educator, for one seat, registered by themselves." },
    SCHOOL: { description: "A school's team, for up to 50 seats." },
  },
});
registerEnumType(EventRegistrationStatus, {
  name: "EventRegistrationStatus",
  description: "Where a registration stands.",
  valuesConfig: {
    CONFIRMED: { description: "Holds its seats." },
    WAITLISTED: { description: "Past capacity: moves up in order when a seat frees." },
    CANCELLED: { description: "Cancelled: holds no seat and no place on the waitlist." },
  },
});
registerEnumType(NeedPriority, {
  name: "NeedPriority",
  description: "How urgent a school rates a need.",
  valuesConfig: {
    LOW: { description: "Would help, not pressing." },
    MEDIUM: { description: "The default." },
    HIGH: { description: "Pressing: counts in a common need's `highPriorityCount`." },
  },
});
registerEnumType(NeedStatus, {
  name: "NeedStatus",
  description: "Whether a need is still open.",
  valuesConfig: {
    OPEN: { description: "Still needed: counts among the network's common needs." },
    ADDRESSED: { description: "Met, e.g. by an event or a mentorship." },
    WITHDRAWN: { description: "No longer needed." },
  },
});
registerEnumType(PeerReviewStatus, {
  name: "PeerReviewStatus",
  description: "Where a peer review stands.",
  valuesConfig: {
    PLANNED: { description: "Planned or under way: findings are recorded once the visit has begun." },
    COMPLETED: { description: "The visit is over and its findings recorded." },
    CANCELLED: { description: "Called off by the host." },
  },
});
registerEnumType(PeerReviewFindingsAccess, {
  name: "PeerReviewFindingsAccess",
  description: "Who may read a peer review's findings, besides the schools the host names.",
  valuesConfig: {
    HOST_ONLY: { description: "The host school (and the schools it names)." },
    REVIEW_TEAM: { description: "Also the visiting team's schools." },
    PUBLIC: { description: "Everyone." },
  },
});
registerEnumType(PeerReviewFindingKind, {
  name: "PeerReviewFindingKind",
  description: "What sort of finding a visiting team records (the critical friends protocol).",
  valuesConfig: {
    STRENGTH: { description: "Something the school does well." },
    WARM_FEEDBACK: { description: "Appreciative feedback on a focus question." },
    COOL_FEEDBACK: { description: "Critical feedback on a focus question." },
    QUESTION: { description: "A question the team leaves the school with." },
    RECOMMENDATION: { description: "A suggested next step." },
  },
});
registerEnumType(PeerReviewRole, {
  name: "PeerReviewRole",
  description: "How a school takes part in a peer review.",
  valuesConfig: {
    HOST: { description: "The school reviewed." },
    VISITOR: { description: "A school of the visiting team." },
    READER: { description: "A school the host named to read the findings." },
  },
});
registerEnumType(MentorshipStatus, {
  name: "MentorshipStatus",
  description: "Whether a mentorship goes on.",
  valuesConfig: {
    ACTIVE: { description: "Going on: takes one of the mentor school's places." },
    ENDED: { description: "Ended, with a reason; its place is free again." },
  },
});
registerEnumType(MentorshipRole, {
  name: "MentorshipRole",
  description: "A school's side of a mentorship.",
  valuesConfig: { MENTOR: { description: "The mentor school." }, PARTNER: { description: "The partner school it mentors." } },
});
registerEnumType(MentorshipEndReason, {
  name: "MentorshipEndReason",
  description: "Why a mentorship ended.",
  valuesConfig: {
    FUNDING_ENDED: { description: "The money for it ran out, e.g. a grant ended." },
    DISTANCE: { description: "The schools were too far apart to keep visiting." },
    GOALS_MET: { description: "The partner school reached its goals." },
    CAPACITY: { description: "One of the schools could no longer give it the time." },
    LEADERSHIP_CHANGE: { description: "A change of leadership at one of the schools." },
    OTHER: { description: "Another reason, see `endNote`." },
  },
});
registerEnumType(MentorshipActivityKind, {
  name: "MentorshipActivityKind",
  description: "What took place between the mentor and partner schools.",
  valuesConfig: {
    VISIT: { description: "A visit to the other school." },
    EXCHANGE: { description: "An exchange of materials, students or staff." },
    WORKSHOP: { description: "A workshop one school gave the other." },
    MEETING: { description: "A meeting of both schools' people." },
    CALL: { description: "A phone or video call." },
    OTHER: { description: "Something else, see the summary." },
  },
});
registerEnumType(MentorshipActivityDirection, {
  name: "MentorshipActivityDirection",
  description: "Who travelled or gave.",
  valuesConfig: {
    MENTOR_TO_PARTNER: { description: "The mentor school went to, or gave to, the partner school." },
    PARTNER_TO_MENTOR: { description: "The partner school went to, or gave to, the mentor school." },
    JOINT: { description: "Both together, e.g. at a third place." },
  },
});
registerEnumType(LearningCommunityRole, {
  name: "LearningCommunityRole",
  description: "A member's role in a learning community.",
  valuesConfig: { FACILITATOR: { description: "Leads the community's meetings." }, MEMBER: { description: "Takes part." } },
});
registerEnumType(ImprovementCyclePhase, {
  name: "ImprovementCyclePhase",
  description: "Plan-Do-Study-Act, then completed, in this order only.",
  valuesConfig: {
    PLAN: { description: "Aim, change idea, prediction and measures are written." },
    DO: { description: "The change is tried; observations are written." },
    STUDY: { description: "Results are compared with the prediction." },
    ACT: { description: "The next step is decided: adopt, adapt or abandon." },
    COMPLETED: { description: "The cycle is over." },
  },
});
registerEnumType(ImprovementNextStep, {
  name: "ImprovementNextStep",
  description: "What the cycle's study leads to.",
  valuesConfig: {
    ADOPT: { description: "Keep the change as it is." },
    ADAPT: { description: "Change it and test again, usually in a next cycle." },
    ABANDON: { description: "Drop it." },
  },
});
