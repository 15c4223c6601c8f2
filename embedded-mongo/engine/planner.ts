/**
 * Chooses how to find the documents of a filter: an index scan when an index's leading fields are
 * constrained by equality, $in or ranges (the filter is always re-applied to fetched documents),
 * otherwise a collection scan.
 */
import { compareValues, TypeBound, typeOrder, TypeOrder } from "./bson-order";
import type { FieldBounds, FieldInterval } from "./ordered-index";
import { isPlainObject, type Doc } from "./paths";
import type { Collection, IndexEntry, OrderedIndexEntry } from "./collection";
import { commandError, ErrorCodes } from "../errors";

export interface IndexPlan {
  entry: OrderedIndexEntry;
  bounds: Array<FieldBounds | undefined>;
  /**
   * The bounds select exactly the matching documents (the filter is only conditions on the index's
   * leading fields, with simple values), so fetched documents need no re-check unless the index is
   * multikey.
   */
  exact: boolean;
}

/** Values whose index equality/order is exactly MongoDB's query semantics. */
function simpleValue(v: unknown): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return !Number.isNaN(v);
    case "object":
      return v instanceof Date || (v as { _bsontype?: string })._bsontype === "ObjectId";
    default:
      return false;
  }
}

/** Whether the filter consists only of index-exact conditions on the plan's leading fields. */
function isExact(filter: Doc, entry: OrderedIndexEntry, bounds: Array<FieldBounds | undefined>): boolean {
  const ordered = entry.ordered;
  if (ordered.sparse || entry.partial) return false;
  const keys = Object.keys(filter);
  if (keys.length === 0) return false;
  const fields = ordered.fields;
  for (const k of keys) {
    const i = fields.indexOf(k);
    if (i < 0 || !bounds[i]) return false;
    // every earlier field must be a point, so the composite ranges are exact
    for (let j = 0; j < i; j++) if (!isPoints(bounds[j])) return false;
    const cond = filter[k];
    if (isPlainObject(cond)) {
      let rangeType: number | undefined;
      for (const [op, v] of Object.entries(cond)) {
        if (op === "$in") {
          if (!Array.isArray(v) || !v.every(simpleValue)) return false;
        } else if (op === "$eq") {
          if (!simpleValue(v)) return false;
        } else if (op === "$gt" || op === "$gte" || op === "$lt" || op === "$lte") {
          // every range operator must have narrowed the bounds, within one type bracket
          if (!simpleValue(v) || v === null || typeof v === "boolean") return false;
          if (rangeType !== undefined && rangeType !== typeOrder(v)) return false;
          rangeType = typeOrder(v);
        } else return false;
      }
      const ops = Object.keys(cond);
      if (ops.includes("$in") && ops.length > 1) return false;
      if (ops.includes("$eq") && ops.length > 1) return false;
    } else if (!simpleValue(cond)) return false;
  }
  return true;
}

function point(v: unknown): FieldInterval {
  return { low: v, high: v, lowInclusive: true, highInclusive: true };
}

function indexableValue(v: unknown): boolean {
  if (v instanceof RegExp || Array.isArray(v)) return false;
  const t = typeOrder(v);
  if (t === TypeOrder.RegEx || t === TypeOrder.MinKey || t === TypeOrder.MaxKey) return false;
  if (isPlainObject(v) && Object.keys(v).some((k) => k.startsWith("$"))) return false;
  return true;
}

/** Bounds implied by one field's condition, or undefined when it cannot bound an index scan. */
function boundsForCondition(cond: unknown): FieldBounds | undefined {
  if (!isPlainObject(cond) || !Object.keys(cond).some((k) => k.startsWith("$"))) {
    return indexableValue(cond) ? [point(cond)] : undefined;
  }
  const ops = cond as Doc;
  if ("$eq" in ops) return indexableValue(ops.$eq) ? [point(ops.$eq)] : undefined;
  if ("$in" in ops) {
    const values = ops.$in;
    if (!Array.isArray(values) || !values.every(indexableValue)) return undefined;
    const sorted = [...values].sort(compareValues);
    return sorted.filter((v, i) => i === 0 || compareValues(v, sorted[i - 1]) !== 0).map(point);
  }
  let interval: FieldInterval | undefined;
  const narrow = (iv: FieldInterval): void => {
    if (!interval) {
      interval = iv;
      return;
    }
    const lc = compareValues(iv.low, interval.low);
    if (lc > 0 || (lc === 0 && !iv.lowInclusive)) {
      interval.low = iv.low;
      interval.lowInclusive = iv.lowInclusive;
    }
    const hc = compareValues(iv.high, interval.high);
    if (hc < 0 || (hc === 0 && !iv.highInclusive)) {
      interval.high = iv.high;
      interval.highInclusive = iv.highInclusive;
    }
  };
  for (const [op, v] of Object.entries(ops)) {
    if (!["$gt", "$gte", "$lt", "$lte"].includes(op)) continue;
    if (!indexableValue(v) || v === null || v === undefined) continue;
    if (isPlainObject(v) || typeof v === "boolean") continue;
    const t = typeOrder(v);
    if (op === "$gt" || op === "$gte") {
      narrow({ low: v, lowInclusive: op === "$gte", high: new TypeBound(t, true), highInclusive: true });
    } else {
      narrow({ low: new TypeBound(t, false), lowInclusive: true, high: v, highInclusive: op === "$lte" });
    }
  }
  return interval ? [interval] : undefined;
}

