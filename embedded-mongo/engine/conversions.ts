/**
 * `$convert` and its shorthands (`$toInt`, `$toLong`, `$toDouble`, `$toDecimal`, `$toBool`, `$toString`) on
 * held numbers, with mongod's results and its ConversionFailure (241) for what does not convert.
 */
import { Decimal128, Long } from "bson";
import { toNumber } from "./bson-order";
import { decimalOf, decimalParts, numberIsTruthy } from "./arithmetic";
import { doubleValue, numericType } from "./numbers";
import { commandError, ErrorCodes } from "../errors";

export type Target = "int" | "long" | "double" | "decimal" | "bool" | "string";

const TARGETS: Record<string, Target> = { int: "int", 16: "int", long: "long", 18: "long", double: "double", 1: "double", decimal: "decimal", 19: "decimal", bool: "bool", 8: "bool", string: "string", 2: "string" };

/** The target a `to` value names, when this module converts to it (dates, ObjectIds... are mingo's). */
export function numericTarget(to: unknown): Target | undefined {
  const key = typeof to === "number" || typeof to === "string" ? String(to) : numericType(to) ? String(toNumber(to)) : undefined;
  return key === undefined ? undefined : TARGETS[key];
}

export class ConversionFailure extends Error {}

function fail(v: unknown, to: Target): never {
  const from = numericType(v) ?? (typeof v === "string" ? "string" : v instanceof Date ? "date" : typeof v === "boolean" ? "bool" : "object");
  throw new ConversionFailure(typeof v === "string" ? `Failed to parse number '${v}' in $convert with no onError value` : `Unsupported conversion from ${from} to ${to} in $convert with no onError value`);
}

/** The integer a value truncates to, exactly (undefined for NaN, ±Infinity or a non-number). */
function truncated(v: unknown): bigint | undefined {
  if (v instanceof Long) return v.toBigInt();
  const type = numericType(v);
  if (type === "int") return BigInt(v as number);
  if (type === "double") {
    const n = toNumber(v);
    return Number.isFinite(n) ? BigInt(Math.trunc(n)) : undefined;
  }
  if (type === "decimal") {
    const parts = decimalParts(v);
    if (!parts) return undefined;
    return parts.exponent >= 0 ? parts.digits * 10n ** BigInt(parts.exponent) : parts.digits / 10n ** BigInt(-parts.exponent);
  }
  return undefined;
}

function integer(v: unknown, to: "int" | "long"): bigint {
  let n: bigint | undefined;
  if (typeof v === "boolean") n = v ? 1n : 0n;
  else if (typeof v === "string") n = /^[+-]?\d+$/.test(v) ? BigInt(v) : undefined;
  else if (v instanceof Date && to === "long") n = BigInt(v.getTime());
  else n = truncated(v);
  const [min, max] = to === "int" ? [-0x80000000n, 0x7fffffffn] : [-0x8000000000000000n, 0x7fffffffffffffffn];
  if (n === undefined) fail(v, to);
  if (n < min || n > max) throw new ConversionFailure(`Conversion would overflow target type in $convert with no onError value: ${String(v)}`);
  return n;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$|^[+-]?(Infinity|inf)$|^NaN$/i;

/** Converts a non-null value; throws ConversionFailure when mongod would. */
export function convertTo(v: unknown, to: Target): unknown {
  const type = numericType(v);
  switch (to) {
    case "int":
      return Number(integer(v, "int"));
    case "long":
      return Long.fromBigInt(integer(v, "long"));
    case "double":
      if (type) return doubleValue(toNumber(v));
      if (typeof v === "boolean") return doubleValue(v ? 1 : 0);
      if (v instanceof Date) return doubleValue(v.getTime());
      if (typeof v === "string" && NUMBER_TEXT.test(v)) return doubleValue(/inf/i.test(v) ? (v.startsWith("-") ? -Infinity : Infinity) : Number(v));
      return fail(v, to);
    case "decimal":
      if (type) return decimalOf(v);
      if (typeof v === "boolean") return Decimal128.fromString(v ? "1" : "0");
      if (v instanceof Date) return Decimal128.fromString(String(v.getTime()));
      if (typeof v === "string" && NUMBER_TEXT.test(v)) return Decimal128.fromStringWithRounding(v);
      return fail(v, to);
    case "bool":
      return type ? numberIsTruthy(v) : typeof v === "boolean" ? v : true;
    case "string":
      if (type) return v instanceof Long || v instanceof Decimal128 ? v.toString() : String(toNumber(v));
      return fail(v, to);
  }
}

/** A ConversionFailure as mongod's error (241). */
export function conversionError(e: ConversionFailure): Error {
  return commandError(ErrorCodes.ConversionFailure, e.message);
}
