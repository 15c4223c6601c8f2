/** aggregate: a leading $match uses indexes (and $text), the rest runs in mingo; $out and $merge write here. */
import { createHash } from "node:crypto";
import { Binary } from "bson";
import { collectionName, optArray, optDoc, type CommandContext, type CommandDefinition } from "./context";
import { batchSizeOf, statsScale, storageStats } from "./admin";
import { checkWritable } from "../engine/catalog";
import { Collection, type ChangeSink } from "../engine/collection";
import { prepareInsert } from "../engine/documents";
import { interruptible } from "../limits/time-limit";
import { isKnownStage, mingoOptions, runPipeline, unknownOperator } from "../engine/mingo";
import { cloneValue, isPlainObject, type Doc } from "../engine/paths";
import { foreignReader, type LookupStats } from "../engine/lookup";
import { findDocuments } from "../engine/query";
import type { PlanStage } from "../engine/stages";
import { textScores } from "../engine/text-scores";
import { compareValues } from "../engine/bson-order";
import { applyUpdate } from "../engine/update";
import { commandError, ErrorCodes, toCommandError } from "../errors";
import { parseCollation } from "../engine/collation";

/** The SHA-256 of an empty user name, as mongod reports for unauthenticated sessions. */
const EMPTY_UID = new Binary(createHash("sha256").update("").digest(), 0);

const NULL_SINK: ChangeSink = { put() {}, remove() {}, indexCreated() {}, indexDropped() {}, optionsChanged() {} };

export interface PipelineRun {
  docs: Doc[];
  /** the plan of the pipeline's first `$match` over its collection, for explain */
  plan?: PlanStage;
  /** what each `$lookup` stage (by its spec) read, for explain */
  lookups?: Map<Doc, LookupStats>;
  ns: string;
}

/** Stages that produce the pipeline's input themselves (first stage only). */
const SOURCE_STAGES = new Set(["$listLocalSessions", "$collStats", "$indexStats", "$currentOp"]);

/** The documents a source stage produces, or undefined when `stage` is not one. */
function sourceStage(ctx: CommandContext, source: string | undefined, stage: Doc): Doc[] | undefined {
  const name = Object.keys(stage)[0];
  if (!SOURCE_STAGES.has(name)) return undefined;
  if (name === "$listLocalSessions") return [...ctx.state.sessions.values()].map((s) => ({ _id: { id: s.id, uid: EMPTY_UID }, lastUse: s.lastUse }));
  if (name === "$currentOp") {
    if (ctx.db !== "admin" || source !== undefined) throw commandError(ErrorCodes.InvalidNamespace, "$currentOp must be run against the 'admin' database with {aggregate: 1}");
    return [{ type: "op", active: true, opid: 0, op: "command", ns: "admin.$cmd.aggregate", connectionId: ctx.connectionId, client: ctx.remote }];
  }
  if (source === undefined) throw commandError(ErrorCodes.InvalidNamespace, `${name} must be run against a collection`);
  const coll = ctx.state.catalog.getCollection(ctx.db, source);
  if (name === "$indexStats") {
    return [...(coll?.indexes.values() ?? [])].map((e) => ({ name: e.spec.name, key: e.spec.key, host: `${ctx.state.host}:${ctx.state.port}`, accesses: { ops: 0, since: ctx.state.startedAt }, spec: e.spec }));
  }
  const spec = stage.$collStats as Doc;
  if (!isPlainObject(spec)) throw commandError(ErrorCodes.TypeMismatch, "$collStats must take a nested object");
  if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, `Unable to retrieve storageStats in $collStats stage :: caused by :: Collection [${ctx.db}.${source}] not found.`);
  const out: Doc = { ns: coll.ns, host: `${ctx.state.host}:${ctx.state.port}`, localTime: new Date() };
  if (spec.storageStats !== undefined) out.storageStats = storageStats(coll, statsScale(isPlainObject(spec.storageStats) ? spec.storageStats.scale : undefined));
  if (spec.count !== undefined) out.count = coll.count;
  if (spec.latencyStats !== undefined) out.latencyStats = { reads: { latency: 0, ops: 0 }, writes: { latency: 0, ops: 0 }, commands: { latency: 0, ops: 0 }, transactions: { latency: 0, ops: 0 } };
  return [out];
}

