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

registerEnumType(ApiKeyScope, { name: "ApiKeyScope", description: "Rights of an API key beyond reading and writing records." });
registerEnumType(OrganizationKind, { name: "OrganizationKind", description: "What kind of partner operates networks." });
registerEnumType(NetworkScope, { name: "NetworkScope" });
registerEnumType(NetworkingStrategy, { name: "NetworkingStrategy", description: "A network's primary networking strategy." });
registerEnumType(SchoolLevel, { name: "SchoolLevel" });
registerEnumType(Locale, { name: "Locale", description: "NCES locale: city, suburb, town or rural." });
registerEnumType(Governance, { name: "Governance" });
registerEnumType(MembershipRole, { name: "MembershipRole", description: "A school's role in a network." });
registerEnumType(MembershipSide, { name: "MembershipSide", description: "The side of a membership: the network or the school." });
registerEnumType(AllianceScope, { name: "AllianceScope" });
registerEnumType(SharedDataKind, { name: "SharedDataKind", description: "A kind of data an alliance agreement can share." });
registerEnumType(EducatorRole, { name: "EducatorRole" });
