/**
 * Query, projection, update and aggregation semantics come from mingo. This module builds the mingo
 * context the server uses: every mingo operator, with $sort using MongoDB's BSON order, and $meta
 * ("textScore") plus text-score propagation through reshaping stages.
 */
import { Context, evalExpr, ProcessingMode } from "mingo/core";
import { Aggregator } from "mingo/aggregator";
import { Query } from "mingo/query";
import { Lazy, type Iterator as LazyIterator } from "mingo/lazy";
import * as accumulatorOperators from "mingo/operators/accumulator";
import * as expressionOperators from "mingo/operators/expression";
import * as pipelineOperators from "mingo/operators/pipeline";
import * as projectionOperators from "mingo/operators/projection";
import * as queryOperators from "mingo/operators/query";
import * as windowOperators from "mingo/operators/window";
import type { Options } from "mingo/types/types";
import { sortDocuments, type SortSpec } from "./sort";
import { collationAwareQueryOps, type CollationSpec } from "./collation";
import type { Doc } from "./paths";

import { textScores } from "./text-scores";
import { boundedExpressionOperators } from "../limits/expressions";
import { compareValues, typeOrder } from "./bson-order";
import { commandError, ErrorCodes } from "../errors";
import { bsonTypes, compileJsonSchema, typeNames } from "./json-schema";
import { resolve } from "mingo/util";
import { canonicalKey, typedAccumulators, typedExpressionOperators, typedWindowOperators, type AccumulatorOp, type ExpressionOp, type WindowOp } from "./typed-operators";
import { isPlainObject } from "./paths";
import type { ForeignReader } from "./lookup";

type PipelineOp = (coll: LazyIterator, expr: unknown, options: Options) => LazyIterator;

const sortStage: PipelineOp = (coll, expr, options) => {
  const spec = expr as SortSpec;
  if (spec === null || typeof spec !== "object" || Object.keys(spec).length === 0) {
    throw new Error("$sort stage must have at least one sort key");
  }
  const collation = options.collation as CollationSpec | undefined;
  return coll.transform((docs: Doc[]) => Lazy(sortDocuments(docs, spec, collation)));
};

/** Wraps a one-in/one-out stage so the text score of each input document follows to its output. */
function keepTextScore(op: PipelineOp): PipelineOp {
  return (coll, expr, options) => {
    let current: unknown;
    const input = coll.map((o: unknown) => {
      current = o;
      return o;
    });
    return op(input, expr, options).map((out: unknown) => {
      if (current && typeof current === "object" && out && typeof out === "object") {
        const s = textScores.get(current);
        if (s !== undefined) textScores.set(out, s);
      }
      return out;
    });
  };
}

/** mongod keeps _id as the first field of projected documents. */
function idFirstStage(op: PipelineOp): PipelineOp {
  return (coll, expr, options) =>
    op(coll, expr, options).map((d: unknown) => {
      if (!d || typeof d !== "object" || !("_id" in d) || Object.keys(d)[0] === "_id") return d;
      const { _id, ...rest } = d as Doc;
      return { _id, ...rest };
    });
}

const meta = (obj: unknown, expr: unknown): unknown => {
  if (expr === "textScore") return obj && typeof obj === "object" ? textScores.get(obj) : undefined;
  return undefined;
};

const pipeline = pipelineOperators as unknown as Record<string, PipelineOp>;

/** The group of the values outside a default-less $bucket's boundaries, which mongod refuses (40066). */
const NO_BUCKET = new (class NoBucket {})();

