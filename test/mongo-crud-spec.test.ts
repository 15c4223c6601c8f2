/**
 * Conformance runner: drives the official driver through every case of MongoDB's CRUD specification
 * tests (v1 format) found in MONGO_CRUD_SPEC_DIR or <repo>/../shared/mongo-crud-spec, against the
 * embedded server (or MONGODB_URL when set). One jest test per spec case.
 */
import fs from "node:fs";
import path from "node:path";
import { EJSON, type Document } from "bson";
import { MongoClient, MongoServerError, type AnyBulkWriteOperation, type Collection, type Db } from "mongodb";
import { startTestDatabase, type TestDatabase } from "./support/database";
import { describeTarget } from "./support/server-description";
import { specJsonFiles } from "../embedded-mongo/spec/unified";

interface SpecTest {
  description: string;
  operation: { name: string; arguments: Document };
  outcome: { result?: unknown; error?: boolean; collection?: { name?: string; data: Document[] } };
  skipReason?: string;
}

interface SpecFile {
  file: string;
  data: Document[];
  minServerVersion?: string;
  maxServerVersion?: string;
  collection_name?: string;
  database_name?: string;
  tests: SpecTest[];
}

const specDir = process.env.MONGO_CRUD_SPEC_DIR ?? path.resolve(__dirname, "..", "..", "shared", "mongo-crud-spec");

function loadSpecs(dir: string): SpecFile[] {
  return specJsonFiles(dir).map((file) => ({ file: path.relative(dir, file), ...(EJSON.parse(fs.readFileSync(file, "utf8"), { relaxed: true }) as Omit<SpecFile, "file">) }));
}

function versionParts(v: string): number[] {
  return v.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
}

function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length, 3); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function applies(spec: SpecFile, version: string): boolean {
  if (spec.minServerVersion && compareVersions(version, spec.minServerVersion) < 0) return false;
  if (spec.maxServerVersion && compareVersions(version, spec.maxServerVersion) > 0) return false;
  return true;
}

/** Plain data for comparison: driver results as objects, BSON numbers as numbers. */
function plain(value: unknown): unknown {
  return EJSON.deserialize(EJSON.serialize(value as Document, { relaxed: true }) as Document, { relaxed: true });
}