/** A view's source collection and the pipeline that reads it (views over views unwound). */
function resolveView(ctx: CommandContext, source: string, pipeline: Doc[]): { source: string; pipeline: Doc[] } {
  let name = source;
  let stages = pipeline;
  for (let depth = 0; ; depth++) {
    const coll = ctx.state.catalog.getCollection(ctx.db, name);
    if (!coll?.isView) return { source: name, pipeline: stages };
    if (depth >= 20) throw commandError(ErrorCodes.ViewDepthLimitExceeded, `View depth too deep or view cycle detected; maximum depth is 20`);
    stages = [...(coll.options.pipeline as Doc[]), ...stages];
    name = coll.options.viewOn as string;
  }
}

function validatePipeline(pipeline: unknown[]): Doc[] {
  pipeline.forEach((stage, i) => {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw commandError(40323, "A pipeline stage specification object must contain exactly one field.");
    }
    const name = Object.keys(stage)[0];
    if (SOURCE_STAGES.has(name)) {
      if (i === 0) return;
      throw commandError(40602, `${name} is only valid as the first stage in a pipeline`);
    }
    if (!isKnownStage(name)) throw commandError(ErrorCodes.Location40324, `Unrecognized pipeline stage name: '${name}'`);
    const unknown = name === "$out" || name === "$merge" ? undefined : unknownOperator(stage[name]);
    if (unknown) throw commandError(ErrorCodes.InvalidPipelineOperator, `Unrecognized expression '${unknown}'`);
    if ((name === "$out" || name === "$merge") && i !== pipeline.length - 1) {
      throw commandError(40601, `${name} can only be the final stage in the pipeline`);
    }
    if (name === "$match" && i > 0 && JSON.stringify(Object.keys(stage.$match as Doc)).includes("$text")) {
      throw commandError(ErrorCodes.BadValue, "$match with $text is only allowed as the first pipeline stage");
    }
  });
  return pipeline as Doc[];
}

const isPositiveInteger = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0;
const isOutputName = (v: unknown): v is string => typeof v === "string" && v.length > 0 && !v.startsWith("$") && !v.includes(".") && !v.includes("\0");

/**
 * When the stages after the first $match only count its documents (optional $skip/$limit, then a $group on
 * a constant `_id` whose accumulators are all `{ $sum: <integer> }`, as the driver's `countDocuments` sends,
 * or `$count`), the function turning the number of matches into the pipeline's output; otherwise undefined.
 */
function countStages(stages: Doc[]): ((n: number) => Doc[]) | undefined {
  if (stages.length === 0) return undefined;
  const adjust: Array<(n: number) => number> = [];
  for (const stage of stages.slice(0, -1)) {
    if ("$skip" in stage && (stage.$skip === 0 || isPositiveInteger(stage.$skip))) {
      const skip = stage.$skip as number;
      adjust.push((n) => Math.max(0, n - skip));
    } else if ("$limit" in stage && isPositiveInteger(stage.$limit)) {
      const limit = stage.$limit;
      adjust.push((n) => Math.min(n, limit));
    } else return undefined;
  }
  const counted = (n: number): number => adjust.reduce((m, f) => f(m), n);
  const last = stages[stages.length - 1];
  if ("$count" in last) {
    const name = last.$count;
    if (!isOutputName(name)) return undefined;
    return (n) => {
      const m = counted(n);
      return m === 0 ? [] : [{ [name]: m }];
    };
  }
  if (!("$group" in last) || !isPlainObject(last.$group)) return undefined;
  const group = last.$group;
  const id = group._id;
  const constantId = id === null || typeof id === "number" || typeof id === "boolean" || (typeof id === "string" && !id.startsWith("$"));
  if (!("_id" in group) || !constantId) return undefined;
  const sums: Array<[string, number]> = [];
  for (const [field, acc] of Object.entries(group)) {
    if (field === "_id") continue;
    if (!isOutputName(field) || !isPlainObject(acc) || Object.keys(acc).length !== 1 || !Number.isSafeInteger(acc.$sum) || Math.abs(acc.$sum as number) > 1_000_000) return undefined;
    sums.push([field, acc.$sum as number]);
  }
  return (n) => {
    const m = counted(n);
    if (m === 0) return [];
    const out: Doc = { _id: id };
    for (const [field, value] of sums) out[field] = m * value;
    return [out];
  };
}

