/**
 * Aggregation operators over held numbers (numbers.ts), so that a pipeline keeps int, long, double and
 * decimal apart as mongod does: arithmetic, rounding, comparisons, conversions, `$type` and the numeric
 * accumulators compute here with mongod's result types; truthiness treats a zero of every type as false;
 * `$group` and `$addToSet` take equal numbers of different types as one value. mingo keeps every other
 * operator: values pass through it untouched, and the few that compute on numbers we do not type (`$range`,
 * `$substr`, set operators, trigonometry...) get JS numbers.
 */
import { evalExpr } from "mingo/core";
import type { Options } from "mingo/types/types";
import { Decimal128, EJSON, Long } from "bson";
import { collationComparator, type CollationSpec } from "./collation";
import { toNumber } from "./bson-order";
import { bsonTypes } from "./json-schema";
import { numericType, plainNumbers } from "./numbers";
import { isPlainObject, type Doc } from "./paths";
import {
  absNumber,
  addNumbers,
  averageNumbers,
  decimalOf,
  decimalParts,
  divideNumbers,
  isNumber,
  modNumbers,
  multiplyNumbers,
  numberIsTruthy,
  powNumbers,
  roundNumber,
  standardDeviation,
  subtractNumbers,
  type Rounding,
} from "./arithmetic";
import { ConversionFailure, conversionError, convertTo, numericTarget, type Target } from "./conversions";
import { sortDocuments, type SortSpec } from "./sort";
import { commandError, ErrorCodes } from "../errors";
import { doubleValue } from "./numbers";

export type ExpressionOp = (obj: unknown, expr: unknown, options: Options) => unknown;
export type AccumulatorOp = (coll: unknown[], expr: unknown, options: Options) => unknown;

const literal = (v: unknown): Doc => ({ $literal: v });

/** Already evaluated arguments in the shape an operator was given them, so mingo does not evaluate them again. */
function asLiterals(args: unknown): unknown {
  if (Array.isArray(args)) return args.map(literal);
  if (isPlainObject(args)) return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, literal(v)]));
  return literal(args);
}

/** Whether a value holds a BSON number wrapper (Long, Double, Decimal128) anywhere. */
function hasWrapper(v: unknown): boolean {
  if (v === null || typeof v !== "object") return false;
  if (Array.isArray(v)) return v.some(hasWrapper);
  const type = (v as { _bsontype?: string })._bsontype;
  if (type !== undefined) return type === "Long" || type === "Double" || type === "Decimal128" || type === "Int32";
  if (v instanceof Date || v instanceof RegExp) return false;
  for (const k in v as Doc) if (hasWrapper((v as Doc)[k])) return true;
  return false;
}

/** mongod's truth of a value: false, null, missing and a zero of any numeric type are false. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  return isNumber(v) ? numberIsTruthy(v) : true;
}

function typeName(v: unknown): string {
  return v === undefined ? "missing" : bsonTypes(v)[0];
}

const argumentList = (args: unknown): unknown[] => (Array.isArray(args) ? args : [args]);

/** An operator's single argument, given alone or as a one-element array. */
function single(obj: unknown, expr: unknown, options: Options): unknown {
  return evalExpr(obj as never, (Array.isArray(expr) && expr.length === 1 ? expr[0] : expr) as never, options);
}

/** A canonical text for a value where equal values (1, 1.0, NumberLong(1), NumberDecimal("1.0")) agree. */
export function canonicalKey(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number" && Number.isSafeInteger(v)) return `i${v}`;
  if (v instanceof Long) return `i${v.toString()}`;
  if (isNumber(v)) return numberKey(v);
  if (Array.isArray(v)) return `[${v.map(canonicalKey).join(",")}]`;
  if (v instanceof Date) return `d${v.getTime()}`;
  if (isPlainObject(v)) return `{${Object.keys(v).map((k) => `${JSON.stringify(k)}:${canonicalKey(v[k])}`).join(",")}}`;
  return `x${EJSON.stringify(v as never)}`;
}

/** Integers (of every type) as `i<digits>`, other numbers as `n<digits>e<exponent>` with no trailing zeros. */
function numberKey(v: unknown): string {
  const parts = decimalParts(v);
  if (!parts) return `n${toNumber(v)}`;
  let { digits, exponent } = parts;
  if (digits === 0n) return "i0";
  while (digits % 10n === 0n) {
    digits /= 10n;
    exponent++;
  }
  return exponent >= 0 ? `i${digits * 10n ** BigInt(exponent)}` : `n${digits}e${exponent}`;
}