/** mongod's $bucket is a $group on a $switch over the boundaries, then a $sort: a value equal to a boundary opens its bucket. */
const bucketStage: PipelineOp = (coll, expr, options) => {
  const spec = expr as Doc;
  const bounds = spec.boundaries;
  if (!Array.isArray(bounds) || bounds.length < 2) throw commandError(40192, "The $bucket 'boundaries' field must be an array of values with at least two values");
  for (let i = 1; i < bounds.length; i++) {
    if (typeOrder(bounds[i]) !== typeOrder(bounds[0])) throw commandError(40193, "All values in the the 'boundaries' option to $bucket must have the same type");
    if (compareValues(bounds[i - 1], bounds[i]) >= 0) throw commandError(40194, "The 'boundaries' option to $bucket must be sorted in ascending order");
  }
  if (spec.default !== undefined && compareValues(spec.default, bounds[0]) >= 0 && compareValues(spec.default, bounds[bounds.length - 1]) < 0) {
    throw commandError(40199, "The $bucket 'default' field must be less than the lowest boundary or greater than or equal to the highest boundary.");
  }
  const branches = bounds.slice(0, -1).map((low, i) => ({ case: { $and: [{ $gte: [spec.groupBy, low] }, { $lt: [spec.groupBy, bounds[i + 1]] }] }, then: low }));
  const id = { $switch: { branches, default: spec.default !== undefined ? spec.default : { $literal: NO_BUCKET } } };
  const grouped = groupStage(coll, { _id: id, ...((spec.output as Doc | undefined) ?? { count: { $sum: 1 } }) }, options).map((d: unknown) => {
    if ((d as Doc)._id === NO_BUCKET) throw commandError(40066, "$switch could not find a matching branch for an input, and no default was specified.");
    return d;
  });
  return sortStage(grouped, { _id: 1 }, options);
};


const GROUP_KEY = "$__groupKey";

/**
 * mingo's $group, with mongod's keys: equal numbers of different types (1, NumberLong(1), 1.0) are one group
 * whose `_id` is the first document's value, and a missing `_id` is null. mingo keys its groups by type and
 * value, so when two of its groups are one for mongod the stage runs again keyed by a canonical text of
 * `_id` (rare: a mixed-type key). mongod refuses a $group without _id (15955); mingo would group everything.
 */
const groupStage: PipelineOp = (coll, expr, options) => {
  if (expr === null || typeof expr !== "object" || !("_id" in (expr as Doc))) throw commandError(15955, "a group specification must include an _id");
  return coll.transform((items: Doc[]) => {
    const groups = pipeline.$group(Lazy(items), expr, options).collect<Doc>();
    const keys = new Set(groups.map((g) => canonicalKey(g._id)));
    if (keys.size === groups.length) return Lazy(groups.map((g) => ("_id" in g ? g : { _id: null, ...g })));
    const ids = new Map<string, unknown>();
    const keyed = { ...(expr as Doc), _id: { [GROUP_KEY]: { expr: (expr as Doc)._id, ids } } };
    return pipeline.$group(Lazy(items), keyed, options).map((d: unknown) => {
      const doc = d as Doc;
      doc._id = ids.get(doc._id as string) ?? null;
      return doc;
    });
  });
};

/** Evaluates a $group's `_id` to its canonical key, remembering the first value seen for each key. */
const groupKey: ExpressionOp = (obj, arg, options) => {
  const { expr, ids } = (arg ?? {}) as { expr?: unknown; ids?: unknown };
  if (!(ids instanceof Map)) throw commandError(ErrorCodes.InvalidPipelineOperator, `Unrecognized expression '${GROUP_KEY}'`);
  const id = evalExpr(obj as never, expr as never, options);
  const key = canonicalKey(id);
  if (!ids.has(key)) ids.set(key, id ?? null);
  return key;
};

/** The options a stage was given, whether mingo wrapped them (`ComputeOptions`) or not. */
function rawOptions(options: Options): Doc {
  return ((options as { options?: Doc }).options ?? options) as Doc;
}

/** Variables a `$lookup` sub-pipeline sees besides its own `let`: the command's and those of enclosing lookups. */
function outerVariables(options: Options): Doc {
  return { ...(rawOptions(options).variables as Doc | undefined), ...(options as { local?: { variables?: Doc } }).local?.variables };
}

/**
 * $lookup reads only the foreign documents it joins (`lookup.ts`): by `localField`/`foreignField` those equal to
 * the local values, with a `pipeline` those its leading `$match` selects; the rest of the pipeline then runs per
 * local document with its `let` variables. `$documents` pipelines are mingo's.
 */
