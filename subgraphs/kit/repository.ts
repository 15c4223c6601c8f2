import { READ_ALL } from "./loaders";
import { paginate, type Page, type PageArgs, type SortKeys } from "./pagination";
import { ObjectId, type Collection, type Db, type Document, type Filter, type IndexDescription, type OptionalUnlessRequiredId } from "mongodb";

/** Stored documents use string ids (ObjectId hex for new records) so other subgraphs can hold references. */
export interface StoredDocument extends Document {
  _id: string;
}

/** The declared fields of a document, without the index signature that mongodb's `Document` adds. */
type DeclaredFields<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K extends "_id" ? never : K]: T[K] };

/** What resolvers see: the document with `id` in place of `_id`. */
export type Entity<TDoc extends StoredDocument> = DeclaredFields<TDoc> & { id: string };

export function newId(): string {
  return new ObjectId().toHexString();
}

/** Whether `value` has the form of a record id (`newId`'s, and the demo data's). */
export function isRecordId(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value);
}

export function toEntity<TDoc extends StoredDocument>(doc: TDoc): Entity<TDoc> {
  const { _id, ...rest } = doc;
  return { ...rest, id: _id } as unknown as Entity<TDoc>;
}

/**
 * One repository per collection: methods named by intent live in subclasses, indexes are declared
 * beside them and created at start (`ensureIndexes`).
 */
export abstract class Repository<TDoc extends StoredDocument> {
  abstract readonly collectionName: string;
  abstract readonly indexes: IndexDescription[];

  private handle?: Collection<TDoc>;

  constructor(protected readonly db: Db) {}

  /** One handle for the repository's life: the driver builds a new one (options, namespace) on every `db.collection`. */
  get collection(): Collection<TDoc> {
    return (this.handle ??= this.db.collection<TDoc>(this.collectionName));
  }

  async ensureIndexes(): Promise<void> {
    if (this.indexes.length > 0) await this.collection.createIndexes(this.indexes);
  }

  async findById(id: string): Promise<Entity<TDoc> | null> {
    const doc = await this.collection.findOne({ _id: id } as Filter<TDoc>);
    return doc ? toEntity(doc as TDoc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<Array<Entity<TDoc>>> {
    const docs = await this.collection.find({ _id: { $in: [...ids] } } as Filter<TDoc>, READ_ALL).toArray();
    return docs.map((doc) => toEntity(doc as TDoc));
  }

  async insert(doc: TDoc): Promise<Entity<TDoc>> {
    await this.collection.insertOne(doc as OptionalUnlessRequiredId<TDoc>);
    return toEntity(doc);
  }

  /**
   * Applies changes: undefined fields are left alone, null ones removed (a query for null matches
   * both, and sparse unique indexes then skip the record). Null when there is no such record, or when it
   * no longer matches `guard` (what the change was decided on).
   */
  async update(id: string, changes: Partial<TDoc>, guard: Filter<TDoc> = {}): Promise<Entity<TDoc> | null> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const set = Object.fromEntries(entries.filter(([, value]) => value !== null));
    const unset = Object.fromEntries(entries.filter(([, value]) => value === null).map(([key]) => [key, ""]));
    const doc = await this.collection.findOneAndUpdate(
      { ...guard, _id: id } as Filter<TDoc>,
      { $set: { ...set, updatedAt: new Date() }, ...(entries.length > Object.keys(set).length ? { $unset: unset } : {}) } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc as TDoc) : null;
  }

  /** Writes demo records by id: a second run leaves them as they are, but for their provenance, which it keeps current. */
  async seed(docs: TDoc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.collection.bulkWrite(
      docs.map(({ _id, provenance, ...fields }) => ({
        updateOne: {
          filter: { _id } as Filter<TDoc>,
          update: { $setOnInsert: fields as Partial<TDoc>, ...(provenance ? { $set: { provenance } as Document } : {}) } as Document,
          upsert: true,
        },
      })),
    );
  }

  page(filter: Filter<TDoc>, sortKeys: SortKeys, args: PageArgs): Promise<Page<Entity<TDoc>>> {
    return paginate(this.collection, filter, sortKeys, args, (doc) => toEntity(doc as TDoc));
  }
}

/** Creates every repository's declared indexes (at start; createIndexes is idempotent). */
export async function ensureIndexes(repositories: Record<string, { ensureIndexes(): Promise<void> }>): Promise<void> {
  await Promise.all(Object.values(repositories).map((repository) => repository.ensureIndexes()));
}
