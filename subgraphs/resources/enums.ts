import { registerEnumType } from "type-graphql";

/** What a network pools and shares (DOMAIN.md, "Resources subgraph"). */
export enum ResourceKind {
  CURRICULUM = "CURRICULUM",
  CLASSROOM_TOOL = "CLASSROOM_TOOL",
  PROTOCOL = "PROTOCOL",
  GUIDE = "GUIDE",
  DATASET = "DATASET",
  EVIDENCE = "EVIDENCE",
  SHARED_STAFF = "SHARED_STAFF",
  IN_KIND_PROGRAM = "IN_KIND_PROGRAM",
  TECHNICAL_ASSISTANCE = "TECHNICAL_ASSISTANCE",
  JOINT_PURCHASING = "JOINT_PURCHASING",
}

/** Which kind of entity (of the networks subgraph) owns a resource: a network, or a school within one. */
export enum ResourceOwnerKind {
  SCHOOL = "SCHOOL",
  NETWORK = "NETWORK",
}

/** requested -> approved | declined; approved -> fulfilled. */
export enum ShareRequestStatus {
  REQUESTED = "REQUESTED",
  APPROVED = "APPROVED",
  DECLINED = "DECLINED",
  FULFILLED = "FULFILLED",
}

export enum FundingKind {
  PRIVATE_GRANT = "PRIVATE_GRANT",
  GOVERNMENT_GRANT = "GOVERNMENT_GRANT",
  IN_KIND = "IN_KIND",
  OTHER = "OTHER",
}

registerEnumType(ResourceKind, {
  name: "ResourceKind",
  description: "What a network pools and shares.",
  valuesConfig: {
    CURRICULUM: { description: "A curriculum or unit sequence, e.g. a networkwide applied learning curriculum." },
    CLASSROOM_TOOL: { description: "Rubrics, templates and other classroom tools." },
    PROTOCOL: { description: "A structured conversation, e.g. for looking at student work." },
    GUIDE: { description: "A how-to guide, e.g. for senior exhibitions or advisories." },
    DATASET: { description: "Data a network collects and shares." },
    EVIDENCE: { description: "Research and evidence: studies, evaluations, literature reviews." },
    SHARED_STAFF: { description: "Staff shared by several schools or districts, e.g. a counselor." },
    IN_KIND_PROGRAM: { description: "A program offered in kind, e.g. after-school programs." },
    TECHNICAL_ASSISTANCE: { description: "Expert help: visitation days, workshops, coaching, evaluation." },
    JOINT_PURCHASING: { description: "An agreement to buy goods or services together at a discount." },
  },
});
registerEnumType(ResourceOwnerKind, {
  name: "ResourceOwnerKind",
  description: "The kind of entity that owns a resource: a network, or a school within a network.",
  valuesConfig: {
    SCHOOL: { description: "A school owns it (within the network it publishes through)." },
    NETWORK: { description: "A network itself owns it (not one of its schools)." },
  },
});
registerEnumType(ShareRequestStatus, {
  name: "ShareRequestStatus",
  description: "Where a share request stands: REQUESTED, then APPROVED or DECLINED; an APPROVED request is then FULFILLED.",
  valuesConfig: {
    REQUESTED: { description: "Asked for; waiting for the owner's decision." },
    APPROVED: { description: "The owner agreed; waiting to be fulfilled." },
    DECLINED: { description: "The owner declined (final)." },
    FULFILLED: { description: "The school received what it asked for (final)." },
  },
});
registerEnumType(FundingKind, {
  name: "FundingKind",
  description: "Grants and in-kind support secured through a network.",
  valuesConfig: {
    PRIVATE_GRANT: { description: "A grant from a foundation or another private funder." },
    GOVERNMENT_GRANT: { description: "A grant from a government body." },
    IN_KIND: { description: "Goods or services given in kind, at their estimated value." },
    OTHER: { description: "Any other funding." },
  },
});
