/** createIndexes, listIndexes, dropIndexes. */
import { collectionName, optArray, type CommandContext, type CommandDefinition } from "./context";
import { batchSizeOf } from "./admin";
import { compareValues, isNumeric, toNumber } from "../engine/bson-order";
import { isTextIndexKey, MAX_INDEXES, type IndexEntry, type IndexSpec } from "../engine/collection";
import { checkWritable } from "../engine/catalog";
import { isPlainObject, type Doc } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

const SPEC_OPTIONS = ["unique", "sparse", "partialFilterExpression", "expireAfterSeconds", "collation", "hidden"];

/** Turns a requested index into the spec mongod stores (text indexes get _fts/_ftsx keys and weights). */
function normalizeSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw commandError(ErrorCodes.TypeMismatch, "Index specification must be an object");
  const key = raw.key;
  if (!isPlainObject(key)) throw commandError(ErrorCodes.TypeMismatch, "The 'key' field must be an object");
  if (Object.keys(key).length === 0) throw commandError(ErrorCodes.CannotCreateIndex, "Index keys cannot be empty.");
  if (typeof raw.name !== "string" || raw.name.length === 0) throw commandError(ErrorCodes.TypeMismatch, "The 'name' field must be a non-empty string");
  for (const [field, v] of Object.entries(key)) {
    if (field.length === 0) throw commandError(ErrorCodes.CannotCreateIndex, "Index keys cannot be an empty field.");
    if (typeof v === "string") {
      if (v === "text" || v === "hashed") continue;
      throw commandError(ErrorCodes.CannotCreateIndex, `Unknown index plugin '${v}'`);
    }
    if (!isNumeric(v)) throw commandError(ErrorCodes.CannotCreateIndex, `Values in the index key pattern must be numbers or strings, found ${String(v)}`);
    if (toNumber(v) === 0) throw commandError(ErrorCodes.CannotCreateIndex, "Values in the index key pattern can't be 0.");
  }
  const spec: IndexSpec = { v: 2, key: {}, name: raw.name };
  if (isTextIndexKey(key)) {
    const weights: Record<string, number> = {};
    for (const [field, v] of Object.entries(key)) if (v === "text") weights[field] = 1;
    if (isPlainObject(raw.weights)) for (const [f, w] of Object.entries(raw.weights)) weights[f] = Number(w);
    spec.key = { _fts: "text", _ftsx: 1 };
    spec.weights = weights;
    spec.default_language = typeof raw.default_language === "string" ? raw.default_language : "english";
    spec.language_override = typeof raw.language_override === "string" ? raw.language_override : "language";
    spec.textIndexVersion = 3;
  } else {
    for (const [field, v] of Object.entries(key)) spec.key[field] = v === "hashed" ? "hashed" : toNumber(v) < 0 ? -1 : 1;
  }
  for (const opt of SPEC_OPTIONS) if (raw[opt] !== undefined) spec[opt] = raw[opt];
  if (spec.unique === false) delete spec.unique;
  if (spec.sparse === false) delete spec.sparse;
  if (compareValues(spec.key, { _id: 1 }) === 0) {
    for (const option of ["unique", "sparse", "partialFilterExpression", "expireAfterSeconds"]) {
      if (raw[option] !== undefined) {
        throw commandError(ErrorCodes.InvalidIndexSpecificationOption, `The field '${option}' is not valid for an _id index specification. Specification: ${JSON.stringify(raw)}`);
      }
    }
  }
  if (spec.expireAfterSeconds !== undefined && (!isNumeric(spec.expireAfterSeconds) || toNumber(spec.expireAfterSeconds) < 0)) {
    throw commandError(ErrorCodes.CannotCreateIndex, "TTL index 'expireAfterSeconds' option must be numeric and non-negative");
  }
  if (spec.name === "_id_" && compareValues(spec.key, { _id: 1 }) !== 0) {
    throw commandError(ErrorCodes.BadValue, "The index name '_id_' is reserved for the _id index, which must have key pattern {_id: 1}");
  }
  return spec;
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return SPEC_OPTIONS.every((o) => compareValues(a[o] ?? null, b[o] ?? null) === 0) && compareValues(a.weights ?? null, b.weights ?? null) === 0;
}

