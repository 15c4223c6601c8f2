import type { Filter, IndexDescription } from "mongodb";
import { newId, pagesThroughLink, pageThroughLinkJoined, READ_ALL, Repository, toEntity, type Link, type StoredDocument } from "../../kit";
import type { Governance, Locale, SchoolLevel } from "../enums";
import type { Location } from "../location";
import type { CreateSchoolInput, SchoolsArgs } from "./school.inputs";

export interface SchoolDocument extends StoredDocument {
  name: string;
  ncesId?: string | null;
  level: SchoolLevel;
  /** Null while unknown: a OneRoster import knows no grades. */
  lowestGrade: number | null;
  highestGrade: number | null;
  locale?: Locale | null;
  location: Location;
  enrollment?: number | null;
  governance: Governance;
  district?: string | null;
  website?: string | null;
  /** The organization that registered the school: its admins answer for the school in its memberships while it is an accepted member of no network. */
  registeredByOrganizationId?: string | null;
  createdAt: Date;
  updatedAt: Date;
  archivedAt?: Date | null;
}

function filterOf(args: SchoolsArgs): Filter<SchoolDocument> {
  const filter: Filter<SchoolDocument> = {};
  if (args.locale) filter.locale = args.locale;
  if (args.level) filter.level = args.level;
  if (args.region) filter["location.region"] = args.region;
  if (args.country) filter["location.country"] = args.country;
  if (args.governance) filter.governance = args.governance;
  if (!args.includeArchived) filter.archivedAt = null;
  return filter;
}

export class SchoolRepository extends Repository<SchoolDocument> {
  readonly collectionName = "schools";
  readonly indexes: IndexDescription[] = [
    // sparse: schools outside the US have no NCES id, and many may lack one
    { key: { ncesId: 1 }, unique: true, sparse: true, name: "ncesId_unique" },
    { key: { locale: 1, name: 1 } },
    { key: { "location.region": 1, name: 1 } },
    { key: { name: 1 } },
    { key: { registeredByOrganizationId: 1 }, sparse: true },
  ];

  async findByNcesIds(ncesIds: readonly string[]) {
    const docs = await this.collection.find({ ncesId: { $in: [...ncesIds] } }, READ_ALL).toArray();
    return docs.map(toEntity);
  }

  list(args: SchoolsArgs) {
    return this.page(filterOf(args), [["name", 1]], args);
  }

  /** One page per parent of the schools `link` joins to it, by name, filtered as `list` is. */
  pagesThrough(link: Link, parentIds: readonly string[], args: SchoolsArgs) {
    return pagesThroughLink(this.collection, link, parentIds, filterOf(args), [["name", 1]], args);
  }

  /** `pagesThrough` joined to the read of each parent (`findJoined`). */
  pageThroughJoined(link: Link, args: SchoolsArgs) {
    return pageThroughLinkJoined(this.collection, link, filterOf(args), [["name", 1]], args);
  }

  /** One page of the given schools by name, filtered as `list` is (lists of a caller's own schools). */
  listByIds(ids: readonly string[], args: SchoolsArgs) {
    return this.page({ $and: [{ _id: { $in: [...ids] } }, filterOf(args)] }, [["name", 1]], args);
  }

  create(input: CreateSchoolInput, registeredByOrganizationId: string | null) {
    const now = new Date();
    // ncesId is left out when absent so the sparse unique index ignores the school
    const { ncesId, ...fields } = input;
    return this.insert({
      _id: newId(),
      ...fields,
      ...(ncesId ? { ncesId } : {}),
      registeredByOrganizationId,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    });
  }

  /** Inserts in order; on an error the ones before it stay (see `undoInserts`). */
  async insertMany(docs: SchoolDocument[]): Promise<void> {
    if (docs.length > 0) await this.collection.insertMany(docs);
  }

  /** Removes schools this request just inserted, when the write they belong to failed. */
  async undoInserts(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.collection.deleteMany({ _id: { $in: [...ids] } });
  }

  /** Sets `changes` only while the school still has the values `expected` (read before): null when it changed meanwhile. */
  async updateIfUnchanged(id: string, expected: Partial<Pick<SchoolDocument, "name" | "ncesId" | "district">>, changes: Partial<Pick<SchoolDocument, "name" | "ncesId" | "district">>) {
    // a missing field matches null, as a sparse unique index wants the NCES id absent rather than null
    const doc = await this.collection.findOneAndUpdate({ _id: id, ...expected }, { $set: { ...changes, updatedAt: new Date() } }, { returnDocument: "after" });
    return doc ? toEntity(doc) : null;
  }

  /** Puts fields back as they were read (null: absent), `updatedAt` included: undoes a write whose request failed. */
  async restore(id: string, fields: Partial<SchoolDocument> & { updatedAt: Date }): Promise<void> {
    const entries = Object.entries(fields);
    const set = Object.fromEntries(entries.filter(([, value]) => value !== null && value !== undefined));
    const unset = Object.fromEntries(entries.filter(([, value]) => value === null || value === undefined).map(([key]) => [key, ""]));
    await this.collection.updateOne({ _id: id }, { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) });
  }

  async idsRegisteredBy(organizationId: string): Promise<string[]> {
    const docs = await this.collection.find({ registeredByOrganizationId: organizationId }, { projection: { _id: 1 }, ...READ_ALL }).toArray();
    return docs.map((doc) => doc._id);
  }
}