/** `expected` must be found in `actual`: objects may carry extra fields; empty maps may be absent. */
function expectMatch(actual: unknown, expected: unknown, where = "result"): void {
  if (expected !== null && typeof expected === "object" && !Array.isArray(expected)) {
    if (Object.keys(expected).length === 0 && (actual === undefined || actual === null)) return;
    expect(actual !== null && typeof actual === "object").toBe(true);
    for (const [k, v] of Object.entries(expected as Document)) {
      const a = (actual as Document)[k];
      if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0 && (a === undefined || (typeof a === "object" && a !== null && Object.keys(a).length === 0))) continue;
      expectMatch(a, v, `${where}.${k}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect(actual).toEqual(expected);
    return;
  }
  expect({ [where]: actual }).toEqual({ [where]: expected });
}

function returnDocument(args: Document): { returnDocument?: "before" | "after" } {
  if (args.returnDocument === undefined) return {};
  return { returnDocument: String(args.returnDocument).toLowerCase() === "after" ? "after" : "before" };
}

function pick(args: Document, ...keys: string[]): Document {
  const out: Document = {};
  for (const k of keys) if (args[k] !== undefined) out[k] = args[k];
  return out;
}

function bulkRequest(req: { name: string; arguments: Document }): AnyBulkWriteOperation {
  const a = req.arguments;
  switch (req.name) {
    case "insertOne":
      return { insertOne: { document: a.document } };
    case "updateOne":
      return { updateOne: { filter: a.filter, update: a.update, ...pick(a, "upsert", "arrayFilters", "collation", "hint") } };
    case "updateMany":
      return { updateMany: { filter: a.filter, update: a.update, ...pick(a, "upsert", "arrayFilters", "collation", "hint") } };
    case "replaceOne":
      return { replaceOne: { filter: a.filter, replacement: a.replacement, ...pick(a, "upsert", "collation", "hint") } };
    case "deleteOne":
      return { deleteOne: { filter: a.filter, ...pick(a, "collation", "hint") } };
    case "deleteMany":
      return { deleteMany: { filter: a.filter, ...pick(a, "collation", "hint") } };
    default:
      throw new Error(`unknown bulk request ${req.name}`);
  }
}

function bulkResult(r: { insertedCount: number; matchedCount: number; modifiedCount: number; deletedCount: number; upsertedCount: number; insertedIds: Document; upsertedIds: Document }): Document {
  return {
    insertedCount: r.insertedCount,
    matchedCount: r.matchedCount,
    modifiedCount: r.modifiedCount,
    deletedCount: r.deletedCount,
    upsertedCount: r.upsertedCount,
    insertedIds: r.insertedIds,
    upsertedIds: r.upsertedIds,
  };
}

async function runOperation(db: Db, coll: Collection, op: SpecTest["operation"]): Promise<unknown> {
  const a = op.arguments ?? {};
  const options = a.options ?? {};
  switch (op.name) {
    case "find":
      return coll.find(a.filter ?? {}, pick(a, "sort", "skip", "limit", "batchSize", "projection", "collation", "hint", "allowDiskUse", "comment")).toArray();
    case "aggregate":
      return coll.aggregate(a.pipeline, pick(a, "batchSize", "collation", "hint", "allowDiskUse", "comment")).toArray();
    case "count": {
      // the legacy count command
      const reply = await db.command({ count: coll.collectionName, query: a.filter ?? {}, ...pick(a, "skip", "limit", "collation", "hint") });
      return reply.n;
    }
    case "countDocuments":
      return coll.countDocuments(a.filter ?? {}, pick(a, "skip", "limit", "collation", "hint"));
    case "estimatedDocumentCount":
      return coll.estimatedDocumentCount();
    case "distinct":
      return coll.distinct(a.fieldName, a.filter ?? {}, pick(a, "collation"));
    case "insertOne": {
      const r = await coll.insertOne(a.document);
      return { insertedId: r.insertedId };
    }
    case "insertMany": {
      const r = await coll.insertMany(a.documents, pick(options, "ordered"));
      return { insertedIds: r.insertedIds, insertedCount: r.insertedCount };
    }
    case "updateOne":
      return coll.updateOne(a.filter, a.update, pick(a, "upsert", "arrayFilters", "collation", "hint"));
    case "updateMany":
      return coll.updateMany(a.filter, a.update, pick(a, "upsert", "arrayFilters", "collation", "hint"));
    case "replaceOne":
      return coll.replaceOne(a.filter, a.replacement, pick(a, "upsert", "collation", "hint"));
    case "deleteOne":
      return coll.deleteOne(a.filter, pick(a, "collation", "hint"));
    case "deleteMany":
      return coll.deleteMany(a.filter, pick(a, "collation", "hint"));
    case "findOneAndUpdate":
      return coll.findOneAndUpdate(a.filter, a.update, { ...pick(a, "projection", "sort", "upsert", "arrayFilters", "collation", "hint"), ...returnDocument(a) });
    case "findOneAndReplace":
      return coll.findOneAndReplace(a.filter, a.replacement, { ...pick(a, "projection", "sort", "upsert", "collation", "hint"), ...returnDocument(a) });
    case "findOneAndDelete":
      return coll.findOneAndDelete(a.filter, pick(a, "projection", "sort", "collation", "hint"));
    case "bulkWrite": {
      const r = await coll.bulkWrite((a.requests as Array<{ name: string; arguments: Document }>).map(bulkRequest), pick(options, "ordered"));
      return bulkResult(r);
    }
    default:
      throw new Error(`unsupported operation ${op.name}`);
  }
}

/** The result an operation reported when it failed (bulk/insertMany errors carry partial results). */
function errorResult(error: unknown): unknown {
  const e = error as { result?: Parameters<typeof bulkResult>[0] & Document; insertedCount?: number };
  if (e.result && typeof e.result.insertedCount === "number") return bulkResult(e.result);
  return undefined;
}

const specsPresent = fs.existsSync(specDir);

if (!specsPresent) {
  if (process.env.CI) {
    test("MongoDB CRUD spec folder is present", () => {
      throw new Error(`CRUD spec tests not found at ${specDir} (set MONGO_CRUD_SPEC_DIR)`);
    });
  } else {
    test.skip(`MongoDB CRUD spec tests not found at ${specDir}: conformance skipped`, () => undefined);
  }
} else {
  const specs = loadSpecs(specDir);
  let database: TestDatabase;
  let client: MongoClient;
  // which tests apply is decided before any runs, so those for other server versions are jest skips
  const serverVersion = describeTarget().version;
  const dbName = (() => {
    let name = "";
    return (d: TestDatabase): string => (name ||= d.uniqueDbName("crud_spec"));
  })();

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
  });

  afterAll(async () => {
    await client?.db(dbName(database)).dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  for (const spec of specs) {
    describe(spec.file, () => {
      for (const t of spec.tests) {
        if (!applies(spec, serverVersion)) {
          it.skip(`${t.description} (min/maxServerVersion excludes ${serverVersion})`, () => undefined);
          continue;
        }
        it(t.description, async () => {
          const db = client.db(dbName(database));
          const collName = spec.collection_name ?? "test";
          const coll = db.collection(collName);
          await coll.drop().catch(() => undefined);
          const outName = t.outcome.collection?.name;
          if (outName && outName !== collName) await db.collection(outName).drop().catch(() => undefined);
          if (spec.data.length) await coll.insertMany(spec.data);

          let result: unknown;
          let error: unknown;
          try {
            result = await runOperation(db, coll, t.operation);
          } catch (e) {
            error = e;
          }
          if (t.outcome.error) {
            expect(error).toBeDefined();
            if (t.outcome.result !== undefined) expectMatch(plain(errorResult(error)), t.outcome.result);
          } else {
            if (error) throw error instanceof MongoServerError ? new Error(`${error.code} ${error.message}`) : error;
            if (t.outcome.result !== undefined) expectMatch(plain(result), t.outcome.result);
          }
          if (t.outcome.collection) {
            const target = db.collection(t.outcome.collection.name ?? collName);
            const data = await target.find({}, { sort: { _id: 1 } }).toArray();
            expect(plain(data)).toEqual(t.outcome.collection.data);
          }
        });
      }
    });
  }
}