function createIndexes(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const requested = optArray(ctx, "indexes");
  if (!requested || requested.length === 0) throw commandError(ErrorCodes.BadValue, "Must specify at least one index to create");
  const specs = requested.map(normalizeSpec);
  const { catalog } = ctx.state;
  checkWritable(ctx.db, name, catalog.getCollection(ctx.db, name));
  const { coll, created } = catalog.ensureCollection(ctx.db, name);
  const before = coll.indexes.size;
  const toBuild: IndexSpec[] = [];
  for (const spec of specs) {
    if (spec.name === "_id_" || compareValues(spec.key, { _id: 1 }) === 0) continue;
    const sameName = coll.indexes.get(spec.name);
    if (sameName) {
      if (compareValues(sameName.spec.key, spec.key) !== 0) {
        throw commandError(
          ErrorCodes.IndexKeySpecsConflict,
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`,
        );
      }
      if (!sameOptions(sameName.spec, spec)) {
        throw commandError(ErrorCodes.IndexOptionsConflict, `An existing index has the same name as the requested index but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`);
      }
      continue;
    }
    const sameKey = [...coll.indexes.values()].find((e: IndexEntry) => compareValues(e.spec.key, spec.key) === 0);
    if (sameKey) {
      throw commandError(ErrorCodes.IndexOptionsConflict, `Index already exists with a different name: ${sameKey.spec.name}`);
    }
    toBuild.push(spec);
  }
  if (coll.indexes.size + toBuild.length > MAX_INDEXES) {
    throw commandError(ErrorCodes.CannotCreateIndex, `add index fails, too many indexes for ${coll.ns} key:${JSON.stringify(toBuild[toBuild.length - 1].key)}`);
  }
  for (const spec of toBuild) coll.createIndex(spec);
  const reply: Doc = { numIndexesBefore: before, numIndexesAfter: coll.indexes.size, createdCollectionAutomatically: created };
  if (toBuild.length === 0) reply.note = "all indexes already exist";
  return { ...reply, ok: 1 };
}

function listIndexes(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
  // a clustered collection lists its _id index as the clustered index it was created with
  const clustered = isPlainObject(coll.options.clusteredIndex) ? { ...coll.options.clusteredIndex, clustered: true } : undefined;
  const docs = [...coll.indexes.values()].map((e) => (e.spec.name === "_id_" && clustered ? clustered : { ...e.spec }));
  const cursor = isPlainObject(ctx.body.cursor) ? ctx.body.cursor : {};
  return ctx.state.cursors.firstBatch(`${ctx.db}.$cmd.listIndexes.${name}`, docs, batchSizeOf(cursor));
}

function dropIndexes(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.size;
  const index = ctx.body.index;
  const names: string[] = [];
  if (index === "*") {
    for (const n of coll.indexes.keys()) if (n !== "_id_") names.push(n);
  } else if (typeof index === "string") {
    names.push(index);
  } else if (Array.isArray(index)) {
    for (const n of index) names.push(String(n));
  } else if (isPlainObject(index)) {
    const text = isTextIndexKey(index);
    const found = [...coll.indexes.values()].find((e) => (text ? e.kind === "text" : compareValues(e.spec.key, index) === 0));
    if (!found) throw commandError(ErrorCodes.IndexNotFound, `can't find index with key: ${JSON.stringify(index)}`);
    names.push(found.spec.name);
  } else {
    throw commandError(ErrorCodes.TypeMismatch, "dropIndexes 'index' must be a string, an object or an array of strings");
  }
  for (const n of names) {
    if (n === "_id_") throw commandError(ErrorCodes.InvalidOptions, "cannot drop _id index");
    if (!coll.indexes.has(n)) throw commandError(ErrorCodes.IndexNotFound, `index not found with name [${n}]`);
  }
  for (const n of names) coll.dropIndex(n);
  return { nIndexesWas, ok: 1 };
}

export const indexCommands: Record<string, CommandDefinition> = {
  createIndexes: { handler: createIndexes },
  listIndexes: { handler: listIndexes },
  dropIndexes: { handler: dropIndexes },
  deleteIndexes: { handler: dropIndexes },
};
