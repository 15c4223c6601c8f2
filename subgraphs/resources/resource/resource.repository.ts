import type { Document, Filter, IndexDescription } from "mongodb";
import { newId, SecuredRepository, toEntity, type Access, type StoredDocument, type Visibility } from "../../kit";
import { resourcePolicy, type StoredOwner } from "../policies";
import { ResourceOwnerKind, type ResourceKind } from "../enums";
import { rankedPage } from "./ranked-page";
import type { ResourceFilterArgs, SearchResourcesArgs } from "./resource.inputs";

/** What the publisher decides; the repository adds the id and the timestamps. */
export interface ResourceFields {
  title: string;
  summary?: string | null;
  kind: ResourceKind;
  /** The owning network, and the owning school within it when a school owns the resource; never changes. */
  owner: StoredOwner;
  /** Schools credited as having developed it with the owner, having accepted (descriptive: they see it by its visibility like anyone else). */
  coDeveloperSchoolIds: string[];
  /*
   * Optional below: resources stored before networks could be credited and resources adapted have none
   * (joint-practice/credits.ts reads them as empty).
   */
  /** Networks credited likewise, having accepted (descriptive too). */
  coDeveloperNetworkIds?: string[];
  /** Schools and networks the owner credits as co-developers that have not accepted yet: shown to them and the owner only. */
  proposedCoDeveloperSchoolIds?: string[];
  proposedCoDeveloperNetworkIds?: string[];
  /** The resource this one is an adapted version of, fixed at publication (so no lineage can loop); null for an original. */
  adaptedFromId?: string | null;
  /** A copy of that original's owner (owners never change): it reads this adaptation (policies.ts). */
  adaptedFromOwner?: StoredOwner | null;
  /** Networks it belongs to and is shared through (descriptive); always includes the owning network. */
  networkIds: string[];
  /** Lower case, trimmed, distinct. */
  subjects: string[];
  lowestGrade: number;
  highestGrade: number;
  /** Lower case, trimmed, distinct. */
  tags: string[];
  license?: string | null;
  url?: string | null;
  visibility: Visibility;
}

export interface ResourceDocument extends StoredDocument, ResourceFields {
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date | null;
}

/** An owner asked for in a filter: a school, or a network itself (not its schools). */
export interface OwnerFilter {
  kind: ResourceOwnerKind;
  id: string;
}

/** The stored-owner condition of an owner filter, on `owner` or on a copy of it. */
export function ownerCondition(owner: OwnerFilter): Document {
  return owner.kind === ResourceOwnerKind.SCHOOL ? { "owner.schoolId": owner.id } : { "owner.networkId": owner.id, "owner.schoolId": null };
}

/** Subjects and tags compare case-insensitively: stored and matched lower case. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((term) => term.trim().toLowerCase()).filter(Boolean))];
}

/** How a school, network or resource holds the resources nested under it. */
export type ResourceParent =
  | "schoolOwner"
  | "networkOwner"
  | "coDeveloper"
  | "coDeveloperNetwork"
  | "proposedCoDeveloper"
  | "proposedCoDeveloperNetwork"
  | "network"
  | "original";

const RESOURCE_PARENTS: Record<ResourceParent, { group: string; condition: Document }> = {
  schoolOwner: { group: "owner.schoolId", condition: {} },
  // the network's own resources, not its schools'
  networkOwner: { group: "owner.networkId", condition: { "owner.schoolId": null } },
  coDeveloper: { group: "coDeveloperSchoolIds", condition: {} },
  coDeveloperNetwork: { group: "coDeveloperNetworkIds", condition: {} },
  proposedCoDeveloper: { group: "proposedCoDeveloperSchoolIds", condition: {} },
  proposedCoDeveloperNetwork: { group: "proposedCoDeveloperNetworkIds", condition: {} },
  network: { group: "networkIds", condition: {} },
  // the adaptations of a resource
  original: { group: "adaptedFromId", condition: {} },
};

/** Which credit lists a co-developer's kind uses. */
export const CREDIT_FIELDS = {
  [ResourceOwnerKind.SCHOOL]: { accepted: "coDeveloperSchoolIds", proposed: "proposedCoDeveloperSchoolIds" },
  [ResourceOwnerKind.NETWORK]: { accepted: "coDeveloperNetworkIds", proposed: "proposedCoDeveloperNetworkIds" },
} as const;

export class ResourceRepository extends SecuredRepository<ResourceDocument> {
  readonly policy = resourcePolicy;
  readonly collectionName = "resources";
  readonly indexes: IndexDescription[] = [
    {
      key: { title: "text", summary: "text", subjects: "text", tags: "text" },
      weights: { title: 10, subjects: 5, tags: 5, summary: 1 },
      default_language: "english",
      // documents have no language field; keep MongoDB from reading one named `language`
      language_override: "textLanguage",
      name: "resource_text",
    },
    { key: { "owner.schoolId": 1, title: 1 } },
    { key: { "owner.networkId": 1, title: 1 } },
    { key: { coDeveloperSchoolIds: 1 } },
    { key: { coDeveloperNetworkIds: 1 } },
    { key: { proposedCoDeveloperSchoolIds: 1 } },
    { key: { proposedCoDeveloperNetworkIds: 1 } },
    { key: { adaptedFromId: 1, title: 1 } },
    { key: { networkIds: 1, title: 1 } },
    { key: { kind: 1, title: 1 } },
    { key: { title: 1 } },
  ];

