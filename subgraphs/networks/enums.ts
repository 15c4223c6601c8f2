import { registerEnumType } from "type-graphql";

export enum OrganizationKind {
  NONPROFIT = "NONPROFIT",
  DISTRICT = "DISTRICT",
  UNIVERSITY = "UNIVERSITY",
  REGIONAL_CENTER = "REGIONAL_CENTER",
  FUNDER = "FUNDER",
  COALITION = "COALITION",
  SCHOOL_OPERATOR = "SCHOOL_OPERATOR",
  OTHER = "OTHER",
}

export enum NetworkScope {
  LOCAL = "LOCAL",
  REGIONAL = "REGIONAL",
  NATIONAL = "NATIONAL",
  INTERNATIONAL = "INTERNATIONAL",
}

/** The five networking strategies of seed 003. */
export enum NetworkingStrategy {
  SHARE_RESOURCES = "SHARE_RESOURCES",
  CO_DEVELOP_TOOLS = "CO_DEVELOP_TOOLS",
  STRENGTHEN_PROFESSIONAL_PRACTICE = "STRENGTHEN_PROFESSIONAL_PRACTICE",
  LEARN_TO_IMPROVE = "LEARN_TO_IMPROVE",
  GENERATE_AND_USE_EVIDENCE = "GENERATE_AND_USE_EVIDENCE",
}

export enum SchoolLevel {
  ELEMENTARY = "ELEMENTARY",
  MIDDLE = "MIDDLE",
  HIGH = "HIGH",
  K8 = "K8",
  SECONDARY = "SECONDARY",
  K12 = "K12",
  OTHER = "OTHER",
}

/** NCES locale categories. */
export enum Locale {
  CITY = "CITY",
  SUBURB = "SUBURB",
  TOWN = "TOWN",
  RURAL = "RURAL",
}

export enum Governance {
  DISTRICT = "DISTRICT",
  CHARTER = "CHARTER",
  INDEPENDENT = "INDEPENDENT",
  OTHER = "OTHER",
}

export enum MembershipRole {
  MEMBER = "MEMBER",
  MENTOR_SCHOOL = "MENTOR_SCHOOL",
  HUB_SCHOOL = "HUB_SCHOOL",
}

/** Which side of a membership asked: the network proposed it, or the school requested it. */
export enum MembershipSide {
  NETWORK = "NETWORK",
  SCHOOL = "SCHOOL",
}

export enum AllianceScope {
  REGIONAL = "REGIONAL",
  NATIONAL = "NATIONAL",
  INTERNATIONAL = "INTERNATIONAL",
}

/** Kinds of data an alliance's data-sharing agreement can cover. */
export enum SharedDataKind {
  SCHOOL_PROFILES = "SCHOOL_PROFILES",
  RESOURCES = "RESOURCES",
  EVENTS = "EVENTS",
  NEEDS = "NEEDS",
  PEER_REVIEWS = "PEER_REVIEWS",
  MENTORSHIPS = "MENTORSHIPS",
  IMPROVEMENT_CYCLES = "IMPROVEMENT_CYCLES",
  CAMPAIGNS = "CAMPAIGNS",
}

export enum EducatorRole {
  TEACHER = "TEACHER",
  SCHOOL_LEADER = "SCHOOL_LEADER",
  COACH = "COACH",
  COUNSELOR = "COUNSELOR",
  NETWORK_COORDINATOR = "NETWORK_COORDINATOR",
  OTHER = "OTHER",
}

/** Rights of an API key beyond reading and writing records. */
export enum ApiKeyScope {
  /** Check and publish the organization's subgraphs in the registry (`npm run subgraph`). */
  SCHEMA_PUBLISH = "SCHEMA_PUBLISH",
}

function values(descriptions: Record<string, string>) {
  return Object.fromEntries(Object.entries(descriptions).map(([value, description]) => [value, { description }]));
}

