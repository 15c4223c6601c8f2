/** collMod (validator, validation level/action, view definition, index options) and currentOp. */
import { checkCollectionOptions } from "./admin";
import { collectionName, optDoc, type CommandContext, type CommandDefinition } from "./context";
import { compareValues } from "../engine/bson-order";
import type { IndexSpec } from "../engine/collection";
import { isPlainObject, type Doc } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

const COLLECTION_OPTIONS = ["validator", "validationLevel", "validationAction", "viewOn", "pipeline", "changeStreamPreAndPostImages", "expireAfterSeconds"];
const GENERIC = new Set(["collMod", "$db", "lsid", "$readPreference", "$clusterTime", "writeConcern", "comment", "maxTimeMS", "apiVersion", "apiStrict", "apiDeprecationErrors", "index", "dryRun"]);

/** CannotConvertIndexToUnique, with the _ids sharing each key as mongod lists them. */
const CANNOT_CONVERT_TO_UNIQUE = 359;

function modifyIndex(ctx: CommandContext, spec: Doc, reply: Doc): void {
  const coll = ctx.state.catalog.getCollection(ctx.db, collectionName(ctx))!;
  const entry = [...coll.indexes.values()].find((e) => (typeof spec.name === "string" ? e.spec.name === spec.name : compareValues(e.spec.key, spec.keyPattern) === 0));
  if (!entry) throw commandError(ErrorCodes.IndexNotFound, `cannot find index ${JSON.stringify(spec.name ?? spec.keyPattern)} for ns ${coll.ns}`);
  if (entry.spec.name === "_id_") throw commandError(ErrorCodes.BadValue, "cannot modify the _id index");
  const next: IndexSpec = { ...entry.spec };
  if (spec.expireAfterSeconds !== undefined) {
    reply.expireAfterSeconds_old = entry.spec.expireAfterSeconds;
    reply.expireAfterSeconds_new = spec.expireAfterSeconds;
    next.expireAfterSeconds = spec.expireAfterSeconds;
  }
  if (spec.hidden !== undefined) {
    reply.hidden_old = entry.spec.hidden === true;
    reply.hidden_new = spec.hidden === true;
    if (spec.hidden) next.hidden = true;
    else delete next.hidden;
  }
  if (spec.prepareUnique !== undefined) {
    reply.prepareUnique_old = entry.spec.prepareUnique === true;
    reply.prepareUnique_new = spec.prepareUnique === true;
    next.prepareUnique = spec.prepareUnique === true;
  }
  if (spec.unique === true && entry.spec.unique !== true) {
    if (entry.kind === "text") throw commandError(ErrorCodes.InvalidOptions, "Cannot make a text index unique");
    if (entry.spec.prepareUnique !== true) throw commandError(ErrorCodes.InvalidOptions, "Cannot make index unique with 'prepareUnique=false'. Run 'collMod' to set it first.");
    const violations = coll.duplicates(entry);
    if (violations.length) {
      throw commandError(CANNOT_CONVERT_TO_UNIQUE, "Cannot convert the index to unique. Please resolve conflicting documents before running collMod again.", {
        violations: violations.map((ids) => ({ ids })),
      });
    }
    reply.unique_new = true;
    next.unique = true;
    delete next.prepareUnique;
  }
  coll.modifyIndex(entry.spec.name, next);
}

function collMod(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, `ns does not exist: ${ctx.db}.${name}`);
  const changes: Doc = {};
  for (const [k, v] of Object.entries(ctx.body)) {
    if (GENERIC.has(k)) continue;
    if (!COLLECTION_OPTIONS.includes(k)) throw commandError(ErrorCodes.InvalidOptions, `BSON field 'collMod.${k}' is an unknown field.`);
    changes[k] = v;
  }
  if (coll.isView !== (changes.viewOn !== undefined || changes.pipeline !== undefined) && Object.keys(changes).length > 0) {
    throw commandError(ErrorCodes.InvalidOptions, coll.isView ? "option not supported on a view" : `ns ${coll.ns} is a collection, not a view`);
  }
  const options = { ...coll.options, ...changes };
  checkCollectionOptions(options);
  const reply: Doc = {};
  const index = optDoc(ctx, "index");
  if (index) {
    if (!isPlainObject(index) || (index.name === undefined && index.keyPattern === undefined)) throw commandError(ErrorCodes.InvalidOptions, "index must specify a name or keyPattern");
    modifyIndex(ctx, index, reply);
  }
  if (Object.keys(changes).length) coll.setOptions(options);
  return { ...reply, ok: 1 };
}

/** This server runs one operation at a time: the only one in progress is the currentOp itself. */
function currentOp(ctx: CommandContext): Doc {
  return {
    inprog: [{ type: "op", active: true, opid: 0, op: "command", ns: `${ctx.db}.$cmd`, command: { currentOp: 1, $db: ctx.db }, client: ctx.remote, connectionId: ctx.connectionId }],
    ok: 1,
  };
}

export const collModCommands: Record<string, CommandDefinition> = {
  collMod: { handler: collMod },
  currentOp: { handler: currentOp },
  killOp: { handler: () => ({ info: "attempting to kill op", ok: 1 }) },
};
