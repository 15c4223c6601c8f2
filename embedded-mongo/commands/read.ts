/** find, getMore, killCursors, count, distinct. */
import {
  collectionName,
  optBool,
  optDoc,
  optNonNegative,
  optNumber,
  toLong,
  type CommandContext,
  type CommandDefinition,
} from "./context";
import { compileFilter, project } from "../engine/mingo";
import { isPlainObject, valuesAtPath, type Doc } from "../engine/paths";
import { findDocuments, type QueryOptions } from "../engine/query";
import type { PlanStage } from "../engine/stages";
import { executePipeline } from "./aggregate";
import { textScores } from "../engine/text-scores";
import { commandError, ErrorCodes } from "../errors";
import { collationComparator, parseCollation, type CollationSpec } from "../engine/collation";

/**
 * The positional projection "array.$": the first element of the array that matches the query's
 * conditions on that array.
 */
function positionalProjection(projection: Doc, filter: Doc | undefined): { projection: Doc; positional?: { field: string; query: { test(doc: Doc): boolean } } } {
  const key = Object.keys(projection).find((k) => k.endsWith(".$"));
  if (!key) return { projection };
  const field = key.slice(0, -2);
  if (field.includes(".") || field.includes("$")) throw commandError(ErrorCodes.BadValue, "Positional projection is only supported on a top-level array field");
  const conditions: Doc = {};
  for (const [k, v] of Object.entries(filter ?? {})) if (k === field || k.startsWith(`${field}.`)) conditions[k] = v;
  if (Object.keys(conditions).length === 0) {
    throw commandError(ErrorCodes.BadValue, "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array");
  }
  const rest: Doc = {};
  for (const [k, v] of Object.entries(projection)) rest[k === key ? field : k] = v;
  return { projection: rest, positional: { field, query: compileFilter(conditions) } };
}

/** Find projection, with { $meta: "textScore" } fields filled from the text search. */
export function applyProjection(docs: Doc[], projectionSpec: Doc | undefined, filter?: Doc): Doc[] {
  if (!projectionSpec || Object.keys(projectionSpec).length === 0) return docs;
  const { projection, positional } = positionalProjection(projectionSpec, filter);
  const meta: string[] = [];
  const rest: Doc = {};
  for (const [k, v] of Object.entries(projection)) {
    if (isPlainObject(v) && v.$meta !== undefined) {
      if (v.$meta !== "textScore" && v.$meta !== "indexKey" && v.$meta !== "recordId") {
        throw commandError(ErrorCodes.BadValue, `Unsupported argument to $meta: ${String(v.$meta)}`);
      }
      meta.push(k);
    } else rest[k] = v;
  }
  let out: Doc[];
  try {
    out = Object.keys(rest).length ? project(docs, rest) : docs.map((d) => ({ ...d }));
  } catch (e) {
    throw commandError(ErrorCodes.Location31254, (e as Error).message);
  }
  if (positional) {
    out.forEach((d, i) => {
      const arr = docs[i][positional.field];
      if (!Array.isArray(arr)) return;
      const hit = arr.find((e) => positional.query.test({ [positional.field]: [e] }));
      if (hit !== undefined) d[positional.field] = [hit];
    });
  }
  if (meta.length) {
    out.forEach((d, i) => {
      const score = textScores.get(docs[i]);
      for (const f of meta) if (score !== undefined) d[f] = score;
    });
  }
  return out;
}

/** Parses the query options shared by find-like commands. */
export function queryOptions(ctx: CommandContext): QueryOptions & { projection?: Doc } {
  const limit = optNumber(ctx, "limit");
  if (limit !== undefined && limit < 0) throw commandError(ErrorCodes.BadValue, "Limit value must be non-negative");
  return {
    sort: optDoc(ctx, "sort"),
    skip: optNonNegative(ctx, "skip"),
    limit: limit === undefined ? undefined : Math.trunc(limit),
    hint: ctx.body.hint,
    projection: optDoc(ctx, "projection"),
    collation: parseCollation(ctx.body.collation),
    variables: optDoc(ctx, "let"),
  };
}

