import type { Db, IndexDescription } from "mongodb";
import { isDuplicateKeyError, ConflictError, paginate, type PageArgs } from "../kit";

/** A subgraph as registered: who owns it, where it answers, its SDL, who published it and when. */
export interface RegisteredSubgraphRecord {
  name: string;
  /** Null for the built-in subgraphs: they belong to the hub's operator. */
  organizationId: string | null;
  builtIn: boolean;
  routingUrl: string;
  sdl: string;
  publishedBy: string | null;
  publishedAt: Date;
}

export type SupergraphChangeKind = "BUILT_INS" | "PUBLISH" | "DELETE" | "ROLLBACK";

/**
 * One version of the supergraph: the whole registry at that moment (every subgraph) and its composition.
 * The latest version is the registry's current state, so a change is one insert and a rollback a copy.
 */
export interface SupergraphVersionDocument {
  /** The version number: the key, so two changes made against the same version cannot both land. */
  _id: number;
  /** The same number, to page newest first (pages order by `_id` ascending last). */
  version: number;
  sdl: string;
  subgraphs: RegisteredSubgraphRecord[];
  change: SupergraphChangeKind;
  /** The subgraph changed (PUBLISH, DELETE), or null. */
  subgraph: string | null;
  /** The version copied (ROLLBACK). */
  rolledBackTo: number | null;
  createdBy: string | null;
  createdAt: Date;
  /** A change that broke operations clients sent, forced by an organization admin. */
  forced: boolean;
  breakingChanges: string[];
}

export interface OperationUsageDocument {
  /** `<day>:<signatureHash>` */
  _id: string;
  day: string;
  signatureHash: string;
  name: string | null;
  fields: string[];
  count: number;
}

export class RegistryRepository {
  constructor(private readonly db: Db) {}

  get versions() {
    return this.db.collection<SupergraphVersionDocument>("supergraph_versions");
  }

  get usage() {
    return this.db.collection<OperationUsageDocument>("operation_usage");
  }

  async ensureIndexes(): Promise<void> {
    const usageIndexes: IndexDescription[] = [{ key: { fields: 1, day: 1 } }];
    await Promise.all([this.usage.createIndexes(usageIndexes), this.versions.createIndexes([{ key: { version: -1 } }])]);
  }

  async latest(): Promise<SupergraphVersionDocument | null> {
    return this.versions.findOne({}, { sort: { _id: -1 } });
  }

  async version(version: number): Promise<SupergraphVersionDocument | null> {
    return this.versions.findOne({ _id: version });
  }

  /**
   * Appends the version after `previous`. The version number is the key, so of two changes made against
   * the same version only the first lands; the other is told to retry (and re-run its checks).
   */
  async append(previous: number, version: Omit<SupergraphVersionDocument, "_id" | "version" | "createdAt">): Promise<SupergraphVersionDocument> {
    const doc: SupergraphVersionDocument = { _id: previous + 1, version: previous + 1, createdAt: new Date(), ...version };
    try {
      await this.versions.insertOne(doc);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError("The supergraph changed while this change was checked: run it again");
      throw error;
    }
    return doc;
  }

  pageVersions(args: PageArgs) {
    return paginate(this.versions as never, {}, [["version", -1]], args, (doc: SupergraphVersionDocument) => doc);
  }

  async recordUsage(operations: Array<Omit<OperationUsageDocument, "_id">>): Promise<void> {
    if (operations.length === 0) return;
    await this.usage.bulkWrite(
      operations.map((operation) => ({
        updateOne: {
          filter: { _id: `${operation.day}:${operation.signatureHash}` },
          update: {
            $inc: { count: operation.count },
            $setOnInsert: { day: operation.day, signatureHash: operation.signatureHash, name: operation.name, fields: operation.fields },
          },
          upsert: true,
        },
      })),
    );
  }

  /** Operations sent since `day` that used any of `coordinates`, counted over the window. */
  async operationsUsing(coordinates: string[], sinceDay: string): Promise<Array<{ signatureHash: string; name: string | null; fields: string[]; count: number }>> {
    if (coordinates.length === 0) return [];
    const docs = await this.usage.find({ fields: { $in: coordinates }, day: { $gte: sinceDay } }).toArray();
    const bySignature = new Map<string, { signatureHash: string; name: string | null; fields: string[]; count: number }>();
    for (const doc of docs) {
      const entry = bySignature.get(doc.signatureHash);
      if (entry) entry.count += doc.count;
      else bySignature.set(doc.signatureHash, { signatureHash: doc.signatureHash, name: doc.name, fields: doc.fields, count: doc.count });
    }
    return [...bySignature.values()];
  }
}
