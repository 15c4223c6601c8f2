import type { Db, Document } from "mongodb";
import { connectMongo, subgraphDatabaseName, valueAt } from "../subgraphs/kit";
import { demoDirectory } from "./demo/networks";

/*
 * The benchmarks' data set: the demo world (59 schools) copied with new ids until there are about as many schools
 * as asked. A copy rewrites every id alike wherever it appears, so each copy is a whole world of its own whose
 * links stay inside it; a unique key that no id makes distinct (a survey token, an NCES id) gets a suffix.
 */

/** The subgraphs that hold the schools' world (the registry holds schemas only). */
export const SUBGRAPHS = ["networks", "resources", "development", "advocacy"] as const;
/** Copies never take these: they hold no per-school data, or secrets that must stay unique (API key hashes). */
const NOT_COPIED = new Set(["api_keys"]);
/** Documents per insertMany: a 10,000-school world is millions of documents, never all in memory at once. */
const BATCH = 5_000;
const OBJECT_ID = /\b[0-9a-f]{24}\b/g;

/** One unique index: its fields, and whether a document without them is left out of it. */
export interface UniqueKey {
  name: string;
  fields: string[];
  skipsAbsent: boolean;
}

/**
 * The same id in copy `copy` (1 to 65,535): its first four hex digits XORed with the copy's number, so no copy
 * meets the original or another copy (a demo id may itself begin with `000c`).
 */
export function copiedId(id: string, copy: number): string {
  return (parseInt(id.slice(0, 4), 16) ^ copy).toString(16).padStart(4, "0") + id.slice(4);
}

/** The unique indexes among `indexes` (as `listIndexes` gives them); `_id` needs none, ids are always rewritten. */
export function uniqueKeys(indexes: Document[]): UniqueKey[] {
  return indexes
    .filter((index) => index.unique === true && index.name !== "_id_")
    .map((index) => ({ name: String(index.name), fields: Object.keys(index.key), skipsAbsent: index.sparse === true || index.partialFilterExpression !== undefined }));
}

/** `document` as it is in copy `copy` (≥ 1), distinct from every other copy in each of `keys`. */
export function copyDocument(document: Document, copy: number, keys: UniqueKey[]): Document {
  const copied = copyIds(document, copy) as Document;
  for (const key of keys) {
    const values = key.fields.map((field) => valueAt(document, field));
    if (key.skipsAbsent && values.every((value) => value === undefined)) continue;
    if (key.fields.some((field, i) => !sameValue(values[i], valueAt(copied, field)))) continue;
    const text = values.findIndex((value) => typeof value === "string");
    if (text < 0) throw new Error(`copy ${copy} of ${String(document._id)}: its unique key (${key.fields.join(", ")}) of ${key.name} holds no id and no text to make distinct`);
    setValueAt(copied, key.fields[text], `${values[text] as string}~${copy}`);
  }
  return copied;
}

/** Copies the demo world until there are about `schools` schools; returns how many there are. */
export async function growDataSet(mongoUrl: string, schools: number): Promise<number> {
  const demoSchools = demoDirectory().schools.length;
  const copies = Math.max(0, Math.round(schools / demoSchools) - 1);
  if (copies > 0xffff) throw new Error(`at most ${demoSchools * 0x10000} schools`);
  const client = await connectMongo(mongoUrl);
  try {
    for (const name of SUBGRAPHS) await growDatabase(client.db(subgraphDatabaseName(name)), copies);
    return demoSchools * (copies + 1);
  } finally {
    await client.close();
  }
}

async function growDatabase(db: Db, copies: number): Promise<void> {
  for (const { name } of await db.listCollections().toArray()) {
    if (NOT_COPIED.has(name) || name.startsWith("system.")) continue;
    const collection = db.collection(name);
    const [documents, indexes] = await Promise.all([collection.find().toArray(), collection.listIndexes().toArray()]);
    const keys = uniqueKeys(indexes);
    let batch: Document[] = [];
    for (let copy = 1; copy <= copies; copy++) {
      for (const document of documents) {
        batch.push(copyDocument(document, copy, keys));
        if (batch.length === BATCH) {
          await collection.insertMany(batch, { ordered: false });
          batch = [];
        }
      }
    }
    if (batch.length > 0) await collection.insertMany(batch, { ordered: false });
  }
}

function copyIds(value: unknown, copy: number): unknown {
  if (typeof value === "string") return value.replace(OBJECT_ID, (id) => copiedId(id, copy));
  if (Array.isArray(value)) return value.map((item) => copyIds(item, copy));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ((value as { _bsontype?: string })._bsontype) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyIds(item, copy)]));
  }
  return value;
}

function setValueAt(document: Document, dotted: string, value: unknown): void {
  const parts = dotted.split(".");
  const parent = parts.slice(0, -1).reduce((node: Document, part) => node[part] as Document, document);
  parent[parts[parts.length - 1]] = value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
