/** The unified test format's "Evaluating Matches": root-level extra fields, flexible numerics, `$$` operators. */
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from "bson";
import type { Doc } from "../engine/paths";

export interface MatchContext {
  /** entity lookup for $$sessionLsid / $$matchesEntity */
  entity(name: string): unknown;
}

export class MatchError extends Error {}

function fail(path: string, message: string): never {
  throw new MatchError(`${path || "(root)"}: ${message}`);
}

function isNumber(v: unknown): boolean {
  return typeof v === "number" || v instanceof Int32 || v instanceof Double || v instanceof Long || typeof v === "bigint";
}

function num(v: unknown): number {
  if (v instanceof Long) return v.toNumber();
  return Number(v);
}

/** Any key-value document, including the driver's own option classes (ReadConcern...) and Maps (sort, keys). */
function isDocument(v: unknown): v is Doc {
  if (v === null || typeof v !== "object" || Array.isArray(v) || v instanceof Date || v instanceof RegExp || Buffer.isBuffer(v)) return false;
  return (v as { _bsontype?: string })._bsontype === undefined;
}

function asDocument(v: unknown): unknown {
  return v instanceof Map ? Object.fromEntries(v) : v;
}

/** The `$type` names a value may match (a driver returns int, long and double as one JS number). */
export function typeNames(v: unknown): string[] {
  if (v === null) return ["null"];
  if (v === undefined) return [];
  if (typeof v === "number") return Number.isInteger(v) ? ["int", "long", "double", "number"] : ["double", "number"];
  if (v instanceof Int32) return ["int", "number"];
  if (v instanceof Long || typeof v === "bigint") return ["long", "number"];
  if (v instanceof Double) return ["double", "number"];
  if (v instanceof Decimal128) return ["decimal", "number"];
  if (typeof v === "string") return ["string"];
  if (typeof v === "boolean") return ["bool"];
  if (Array.isArray(v)) return ["array"];
  if (v instanceof Date) return ["date"];
  if (v instanceof ObjectId) return ["objectId"];
  if (v instanceof Binary || Buffer.isBuffer(v)) return ["binData"];
  if (v instanceof Timestamp) return ["timestamp"];
  if (v instanceof RegExp) return ["regex"];
  if (isDocument(v)) return ["object"];
  return [String((v as { _bsontype?: string })._bsontype ?? typeof v)];
}

function operatorOf(v: unknown): string | undefined {
  if (!isDocument(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0].startsWith("$$") ? keys[0] : undefined;
}

function scalarEqual(expected: unknown, actual: unknown): boolean {
  if (isNumber(expected) && isNumber(actual)) return num(expected) === num(actual);
  if (expected instanceof Decimal128 || actual instanceof Decimal128) return String(expected) === String(actual) && typeNames(actual)[0] === typeNames(expected)[0];
  if (expected instanceof ObjectId && actual instanceof ObjectId) return expected.equals(actual);
  if (expected instanceof Date && actual instanceof Date) return expected.getTime() === actual.getTime();
  if (expected instanceof Binary && actual instanceof Binary) return Buffer.from(expected.buffer).equals(Buffer.from(actual.buffer));
  if (expected instanceof Timestamp && actual instanceof Timestamp) return expected.equals(actual);
  if (expected instanceof RegExp && actual instanceof RegExp) return expected.source === actual.source && expected.flags === actual.flags;
  if (typeof expected === "object" && expected !== null && typeof actual === "object" && actual !== null) {
    return JSON.stringify(expected) === JSON.stringify(actual);
  }
  return expected === actual;
}

/** Asserts that `actual` matches `expected`; throws a MatchError naming the first difference. */
export function assertMatches(expected: unknown, actualValue: unknown, ctx: MatchContext, root = true, path = ""): void {
  const actual = asDocument(actualValue);
  const op = operatorOf(expected);
  if (op) {
    matchOperator(op, (expected as Doc)[op], actual, ctx, root, path);
    return;
  }
  if (isDocument(expected)) {
    if (!isDocument(actual)) fail(path, `expected a document, got ${describe(actual)}`);
    for (const [key, value] of Object.entries(expected)) {
      const valueOp = operatorOf(value);
      const here = path ? `${path}.${key}` : key;
      if (valueOp === "$$exists") {
        const exists = key in actual && actual[key] !== undefined;
        if (exists !== Boolean((value as Doc).$$exists)) fail(here, exists ? "should not exist" : "should exist");
        continue;
      }
      if (valueOp === "$$unsetOrMatches") {
        if (!(key in actual) || actual[key] === undefined) continue;
        assertMatches((value as Doc).$$unsetOrMatches, actual[key], ctx, false, here);
        continue;
      }
      if (!(key in actual) || actual[key] === undefined) fail(here, `missing (expected ${describe(value)})`);
      assertMatches(value, actual[key], ctx, false, here);
    }
    if (!root) {
      for (const key of Object.keys(actual)) if (!(key in expected) && actual[key] !== undefined) fail(path, `unexpected field '${key}'`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) fail(path, `expected an array, got ${describe(actual)}`);
    if (actual.length !== expected.length) fail(path, `expected ${expected.length} elements, got ${actual.length}: ${describe(actual)}`);
    expected.forEach((e, i) => assertMatches(e, actual[i], ctx, false, `${path}[${i}]`));
    return;
  }
  if (!scalarEqual(expected, actual)) fail(path, `expected ${describe(expected)}, got ${describe(actual)}`);
}

function matchOperator(op: string, arg: unknown, actual: unknown, ctx: MatchContext, root: boolean, path: string): void {
  switch (op) {
    case "$$type": {
      const wanted = Array.isArray(arg) ? (arg as string[]) : [String(arg)];
      if (actual === undefined || !typeNames(actual).some((t) => wanted.includes(t))) fail(path, `expected type ${wanted.join("|")}, got ${describe(actual)}`);
      return;
    }
    case "$$unsetOrMatches":
      if (actual !== undefined) assertMatches(arg, actual, ctx, root, path);
      return;
    case "$$exists":
      if ((actual !== undefined) !== Boolean(arg)) fail(path, arg ? "should exist" : "should not exist");
      return;
    case "$$lte":
      if (!isNumber(actual) || num(actual) > num(arg)) fail(path, `expected <= ${describe(arg)}, got ${describe(actual)}`);
      return;
    case "$$sessionLsid": {
      const session = ctx.entity(String(arg)) as { id?: Doc };
      assertMatches(session.id, actual, ctx, false, path);
      return;
    }
    case "$$matchesEntity":
      assertMatches(ctx.entity(String(arg)), actual, ctx, root, path);
      return;
    case "$$matchAsRoot":
      assertMatches(arg, actual, ctx, true, path);
      return;
    case "$$matchAsDocument": {
      if (typeof actual !== "string") fail(path, `expected an extended JSON string, got ${describe(actual)}`);
      assertMatches(arg, JSON.parse(actual), ctx, false, path);
      return;
    }
    default:
      throw new Error(`unsupported match operator ${op}`);
  }
}

export function describe(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x)) ?? String(v);
  } catch {
    return String(v);
  }
}
