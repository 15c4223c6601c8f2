/** Runs a filter against a collection: text search, index scan or collection scan, then sort/skip/limit. */
import type { Collection } from "./collection";
import { compileFilter } from "./mingo";
import { isPlainObject, type Doc } from "./paths";
import { describeBounds, planIndex } from "./planner";
import { parseSort, sortDocuments, type SortSpec } from "./sort";
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
}

export interface QueryResult {
  matches: Array<[number, Doc]>;
  stats: ExecStats;
}

/** Splits a top-level $text (also inside a top-level $and) from the rest of the filter. */
export function splitText(filter: Doc): { text?: Doc; rest: Doc } {
  if (!filter || !("$text" in filter || Array.isArray(filter.$and))) return { rest: filter };
  let text: Doc | undefined;
  const rest: Doc = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$text") {
      text = v as Doc;
      continue;
    }
    if (k === "$and" && Array.isArray(v)) {
      const kept: unknown[] = [];
      for (const sub of v) {
        if (isPlainObject(sub) && "$text" in sub) {
          const inner = splitText(sub);
          text = inner.text;
          if (Object.keys(inner.rest).length) kept.push(inner.rest);
        } else kept.push(sub);
      }
      if (kept.length) rest.$and = kept;
      continue;
    }
    rest[k] = v;
  }
  return { text, rest };
}

export function findDocuments(coll: Collection | undefined, filter: Doc, opts: QueryOptions = {}): QueryResult {
  const stats: ExecStats = { stage: "COLLSCAN", keysExamined: 0, docsExamined: 0, nReturned: 0, sorted: false };
  if (!isPlainObject(filter)) throw commandError(ErrorCodes.TypeMismatch, "filter must be an object");
  const skip = opts.skip ?? 0;
  const limit = opts.limit ?? 0;
  const { text, rest } = splitText(filter);
  if (opts.sort) parseSort(opts.sort); // validates early
  if (!coll) {
    stats.stage = "EOF";
    return { matches: [], stats };
  }
  // Compiled on first use: an exact index plan needs no re-check.
  let compiled: { test(doc: Doc): boolean } | undefined;
  const matcher = {
    test: (doc: Doc): boolean => (compiled ??= compileFilter(rest, { collation: opts.collation, variables: opts.variables })).test(doc),
  };
  const hasSort = opts.sort !== undefined && Object.keys(opts.sort).length > 0;
  const needed = !hasSort && limit > 0 ? skip + limit : Infinity;
  let matches: Array<[number, Doc]> = [];

  if (text) {
    if (!isPlainObject(text) || typeof text.$search !== "string") throw commandError(ErrorCodes.TypeMismatch, "$search needs a String");
    const entry = coll.textIndex();
    if (!entry?.text) throw commandError(ErrorCodes.IndexNotFound, "text index required for $text query");
    const search = parseSearch(text.$search);
    const { scores, examined } = entry.text.search(search);
    stats.stage = "TEXT";
    stats.indexName = entry.spec.name;
    stats.keyPattern = entry.spec.key;
    stats.keysExamined = examined;
    for (const [rid, score] of scores) {
      const doc = coll.get(rid);
      if (!doc) continue;
      stats.docsExamined++;
      if (!entry.text.matchesPhrases(doc, search) || !matcher.test(doc)) continue;
      const copy = { ...doc };
      textScores.set(copy, score);
      matches.push([rid, copy]);
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
        if (exact || matcher.test(doc)) matches.push([rid, doc]);
        return matches.length < needed;
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
        if (matcher.test(doc)) matches.push([rid, doc]);
        if (matches.length >= want) break;
      }
      stats.sorted = true;
    } else {
      for (const [rid, doc] of coll.records) {
        stats.docsExamined++;
        if (matcher.test(doc)) {
          matches.push([rid, doc]);
          if (matches.length >= needed) break;
        }
      }
    }
  }

  if (hasSort && !stats.sorted) {
    const keyed = new Map<Doc, number>(matches.map(([rid, d]) => [d, rid]));
    matches = sortDocuments(
      matches.map(([, d]) => d),
      opts.sort!,
      opts.collation,
    ).map((d) => [keyed.get(d)!, d]);
    stats.sorted = true;
  }
  if (skip > 0 || limit > 0) matches = matches.slice(skip, limit > 0 ? skip + limit : undefined);
  stats.nReturned = matches.length;
  return { matches, stats };
}

/** A single-key sort that an index can provide directly (non-multikey, full collection). */
function sortableByIndex(coll: Collection, sort: SortSpec): { entry: import("./collection").IndexEntry; direction: 1 | -1 } | undefined {
  const keys = Object.keys(sort);
  if (keys.length !== 1) return undefined;
  const dir = sort[keys[0]];
  if (dir !== 1 && dir !== -1) return undefined;
  for (const entry of coll.indexes.values()) {
    const o = entry.ordered;
    if (!o || entry.partial || o.sparse || o.multikey || o.fields[0] !== keys[0]) continue;
    return { entry, direction: (dir * o.directions[0]) as 1 | -1 };
  }
  return undefined;
}