type Mingo = Record<string, ExpressionOp>;

/** Evaluates the arguments, then lets mingo compute on them with numbers as JS numbers. */
function withPlainArguments(op: ExpressionOp): ExpressionOp {
  return (obj, expr, options) => {
    const args = evalExpr(obj as never, expr as never, options) as unknown;
    return op(obj, asLiterals(hasWrapper(args) ? plainNumbers(args) : args), options);
  };
}

/** A math function mingo computes in doubles: the result is a double, or a decimal for decimal input. */
function doubleMath(op: ExpressionOp): ExpressionOp {
  return (obj, expr, options) => {
    const args = evalExpr(obj as never, expr as never, options) as unknown;
    const decimal = argumentList(args).some((a) => a instanceof Decimal128);
    const result = op(obj, asLiterals(hasWrapper(args) ? plainNumbers(args) : args), options);
    if (typeof result !== "number") return result;
    return decimal ? decimalOf(result) : doubleValue(result);
  };
}

function numbersOrNull(name: string, code: number, values: unknown[]): unknown[] | null {
  for (const v of values) {
    if (v === undefined || v === null) return null;
    if (!isNumber(v)) throw commandError(code, `${name} only supports numeric types, not ${typeName(v)}`);
  }
  return values;
}

const arithmetic: Record<string, ExpressionOp> = {
  $add(obj, expr, options) {
    let date: Date | undefined;
    const numbers: unknown[] = [];
    for (const v of argumentList(evalExpr(obj as never, expr as never, options))) {
      if (v === undefined || v === null) return null;
      if (v instanceof Date) {
        if (date) throw commandError(16612, "only one date allowed in an $add expression");
        date = v;
      } else if (isNumber(v)) numbers.push(v);
      else throw commandError(16554, `$add only supports numeric or date types, not ${typeName(v)}`);
    }
    const sum = addNumbers(numbers);
    return date ? new Date(date.getTime() + Math.round(toNumber(sum))) : sum;
  },
  $subtract(obj, expr, options) {
    const args = argumentList(evalExpr(obj as never, expr as never, options));
    if (args.length !== 2) throw commandError(16020, `Expression $subtract takes exactly 2 arguments. ${args.length} were passed in.`);
    const [a, b] = args;
    if (a === undefined || a === null || b === undefined || b === null) return null;
    if (isNumber(a) && isNumber(b)) return subtractNumbers(a, b);
    if (a instanceof Date && b instanceof Date) return Long.fromNumber(a.getTime() - b.getTime());
    if (a instanceof Date && isNumber(b)) return new Date(a.getTime() - Math.round(toNumber(b)));
    throw commandError(16556, `cant $subtract a ${typeName(b)} from a ${typeName(a)}`);
  },
  $multiply(obj, expr, options) {
    const args = numbersOrNull("$multiply", 16555, argumentList(evalExpr(obj as never, expr as never, options)));
    return args && multiplyNumbers(args);
  },
  $divide(obj, expr, options) {
    const args = numbersOrNull("$divide", 16609, argumentList(evalExpr(obj as never, expr as never, options)));
    if (args && args.length !== 2) throw commandError(16020, `Expression $divide takes exactly 2 arguments. ${args.length} were passed in.`);
    return args && divideNumbers(args[0], args[1]);
  },
  $mod(obj, expr, options) {
    const args = numbersOrNull("$mod", 16611, argumentList(evalExpr(obj as never, expr as never, options)));
    if (args && args.length !== 2) throw commandError(16020, `Expression $mod takes exactly 2 arguments. ${args.length} were passed in.`);
    return args && modNumbers(args[0], args[1]);
  },
  $abs(obj, expr, options) {
    const args = numbersOrNull("$abs", 28765, [single(obj, expr, options)]);
    return args && absNumber(args[0]);
  },
  $pow(obj, expr, options) {
    const args = numbersOrNull("$pow", 28762, argumentList(evalExpr(obj as never, expr as never, options)));
    return args && powNumbers(args[0], args[1]);
  },
};

