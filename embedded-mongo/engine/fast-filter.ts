/**
 * A fast path in front of mingo for the most common filter shapes: equality, `$in`/`$nin`/`$ne`/`$all` on
 * strings, booleans, finite numbers and null, numeric ranges, and `$and`/`$or` of those. A compiled
 * predicate answers true or false only where MongoDB's semantics are plain (no array met inside a path,
 * no BSON number wrappers, no NaN, no `undefined`...); anywhere else it answers `undefined` and the caller
 * asks mingo for that document. Filters with any other operator are not compiled at all.
 */
import type { FieldColumns } from "./field-columns";
import { isPlainObject, type Doc } from "./paths";

/** true / false, or undefined: "ask mingo". */
export type FastPredicate = (doc: Doc) => boolean | undefined;

const UNKNOWN: unique symbol = Symbol("unknown");
const hasOwn = Object.prototype.hasOwnProperty;

type Scalar = string | number | boolean | null;

function isScalar(v: unknown): v is Scalar {
  return v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && !Number.isNaN(v));
}

/** The value at a dotted path (undefined when missing), or UNKNOWN when the path meets an array or a non-document. */
function resolver(path: string): ((doc: Doc) => unknown) | undefined {
  const parts = path.split(".");
  if (parts.some((p) => p === "" || p.startsWith("$") || /^\d+$/.test(p))) return undefined;
  if (parts.length === 1) {
    const [field] = parts;
    return (doc) => (hasOwn.call(doc, field) ? (doc[field] === undefined ? UNKNOWN : doc[field]) : undefined);
  }
  return (doc) => {
    let v: unknown = doc;
    for (const part of parts) {
      if (!isPlainObject(v)) return UNKNOWN;
      if (!hasOwn.call(v, part)) return undefined;
      v = v[part];
      if (v === undefined) return UNKNOWN;
    }
    return v;
  };
}

/** Whether one (non-array) stored value equals a scalar: true, false, or UNKNOWN. */
function equalsScalar(v: unknown, q: Scalar): boolean | typeof UNKNOWN {
  if (v === null || v === undefined) return q === null;
  switch (typeof v) {
    case "string":
    case "boolean":
      return v === q;
    case "number":
      return Number.isNaN(v) ? UNKNOWN : v === q;
    case "object":
      // BSON wrappers (Long, Decimal128, Double, Int32, MinKey...) have rules of their own: leave them to mingo
      if ((v as { _bsontype?: string })._bsontype !== undefined) return UNKNOWN;
      return q === null ? UNKNOWN : false;
    default:
      return UNKNOWN;
  }
}

