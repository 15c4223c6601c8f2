/** Runs a filter against a collection: text search, index scan or collection scan, then sort/skip/limit. */
import type { Collection } from "./collection";
import { compileFilter } from "./mingo";
import { isPlainObject, type Doc } from "./paths";
import { describeBounds, planIndex } from "./planner";
import { parseSort, sortItems, type SortSpec } from "./sort";
import { compileFastFilter } from "./fast-filter";
import { parseSearch } from "./text-index";
import { textScores } from "./text-scores";
import { commandError, ErrorCodes } from "../errors";
import type { CollationSpec } from "./collation";

export interface ExecStats {
  stage: "COLLSCAN" | "IXSCAN" | "TEXT" | "EOF";
  indexName?: string;
  keyPattern?: Doc;
  isMultiKey?: boolean;
  /** computed on demand (explain only) */
  indexBounds?: () => Doc;
  direction?: "forward" | "backward";
  keysExamined: number;
  docsExamined: number;
  nReturned: number;
  sorted: boolean;
}

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
}

export interface QueryResult {
  matches: Array<[number, Doc]>;
  /** Number of hits (after skip and limit); with `countOnly`, `matches` is empty and this is the answer. */
  count: number;
  stats: ExecStats;
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
 * (`fast-filter.ts`) answers where it can, the mingo Query (compiled on first need) everywhere else.
 */
export function filterMatcher(rest: Doc, opts: Pick<QueryOptions, "collation" | "variables">): { test(doc: Doc): boolean; pure: boolean } {
  if (Object.keys(rest).length === 0) return { test: () => true, pure: true };
  let compiled: { test(doc: Doc): boolean } | undefined;
  const mingo = (doc: Doc): boolean => (compiled ??= compileFilter(rest, { collation: opts.collation, variables: opts.variables })).test(doc);
  // string comparisons follow the collation: only mingo knows it
  const fast = opts.collation ? undefined : compileFastFilter(rest);
  if (!fast) return { test: mingo, pure: false };
  return { test: (doc) => fast(doc) ?? mingo(doc), pure: true };
}

/** The hits of a `$text` query (after the whole filter), kept for the next command with the same filter. */
interface TextHits {
  version: number;
  rids: number[];
  scores?: Float64Array;
  keysExamined: number;
  docsExamined: number;
}

/**
 * A page of a search and its count arrive as two commands with the same filter (and further pages after
 * them): the filtered hits of the last few `$text` queries per collection are reused while the collection is
 * unchanged (any write or index change moves `Collection.version`). Only filters whose every predicate the
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

export function findDocuments(coll: Collection | undefined, filter: Doc, opts: QueryOptions = {}): QueryResult {
  const stats: ExecStats = { stage: "COLLSCAN", keysExamined: 0, docsExamined: 0, nReturned: 0, sorted: false };
  if (!isPlainObject(filter)) throw commandError(ErrorCodes.TypeMismatch, "filter must be an object");
  const skip = opts.skip ?? 0;
  const limit = opts.limit ?? 0;
  const countOnly = opts.countOnly === true;
  const { text, rest } = splitText(filter, coll);
  if (opts.sort) parseSort(opts.sort); // validates early
  if (!coll) {
    stats.stage = "EOF";
    return { matches: [], count: 0, stats };
  }
  // Built on first use: an exact index plan needs no re-check.
  let built: { test(doc: Doc): boolean; pure: boolean } | undefined;
  const matcher = { test: (doc: Doc): boolean => (built ??= filterMatcher(rest, opts)).test(doc) };
  const hasSort = !countOnly && opts.sort !== undefined && Object.keys(opts.sort).length > 0;
  const needed = !hasSort && limit > 0 ? skip + limit : Infinity;
  let matches: Array<[number, Doc]> = [];
  let count = 0;
  /** Records one hit; false once no more are needed. */
  const emit = (rid: number, doc: Doc): boolean => {
    count++;
    if (!countOnly) matches.push([rid, doc]);
    return count < needed;
  };
  let scores: Float64Array | undefined;