function rounding(name: Rounding, withPlace: boolean): ExpressionOp {
  return (obj, expr, options) => {
    const args = withPlace && Array.isArray(expr) ? argumentList(evalExpr(obj as never, expr as never, options)) : [single(obj, expr, options)];
    const [value, place = 0] = args;
    if (value === undefined || value === null || place === null) return null;
    if (!isNumber(value)) throw commandError(28765, `${name} only supports numeric types, not ${typeName(value)}`);
    const p = toNumber(place);
    if (!Number.isInteger(p) || p < -20 || p > 100) throw commandError(ErrorCodes.BadValue, `cannot apply ${name} with precision value ${String(place)} value must be in [-20, 100]`);
    return roundNumber(value, p, name);
  };
}

/** A scalar whose comparison needs no array or document semantics (numbers of every type included). */
const isScalar = (v: unknown): boolean => v === null || typeof v !== "object" || v instanceof Date || (v as { _bsontype?: string })._bsontype !== undefined;

/** Scalars compare in BSON order (numbers of every type by value, strings by the collation); mingo keeps arrays and documents. */
function comparison(mingo: Mingo, name: string, test: (c: number) => unknown): ExpressionOp {
  return (obj, expr, options) => {
    const args = evalExpr(obj as never, expr as never, options) as unknown;
    if (!Array.isArray(args) || args.length !== 2 || !((isScalar(args[0]) && isScalar(args[1])) || hasWrapper(args))) return mingo[name](obj, asLiterals(args), options);
    return test(collationComparator(options.collation as CollationSpec | undefined)(args[0], args[1]));
  };
}

function conversion(mingo: Mingo, name: string, to: Target): ExpressionOp {
  return (obj, expr, options) => {
    const v = single(obj, expr, options);
    if (v === undefined || v === null) return null;
    if (!isNumber(v) && (to === "bool" || to === "string")) return mingo[name](obj, literal(v), options);
    try {
      return convertTo(v, to);
    } catch (e) {
      throw e instanceof ConversionFailure ? conversionError(e) : e;
    }
  };
}

function convert(mingo: Mingo): ExpressionOp {
  return (obj, expr, options) => {
    if (!isPlainObject(expr) || !("input" in expr) || !("to" in expr)) return mingo.$convert(obj, expr, options);
    const input = evalExpr(obj as never, expr.input as never, options) as unknown;
    if (input === undefined || input === null) return expr.onNull === undefined ? null : evalExpr(obj as never, expr.onNull as never, options);
    const to = evalExpr(obj as never, expr.to as never, options) as unknown;
    const target = numericTarget(to);
    if (!target || (!isNumber(input) && (target === "bool" || target === "string"))) return mingo.$convert(obj, { ...expr, input: literal(input), to: literal(to) }, options);
    try {
      return convertTo(input, target);
    } catch (e) {
      if (!(e instanceof ConversionFailure)) throw e;
      if (expr.onError === undefined) throw conversionError(e);
      return evalExpr(obj as never, expr.onError as never, options);
    }
  };
}

/** Integer bit operations: a long when any operand is one, otherwise an int. */
function bitwise(name: string, fold: (a: bigint, b: bigint) => bigint): ExpressionOp {
  return (obj, expr, options) => {
    const values = argumentList(evalExpr(obj as never, expr as never, options));
    if (values.some((v) => v === undefined || v === null)) return null;
    let long = false;
    let acc: bigint | undefined;
    for (const v of values) {
      const type = numericType(v);
      if (type !== "int" && type !== "long") throw commandError(ErrorCodes.TypeMismatch, `${name} only supports int and long operands.`);
      long ||= type === "long";
      const n = type === "long" ? (v as Long).toBigInt() : BigInt(v as number);
      acc = acc === undefined ? n : fold(acc, n);
    }
    const result = BigInt.asIntN(64, acc ?? (name === "$bitAnd" ? -1n : 0n));
    return long ? Long.fromBigInt(result) : Number(BigInt.asIntN(32, result));
  };
}

/** A condition evaluated with mongod's truthiness (mingo's would take a Long or Double zero as true). */
const asCondition = (e: unknown): Doc => ({ $and: [e] });

/** The operator argument with its conditions rewritten, built once per argument object (not per document). */
function rewritten(expr: object, rewrite: () => unknown): unknown {
  let out = rewrites.get(expr);
  if (out === undefined) rewrites.set(expr, (out = rewrite()));
  return out;
}
const rewrites = new WeakMap<object, unknown>();