const lookupStage: PipelineOp = (coll, expr, options) => {
  const spec = expr as Doc;
  const { from, localField, foreignField, as } = spec;
  const reader = rawOptions(options).foreign as ForeignReader | undefined;
  const equality = typeof localField === "string" && typeof foreignField === "string";
  const pipelineOnly = localField === undefined && foreignField === undefined && spec.pipeline !== undefined;
  const stages = spec.pipeline ?? [];
  if (!reader || typeof from !== "string" || typeof as !== "string" || !Array.isArray(stages) || !(equality || pipelineOnly)) return pipeline.$lookup(coll, expr, options);
  return coll.transform((locals: Doc[]) => {
    const joined = equality ? reader.join(spec, from, locals, localField, foreignField, stages.length > 0) : undefined;
    if (joined && stages.length === 0) return Lazy(locals.map((local, i) => ({ ...local, [as]: joined[i] })));
    const first = stages[0] as Doc | undefined;
    const leading = !joined && first && "$match" in first && isPlainObject(first.$match) ? (first.$match as Doc) : undefined;
    const rest = { let: spec.let, pipeline: leading ? stages.slice(1) : stages, as };
    return Lazy(
      locals.map((local, i) => {
        const own = () => (spec.let === undefined ? {} : (evalExpr(local, spec.let as never, options) as Doc));
        // each local document's pipeline runs over copies of its own, with its `let` variables
        const foreign = joined ? joined[i] : reader.matching(spec, from, leading ?? {}, { ...outerVariables(options), ...own() });
        return pipeline.$lookup(Lazy([local]), { ...rest, from: foreign }, options).collect<Doc>()[0];
      }),
    );
  });
};

/**
 * mingo computes window outputs through its own internal `$function`; scripts stay off for the request
 * itself (its spec may not hold one), and on for the stage's internals only.
 */
const setWindowFieldsStage: PipelineOp = (coll, expr, options) => {
  if (JSON.stringify(expr ?? {}).includes('"$function"')) throw commandError(31264, "$function is not allowed in $setWindowFields");
  const inner = (options as { options?: Options }).options ?? options;
  return pipeline.$setWindowFields(coll, expr, { ...inner, scriptEnabled: true } as Options);
};

/** A standalone server has no change streams (mongod's 40573). */
const changeStreamStage: PipelineOp = () => {
  throw commandError(40573, "The $changeStream stage is only supported on replica sets");
};

/** `$type` by BSON type: int, long, double and decimal told apart (mingo knows only JS numbers). */
const typeQuery = (selector: string, value: unknown): ((obj: Doc) => boolean) => {
  const names = typeNames(value);
  const matches = (v: unknown): boolean => bsonTypes(v).some((t) => names.has(t));
  return (obj) => {
    const v = resolve(obj as never, selector, { unwrapArray: true });
    return v !== undefined && (matches(v) || (Array.isArray(v) && v.some(matches)));
  };
};

const mingoExpressions = { ...(expressionOperators as object), ...boundedExpressionOperators(expressionOperators as never), $meta: meta } as Record<string, ExpressionOp>;
const mingoAccumulators = accumulatorOperators as unknown as Record<string, AccumulatorOp>;
const queries = queryOperators as unknown as Record<string, (selector: string, value: unknown, options: Options) => unknown>;

const context = Context.init({
  accumulator: { ...mingoAccumulators, ...typedAccumulators(mingoAccumulators) } as never,
  expression: { ...mingoExpressions, ...typedExpressionOperators(mingoExpressions), [GROUP_KEY]: groupKey } as never,
  pipeline: {
    ...pipeline,
    $sort: sortStage,
    $lookup: lookupStage,
    $bucket: bucketStage,
    $group: groupStage,
    $setWindowFields: setWindowFieldsStage,
    $changeStream: changeStreamStage,
    $addFields: keepTextScore(pipeline.$addFields),
    $set: keepTextScore(pipeline.$set),
    $project: keepTextScore(idFirstStage(pipeline.$project)),
    $unset: keepTextScore(pipeline.$unset),
  } as never,
  projection: projectionOperators as never,
  query: {
    ...(queryOperators as object),
    ...collationAwareQueryOps(queryOperators as never),
    $type: typeQuery,
    // mongod's truthiness: a zero of every numeric type is false
    $expr: (selector: string, value: unknown, options: Options) => queries.$expr(selector, { $and: [value] }, options),
  } as never,
  window: { ...windowOperators, ...typedWindowOperators(windowOperators as unknown as Record<string, WindowOp>) } as never,
});