registerEnumType(ApiKeyScope, {
  name: "ApiKeyScope",
  description: "Rights of an API key beyond reading and writing records.",
  valuesConfig: values({ SCHEMA_PUBLISH: "Check and publish the organization's subgraphs in the registry (`npm run subgraph`)." }),
});
registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "What kind of partner operates networks.",
  valuesConfig: values({
    NONPROFIT: "A nonprofit organization, e.g. a school-support or reform organization.",
    DISTRICT: "A public school district.",
    UNIVERSITY: "A university or college.",
    REGIONAL_CENTER: "A regional education service center or laboratory.",
    FUNDER: "A foundation or other funder.",
    COALITION: "A coalition of organizations.",
    SCHOOL_OPERATOR: "An operator of schools, e.g. a charter management organization.",
    OTHER: "Any other kind of organization.",
  }),
});
registerEnumType(NetworkScope, {
  name: "NetworkScope",
  description: "How far a network reaches.",
  valuesConfig: values({
    LOCAL: "One city or district.",
    REGIONAL: "Several districts or states of one region.",
    NATIONAL: "Schools across one country.",
    INTERNATIONAL: "Schools in more than one country.",
  }),
});
registerEnumType(NetworkingStrategy, {
  name: "NetworkingStrategy",
  description: "A network's primary networking strategy (the five strategies of seed 003).",
  valuesConfig: values({
    SHARE_RESOURCES: "Members share materials, tools and expertise.",
    CO_DEVELOP_TOOLS: "Members build curricula, assessments or tools together.",
    STRENGTHEN_PROFESSIONAL_PRACTICE: "Members improve teaching and leading through peer learning, visits and coaching.",
    LEARN_TO_IMPROVE: "Members run improvement cycles toward a shared, measurable aim.",
    GENERATE_AND_USE_EVIDENCE: "Members collect and act on shared data and research.",
  }),
});
registerEnumType(SchoolLevel, {
  name: "SchoolLevel",
  description: "The grade band a school serves (see `lowestGrade` and `highestGrade` for the exact grades).",
  valuesConfig: values({
    ELEMENTARY: "Elementary grades, typically pre-K or K to 5.",
    MIDDLE: "Middle grades, typically 6 to 8.",
    HIGH: "High school, typically 9 to 12.",
    K8: "Kindergarten to grade 8.",
    SECONDARY: "Middle and high school grades together, e.g. 6 to 12.",
    K12: "Kindergarten to grade 12.",
    OTHER: "Any other grade band.",
  }),
});
registerEnumType(Locale, {
  name: "Locale",
  description: "NCES locale: city, suburb, town or rural.",
  valuesConfig: values({
    CITY: "Inside a principal city of an urbanized area.",
    SUBURB: "In an urbanized area, outside its principal city.",
    TOWN: "In an urban cluster, outside an urbanized area.",
    RURAL: "Outside any urbanized area or urban cluster.",
  }),
});
registerEnumType(Governance, {
  name: "Governance",
  description: "Who governs a school.",
  valuesConfig: values({
    DISTRICT: "A public school run by its district.",
    CHARTER: "A public charter school.",
    INDEPENDENT: "An independent (private) school.",
    OTHER: "Any other governance.",
  }),
});
registerEnumType(MembershipRole, {
  name: "MembershipRole",
  description: "A school's role in a network.",
  valuesConfig: values({
    MEMBER: "A member school.",
    MENTOR_SCHOOL: "A member school that mentors other schools of the network.",
    HUB_SCHOOL: "A member school that hosts or anchors the network's work in its area.",
  }),
});
registerEnumType(MembershipSide, {
  name: "MembershipSide",
  description: "The side of a membership: the network or the school.",
  valuesConfig: values({ NETWORK: "The network's managers proposed it.", SCHOOL: "The school requested it." }),
});
registerEnumType(AllianceScope, {
  name: "AllianceScope",
  description: "How far an alliance of networks reaches.",
  valuesConfig: values({
    REGIONAL: "Networks of one region.",
    NATIONAL: "Networks across one country.",
    INTERNATIONAL: "Networks in more than one country.",
  }),
});
registerEnumType(SharedDataKind, {
  name: "SharedDataKind",
  description: "A kind of data an alliance agreement can share: member networks read each other's records of that kind with ALLIANCE visibility.",
  valuesConfig: values({
    SCHOOL_PROFILES: "Schools' profiles beyond the public directory.",
    RESOURCES: "Resources (curricula, tools, assessments) and their adoptions.",
    EVENTS: "Events and their registrations.",
    NEEDS: "Schools' professional-development needs.",
    PEER_REVIEWS: "Peer reviews (findings still follow the host school's choice).",
    MENTORSHIPS: "Mentorships between schools.",
    IMPROVEMENT_CYCLES: "Improvement cycles toward a network's aim.",
    CAMPAIGNS: "Advocacy campaigns and their endorsements.",
  }),
});
registerEnumType(EducatorRole, {
  name: "EducatorRole",
  description: "An educator's role.",
  valuesConfig: values({
    TEACHER: "A teacher.",
    SCHOOL_LEADER: "A principal, director or other school leader.",
    COACH: "An instructional or leadership coach.",
    COUNSELOR: "A school or college counselor.",
    NETWORK_COORDINATOR: "A network's coordinator (belongs to a network rather than a school).",
    OTHER: "Any other role.",
  }),
});
