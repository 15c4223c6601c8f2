import type { Filter, IndexDescription } from "mongodb";
import { newId, Repository, toEntity, type StoredDocument, type Visibility } from "../../kit";
import type { ResourceKind, ResourceOwnerKind } from "../enums";
import { READ_ALL } from "../reads";
import { rankedPage } from "./ranked-page";
import type { ResourceFilterArgs, SearchResourcesArgs } from "./resource.inputs";

export interface ResourceOwnerRef {
  kind: ResourceOwnerKind;
  id: string;
}

/** What the publisher decides; the repository adds the id, the owner key and the timestamps. */
export interface ResourceFields {
  title: string;
  summary?: string | null;
  kind: ResourceKind;
  owner: ResourceOwnerRef;
  coDeveloperSchoolIds: string[];
  /** Networks it belongs to; includes the owner when a network owns it. */
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
  /** `KIND:id` of the owner, for one index and one `$in` over owners of any kind. */
  ownerKey: string;
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date | null;
}

export function ownerKey(owner: ResourceOwnerRef): string {
  return `${owner.kind}:${owner.id}`;
}

/** Subjects and tags compare case-insensitively: stored and matched lower case. */
export function normalizeTerms(terms: readonly string[]): string[] {
  return [...new Set(terms.map((term) => term.trim().toLowerCase()).filter(Boolean))];
}

export class ResourceRepository extends Repository<ResourceDocument> {
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
    { key: { ownerKey: 1, title: 1 } },
    { key: { coDeveloperSchoolIds: 1 } },
    { key: { networkIds: 1, title: 1 } },
    { key: { kind: 1, title: 1 } },
    { key: { title: 1 } },
  ];

  /**
   * The one place where list and search filters are built. Access control (visibility for the caller)
   * is to be added here, so that every read path of resources applies it.
   */
  private filterFor(args: ResourceFilterArgs): Filter<ResourceDocument> {
    const filter: Filter<ResourceDocument> = {};
    if (args.kinds && args.kinds.length > 0) filter.kind = { $in: args.kinds };
    if (args.subject) filter.subjects = args.subject.trim().toLowerCase();
    if (args.lowestGrade != null) filter.highestGrade = { $gte: args.lowestGrade };
    if (args.highestGrade != null) filter.lowestGrade = { $lte: args.highestGrade };
    if (args.tags && args.tags.length > 0) filter.tags = { $all: normalizeTerms(args.tags) };
    if (args.networkId) filter.networkIds = args.networkId;
    if (args.owner) filter.ownerKey = ownerKey(args.owner);
    if (!args.includeArchived) filter.archivedAt = null;
    return filter;
  }

  list(args: ResourceFilterArgs) {
    return this.page(this.filterFor(args), [["title", 1]], args);
  }

  search(args: SearchResourcesArgs) {
    const filter: Filter<ResourceDocument> = { $text: { $search: args.text }, ...this.filterFor(args) };
    return rankedPage(this.collection, filter, args, (doc) => toEntity(doc as ResourceDocument));
  }

  /** By id for the per-request loader, in one reply however many ids (see READ_ALL). */
  override async findByIds(ids: readonly string[]) {
    const docs = await this.collection.find({ _id: { $in: [...ids] } }, READ_ALL).toArray();
    return docs.map(toEntity);
  }

  /** Active resources of these owners (`KIND:id` keys), by title. */
  async findByOwnerKeys(keys: readonly string[]) {
    const docs = await this.collection.find({ ownerKey: { $in: [...keys] }, archivedAt: null }, READ_ALL).sort({ title: 1 }).toArray();
    return docs.map(toEntity);
  }

  /** Active resources co-developed by these schools, by title. */
  async findByCoDevelopers(schoolIds: readonly string[]) {
    const docs = await this.collection.find({ coDeveloperSchoolIds: { $in: [...schoolIds] }, archivedAt: null }, READ_ALL).sort({ title: 1 }).toArray();
    return docs.map(toEntity);
  }

  /** Active resources that belong to these networks, by title. */
  async findByNetworks(networkIds: readonly string[]) {
    const docs = await this.collection.find({ networkIds: { $in: [...networkIds] }, archivedAt: null }, READ_ALL).sort({ title: 1 }).toArray();
    return docs.map(toEntity);
  }

  create(fields: ResourceFields) {
    const now = new Date();
    return this.insert({ _id: newId(), ...fields, ownerKey: ownerKey(fields.owner), createdAt: now, updatedAt: now, archivedAt: null });
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