export interface EvalOptions {
  collectionResolver?: (name: string) => Doc[];
  /** How `$lookup` reads its foreign collections (only what it joins). */
  foreign?: ForeignReader;
  variables?: Doc;
  collation?: CollationSpec;
}

/** `let` values are expressions (e.g. { $literal: "$x" }), evaluated once before use. */
function evaluateLet(variables: Doc | undefined): Doc | undefined {
  if (!variables) return undefined;
  const out: Doc = {};
  const options = { ...baseOptionsFor(), variables: undefined } as Options;
  for (const [k, v] of Object.entries(variables)) out[k] = evalExpr({}, v, options);
  return out;
}

function baseOptionsFor(): Partial<Options> {
  return { context, idKey: "_id", useStrictMode: true, scriptEnabled: false, processingMode: ProcessingMode.CLONE_OFF, jsonSchemaValidator };
}

const jsonSchemaValidator = (schema: Doc): ((doc: Doc) => boolean) => compileJsonSchema(schema);

export function mingoOptions({ collectionResolver, foreign, variables, collation }: EvalOptions = {}): Partial<Options> & { foreign?: ForeignReader } {
  return {
    foreign,
    collation: collation as Options["collation"],
    context,
    idKey: "_id",
    useStrictMode: true,
    scriptEnabled: false,
    processingMode: ProcessingMode.CLONE_OFF,
    collectionResolver,
    variables: evaluateLet(variables),
    jsonSchemaValidator,
  };
}

const baseOptions = mingoOptions();

/** A compiled filter. */
export function compileFilter(filter: Doc, eval_: EvalOptions = {}): { test(doc: Doc): boolean } {
  return compileFilterWith(filter, eval_.collation || eval_.variables ? mingoOptions(eval_) : baseOptions);
}

function compileFilterWith(filter: Doc, options: Partial<Options>): { test(doc: Doc): boolean } {
  if (Object.keys(filter).length === 0) return { test: () => true };
  return new Query(filter, options);
}

/** Applies a find projection (inclusion/exclusion, $slice, $elemMatch, expressions). */
export function project(docs: Doc[], projection: Doc, options: Partial<Options> = baseOptions): Doc[] {
  if (Object.keys(projection).length === 0) return docs;
  return idFirstStage(pipeline.$project)(Lazy(docs), projection, options as Options).collect<Doc>();
}

export function runPipeline(docs: Iterable<Doc>, stages: Doc[], options: Partial<Options>): Doc[] {
  return new Aggregator(stages, options).run(docs as Iterable<never>) as Doc[];
}

export { Lazy };

/** Whether a pipeline stage name is supported ($out and $merge are executed by the server itself). */
export function isKnownStage(name: string): boolean {
  return name === "$out" || name === "$merge" || context.getOperator("pipeline" as never, name) !== null;
}

/** `$`-names that are arguments of an operator rather than operators ($text's, $geo's...). */
const OPERATOR_ARGUMENTS = new Set(["$search", "$language", "$caseSensitive", "$diacriticSensitive", "$text", "$comment", "$natural", "$options", "$each", "$sort", "$slice", "$position"]);
const OPERATOR_KINDS = ["expression", "accumulator", "window", "query", "projection", "pipeline"] as const;

/** The first `$`-name in a stage's arguments that no operator kind knows, for mongod's 168 before mingo runs. */
export function unknownOperator(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = unknownOperator(v);
      if (found) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object" || (value as { _bsontype?: string })._bsontype || value instanceof Date || value instanceof RegExp) return undefined;
  for (const [k, v] of Object.entries(value as Doc)) {
    if (k.startsWith("$") && !OPERATOR_ARGUMENTS.has(k) && !OPERATOR_KINDS.some((kind) => context.getOperator(kind as never, k) !== null)) return k;
    const found = unknownOperator(v);
    if (found) return found;
  }
  return undefined;
}
