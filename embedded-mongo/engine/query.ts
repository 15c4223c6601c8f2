/** Runs a filter against a collection as a plan of stages (`stages.ts`): text search, index scan or collection scan, then sort/skip/limit. */
import type { Collection, OrderedIndexEntry } from "./collection";
import { compileFilter } from "./mingo";
import { isPlainObject, type Doc } from "./paths";
import { planIndex, usableUnhinted } from "./planner";
import { parseSort, type SortSpec } from "./sort";
import { CollectionScan, CountStage, EofStage, Fetch, IndexScan, LimitStage, ProjectionStage, SkipStage, SortStage, TextStage, type Matcher, type PlanStage, type TextHits } from "./stages";
import { compileFastFilter, compileRecordFilter } from "./fast-filter";
import type { FieldColumns } from "./field-columns";
import { parseSearch } from "./text-index";
import { textScores } from "./text-scores";
import { commandError, ErrorCodes } from "../errors";
import type { CollationSpec } from "./collation";

export interface QueryOptions {
  hint?: unknown;
  sort?: SortSpec;
  skip?: number;
  /** 0 or undefined = no limit */
  limit?: number;
  collation?: CollationSpec;
  /** `let` variables for $expr */
  variables?: Doc;
  /** Only count the hits (after skip and limit): no sort, no documents, no text scores. */
  countOnly?: boolean;
  /** A find's projection: its spec (for explain) and how it reshapes a page of documents. */
  project?: { spec: Doc; apply(docs: Doc[]): Doc[] };
}

export interface QueryResult {
  /** Record ids and documents (projected when a projection was given). */
  matches: Array<[number, Doc]>;
  /** Number of hits (after skip and limit); with `countOnly`, `matches` is empty and this is the answer. */
  count: number;
  /** The plan that ran, with its statistics (explain). */
  plan: PlanStage;
}

/** Whether a filter holds a $text (itself or under its logical operators). */
function hasText(f: Doc): boolean {
  for (const [k, v] of Object.entries(f)) {
    if (k === "$text") return true;
    if ((k === "$and" || k === "$or" || k === "$nor") && Array.isArray(v) && v.some((sub) => isPlainObject(sub) && hasText(sub))) return true;
  }
  return false;
}

/**
 * Where MongoDB allows `$text`: at most once, in the filter's top-level conjunction (the filter itself or
 * any depth of `$and`), never under `$nor`; under `$or` mongod needs every other clause to be indexed and
 * answers 291 otherwise (this server does not run TEXT-under-OR plans and says so).
 */
function checkTextPlacement(filter: Doc, coll: Collection | undefined): { found: boolean; underOr?: Doc[] } {
  let found = 0;
  let underOr: Doc[] | undefined;
  const visit = (f: Doc, within: "and" | "or" | "nor", or?: Doc[]): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$text") {
        found++;
        if (within === "nor") throw commandError(ErrorCodes.BadValue, "text expression not allowed in nor");
        if (within === "or") underOr = or;
      } else if ((k === "$and" || k === "$or" || k === "$nor") && Array.isArray(v)) {
        const next = k === "$nor" || within === "nor" ? "nor" : k === "$or" || within === "or" ? "or" : "and";
        for (const sub of v) if (isPlainObject(sub)) visit(sub, next, k === "$or" ? (v as Doc[]) : or);
      }
    }
  };
  visit(filter, "and");
  if (found > 1) throw commandError(ErrorCodes.BadValue, "Too many text expressions");
  if (underOr) {
    const others = underOr.filter((clause) => !hasText(clause));
    if (!coll || others.some((clause) => !planIndex(coll, clause))) {
      throw commandError(
        ErrorCodes.NoQueryExecutionPlans,
        "error processing query: planner returned error :: caused by :: Failed to produce a solution for TEXT under OR - other non-TEXT clauses under OR have to be indexed as well.",
      );
    }
    throw commandError(ErrorCodes.BadValue, "$text under $or is not supported by the embedded server: put $text in the top-level conjunction");
  }
  return { found: found === 1 };
}