/** Runs the pipeline (without its final $out/$merge) and returns the documents. */
export function executePipeline(ctx: CommandContext, requested: string | undefined, pipeline: Doc[], hint?: unknown): PipelineRun {
  const { catalog } = ctx.state;
  const ns = requested === undefined ? `${ctx.db}.$cmd.aggregate` : `${ctx.db}.${requested}`;
  const resolved = requested === undefined ? { source: undefined, pipeline } : resolveView(ctx, requested, pipeline);
  const source = resolved.source;
  let stages = resolved.pipeline;
  let plan: PlanStage | undefined;
  let input: Doc[] = [];
  const collation = parseCollation(ctx.body.collation);
  const produced = stages.length > 0 ? sourceStage(ctx, source, stages[0]) : undefined;
  if (produced) {
    input = produced;
    stages = stages.slice(1);
  } else if (source !== undefined) {
    const coll = catalog.getCollection(ctx.db, source);
    let filter: Doc = {};
    if (stages.length > 0 && "$match" in stages[0]) {
      filter = stages[0].$match as Doc;
      if (!isPlainObject(filter)) throw commandError(ErrorCodes.TypeMismatch, "the match filter must be an expression in an object");
      stages = stages.slice(1);
    }
    const counting = countStages(stages);
    if (counting) {
      // a count (countDocuments' $group, or $count): no documents are built, no scores computed
      const result = findDocuments(coll, filter, { hint, collation, variables: optDoc(ctx, "let"), countOnly: true });
      return { docs: counting(result.count), plan: result.plan, ns };
    }
    const result = findDocuments(coll, filter, { hint, collation, variables: optDoc(ctx, "let") });
    plan = result.plan;
    // copies: stages may change the documents they are given; numbers keep their BSON types
    input = result.matches.map(([, d]) => {
      const copy = cloneValue(d);
      const score = textScores.get(d);
      if (score !== undefined) textScores.set(copy, score);
      return copy;
    });
  }
  const resolver = (name: string): Doc[] =>
    catalog.getCollection(ctx.db, name)?.isView ? executePipeline(ctx, name, []).docs : [...(catalog.getCollection(ctx.db, name)?.records.values() ?? [])].map(cloneValue);
  const foreign = foreignReader((name) => {
    const coll = catalog.getCollection(ctx.db, name);
    return coll?.isView ? { view: executePipeline(ctx, name, []).docs } : coll;
  }, collation);
  const variables = optDoc(ctx, "let");
  let docs: Doc[];
  try {
    docs = stages.length ? runPipeline(input, stages, mingoOptions({ collectionResolver: resolver, foreign, variables, collation })) : input;
  } catch (e) {
    throw toCommandError(e, ErrorCodes.BadValue);
  }
  return { docs, plan, ns, lookups: foreign.stats };
}

function outTarget(ctx: CommandContext, spec: unknown): { db: string; coll: string } {
  if (typeof spec === "string") return { db: ctx.db, coll: spec };
  if (isPlainObject(spec) && typeof spec.coll === "string") return { db: typeof spec.db === "string" ? spec.db : ctx.db, coll: spec.coll };
  throw commandError(ErrorCodes.FailedToParse, "$out stage requires a string or object argument with 'db' and 'coll' fields");
}

