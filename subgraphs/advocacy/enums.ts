import { registerEnumType } from "type-graphql";

/** The level of government a campaign addresses. */
export enum CampaignLevel {
  LOCAL = "LOCAL",
  STATE = "STATE",
  NATIONAL = "NATIONAL",
}

export enum CampaignStatus {
  PLANNING = "PLANNING",
  ACTIVE = "ACTIVE",
  WON = "WON",
  LOST = "LOST",
  PAUSED = "PAUSED",
  CLOSED = "CLOSED",
}

/** Who can endorse, lead, own or take part: the networks subgraph's schools, networks and organizations. */
export enum AdvocateKind {
  SCHOOL = "SCHOOL",
  NETWORK = "NETWORK",
  ORGANIZATION = "ORGANIZATION",
}

export enum CampaignActionKind {
  TESTIMONY = "TESTIMONY",
  LETTER = "LETTER",
  MEETING = "MEETING",
  EVENT = "EVENT",
  PETITION = "PETITION",
  OTHER = "OTHER",
}

export enum CampaignActionStatus {
  PLANNED = "PLANNED",
  DONE = "DONE",
  CANCELLED = "CANCELLED",
}

export enum CampaignMilestoneKind {
  PROGRESS = "PROGRESS",
  SETBACK = "SETBACK",
  OUTCOME = "OUTCOME",
}

export enum CampaignOrder {
  TITLE = "TITLE",
  NEWEST = "NEWEST",
}

registerEnumType(CampaignLevel, {
  name: "CampaignLevel",
  description: "The level of government a campaign addresses.",
  valuesConfig: {
    LOCAL: { description: "A city, county or school district." },
    STATE: { description: "A state or province." },
    NATIONAL: { description: "A country." },
  },
});
registerEnumType(CampaignStatus, {
  name: "CampaignStatus",
  description: "Where a campaign stands. PLANNING → ACTIVE | CLOSED; ACTIVE → PAUSED | WON | LOST | CLOSED; PAUSED → ACTIVE | LOST | CLOSED; WON | LOST → CLOSED; CLOSED is final.",
  valuesConfig: {
    PLANNING: { description: "Being prepared; not launched yet." },
    ACTIVE: { description: "Launched and running." },
    WON: { description: "The policy goal was reached." },
    LOST: { description: "The target body decided against the goal." },
    PAUSED: { description: "On hold, e.g. between legislative sessions." },
    CLOSED: { description: "Wrapped up; the record is final." },
  },
});
registerEnumType(AdvocateKind, {
  name: "AdvocateKind",
  description: "A school, a network or an organization (entities of the networks subgraph).",
  valuesConfig: {
    SCHOOL: { description: "A school." },
    NETWORK: { description: "A network of schools." },
    ORGANIZATION: { description: "An organization: a district, charter management organization, nonprofit or other partner." },
  },
});
registerEnumType(CampaignActionKind, {
  name: "CampaignActionKind",
  description: "What kind of advocacy action.",
  valuesConfig: {
    TESTIMONY: { description: "Testimony before a legislature, board or commission." },
    LETTER: { description: "A letter to decision makers." },
    MEETING: { description: "A meeting with decision makers or their staff." },
    EVENT: { description: "A public event: a rally, a forum, a press conference." },
    PETITION: { description: "A petition gathering signatures." },
    OTHER: { description: "Any other action." },
  },
});
registerEnumType(CampaignActionStatus, {
  name: "CampaignActionStatus",
  description: "PLANNED → DONE | CANCELLED.",
  valuesConfig: {
    PLANNED: { description: "Planned for a day from today on." },
    DONE: { description: "Done, with its outcome (final)." },
    CANCELLED: { description: "Called off (final)." },
  },
});
registerEnumType(CampaignMilestoneKind, {
  name: "CampaignMilestoneKind",
  description: "Progress, a setback, or an outcome of a campaign.",
  valuesConfig: {
    PROGRESS: { description: "A step towards the goal." },
    SETBACK: { description: "A step back." },
    OUTCOME: { description: "A decision on the goal, e.g. a policy adopted." },
  },
});
registerEnumType(CampaignOrder, {
  name: "CampaignOrder",
  description: "How a list of campaigns is ordered.",
  valuesConfig: { TITLE: { description: "By title, A to Z." }, NEWEST: { description: "Most recently created first." } },
});
