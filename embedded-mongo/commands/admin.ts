/** Database and collection management: listDatabases, listCollections, create, drop, dropDatabase... */
import { calculateObjectSize } from "bson";
import { collectionName, optBool, optDoc, type CommandContext, type CommandDefinition } from "./context";
import { compareValues } from "../engine/bson-order";
import { compileFilter } from "../engine/mingo";
import type { Doc } from "../engine/paths";
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
    const full: Doc = {
      name: coll.name,
      type: "collection",
      options: coll.options,
      info: { readOnly: false, uuid: coll.uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: "_id_" },
    };
    if (matcher && !matcher.test(full)) continue;
    docs.push(nameOnly ? { name: coll.name, type: "collection" } : full);
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
  if (options.viewOn !== undefined) throw commandError(ErrorCodes.CommandNotSupported, "views are not supported by this server");
  const existing = ctx.state.catalog.getCollection(ctx.db, name);
  if (existing) {
    if (compareValues(existing.options, options) === 0) return { ok: 1 };
    throw commandError(ErrorCodes.NamespaceExists, `Collection ${ctx.db}.${name} already exists.`);
  }
  ctx.state.catalog.createCollection(ctx.db, name, options);
  return { ok: 1 };
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

function collStats(ctx: CommandContext, name: string): Doc {
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, `Collection [${ctx.db}.${name}] not found.`);
  let size = 0;
  for (const d of coll.records.values()) size += calculateObjectSize(d);
  return {
    ns: coll.ns,
    size,
    count: coll.count,
    avgObjSize: coll.count ? Math.round(size / coll.count) : 0,
    storageSize: size,
    nindexes: coll.indexes.size,
    indexSizes: Object.fromEntries([...coll.indexes.keys()].map((k) => [k, 0])),
    totalIndexSize: 0,
    totalSize: size,
    ok: 1,
  };
}

function dbStats(ctx: CommandContext): Doc {
  const colls = [...(ctx.state.catalog.dbs.get(ctx.db)?.values() ?? [])];
  let objects = 0;
  let indexes = 0;
  for (const c of colls) {
    objects += c.count;
    indexes += c.indexes.size;
  }
  return { db: ctx.db, collections: colls.length, views: 0, objects, indexes, dataSize: 0, storageSize: 0, indexSize: 0, totalSize: 0, ok: 1 };
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

