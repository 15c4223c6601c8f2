/** Database and collection management: listDatabases, listCollections, create, drop, dropDatabase... */
import { calculateObjectSize } from "bson";
import { collectionName, optBool, optDoc, type CommandContext, type CommandDefinition } from "./context";
import { compareValues } from "../engine/bson-order";
import { compileFilter } from "../engine/mingo";
import { isPlainObject, type Doc } from "../engine/paths";
import { isNumeric, toNumber } from "../engine/bson-order";
import type { Collection } from "../engine/collection";
import { commandError, ErrorCodes } from "../errors";

/** Generic arguments that are not collection options. */
const GENERIC_ARGS = new Set(["$db", "lsid", "$readPreference", "$clusterTime", "writeConcern", "readConcern", "comment", "maxTimeMS", "apiVersion", "apiStrict", "apiDeprecationErrors", "txnNumber", "autocommit"]);

function dbSize(ctx: CommandContext, db: string): number {
  let size = 0;
  for (const coll of ctx.state.catalog.dbs.get(db)?.values() ?? []) size += coll.count * 64;
  return size;
}

function listDatabases(ctx: CommandContext): Doc {
  const filter = optDoc(ctx, "filter");
  const nameOnly = optBool(ctx, "nameOnly") === true;
  const matcher = filter ? compileFilter(filter) : undefined;
  const databases: Doc[] = [];
  let total = 0;
  for (const name of [...ctx.state.catalog.dbs.keys()].sort()) {
    const sizeOnDisk = dbSize(ctx, name);
    const entry: Doc = nameOnly ? { name } : { name, sizeOnDisk, empty: sizeOnDisk === 0 };
    if (matcher && !matcher.test({ name, sizeOnDisk, empty: sizeOnDisk === 0 })) continue;
    total += sizeOnDisk;
    databases.push(entry);
  }
  return nameOnly ? { databases, ok: 1 } : { databases, totalSize: total, totalSizeMb: Math.floor(total / 1048576), ok: 1 };
}

