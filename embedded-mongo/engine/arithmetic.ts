/**
 * Arithmetic on held numbers (see numbers.ts) with mongod's result types, for aggregation expressions and
 * accumulators: the widest operand's type (int < long < double < decimal); an int result beyond int32
 * becomes a long and a long beyond 64 bits a double; a decimal operand makes the whole computation exact
 * decimal arithmetic.
 */
import { Decimal128, Long } from "bson";
import { toNumber } from "./bson-order";
import { doubleValue, numericType, type NumericType } from "./numbers";
import { commandError, ErrorCodes } from "../errors";

const INT32_MIN = -0x80000000n;
const INT32_MAX = 0x7fffffffn;
const LONG_MIN = -0x8000000000000000n;
const LONG_MAX = 0x7fffffffffffffffn;
const WIDTH: Record<NumericType, number> = { int: 0, long: 1, double: 2, decimal: 3 };

export const isNumber = (v: unknown): boolean => numericType(v) !== undefined;

/** The widest numeric type among values that are all numbers. */
export function widestType(values: readonly unknown[]): NumericType {
  let type: NumericType = "int";
  for (const v of values) {
    const t = numericType(v)!;
    if (WIDTH[t] > WIDTH[type]) type = t;
  }
  return type;
}

/** A finite decimal (or any other number) as exact digits × 10^exponent; undefined for NaN and ±Infinity. */
export interface DecimalParts {
  digits: bigint;
  exponent: number;
}

export function decimalParts(v: unknown): DecimalParts | undefined {
  const text = v instanceof Decimal128 || v instanceof Long ? v.toString() : String(toNumber(v));
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:E([+-]?\d+))?$/i.exec(text);
  if (!m) return undefined;
  const fraction = m[3] ?? "";
  return { digits: BigInt(`${m[1]}${m[2] || "0"}${fraction}`), exponent: Number(m[4] ?? 0) - fraction.length };
}

/** digits × 10^exponent as a Decimal128, rounded to 34 digits. */
export function decimalResult(digits: bigint, exponent: number): Decimal128 {
  return Decimal128.fromStringWithRounding(`${digits}E${exponent}`);
}

export function decimalOf(v: unknown): Decimal128 {
  if (v instanceof Decimal128) return v;
  if (v instanceof Long) return Decimal128.fromString(v.toString());
  return Decimal128.fromStringWithRounding(String(toNumber(v)));
}

function alignedSum(a: DecimalParts, b: DecimalParts): DecimalParts {
  const e = Math.min(a.exponent, b.exponent);
  return { digits: a.digits * 10n ** BigInt(a.exponent - e) + b.digits * 10n ** BigInt(b.exponent - e), exponent: e };
}

/** An integer result as int, long or (beyond 64 bits) double. */
function integerResult(n: bigint | number, type: NumericType): unknown {
  if (typeof n === "number") {
    if (type === "int" && n >= -0x80000000 && n <= 0x7fffffff) return n + 0; // + 0: never -0
    n = BigInt(n);
  }
  if (type === "int" && n >= INT32_MIN && n <= INT32_MAX) return Number(n);
  if (n >= LONG_MIN && n <= LONG_MAX) return Long.fromBigInt(n);
  return doubleValue(Number(n));
}

function asBigInt(v: unknown): bigint {
  return v instanceof Long ? v.toBigInt() : BigInt(toNumber(v));
}

/** Decimal arithmetic over finite parts; NaN or ±Infinity among them computes in doubles instead. */
function decimalFold(values: readonly unknown[], step: (a: DecimalParts, b: DecimalParts) => DecimalParts, doubles: (xs: number[]) => number, start: DecimalParts): Decimal128 {
  let acc = start;
  for (const v of values) {
    const parts = decimalParts(v);
    if (!parts) return decimalOf(doubles(values.map(toNumber)));
    acc = step(acc, parts);
  }
  return decimalResult(acc.digits, acc.exponent);
}