function conditional(mingo: Mingo): Record<string, ExpressionOp> {
  return {
    $and: (obj, expr, options) => argumentList(expr).every((e) => truthy(evalExpr(obj as never, e as never, options))),
    $or: (obj, expr, options) => argumentList(expr).some((e) => truthy(evalExpr(obj as never, e as never, options))),
    $not: (obj, expr, options) => !truthy(single(obj, expr, options)),
    $cond(obj, expr, options) {
      if (Array.isArray(expr) && expr.length === 3) return mingo.$cond(obj, rewritten(expr, () => [asCondition(expr[0]), expr[1], expr[2]]), options);
      if (isPlainObject(expr) && "if" in expr) return mingo.$cond(obj, rewritten(expr, () => ({ ...expr, if: asCondition(expr.if) })), options);
      return mingo.$cond(obj, expr, options);
    },
    $switch(obj, expr, options) {
      if (!isPlainObject(expr) || !Array.isArray(expr.branches)) return mingo.$switch(obj, expr, options);
      const branches = (): unknown[] => (expr.branches as unknown[]).map((b) => (isPlainObject(b) && "case" in b ? { ...b, case: asCondition(b.case) } : b));
      return mingo.$switch(obj, rewritten(expr, () => ({ ...expr, branches: branches() })), options);
    },
    $filter(obj, expr, options) {
      if (!isPlainObject(expr) || !("cond" in expr)) return mingo.$filter(obj, expr, options);
      return mingo.$filter(obj, rewritten(expr, () => ({ ...expr, cond: asCondition(expr.cond) })), options);
    },
  };
}

/** `$sortArray` in BSON order, numbers of every type by value. */
function sortArray(mingo: Mingo): ExpressionOp {
  return (obj, expr, options) => {
    if (!isPlainObject(expr) || !("input" in expr) || !("sortBy" in expr)) return mingo.$sortArray(obj, expr, options);
    const { input, sortBy } = evalExpr(obj as never, expr as never, options) as Doc;
    if (!Array.isArray(input) || !hasWrapper(input)) return mingo.$sortArray(obj, { input: literal(input), sortBy: literal(sortBy) }, options);
    const collation = options.collation as CollationSpec | undefined;
    if (isPlainObject(sortBy)) return sortDocuments(input as Doc[], sortBy as SortSpec, collation);
    const cmp = collationComparator(collation);
    const direction = toNumber(sortBy) < 0 ? -1 : 1;
    return input.slice().sort((a, b) => direction * cmp(a, b));
  };
}

/** Operators mingo computes on numbers without a type of their own to keep: they get JS numbers. */
const PLAIN_ARGUMENT_OPERATORS = [
  "$range", "$substr", "$substrCP", "$substrBytes", "$indexOfBytes", "$indexOfCP", "$indexOfArray", "$in", "$setUnion", "$setIntersection",
  "$setDifference", "$setEquals", "$setIsSubset", "$allElementsTrue", "$anyElementTrue", "$dateAdd", "$dateSubtract", "$dateFromParts", "$toDate",
  "$maxN", "$minN", "$median", "$percentile",
];
const DOUBLE_MATH_OPERATORS = [
  "$sqrt", "$exp", "$ln", "$log", "$log10", "$sigmoid", "$acos", "$acosh", "$asin", "$asinh", "$atan", "$atan2", "$atanh", "$cos", "$cosh",
  "$degreesToRadians", "$radiansToDegrees", "$sin", "$sinh", "$tan", "$tanh",
];