/** Splits a $text of the top-level conjunction (the filter or any depth of top-level $and) from the rest of the filter. */
export function splitText(filter: Doc, coll?: Collection): { text?: Doc; rest: Doc } {
  if (!filter || !("$text" in filter || Array.isArray(filter.$and) || Array.isArray(filter.$or) || Array.isArray(filter.$nor))) return { rest: filter };
  if (!checkTextPlacement(filter, coll).found) return { rest: filter };
  let text: Doc | undefined;
  const strip = (f: Doc): Doc => {
    const rest: Doc = {};
    for (const [k, v] of Object.entries(f)) {
      if (k === "$text") {
        text = v as Doc;
        continue;
      }
      if (k === "$and" && Array.isArray(v)) {
        const kept: unknown[] = [];
        for (const sub of v) {
          if (isPlainObject(sub) && hasText(sub)) {
            const inner = strip(sub);
            if (Object.keys(inner).length) kept.push(inner);
          } else kept.push(sub);
        }
        if (kept.length) rest.$and = kept;
        continue;
      }
      rest[k] = v;
    }
    return rest;
  };
  const rest = strip(filter);
  return { text, rest };
}

/**
 * The per-document test of the non-text part of a filter, built once per command: the fast predicate
 * (`fast-filter.ts`) answers where it can, the mingo Query (compiled on first need) everywhere else. With
 * the collection's `columns`, the fast predicate also tests by record id (`testRecord`), reading them.
 */
export function filterMatcher(rest: Doc, opts: Pick<QueryOptions, "collation" | "variables">, columns?: FieldColumns): Matcher & { pure: boolean } {
  if (Object.keys(rest).length === 0) return { test: () => true, testRecord: () => true, pure: true };
  let compiled: { test(doc: Doc): boolean } | undefined;
  const mingo = (doc: Doc): boolean => (compiled ??= compileFilter(rest, { collation: opts.collation, variables: opts.variables })).test(doc);
  // string comparisons follow the collation: only mingo knows it
  const fast = opts.collation ? undefined : compileFastFilter(rest);
  if (!fast) return { test: mingo, pure: false };
  const testRecord = columns && compileRecordFilter(rest, columns);
  return { test: (doc) => fast(doc) ?? mingo(doc), testRecord, pure: true };
}

/**
 * A search's count and its pages arrive as separate commands with the same filter: the filtered hits of the
 * last few `$text` queries read in full (a count, an unsorted or unlimited find; not a page read best score
 * first) are reused per collection while it is unchanged (any write or index change moves `Collection.version`). Only filters whose every predicate the
 * fast path compiles are kept (they are deterministic: no `$expr`, `$where`, `$$NOW`, collation...).
 */
const textHits = new WeakMap<Collection, Map<string, TextHits>>();
const TEXT_HITS_KEPT = 8;

/** A key telling apart every value a pure filter may hold (JSON alone would merge -Infinity and null). */
function hitsKey(text: Doc, rest: Doc): string {
  return JSON.stringify([text, rest], (_k, v: unknown) => (typeof v === "number" ? `n:${Object.is(v, -0) ? "-0" : String(v)}` : typeof v === "string" ? `s:${v}` : v));
}

function cachedHits(coll: Collection, key: string, withScores: boolean): TextHits | undefined {
  const kept = textHits.get(coll);
  const hits = kept?.get(key);
  if (!kept || !hits) return undefined;
  if (hits.version !== coll.version) {
    kept.delete(key);
    return undefined;
  }
  if (withScores && !hits.scores) return undefined;
  kept.delete(key);
  kept.set(key, hits);
  return hits;
}

function keepHits(coll: Collection, key: string, hits: TextHits): void {
  let kept = textHits.get(coll);
  if (!kept) textHits.set(coll, (kept = new Map()));
  for (const [k, v] of kept) if (v.version !== coll.version) kept.delete(k);
  kept.delete(key);
  kept.set(key, hits);
  if (kept.size > TEXT_HITS_KEPT) kept.delete(kept.keys().next().value!);
}

/** The cache of a `$text` stage: only filters whose every predicate the fast path compiles are kept. */
function textCache(coll: Collection, text: Doc, rest: Doc, pure: boolean, opts: QueryOptions, withScores: boolean): ConstructorParameters<typeof TextStage>[6] {
  if (!pure || opts.collation) return undefined;
  const key = hitsKey(text, rest);
  return { get: () => cachedHits(coll, key, withScores), keep: (hits) => keepHits(coll, key, hits) };
}

/**
 * The stage producing the filter's documents: TEXT, IXSCAN + FETCH (bounded, or walked for the sort) or
 * COLLSCAN. `best`: how many hits are wanted when the sort ranks by text score first (0: all).
 */