/** $out: replaces the target collection's documents, keeping its indexes; nothing changes if a document is rejected. */
function writeOut(ctx: CommandContext, spec: unknown, docs: Doc[]): void {
  const { catalog } = ctx.state;
  const target = outTarget(ctx, spec);
  const existing = catalog.getCollection(target.db, target.coll);
  checkWritable(target.db, target.coll, existing);
  const prepared = docs.map((d) => prepareInsert(d));
  // Dry run against a scratch collection with the same indexes.
  const scratch = new Collection(target.db, target.coll, {}, NULL_SINK);
  for (const [name, e] of existing?.indexes ?? []) if (name !== "_id_") scratch.createIndex(e.spec, false);
  try {
    for (const d of prepared) scratch.insert(d);
  } catch (e) {
    const err = toCommandError(e);
    throw commandError(err.code, err.message, err.extra);
  }
  const options = existing?.options ?? {};
  const specs = [...(existing?.indexes.values() ?? [])].filter((e) => e.spec.name !== "_id_").map((e) => e.spec);
  if (existing) catalog.dropCollection(target.db, target.coll);
  const coll = catalog.createCollection(target.db, target.coll, options);
  for (const s of specs) coll.createIndex(s);
  for (const d of prepared) coll.insert(d);
}

/** $merge into a collection of this server. */
function writeMerge(ctx: CommandContext, spec: unknown, docs: Doc[]): void {
  const s: Doc = typeof spec === "string" ? { into: spec } : isPlainObject(spec) ? spec : {};
  const target = outTarget(ctx, s.into);
  const on = s.on === undefined ? ["_id"] : Array.isArray(s.on) ? (s.on as string[]) : [String(s.on)];
  const whenMatched = s.whenMatched ?? "merge";
  const whenNotMatched = s.whenNotMatched ?? "insert";
  checkWritable(target.db, target.coll, ctx.state.catalog.getCollection(target.db, target.coll));
  const { coll } = ctx.state.catalog.ensureCollection(target.db, target.coll);
  for (const doc of docs) {
    const filter: Doc = {};
    for (const f of on) filter[f] = doc[f] ?? null;
    const { matches } = findDocuments(coll, filter, { limit: 1 });
    if (matches.length === 0) {
      if (whenNotMatched === "discard") continue;
      if (whenNotMatched === "fail") throw commandError(13113, "$merge could not find a matching document in the target collection for at least one document in the source collection");
      coll.insert(prepareInsert(doc));
      continue;
    }
    const [rid, existing] = matches[0];
    if (whenMatched === "keepExisting") continue;
    if (whenMatched === "fail") {
      const keyPattern = Object.fromEntries(on.map((f) => [f, 1]));
      throw commandError(ErrorCodes.DuplicateKey, `E11000 duplicate key error collection: ${coll.ns} dup key: ${JSON.stringify(filter)}`, { keyPattern, keyValue: filter });
    }
    let next: Doc;
    if (whenMatched === "replace") next = { ...doc, _id: existing._id };
    else if (Array.isArray(whenMatched)) next = applyUpdate(existing, whenMatched as Doc[], { filter: {}, inserting: false });
    else next = { ...existing, ...doc, _id: existing._id };
    if (compareValues(next, existing) !== 0) coll.replace(rid, next);
  }
}

function aggregate(ctx: CommandContext): Doc {
  ctx.state.opcounters.query++;
  const raw = optArray(ctx, "pipeline");
  if (!raw) throw commandError(ErrorCodes.Location40414, "BSON field 'aggregate.pipeline' is missing but a required field");
  const pipeline = validatePipeline(raw);
  const cursor = optDoc(ctx, "cursor");
  if (!cursor) throw commandError(ErrorCodes.FailedToParse, "The 'cursor' option is required, except for aggregate with the explain argument");
  const source = ctx.body.aggregate === 1 ? undefined : collectionName(ctx);
  const last = pipeline[pipeline.length - 1];
  const writeStage = last && ("$out" in last || "$merge" in last) ? last : undefined;
  const { docs, ns } = interruptible(() => executePipeline(ctx, source, writeStage ? pipeline.slice(0, -1) : pipeline, ctx.body.hint));
  if (writeStage) {
    if ("$out" in writeStage) writeOut(ctx, writeStage.$out, docs);
    else writeMerge(ctx, writeStage.$merge, docs);
    return ctx.state.cursors.firstBatch(ns, [], batchSizeOf(cursor));
  }
  return ctx.state.cursors.firstBatch(ns, docs, batchSizeOf(cursor));
}

export const aggregateCommands: Record<string, CommandDefinition> = {
  aggregate: { handler: aggregate, counter: "none" },
};