  if (text) {
    if (!isPlainObject(text) || typeof text.$search !== "string") throw commandError(ErrorCodes.TypeMismatch, "$search needs a String");
    const entry = coll.textIndex();
    if (!entry?.text) throw commandError(ErrorCodes.IndexNotFound, "text index required for $text query");
    const search = parseSearch(text.$search);
    stats.stage = "TEXT";
    stats.indexName = entry.spec.name;
    stats.keyPattern = entry.spec.key;
    built ??= filterMatcher(rest, opts);
    const key = built.pure && !opts.collation ? hitsKey(text, rest) : undefined;
    const cached = key === undefined ? undefined : cachedHits(coll, key, !countOnly);
    if (cached) {
      scores = cached.scores;
      stats.keysExamined = cached.keysExamined;
      stats.docsExamined = cached.docsExamined;
      for (const rid of cached.rids) if (!emit(rid, coll.get(rid)!)) break;
    } else {
      // candidates and scores come from the posting lists; only candidates are read and filtered
      const candidates = entry.text.search(search, !countOnly);
      scores = candidates.scores;
      stats.keysExamined = candidates.examined;
      const phrases = search.phrases.length > 0 || search.negatedPhrases.length > 0;
      const hits: number[] = [];
      let complete = true;
      for (const rid of candidates.rids) {
        const doc = coll.get(rid);
        if (!doc) continue;
        stats.docsExamined++;
        if (phrases && !entry.text.matchesPhrases(doc, search)) continue;
        if (!matcher.test(doc)) continue;
        hits.push(rid);
        if (!emit(rid, doc)) {
          complete = false;
          break;
        }
      }
      if (key !== undefined && complete) {
        keepHits(coll, key, { version: coll.version, rids: hits, scores, keysExamined: stats.keysExamined, docsExamined: stats.docsExamined });
      }
    }
  } else {
    // Indexes hold binary-ordered strings: with a collation only a hinted index is used.
    const plan = opts.collation && opts.hint === undefined ? undefined : planIndex(coll, rest, opts.hint);
    if (plan) {
      const ordered = plan.entry.ordered!;
      stats.stage = "IXSCAN";
      stats.indexName = plan.entry.spec.name;
      stats.keyPattern = plan.entry.spec.key;
      stats.isMultiKey = ordered.multikey;
      stats.indexBounds = () => describeBounds(plan);
      stats.direction = "forward";
      const seen = ordered.multikey || plan.bounds.some((b) => b && b.length > 1) ? new Set<number>() : undefined;
      const exact = plan.exact && !ordered.multikey && !opts.collation;
      stats.keysExamined = ordered.scan(plan.bounds, (rid) => {
        if (seen) {
          if (seen.has(rid)) return true;
          seen.add(rid);
        }
        const doc = coll.get(rid);
        if (!doc) return true;
        stats.docsExamined++;
        if (exact || matcher.test(doc)) return emit(rid, doc);
        return true;
      });
    } else if (hasSort && !opts.collation && sortableByIndex(coll, opts.sort!)) {
      const { entry, direction } = sortableByIndex(coll, opts.sort!)!;
      stats.stage = "IXSCAN";
      stats.indexName = entry.spec.name;
      stats.keyPattern = entry.spec.key;
      stats.isMultiKey = false;
      stats.direction = direction > 0 ? "forward" : "backward";
      stats.indexBounds = () => Object.fromEntries(Object.keys(entry.spec.key).map((k) => [k, ["[MinKey, MaxKey]"]]));
      const want = limit > 0 ? skip + limit : Infinity;
      for (const rid of entry.ordered!.ordered(direction)) {
        stats.keysExamined++;
        const doc = coll.get(rid);
        if (!doc) continue;
        stats.docsExamined++;
        if (matcher.test(doc)) emit(rid, doc);
        if (matches.length >= want) break;
      }
      stats.sorted = true;
    } else {
      for (const [rid, doc] of coll.records) {
        stats.docsExamined++;
        if (matcher.test(doc) && !emit(rid, doc)) break;
      }
    }
  }

  if (countOnly) {
    let n = Math.max(0, count - skip);
    if (limit > 0) n = Math.min(n, limit);
    stats.nReturned = n;
    return { matches: [], count: n, stats };
  }
  if (hasSort && !stats.sorted) {
    // a top-k selection when only skip + limit hits are wanted
    const textScore = scores;
    matches = sortItems(matches, opts.sort!, {
      collation: opts.collation,
      docOf: (m) => m[1],
      scoreOf: textScore ? (m) => textScore[m[0]] : undefined,
      limit: limit > 0 ? skip + limit : undefined,
    });
    stats.sorted = true;
  }
  if (skip > 0 || limit > 0) matches = matches.slice(skip, limit > 0 ? skip + limit : undefined);
  if (scores) {
    // only returned hits become copies carrying their score
    const textScore = scores;
    matches = matches.map(([rid, doc]) => {
      const copy = { ...doc };
      textScores.set(copy, textScore[rid]);
      return [rid, copy];
    });
  }
  stats.nReturned = matches.length;
  return { matches, count: matches.length, stats };
}

/** A single-key sort that an index can provide directly (non-multikey, full collection). */
function sortableByIndex(coll: Collection, sort: SortSpec): { entry: import("./collection").IndexEntry; direction: 1 | -1 } | undefined {
  const keys = Object.keys(sort);
  if (keys.length !== 1) return undefined;
  const dir = sort[keys[0]];
  if (dir !== 1 && dir !== -1) return undefined;
  for (const entry of coll.indexes.values()) {
    const o = entry.ordered;
    if (!o || entry.partial || entry.spec.collation || o.sparse || o.multikey || o.fields[0] !== keys[0]) continue;
    return { entry, direction: (dir * o.directions[0]) as 1 | -1 };
  }
  return undefined;
}