/** Runs a find; `plan` is the plan of the find (or of a view's first `$match`), for explain. */
export function runFind(ctx: CommandContext): { plan: PlanStage | undefined; docs: Doc[]; ns: string } {
  const name = collectionName(ctx);
  const filter = optDoc(ctx, "filter") ?? {};
  const opts = queryOptions(ctx);
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (coll?.isView) {
    // a find on a view is an aggregation of the view's pipeline followed by the find's own stages
    const stages: Doc[] = [{ $match: filter }];
    if (opts.sort && Object.keys(opts.sort).length) stages.push({ $sort: opts.sort });
    if (opts.skip) stages.push({ $skip: opts.skip });
    if (opts.limit) stages.push({ $limit: opts.limit });
    if (opts.projection && Object.keys(opts.projection).length) stages.push({ $project: opts.projection });
    const { docs, plan } = executePipeline(ctx, name, stages);
    return { plan, docs, ns: `${ctx.db}.${name}` };
  }
  const { projection } = opts;
  const project = projection && Object.keys(projection).length ? { spec: projection, apply: (docs: Doc[]) => applyProjection(docs, projection, filter) } : undefined;
  const result = findDocuments(coll, filter, { ...opts, project });
  return { plan: result.plan, docs: result.matches.map(([, d]) => d), ns: `${ctx.db}.${name}` };
}

function find(ctx: CommandContext): Doc {
  ctx.state.opcounters.query++;
  if (optBool(ctx, "tailable")) throw commandError(ErrorCodes.BadValue, "error processing query: tailable cursor requested on non capped collection");
  const batchSize = optNonNegative(ctx, "batchSize");
  const { docs, ns } = runFind(ctx);
  return ctx.state.cursors.firstBatch(ns, docs, batchSize, optBool(ctx, "singleBatch") === true);
}

function getMore(ctx: CommandContext): Doc {
  ctx.state.opcounters.getmore++;
  const id = toLong(ctx.body.getMore);
  const coll = ctx.body.collection;
  if (typeof coll !== "string") throw commandError(ErrorCodes.TypeMismatch, "BSON field 'getMore.collection' is missing but a required field");
  const batchSize = optNonNegative(ctx, "batchSize");
  return ctx.state.cursors.getMore(id, `${ctx.db}.${coll}`, batchSize);
}

function killCursors(ctx: CommandContext): Doc {
  collectionName(ctx);
  const ids = ctx.body.cursors;
  if (!Array.isArray(ids)) throw commandError(ErrorCodes.TypeMismatch, "BSON field 'killCursors.cursors' is missing but a required field");
  return ctx.state.cursors.kill(ids.map(toLong));
}

function count(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const query = optDoc(ctx, "query") ?? {};
  const skip = optNonNegative(ctx, "skip") ?? 0;
  const limit = Math.abs(optNumber(ctx, "limit") ?? 0);
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  if (!coll) return { n: 0, ok: 1 };
  if (coll.isView) {
    const stages: Doc[] = [{ $match: query }, ...(skip ? [{ $skip: skip }] : []), ...(limit ? [{ $limit: limit }] : []), { $count: "n" }];
    return { n: (executePipeline(ctx, name, stages).docs[0]?.n as number | undefined) ?? 0, ok: 1 };
  }
  if (Object.keys(query).length === 0 && ctx.body.hint === undefined && ctx.body.collation === undefined) {
    let n = Math.max(0, coll.count - skip);
    if (limit > 0) n = Math.min(n, limit);
    return { n, ok: 1 };
  }
  const { count: n } = findDocuments(coll, query, { skip, limit, hint: ctx.body.hint, collation: parseCollation(ctx.body.collation), countOnly: true });
  return { n, ok: 1 };
}

export function distinctValues(matches: Doc[], key: string, collation?: CollationSpec): unknown[] {
  const cmp = collationComparator(collation);
  const values: unknown[] = [];
  const sorted: unknown[] = [];
  const insertUnique = (v: unknown): void => {
    // binary search in a sorted copy for dedupe, keep first-seen order in `values`
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = cmp(sorted[mid], v);
      if (c === 0) return;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    sorted.splice(lo, 0, v);
    values.push(v);
  };
  for (const doc of matches) {
    for (const v of valuesAtPath(doc, key)) {
      if (Array.isArray(v) && v.length === 0) continue;
      insertUnique(v === undefined ? null : v);
    }
  }
  return values;
}

function distinct(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const key = ctx.body.key;
  if (typeof key !== "string") throw commandError(ErrorCodes.TypeMismatch, `BSON field 'distinct.key' is the wrong type, expected type 'string'`);
  const query = optDoc(ctx, "query") ?? {};
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  const collation = parseCollation(ctx.body.collation);
  const docs = coll?.isView ? executePipeline(ctx, name, [{ $match: query }]).docs : findDocuments(coll, query, { hint: ctx.body.hint, collation }).matches.map(([, d]) => d);
  const values = distinctValues(
    docs,
    key,
    collation,
  );
  values.sort(collationComparator(collation));
  return { values, ok: 1 };
}

export const readCommands: Record<string, CommandDefinition> = {
  find: { handler: find, counter: "none" },
  getMore: { handler: getMore, counter: "none" },
  killCursors: { handler: killCursors },
  count: { handler: count },
  distinct: { handler: distinct },
};
