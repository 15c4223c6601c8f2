/**
 * How numbers are held, so that int32, long, double and decimal stay apart as in mongod. Plain JS numbers
 * carry the common cases, BSON wrappers the rest:
 * - int: a JS number that is whole and within int32's range;
 * - double: any other JS number (a fraction, -0, NaN, ±Infinity, a whole number beyond int32), or a `Double`
 *   for a whole value within int32's range (a plain 1 would go back out as an int);
 * - long: always a `Long` (exact beyond 2^53);
 * - decimal: a `Decimal128`.
 * The BSON serializer writes a JS number as an int32 when whole and within range and as a double otherwise,
 * so every value leaves with the type it came in with.
 */
import { Double, Long } from "bson";
import { commandError, ErrorCodes } from "../errors";

export type NumericType = "int" | "long" | "double" | "decimal";

const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;

function int32Like(n: number): boolean {
  return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX && !Object.is(n, -0);
}

/** The BSON numeric type of a value held as above, or undefined for a non-number. */
export function numericType(v: unknown): NumericType | undefined {
  if (typeof v === "number") return int32Like(v) ? "int" : "double";
  if (v === null || typeof v !== "object") return undefined;
  switch ((v as { _bsontype?: string })._bsontype) {
    case "Double":
      return "double";
    case "Long":
      return "long";
    case "Int32":
      return "int";
    case "Decimal128":
      return "decimal";
    default:
      return undefined;
  }
}

/** A double value as it is held: a plain number unless it would read as an int. */
export function doubleValue(n: number): number | Double {
  return int32Like(n) ? new Double(n) : n;
}

/** A BSON value decoded with `promoteValues: false`, as it is held. */
function held(v: unknown): unknown {
  switch ((v as { _bsontype?: string })._bsontype) {
    case "Int32":
      return (v as { value: number }).value;
    case "Double":
      return doubleValue((v as Double).value);
    default:
      return v;
  }
}

/**
 * Turns a document decoded with `promoteValues: false` (every number a wrapper) into the held form, in
 * place: Int32 becomes a number, a Double a number unless it is whole within int32's range, Long and
 * Decimal128 stay.
 */
export function holdNumbers<T>(value: T): T {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v !== null && typeof v === "object") value[i] = (v as { _bsontype?: string })._bsontype ? held(v) : holdNumbers(v);
    }
    return value;
  }
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  const doc = value as Record<string, unknown>;
  for (const k in doc) {
    const v = doc[k];
    if (v !== null && typeof v === "object") doc[k] = (v as { _bsontype?: string })._bsontype ? held(v) : holdNumbers(v);
  }
  return value;
}

/**
 * A deep copy where doubles and longs within 2^53 are plain numbers, for the few mingo operators that compute
 * on JS numbers without a type to keep (typed-operators.ts). Longs beyond 2^53 and Decimal128 stay wrappers.
 */
export function plainNumbers<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainNumbers) as T;
  if (value === null || typeof value !== "object" || value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  const type = (value as { _bsontype?: string })._bsontype;
  if (type === "Double") return (value as unknown as Double).value as T;
  if (type === "Long") {
    const n = (value as unknown as Long).toNumber();
    return (Number.isSafeInteger(n) ? n : value) as T;
  }
  if (type !== undefined) return value;
  const out: Record<string, unknown> = {};
  for (const k in value as Record<string, unknown>) out[k] = plainNumbers((value as Record<string, unknown>)[k]);
  return out as T;
}

const WIDTH: Record<NumericType, number> = { int: 0, long: 1, double: 2, decimal: 3 };

/** A long's result: beyond 64 bits mongod's safe arithmetic gives up and refuses the update (BadValue). */
function longResult(n: bigint, op: string, base: unknown): Long {
  if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n) {
    throw commandError(ErrorCodes.BadValue, `Failed to apply ${op} operations to current value ((NumberLong)${String(base)})`);
  }
  return Long.fromBigInt(n);
}

function asBigInt(v: unknown): bigint {
  return v instanceof Long ? v.toBigInt() : BigInt(v as number);
}

function asNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Double) return v.value;
  return Number.parseFloat(String(v));
}

/**
 * `$inc` (add) or `$mul` (multiply) of two numbers with mongod's result type: the wider operand's type
 * (int < long < double); int results beyond int32 become longs. Decimal128 is computed elsewhere.
 */
export function typedArithmetic(op: "$inc" | "$mul", base: unknown, operand: unknown): unknown {
  const a = numericType(base)!;
  const b = numericType(operand)!;
  const type = WIDTH[a] >= WIDTH[b] ? a : b;
  if (type === "double") {
    const x = asNumber(base);
    const y = asNumber(operand);
    return doubleValue(op === "$mul" ? x * y : x + y);
  }
  const x = asBigInt(base);
  const y = asBigInt(operand);
  const n = op === "$mul" ? x * y : x + y;
  if (type === "int" && n >= BigInt(INT32_MIN) && n <= BigInt(INT32_MAX)) return Number(n);
  return longResult(n, op, base);
}

/**
 * A command's own numeric arguments (`limit`, `batchSize`, `maxTimeMS`, `cursor.batchSize`,
 * `writeConcern.wtimeout`...) as plain numbers, whatever BSON type the client sent them as; documents,
 * filters and pipelines inside the command keep their types.
 */
export function plainArguments(body: Record<string, unknown>): void {
  const scalars = (doc: Record<string, unknown>): void => {
    for (const k in doc) {
      const v = doc[k];
      const type = numericType(v);
      if (type === "double" || type === "long") doc[k] = plainNumbers(v);
    }
  };
  scalars(body);
  for (const k of ["cursor", "writeConcern"]) {
    const nested = body[k];
    if (nested !== null && typeof nested === "object" && !Array.isArray(nested) && !(nested as { _bsontype?: string })._bsontype) scalars(nested as Record<string, unknown>);
  }
}