/** Equality as MongoDB applies it to a field: the value itself or, for an array, any element. */
function fieldEquals(v: unknown, q: Scalar): boolean | typeof UNKNOWN {
  if (v === UNKNOWN) return UNKNOWN;
  if (Array.isArray(v)) {
    if (q === null) return UNKNOWN;
    let unknown = false;
    for (const e of v) {
      if (Array.isArray(e)) {
        // MongoDB does not look into nested arrays, mingo does on dotted paths: leave them to mingo
        unknown = true;
        continue;
      }
      const r = equalsScalar(e, q);
      if (r === true) return true;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : false;
  }
  return equalsScalar(v, q);
}

type RangeOp = "$gt" | "$gte" | "$lt" | "$lte";

function inRange(v: number, op: RangeOp, q: number): boolean {
  switch (op) {
    case "$gt":
      return v > q;
    case "$gte":
      return v >= q;
    case "$lt":
      return v < q;
    default:
      return v <= q;
  }
}

/** A numeric range on one stored value: other types never match (MongoDB's type bracketing). */
function scalarInRange(v: unknown, op: RangeOp, q: number): boolean | typeof UNKNOWN {
  if (typeof v === "number") return Number.isNaN(v) ? UNKNOWN : inRange(v, op, q);
  if (v !== null && typeof v === "object" && (v as { _bsontype?: string })._bsontype !== undefined) return UNKNOWN;
  if (v === undefined || v === null || typeof v === "string" || typeof v === "boolean" || v instanceof Date || isPlainObject(v)) return false;
  return UNKNOWN;
}

function fieldInRange(v: unknown, op: RangeOp, q: number): boolean | typeof UNKNOWN {
  if (v === UNKNOWN) return UNKNOWN;
  if (Array.isArray(v)) {
    let unknown = false;
    for (const e of v) {
      if (Array.isArray(e)) {
        unknown = true;
        continue;
      }
      const r = scalarInRange(e, op, q);
      if (r === true) return true;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : false;
  }
  return scalarInRange(v, op, q);
}

type ValueTest = (v: unknown) => boolean | typeof UNKNOWN;

const not =
  (test: ValueTest): ValueTest =>
  (v) => {
    const r = test(v);
    return r === UNKNOWN ? UNKNOWN : !r;
  };

function anyOf(values: Scalar[]): ValueTest {
  return (v) => {
    let unknown = false;
    for (const q of values) {
      const r = fieldEquals(v, q);
      if (r === true) return true;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : false;
  };
}

function allOf(tests: ValueTest[]): ValueTest {
  return (v) => {
    let unknown = false;
    for (const test of tests) {
      const r = test(v);
      if (r === false) return false;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : true;
  };
}

/** The test of one field's condition, or undefined when it is not a supported shape. */
function conditionTest(cond: unknown): ValueTest | undefined {
  if (isScalar(cond)) return (v) => fieldEquals(v, cond);
  if (!isPlainObject(cond)) return undefined;
  const ops = Object.keys(cond);
  if (ops.length === 0 || !ops.every((op) => op.startsWith("$"))) return undefined;
  const tests: ValueTest[] = [];
  for (const op of ops) {
    const q = cond[op];
    switch (op) {
      case "$eq":
      case "$ne": {
        if (!isScalar(q)) return undefined;
        const eq: ValueTest = (v) => fieldEquals(v, q);
        tests.push(op === "$eq" ? eq : not(eq));
        break;
      }
      case "$in":
      case "$nin": {
        if (!Array.isArray(q) || !q.every(isScalar)) return undefined;
        const test = anyOf(q as Scalar[]);
        tests.push(op === "$in" ? test : not(test));
        break;
      }
      case "$all": {
        if (!Array.isArray(q) || !q.every(isScalar)) return undefined;
        if (q.length === 0) tests.push(() => false);
        else {
          // on a non-array value mingo differs from MongoDB (which matches { a: 5 } with $all: [5]): mingo decides
          const all = allOf((q as Scalar[]).map((e) => (v: unknown) => fieldEquals(v, e)));
          tests.push((v) => (Array.isArray(v) ? all(v) : UNKNOWN));
        }
        break;
      }
      case "$gt":
      case "$gte":
      case "$lt":
      case "$lte": {
        if (typeof q !== "number" || Number.isNaN(q)) return undefined;
        tests.push((v) => fieldInRange(v, op, q));
        break;
      }
      default:
        return undefined;
    }
  }
  return tests.length === 1 ? tests[0] : allOf(tests);
}

type Tri = boolean | typeof UNKNOWN;
type Test<T> = (input: T) => Tri;
/** How a compiled filter reads the value at a path from its input (a document, or a record id). */
type Resolve<T> = (path: string) => ((input: T) => unknown) | undefined;
/** Keeps an `$or`'s answers per input (its key tells apart every `$or`), or leaves the test as it is. */
type Memo<T> = (key: string, test: Test<T>) => Test<T>;

function compileDoc<T>(filter: Doc, resolve: Resolve<T>, memo?: Memo<T>): Test<T> | undefined {
  const tests: Array<Test<T>> = [];
  for (const [key, cond] of Object.entries(filter)) {
    if (key === "$and" || key === "$or") {
      if (!Array.isArray(cond) || cond.length === 0 || !cond.every(isPlainObject)) return undefined;
      const subs = (cond as Doc[]).map((sub) => compileDoc(sub, resolve, memo));
      if (subs.some((s) => s === undefined)) return undefined;
      const clauses = subs as Array<Test<T>>;
      if (key === "$and") {
        tests.push((input) => {
          let unknown = false;
          for (const c of clauses) {
            const r = c(input);
            if (r === false) return false;
            if (r === UNKNOWN) unknown = true;
          }
          return unknown ? UNKNOWN : true;
        });
      } else {
        const or: Test<T> = (input) => {
          let unknown = false;
          for (const c of clauses) {
            const r = c(input);
            if (r === true) return true;
            if (r === UNKNOWN) unknown = true;
          }
          return unknown ? UNKNOWN : false;
        };
        tests.push(memo ? memo(`$or:${conditionKey(cond)}`, or) : or);
      }
      continue;
    }
    if (key.startsWith("$")) return undefined;
    const test = conditionTest(cond);
    const valueOf = test && resolve(key);
    if (!valueOf) return undefined;
    tests.push((input) => test(valueOf(input)));
  }
  if (tests.length === 1) return tests[0];
  return (input) => {
    let unknown = false;
    for (const t of tests) {
      const r = t(input);
      if (r === false) return false;
      if (r === UNKNOWN) unknown = true;
    }
    return unknown ? UNKNOWN : true;
  };
}

/** A fast predicate for the filter, or undefined when its shape is not covered (use mingo). */
export function compileFastFilter(filter: Doc): FastPredicate | undefined {
  if (!isPlainObject(filter)) return undefined;
  return answer(compileDoc(filter, resolver));
}

/**
 * The same predicate over record ids: each path's value comes from the collection's columns (computed from
 * the document as `resolver` does, once per record until it is written), not from the document. Compile
 * it for a filter `compileFastFilter` compiles.
 */
export function compileRecordFilter(filter: Doc, columns: FieldColumns): ((recordId: number) => boolean | undefined) | undefined {
  if (!isPlainObject(filter)) return undefined;
  const { docOf } = columns;
  const byColumn = (path: string) => {
    const resolve = resolver(path);
    return (
      resolve &&
      columns.reader(path, (recordId) => {
        const doc = docOf(recordId);
        return doc ? resolve(doc) : UNKNOWN;
      })
    );
  };
  // an `$or` (the visibility filter's owners and levels) repeats from search to search: its answers are kept too
  const memo: Memo<number> = (key, test) => columns.reader(key, test) as Test<number>;
  return answer(compileDoc<number>(filter, byColumn, memo));
}

/** A key telling apart every condition the compiler takes (JSON alone would merge -Infinity and null, 1 and "1"). */
function conditionKey(condition: unknown): string {
  return JSON.stringify(condition, (_k, v: unknown) => (typeof v === "number" ? `n:${Object.is(v, -0) ? "-0" : String(v)}` : typeof v === "string" ? `s:${v}` : v));
}

function answer<T>(test: Test<T> | undefined): ((input: T) => boolean | undefined) | undefined {
  if (!test) return undefined;
  return (input) => {
    const r = test(input);
    return r === UNKNOWN ? undefined : r;
  };
}