/** The expression operators that replace mingo's (`mingo` holds mingo's own, with any other wrappers applied). */
export function typedExpressionOperators(mingo: Mingo): Record<string, ExpressionOp> {
  const ops: Record<string, ExpressionOp> = { ...arithmetic };
  for (const name of PLAIN_ARGUMENT_OPERATORS) ops[name] = withPlainArguments(mingo[name]);
  for (const name of DOUBLE_MATH_OPERATORS) ops[name] = doubleMath(mingo[name]);
  for (const name of ["$round", "$trunc"] as const) ops[name] = rounding(name, true);
  for (const name of ["$ceil", "$floor"] as const) ops[name] = rounding(name, false);
  const compare: Record<string, (c: number) => unknown> = { $eq: (c) => c === 0, $ne: (c) => c !== 0, $gt: (c) => c > 0, $gte: (c) => c >= 0, $lt: (c) => c < 0, $lte: (c) => c <= 0, $cmp: (c) => c };
  for (const [name, test] of Object.entries(compare)) ops[name] = comparison(mingo, name, test);
  const conversions: Record<string, Target> = { $toInt: "int", $toLong: "long", $toDouble: "double", $toDecimal: "decimal", $toBool: "bool", $toString: "string" };
  for (const [name, to] of Object.entries(conversions)) ops[name] = conversion(mingo, name, to);
  ops.$convert = convert(mingo);
  ops.$sortArray = sortArray(mingo);
  ops.$type = (obj, expr, options) => typeName(single(obj, expr, options));
  ops.$isNumber = (obj, expr, options) => isNumber(single(obj, expr, options));
  ops.$bitAnd = bitwise("$bitAnd", (a, b) => a & b);
  ops.$bitOr = bitwise("$bitOr", (a, b) => a | b);
  ops.$bitXor = bitwise("$bitXor", (a, b) => a ^ b);
  ops.$bitNot = bitwise("$bitNot", (a) => ~a);
  return { ...ops, ...conditional(mingo) };
}

type Accumulators = Record<string, AccumulatorOp>;

/** The numeric accumulators (and their expression forms, which mingo runs through them with `expr` null). */
export function typedAccumulators(mingo: Accumulators): Accumulators {
  const values = (coll: unknown[], expr: unknown, options: Options): unknown[] => mingo.$push(coll, expr, options) as unknown[];
  const numbers = (coll: unknown[], expr: unknown, options: Options): unknown[] => values(coll, expr, options).filter(isNumber);
  const extreme = (sign: number): AccumulatorOp => (coll, expr, options) => {
    const cmp = collationComparator(options.collation as CollationSpec | undefined);
    let best: unknown = null;
    for (const v of values(coll, expr, options)) if (v !== undefined && v !== null && (best === null || sign * cmp(v, best) > 0)) best = v;
    return best;
  };
  const plain = (op: AccumulatorOp): AccumulatorOp => (coll, expr, options) => op(coll.map(plainNumbers), expr, options);
  return {
    // { $sum: 1 } (a count) needs no value per document
    $sum: (coll, expr, options) => (numericType(expr) === "int" ? multiplyNumbers([coll.length, expr]) : addNumbers(numbers(coll, expr, options))),
    $avg: (coll, expr, options) => averageNumbers(numbers(coll, expr, options)),
    $min: extreme(-1),
    $max: extreme(1),
    $stdDevPop: (coll, expr, options) => standardDeviation(numbers(coll, expr, options), false),
    $stdDevSamp: (coll, expr, options) => standardDeviation(numbers(coll, expr, options), true),
    $addToSet(coll, expr, options) {
      const seen = new Map<string, unknown>();
      for (const v of values(coll, expr, options)) {
        const key = canonicalKey(v);
        if (!seen.has(key)) seen.set(key, v);
      }
      return [...seen.values()];
    },
    $median: plain(mingo.$median),
    $percentile: plain(mingo.$percentile),
    $covariancePop: plain(mingo.$covariancePop),
    $covarianceSamp: plain(mingo.$covarianceSamp),
    $minN: plain(mingo.$minN),
    $maxN: plain(mingo.$maxN),
  };
}

export type WindowOp = (obj: unknown, coll: unknown[], expr: unknown, options: Options) => unknown;

/**
 * The window operators that compute in doubles ($derivative, $integral, $expMovingAvg, $linearFill,
 * $minMaxScaler) read the partition with numbers as JS numbers (one copy per partition: mingo memoizes by
 * it) and give a double.
 */
export function typedWindowOperators(mingo: Record<string, WindowOp>): Record<string, WindowOp> {
  const copies = new WeakMap<unknown[], unknown[]>();
  const inDoubles = (op: WindowOp): WindowOp => (obj, coll, expr, options) => {
    let plain = copies.get(coll);
    if (!plain) copies.set(coll, (plain = coll.map(plainNumbers)));
    const result = op(obj, plain, expr, options);
    return typeof result === "number" ? doubleValue(result) : result;
  };
  const names = ["$derivative", "$integral", "$expMovingAvg", "$linearFill", "$minMaxScaler"];
  return Object.fromEntries(names.map((name) => [name, inDoubles(mingo[name])]));
}