function accessStage(coll: Collection, text: Doc | undefined, rest: Doc, opts: QueryOptions, wantsSort: boolean, best: number): { stage: PlanStage; sorted: boolean } {
  if (text) {
    if (!isPlainObject(text) || typeof text.$search !== "string") throw commandError(ErrorCodes.TypeMismatch, "$search needs a String");
    const entry = coll.textIndex();
    if (!entry) throw commandError(ErrorCodes.IndexNotFound, "text index required for $text query");
    const search = parseSearch(text.$search);
    const matcher = filterMatcher(rest, opts, coll.columns);
    const countOnly = opts.countOnly === true;
    const cache = textCache(coll, text, rest, matcher.pure, opts, !countOnly);
    return { stage: new TextStage(coll, entry, search, matcher, rest, countOnly, cache, best), sorted: false };
  }
  // Built on first use: an exact index plan needs no re-check.
  let built: Matcher | undefined;
  const matcher: Matcher = { test: (doc) => (built ??= filterMatcher(rest, opts)).test(doc) };
  // Indexes hold binary-ordered strings: with a collation only a hinted index is used.
  const plan = opts.collation && opts.hint === undefined ? undefined : planIndex(coll, rest, opts.hint);
  if (plan) {
    const exact = plan.exact && !plan.entry.ordered.multikey && !opts.collation;
    return { stage: new Fetch(new IndexScan(plan.entry, { plan }), coll, exact ? undefined : matcher, rest), sorted: false };
  }
  const byIndex = wantsSort && !opts.collation ? sortableByIndex(coll, opts.sort!) : undefined;
  if (byIndex) return { stage: new Fetch(new IndexScan(byIndex.entry, { direction: byIndex.direction }), coll, matcher, rest), sorted: true };
  return { stage: new CollectionScan(coll, matcher, rest), sorted: false };
}

/**
 * Plans and runs a query: the access stage, then SORT (top-k when only skip + limit are wanted), SKIP and
 * LIMIT, then PROJECTION, or COUNT when only the number of hits is wanted (no sort, no documents built).
 */
export function findDocuments(coll: Collection | undefined, filter: Doc, opts: QueryOptions = {}): QueryResult {
  if (!isPlainObject(filter)) throw commandError(ErrorCodes.TypeMismatch, "filter must be an object");
  const skip = opts.skip ?? 0;
  const limit = opts.limit ?? 0;
  const countOnly = opts.countOnly === true;
  const { text, rest } = splitText(filter, coll);
  const sortFields = opts.sort ? parseSort(opts.sort) : []; // validates early
  if (!coll) {
    const plan = new EofStage();
    plan.execute(() => true);
    return { matches: [], count: 0, plan };
  }
  const wantsSort = !countOnly && opts.sort !== undefined && Object.keys(opts.sort).length > 0;
  const best = wantsSort && limit > 0 && sortFields[0]?.textScore ? skip + limit : 0;
  const access = accessStage(coll, text, rest, opts, wantsSort, best);
  if (countOnly) {
    const plan = new CountStage(access.stage, skip, limit);
    plan.execute(() => true);
    return { matches: [], count: plan.count, plan };
  }
  const textStage = access.stage instanceof TextStage ? access.stage : undefined;
  const scoreOf = textStage ? (rid: number): number | undefined => textStage.scores?.[rid] : undefined;
  let plan = access.stage;
  if (wantsSort && !access.sorted) plan = new SortStage(plan, opts.sort!, opts.collation, limit > 0 ? skip + limit : 0, scoreOf);
  if (skip > 0) plan = new SkipStage(plan, skip);
  if (limit > 0) plan = new LimitStage(plan, limit);
  // only returned hits become copies carrying their score
  const withScore = ([rid, doc]: [number, Doc]): Doc => {
    if (!scoreOf) return doc;
    const copy = { ...doc };
    textScores.set(copy, scoreOf(rid) ?? 0);
    return copy;
  };
  if (opts.project) {
    const { spec, apply } = opts.project;
    plan = new ProjectionStage(plan, spec, (items) => apply(items.map(withScore)));
  }
  const matches: Array<[number, Doc]> = [];
  const projected = plan instanceof ProjectionStage;
  plan.execute((rid, doc) => {
    matches.push([rid, projected ? doc : withScore([rid, doc])]);
    return true;
  });
  return { matches, count: matches.length, plan };
}

/** A single-key sort that an index can provide directly (non-multikey, full collection). */
function sortableByIndex(coll: Collection, sort: SortSpec): { entry: OrderedIndexEntry; direction: 1 | -1 } | undefined {
  const keys = Object.keys(sort);
  if (keys.length !== 1) return undefined;
  const dir = sort[keys[0]];
  if (dir !== 1 && dir !== -1) return undefined;
  for (const entry of coll.indexes.values()) {
    if (!usableUnhinted(entry)) continue;
    const o = entry.ordered;
    if (o.sparse || o.multikey || o.fields[0] !== keys[0]) continue;
    return { entry, direction: (dir * o.directions[0]) as 1 | -1 };
  }
  return undefined;
}