function listCollections(ctx: CommandContext): Doc {
  const filter = optDoc(ctx, "filter");
  const nameOnly = optBool(ctx, "nameOnly") === true;
  const cursorOpts = optDoc(ctx, "cursor") ?? {};
  const matcher = filter ? compileFilter(filter) : undefined;
  const docs: Doc[] = [];
  const colls = ctx.state.catalog.dbs.get(ctx.db);
  for (const coll of [...(colls?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const type = coll.isView ? "view" : "collection";
    const full: Doc = coll.isView
      ? { name: coll.name, type, options: coll.options, info: { readOnly: true } }
      : { name: coll.name, type, options: coll.options, info: { readOnly: false, uuid: coll.uuid }, idIndex: { v: 2, key: { _id: 1 }, name: "_id_" } };
    if (matcher && !matcher.test(full)) continue;
    docs.push(nameOnly ? { name: coll.name, type } : full);
  }
  return ctx.state.cursors.firstBatch(`${ctx.db}.$cmd.listCollections`, docs, batchSizeOf(cursorOpts));
}

export function batchSizeOf(cursor: Doc): number | undefined {
  const b = cursor.batchSize;
  if (b === undefined || b === null) return undefined;
  const n = Number(b);
  if (!Number.isFinite(n) || n < 0) throw commandError(ErrorCodes.BadValue, "cursor.batchSize must not be negative");
  return n;
}

function create(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const options: Doc = {};
  for (const [k, v] of Object.entries(ctx.body)) {
    if (k === "create" || GENERIC_ARGS.has(k)) continue;
    options[k] = v;
  }
  checkCollectionOptions(options);
  const existing = ctx.state.catalog.getCollection(ctx.db, name);
  if (existing) {
    if (compareValues(existing.options, options) === 0) return { ok: 1 };
    throw commandError(ErrorCodes.NamespaceExists, `Collection ${ctx.db}.${name} already exists.`);
  }
  ctx.state.catalog.createCollection(ctx.db, name, options);
  return { ok: 1 };
}

/** mongod's checks of `create` options: a view's source and pipeline, a capped collection's size, a validator. */
export function checkCollectionOptions(options: Doc): void {
  if (options.viewOn !== undefined) {
    if (typeof options.viewOn !== "string" || options.viewOn.length === 0) throw commandError(ErrorCodes.TypeMismatch, "'viewOn' must be a non-empty string");
    if (options.pipeline !== undefined && !Array.isArray(options.pipeline)) throw commandError(ErrorCodes.TypeMismatch, "'pipeline' must be an array");
    for (const stage of (options.pipeline as Doc[] | undefined) ?? []) {
      const name = isPlainObject(stage) ? Object.keys(stage)[0] : "";
      if (name === "$out" || name === "$merge") throw commandError(ErrorCodes.OptionNotSupportedOnView, `${name} cannot be used in a view definition`);
    }
    if (options.capped || options.validator) throw commandError(ErrorCodes.InvalidOptions, "'viewOn' option is not supported with 'capped' or 'validator'");
    options.pipeline ??= [];
    return;
  }
  if (options.pipeline !== undefined) throw commandError(ErrorCodes.BadValue, "'pipeline' requires 'viewOn' to also be specified");
  if (options.clusteredIndex !== undefined) {
    const spec = options.clusteredIndex;
    if (!isPlainObject(spec) || compareValues(spec.key, { _id: 1 }) !== 0 || spec.unique !== true) {
      throw commandError(ErrorCodes.InvalidIndexSpecificationOption, "The clusteredIndex option requires key {_id: 1} and unique: true");
    }
    options.clusteredIndex = { v: 2, ...spec, name: typeof spec.name === "string" ? spec.name : "_id_" };
  }
  if (options.capped === true && !isNumeric(options.size)) throw commandError(ErrorCodes.InvalidOptions, "the 'size' field is required when 'capped' is true");
  if (options.validator !== undefined) {
    if (!isPlainObject(options.validator)) throw commandError(ErrorCodes.TypeMismatch, "'validator' must be an object");
    compileFilter(options.validator);
  }
  if (options.validationLevel !== undefined && !["off", "strict", "moderate"].includes(String(options.validationLevel))) {
    throw commandError(ErrorCodes.BadValue, `Enumeration value '${String(options.validationLevel)}' for field 'validationLevel' is not a valid value.`);
  }
  if (options.validationAction !== undefined && !["error", "warn"].includes(String(options.validationAction))) {
    throw commandError(ErrorCodes.BadValue, `Enumeration value '${String(options.validationAction)}' for field 'validationAction' is not a valid value.`);
  }
}

function drop(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) return { ok: 1 };
  const nIndexesWas = coll.indexes.size;
  ctx.state.catalog.dropCollection(ctx.db, name);
  return { nIndexesWas, ns: `${ctx.db}.${name}`, ok: 1 };
}

function dropDatabase(ctx: CommandContext): Doc {
  ctx.state.catalog.dropDatabase(ctx.db);
  return { ok: 1 };
}

function renameCollection(ctx: CommandContext): Doc {
  if (ctx.db !== "admin") throw commandError(ErrorCodes.Unauthorized, "renameCollection may only be run against the admin database.");
  const from = String(ctx.body.renameCollection ?? "");
  const to = String(ctx.body.to ?? "");
  const split = (ns: string): [string, string] => {
    const i = ns.indexOf(".");
    if (i <= 0 || i === ns.length - 1) throw commandError(ErrorCodes.InvalidNamespace, `Invalid namespace specified '${ns}'`);
    return [ns.slice(0, i), ns.slice(i + 1)];
  };
  const [fromDb, fromColl] = split(from);
  const [toDb, toColl] = split(to);
  ctx.state.catalog.renameCollection(fromDb, fromColl, toDb, toColl, optBool(ctx, "dropTarget") === true);
  return { ok: 1 };
}

/** A collection's storage statistics, as `collStats` and `$collStats: { storageStats }` report them. */
/** The `scale` of collStats / $collStats' storageStats: sizes are divided by it (whole numbers), as mongod does. */
export function statsScale(raw: unknown): number {
  if (raw === undefined || raw === null) return 1;
  const scale = isNumeric(raw) ? Math.trunc(toNumber(raw)) : Number.NaN;
  if (!(scale >= 1)) throw commandError(ErrorCodes.BadValue, "scale has to be >= 1");
  return scale;
}

export function storageStats(coll: Collection, scale = 1): Doc {
  let bytes = 0;
  for (const d of coll.records.values()) bytes += calculateObjectSize(d);
  const size = Math.trunc(bytes / scale);
  const stats: Doc = {
    size,
    count: coll.count,
    avgObjSize: coll.count ? Math.round(bytes / coll.count) : 0,
    storageSize: size,
    freeStorageSize: 0,
    capped: coll.capped,
    nindexes: coll.indexes.size,
    indexDetails: {},
    indexBuilds: [],
    totalIndexSize: 0,
    totalSize: size,
    indexSizes: Object.fromEntries([...coll.indexes.keys()].map((k) => [k, 0])),
    scaleFactor: scale,
  };
  if (coll.capped) {
    stats.max = Number(coll.options.max ?? 0);
    stats.maxSize = Math.trunc(coll.cappedSize / scale);
  }
  return stats;
}

function collStats(ctx: CommandContext, name: string): Doc {
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, `Collection [${ctx.db}.${name}] not found.`);
  if (coll.isView) throw commandError(ErrorCodes.CommandNotSupportedOnView, `Namespace ${coll.ns} is a view, not a collection`);
  return { ns: coll.ns, ...storageStats(coll, statsScale(ctx.body.scale)), ok: 1 };
}

function dbStats(ctx: CommandContext): Doc {
  const colls = [...(ctx.state.catalog.dbs.get(ctx.db)?.values() ?? [])];
  let objects = 0;
  let indexes = 0;
  for (const c of colls) {
    objects += c.count;
    indexes += c.indexes.size;
  }
  const views = colls.filter((c) => c.isView).length;
  return { db: ctx.db, collections: colls.length - views, views, objects, indexes, dataSize: 0, storageSize: 0, indexSize: 0, totalSize: 0, ok: 1 };
}

export const adminCommands: Record<string, CommandDefinition> = {
  listDatabases: { handler: listDatabases },
  listCollections: { handler: listCollections },
  create: { handler: create },
  drop: { handler: drop },
  dropDatabase: { handler: dropDatabase },
  renameCollection: { handler: renameCollection },
  collStats: { handler: (ctx) => collStats(ctx, collectionName(ctx)) },
  dbStats: { handler: dbStats },
  validate: {
    handler: (ctx) => {
      const name = collectionName(ctx);
      if (!ctx.state.catalog.getCollection(ctx.db, name)) throw commandError(ErrorCodes.NamespaceNotFound, `Collection '${ctx.db}.${name}' does not exist to validate.`);
      return { ns: `${ctx.db}.${name}`, valid: true, errors: [], warnings: [], ok: 1 };
    },
  },
};