/** Neumaier's compensated sum: as close to mongod's double-double summation as a double gets. */
function compensatedSum(xs: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const x of xs) {
    const t = sum + x;
    if (!Number.isFinite(t)) return xs.reduce((a, b) => a + b, 0);
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/** The sum of numbers ($add, $sum): 0 (an int) for none. */
export function addNumbers(values: readonly unknown[]): unknown {
  const type = widestType(values);
  if (type === "decimal") return decimalFold(values, alignedSum, compensatedSum, { digits: 0n, exponent: 0 });
  if (type === "double") return doubleValue(compensatedSum(values.map(toNumber)));
  if (type === "int" && values.length < 0x400000) {
    // int32 values: every partial sum of fewer than 2^22 of them is exact in a double
    let total = 0;
    for (const v of values) total += v as number;
    return integerResult(total, type);
  }
  let total = 0n;
  for (const v of values) total += asBigInt(v);
  return integerResult(total, type);
}

export function multiplyNumbers(values: readonly unknown[]): unknown {
  const type = widestType(values);
  const product = (xs: number[]): number => xs.reduce((a, b) => a * b, 1);
  if (type === "decimal") return decimalFold(values, (a, b) => ({ digits: a.digits * b.digits, exponent: a.exponent + b.exponent }), product, { digits: 1n, exponent: 0 });
  if (type === "double") return doubleValue(product(values.map(toNumber)));
  let total = 1n;
  for (const v of values) total *= asBigInt(v);
  return integerResult(total, type);
}

export function negate(v: unknown): unknown {
  switch (numericType(v)) {
    case "int":
      return integerResult(-asBigInt(v), "int");
    case "long":
      return integerResult(-asBigInt(v), "long");
    case "decimal":
      return Decimal128.fromString(v!.toString().startsWith("-") ? v!.toString().slice(1) : `-${v!.toString()}`);
    default:
      return doubleValue(-toNumber(v));
  }
}

export function subtractNumbers(a: unknown, b: unknown): unknown {
  const type = widestType([a, b]);
  if (type === "double") return doubleValue(toNumber(a) - toNumber(b));
  if (type === "decimal") return addNumbers([decimalOf(a), negate(decimalOf(b))]);
  return integerResult(asBigInt(a) - asBigInt(b), type);
}

const isZero = (v: unknown): boolean => (v instanceof Decimal128 ? /^-?0+(\.0*)?(E[+-]?\d+)?$/i.test(v.toString()) : toNumber(v) === 0);

/** $divide: a double, or a decimal when either operand is one (34 significant digits). */
export function divideNumbers(a: unknown, b: unknown): unknown {
  if (isZero(b)) throw commandError(ErrorCodes.BadValue, "can't $divide by zero");
  if (widestType([a, b]) !== "decimal") return doubleValue(toNumber(a) / toNumber(b));
  const x = decimalParts(a);
  const y = decimalParts(b);
  if (!x || !y) return decimalOf(toNumber(a) / toNumber(b));
  // scale the dividend so the integer quotient keeps 40 digits, then round to 34; an exact quotient takes
  // IEEE 754's ideal exponent (3.30 / 2 is 1.65, not 1.650000...)
  const length = (n: bigint): number => (n < 0n ? -n : n).toString().length;
  const shift = Math.max(0, 40 + length(y.digits) - length(x.digits));
  const ideal = x.exponent - y.exponent;
  const scaled = x.digits * 10n ** BigInt(shift);
  let quotient = scaled / y.digits;
  let exponent = ideal - shift;
  if (scaled % y.digits === 0n) {
    while (exponent < ideal && quotient % 10n === 0n) {
      quotient /= 10n;
      exponent++;
    }
  }
  return decimalResult(quotient, exponent);
}

/** $mod: the remainder with the dividend's sign, typed as the wider operand. */
export function modNumbers(a: unknown, b: unknown): unknown {
  if (isZero(b)) throw commandError(16610, "can't $mod by 0");
  const type = widestType([a, b]);
  if (type === "double") return doubleValue(toNumber(a) % toNumber(b));
  if (type === "decimal") {
    const x = decimalParts(a);
    const y = decimalParts(b);
    if (!x || !y) return decimalOf(toNumber(a) % toNumber(b));
    const e = Math.min(x.exponent, y.exponent);
    const xd = x.digits * 10n ** BigInt(x.exponent - e);
    const yd = y.digits * 10n ** BigInt(y.exponent - e);
    return decimalResult(xd % yd, e);
  }
  return integerResult(asBigInt(a) % asBigInt(b), type);
}

export function absNumber(v: unknown): unknown {
  const type = numericType(v)!;
  if (type === "decimal") return v!.toString().startsWith("-") ? negate(v) : v;
  if (type === "double") return doubleValue(Math.abs(toNumber(v)));
  const n = asBigInt(v);
  if (type === "long" && n === LONG_MIN) throw commandError(28680, "can't take $abs of long long min");
  return integerResult(n < 0n ? -n : n, type);
}

/**
 * $pow: an int or long base with a non-negative int or long exponent stays an integer while it fits
 * (an int becoming a long), otherwise a double; a decimal operand gives a decimal.
 */
export function powNumbers(base: unknown, exponent: unknown): unknown {
  const type = widestType([base, exponent]);
  const result = Math.pow(toNumber(base), toNumber(exponent));
  if (type === "decimal") return decimalOf(result);
  if (type === "double") return doubleValue(result);
  const e = asBigInt(exponent);
  if (e < 0n || e > 64n) {
    if (isZero(base) && e < 0n) throw commandError(28764, "$pow cannot take a base of 0 and a negative exponent");
    return doubleValue(result);
  }
  const n = asBigInt(base) ** e;
  return n >= LONG_MIN && n <= LONG_MAX ? integerResult(n, type) : doubleValue(result);
}

/** The mean of numbers: a double, or a decimal when one of them is a decimal; null for none. */
export function averageNumbers(values: readonly unknown[]): unknown {
  if (values.length === 0) return null;
  const sum = addNumbers(values);
  if (sum instanceof Decimal128) return divideNumbers(sum, values.length);
  if (sum instanceof Long) return doubleValue(Number(sum.toBigInt()) / values.length);
  return doubleValue(toNumber(sum) / values.length);
}

/** The population or sample standard deviation (a double), null when undefined. */
export function standardDeviation(values: readonly unknown[], sample: boolean): unknown {
  const xs = values.map(toNumber);
  if (xs.length === 0 || (sample && xs.length < 2)) return null;
  const mean = compensatedSum(xs) / xs.length;
  const squares = compensatedSum(xs.map((x) => (x - mean) * (x - mean)));
  return doubleValue(Math.sqrt(squares / (xs.length - (sample ? 1 : 0))));
}

/** A number's truth, as mongod coerces it: zero of any type is false. */
export function numberIsTruthy(v: unknown): boolean {
  return !isZero(v);
}

export type Rounding = "$round" | "$trunc" | "$ceil" | "$floor";

/** digits × 10^exponent rounded to `place` decimal places (mongod's $round rounds half to even). */
function roundParts(p: DecimalParts, place: number, mode: Rounding): DecimalParts {
  if (p.exponent >= -place) return p;
  const factor = 10n ** BigInt(-place - p.exponent);
  let q = p.digits / factor;
  const r = p.digits % factor;
  const sign = p.digits < 0n ? -1n : 1n;
  if (mode === "$floor" && r < 0n) q -= 1n;
  else if (mode === "$ceil" && r > 0n) q += 1n;
  else if (mode === "$round") {
    const twice = 2n * (r < 0n ? -r : r);
    if (twice > factor || (twice === factor && q % 2n !== 0n)) q += sign;
  }
  return { digits: q, exponent: -place };
}

/** $round, $trunc, $ceil and $floor to `place` decimal places, keeping the value's type. */
export function roundNumber(v: unknown, place: number, mode: Rounding): unknown {
  const type = numericType(v)!;
  if ((type === "int" || type === "long") && place >= 0) return v;
  const x = toNumber(v);
  if (type === "double" && !Number.isFinite(x)) return v;
  if (type === "double" && place === 0 && mode !== "$round") return doubleValue(Math[mode === "$trunc" ? "trunc" : mode === "$ceil" ? "ceil" : "floor"](x));
  const parts = decimalParts(v);
  if (!parts) return v;
  const rounded = roundParts(parts, place, mode);
  if (type === "decimal") return decimalResult(rounded.digits, rounded.exponent);
  if (type === "double") return doubleValue(Number(`${rounded.digits}e${rounded.exponent}`));
  return integerResult(rounded.digits * 10n ** BigInt(Math.max(0, rounded.exponent)), type);
}
