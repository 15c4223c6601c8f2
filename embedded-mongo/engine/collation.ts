/**
 * Collation (locale-aware string comparison, e.g. case-insensitive with strength 1 or 2) for queries,
 * sorts and distinct, through Intl.Collator. mingo compares strings binary, so with a collation the
 * comparison query operators are replaced by these collation-aware ones.
 */
import { resolve } from "mingo/util";
import { compareValues, TypeOrder, typeOrder } from "./bson-order";
import { isPlainObject, type Doc } from "./paths";
import { commandError, ErrorCodes } from "../errors";

export type Comparator = (a: unknown, b: unknown) => number;

export interface CollationSpec {
  locale: string;
  strength?: number;
  caseLevel?: boolean;
  caseFirst?: string;
  numericOrdering?: boolean;
  alternate?: string;
}

/** The collation of a command (undefined for none or "simple"). */
export function parseCollation(raw: unknown): CollationSpec | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isPlainObject(raw)) throw commandError(ErrorCodes.TypeMismatch, "collation must be an object");
  if (typeof raw.locale !== "string") throw commandError(ErrorCodes.FailedToParse, "Missing expected field \"locale\"");
  if (raw.locale === "simple") return undefined;
  return raw as unknown as CollationSpec;
}

const cache = new Map<string, Comparator>();

/** compareValues, with strings compared by the collation. */
export function collationComparator(spec: CollationSpec | undefined): Comparator {
  if (!spec) return compareValues;
  const key = JSON.stringify(spec);
  const cached = cache.get(key);
  if (cached) return cached;
  const strength = spec.strength ?? 3;
  let sensitivity: Intl.CollatorOptions["sensitivity"] = strength <= 1 ? "base" : strength === 2 ? "accent" : "variant";
  if (spec.caseLevel && sensitivity === "base") sensitivity = "case";
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(spec.locale.replace("_", "-"), {
      sensitivity,
      caseFirst: spec.caseFirst === "upper" || spec.caseFirst === "lower" ? spec.caseFirst : "false",
      numeric: spec.numericOrdering === true,
      ignorePunctuation: spec.alternate === "shifted",
    });
  } catch {
    throw commandError(ErrorCodes.BadValue, `Field 'locale' is invalid in: ${key}`);
  }
  const cmp: Comparator = (a, b) => (typeof a === "string" && typeof b === "string" ? Math.sign(collator.compare(a, b)) : compareValues(a, b));
  cache.set(key, cmp);
  return cmp;
}

type QueryOp = (selector: string, value: unknown, options: Doc) => (obj: Doc) => boolean;

function lhsValues(obj: Doc, selector: string): unknown {
  return resolve(obj as never, selector, { unwrapArray: true });
}

function equalsWith(cmp: Comparator, a: unknown, b: unknown): boolean {
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (a === undefined) return false;
  if (cmp(a, b) === 0) return true;
  if (Array.isArray(a)) return a.some((v) => cmp(v, b) === 0 || (Array.isArray(v) && v.some((w) => cmp(w, b) === 0)));
  return false;
}

function inWith(cmp: Comparator, a: unknown, values: unknown[]): boolean {
  if (!Array.isArray(values)) throw commandError(ErrorCodes.BadValue, "$in needs an array");
  const candidates = Array.isArray(a) ? [a, ...a] : [a];
  return values.some((x) => {
    if (x instanceof RegExp) return candidates.some((v) => typeof v === "string" && x.test(v));
    if (x === null) return a === undefined || a === null || (Array.isArray(a) && a.some((v) => v === null));
    return candidates.some((v) => v !== undefined && cmp(v, x) === 0);
  });
}

function rangeWith(cmp: Comparator, a: unknown, b: unknown, ok: (c: number) => boolean): boolean {
  const values = Array.isArray(a) ? a : [a];
  return values.some((v) => v !== undefined && typeOrder(v) === typeOrder(b) && ok(cmp(v, b)));
}

function involvesNumbers(value: unknown): boolean {
  return Array.isArray(value) ? value.some((v) => typeOrder(v) === TypeOrder.Number) : typeOrder(value) === TypeOrder.Number;
}

function listsArrays(value: unknown): boolean {
  return Array.isArray(value) && value.some(Array.isArray);
}

/** Wraps mingo's comparison query operators: with options.collation set, strings compare by it. */
export function collationAwareQueryOps(original: Record<string, QueryOp>): Record<string, QueryOp> {
  const wrap = (name: string, pred: (cmp: Comparator, a: unknown, b: unknown) => boolean): QueryOp => {
    const orig = original[name];
    return (selector, value, options) => {
      const spec = options.collation as CollationSpec | undefined;
      // BSON order also decides numbers of every kind (Decimal128, Long, Int32, Double against plain ones)
      // and $in of an array value, which mingo compares only with the field's elements, never the whole array
      if (!spec && !involvesNumbers(value) && !listsArrays(value)) return orig(selector, value, options);
      const cmp = collationComparator(spec);
      return (obj) => pred(cmp, lhsValues(obj, selector), value);
    };
  };
  return {
    $eq: wrap("$eq", equalsWith),
    $ne: wrap("$ne", (c, a, b) => !equalsWith(c, a, b)),
    $in: wrap("$in", (c, a, b) => inWith(c, a, b as unknown[])),
    $nin: wrap("$nin", (c, a, b) => !inWith(c, a, b as unknown[])),
    $gt: wrap("$gt", (c, a, b) => rangeWith(c, a, b, (x) => x > 0)),
    $gte: wrap("$gte", (c, a, b) => rangeWith(c, a, b, (x) => x >= 0)),
    $lt: wrap("$lt", (c, a, b) => rangeWith(c, a, b, (x) => x < 0)),
    $lte: wrap("$lte", (c, a, b) => rangeWith(c, a, b, (x) => x <= 0)),
  };
}