  /** The filters the caller asked for; every read below narrows them to what the caller may read. */
  private filterFor(args: ResourceFilterArgs): Filter<ResourceDocument> {
    const filter: Document = {};
    if (args.kinds && args.kinds.length > 0) filter.kind = { $in: args.kinds };
    if (args.subject) filter.subjects = args.subject.trim().toLowerCase();
    if (args.lowestGrade != null) filter.highestGrade = { $gte: args.lowestGrade };
    if (args.highestGrade != null) filter.lowestGrade = { $lte: args.highestGrade };
    if (args.tags && args.tags.length > 0) filter.tags = { $all: normalizeTerms(args.tags) };
    if (args.networkId) filter.networkIds = args.networkId;
    if (args.owner) Object.assign(filter, ownerCondition(args.owner));
    if (!args.includeArchived) filter.archivedAt = null;
    return filter as Filter<ResourceDocument>;
  }

  list(access: Access, args: ResourceFilterArgs) {
    return this.pageReadable(access, this.filterFor(args), [["title", 1]], args);
  }

  /** `$text` stays at the top level (MongoDB requires it there or in a top-level `$and`); the count is filtered alike. */
  search(access: Access, args: SearchResourcesArgs) {
    const filter = { $text: { $search: args.text }, ...this.readable(access, this.filterFor(args)) } as Filter<ResourceDocument>;
    return rankedPage(this.collection, filter, args, (doc) => toEntity(doc as ResourceDocument));
  }

  /**
   * One page per parent of the resources `access` may read that match `args` (the filters of `resources`):
   * owned by these schools, owned by these networks themselves, co-developed by these schools, or belonging
   * to these networks; by title, in one aggregate for all parents.
   */
  pagesByParent(access: Access, parent: ResourceParent, parentIds: readonly string[], args: ResourceFilterArgs) {
    const { group, condition } = RESOURCE_PARENTS[parent];
    const filter = { $and: [this.filterFor(args), condition] } as Filter<ResourceDocument>;
    return this.pagesByGroupReadable(access, group, parentIds, filter, [["title", 1]], args);
  }

  /**
   * One page per adoption key (`<resourceId>:<schoolId>`) of the adaptations of that resource that the adopting
   * school published, that `access` may read and that match `args`; by title, in one aggregate.
   */
  adaptationsByAdopter(access: Access, keys: readonly string[], args: ResourceFilterArgs) {
    const pairs = keys.map((key) => key.split(":"));
    const filter = {
      $and: [this.filterFor(args), { adaptedFromId: { $in: pairs.map(([resourceId]) => resourceId) }, "owner.schoolId": { $in: pairs.map(([, schoolId]) => schoolId) } }],
    } as Filter<ResourceDocument>;
    const group = { expression: { $concat: ["$adaptedFromId", ":", "$owner.schoolId"] } };
    return this.pagesByGroupReadable(access, group, keys, filter, [["title", 1]], args);
  }

  /**
   * Moves a co-developer's pending credit to accepted, if it is pending at this moment (atomic: of two
   * answers one applies); null when it is not.
   */
  async acceptCredit(id: string, kind: ResourceOwnerKind, coDeveloperId: string) {
    const { accepted, proposed } = CREDIT_FIELDS[kind];
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, [proposed]: coDeveloperId } as Filter<ResourceDocument>,
      { $pull: { [proposed]: coDeveloperId }, $addToSet: { [accepted]: coDeveloperId }, $set: { updatedAt: new Date() } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Removes a co-developer's credit, pending or accepted, if it has one at this moment; null when it has none. */
  async removeCredit(id: string, kind: ResourceOwnerKind, coDeveloperId: string) {
    const { accepted, proposed } = CREDIT_FIELDS[kind];
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, $or: [{ [accepted]: coDeveloperId }, { [proposed]: coDeveloperId }] } as Filter<ResourceDocument>,
      { $pull: { [accepted]: coDeveloperId, [proposed]: coDeveloperId }, $set: { updatedAt: new Date() } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  create(fields: ResourceFields) {
    const now = new Date();
    return this.insert({ _id: newId(), ...fields, createdAt: now, updatedAt: now, archivedAt: null });
  }

  /** Archives an active resource; null when there is no active resource with that id. */
  async archive(id: string) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, archivedAt: null },
      { $set: { archivedAt: new Date(), updatedAt: new Date() } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