/** Field conditions of the filter's top-level conjunction (including a top-level $and). */
export function fieldConditions(filter: Doc): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const visit = (f: Doc): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$and" && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (k.startsWith("$")) continue;
      const list = out.get(k) ?? [];
      list.push(v);
      out.set(k, list);
    }
  };
  visit(filter);
  return out;
}

function boundsFor(conds: Map<string, unknown[]>, field: string): FieldBounds | undefined {
  for (const c of conds.get(field) ?? []) {
    const b = boundsForCondition(c);
    if (b) return b;
  }
  return undefined;
}

function isPoints(b: FieldBounds | undefined): boolean {
  return b !== undefined && b.every((iv) => iv.lowInclusive && iv.highInclusive && compareValues(iv.low, iv.high) === 0);
}

/**
 * Whether the planner may pick the index by itself: not a text index, not hidden, not partial (its
 * filter would have to be implied by the query's), not collated (its string order is not the query's).
 */
export function usableUnhinted(entry: IndexEntry): entry is OrderedIndexEntry {
  return entry.kind !== "text" && entry.spec.hidden !== true && !entry.partial && entry.spec.collation === undefined;
}

/** Finds an index named by a hint (name or key pattern). */
export function hintedIndex(coll: Collection, hint: unknown): IndexEntry | undefined {
  if (hint === undefined || hint === null) return undefined;
  let found: IndexEntry | undefined;
  if (typeof hint === "string") found = coll.indexes.get(hint);
  else if (isPlainObject(hint)) {
    if (Object.keys(hint).length === 0 || hint.$natural !== undefined) return undefined;
    found = [...coll.indexes.values()].find((e) => compareValues(e.spec.key, hint) === 0);
  } else throw commandError(ErrorCodes.FailedToParse, "hint must be a string or an object");
  // a hidden index is invisible to hints too
  if (!found || found.spec.hidden === true) {
    throw commandError(ErrorCodes.BadValue, "error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index");
  }
  return found;
}

/** The best index plan for the filter, or undefined for a collection scan. */
export function planIndex(coll: Collection, filter: Doc, hint?: unknown): IndexPlan | undefined {
  const conds = fieldConditions(filter);
  const hinted = hintedIndex(coll, hint);
  if (hinted) {
    if (hinted.kind === "text") return undefined;
    // a collated index orders strings by its collation: bounds (binary) would miss keys, so it is walked whole
    const bounds = hinted.ordered.fields.map((f) => (hinted.spec.collation ? undefined : boundsFor(conds, f)));
    return { entry: hinted, bounds, exact: isExact(filter, hinted, bounds) };
  }
  if (conds.size === 0) return undefined;
  let best: { plan: IndexPlan; score: number } | undefined;
  for (const entry of coll.indexes.values()) {
    if (!usableUnhinted(entry)) continue;
    const ordered = entry.ordered;
    const bounds = ordered.fields.map((f) => boundsFor(conds, f));
    if (!bounds[0]) continue;
    // A sparse index lacks documents missing the field: it cannot answer a null equality.
    if (ordered.sparse && bounds.some((b) => b?.some((iv) => iv.low === null || iv.high === null))) continue;
    let score = 0;
    for (const b of bounds) {
      if (!b) break;
      if (isPoints(b)) score += 10;
      else {
        score += 5;
        break;
      }
    }
    const allPoints = bounds.every(isPoints);
    if (ordered.unique && allPoints) score += 8;
    if (entry.kind === "id") score += 1;
    score -= ordered.fields.length * 0.01;
    if (!best || score > best.score) best = { plan: { entry, bounds, exact: false }, score };
  }
  if (best) best.plan.exact = isExact(filter, best.plan.entry, best.plan.bounds);
  return best?.plan;
}

/** indexBounds as mongod prints them in explain. */
export function describeBounds(plan: IndexPlan): Doc {
  const out: Doc = {};
  const fields = plan.entry.ordered.fields;
  fields.forEach((f, i) => {
    const b = plan.bounds[i];
    if (!b) {
      out[f] = ["[MinKey, MaxKey]"];
      return;
    }
    out[f] = b.map((iv) => {
      const show = (v: unknown): string => (v instanceof TypeBound ? (v.end ? "inf" : "-inf") : JSON.stringify(v) ?? String(v));
      return `${iv.lowInclusive ? "[" : "("}${show(iv.low)}, ${show(iv.high)}${iv.highInclusive ? "]" : ")"}`;
    });
  });
  return out;
}
