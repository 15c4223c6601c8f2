/**
 * MongoDB's comparison/sort order across BSON types:
 * MinKey < (missing, null) < numbers < strings/symbols < objects < arrays < BinData < ObjectId
 * < booleans < dates < timestamps < regexes < code < MaxKey.
 */
import { Binary, BSONRegExp, BSONSymbol, Code, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from "bson";

export const TypeOrder = {
  MinKey: 0,
  Null: 1,
  Number: 2,
  String: 3,
  Object: 4,
  Array: 5,
  BinData: 6,
  ObjectId: 7,
  Boolean: 8,
  Date: 9,
  Timestamp: 10,
  RegEx: 11,
  Code: 12,
  MaxKey: 13,
} as const;

/** Bound markers used by index scans: sorts before / after every value of one type bracket. */
export class TypeBound {
  constructor(
    readonly order: number,
    readonly end: boolean,
  ) {}
}

function bsonTypeName(v: object): string | undefined {
  return (v as { _bsontype?: string })._bsontype;
}

export function typeOrder(v: unknown): number {
  if (v === undefined || v === null) return TypeOrder.Null;
  switch (typeof v) {
    case "number":
    case "bigint":
      return TypeOrder.Number;
    case "string":
      return TypeOrder.String;
    case "boolean":
      return TypeOrder.Boolean;
    case "object":
      break;
    default:
      return TypeOrder.Object;
  }
  if (Array.isArray(v)) return TypeOrder.Array;
  if (v instanceof Date) return TypeOrder.Date;
  if (v instanceof RegExp) return TypeOrder.RegEx;
  if (v instanceof TypeBound) return v.order;
  if (ArrayBuffer.isView(v)) return TypeOrder.BinData;
  switch (bsonTypeName(v as object)) {
    case "ObjectId":
      return TypeOrder.ObjectId;
    case "Int32":
    case "Double":
    case "Long":
    case "Decimal128":
      return TypeOrder.Number;
    case "BSONSymbol":
      return TypeOrder.String;
    case "Binary":
      return TypeOrder.BinData;
    case "Timestamp":
      return TypeOrder.Timestamp;
    case "BSONRegExp":
      return TypeOrder.RegEx;
    case "Code":
      return TypeOrder.Code;
    case "MinKey":
      return TypeOrder.MinKey;
    case "MaxKey":
      return TypeOrder.MaxKey;
    default:
      return TypeOrder.Object;
  }
}

export function isNumeric(v: unknown): boolean {
  return typeOrder(v) === TypeOrder.Number;
}

/** A JS number (or bigint for longs beyond 2^53) for any BSON numeric value. */
export function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Long) return v.toNumber();
  if (v instanceof Int32 || v instanceof Double) return v.valueOf();
  if (v instanceof Decimal128) return Number.parseFloat(v.toString());
  return Number.NaN;
}

/** An integer value as a BigInt (exact for Longs beyond 2^53), or undefined. */
function exactInteger(v: unknown): bigint | undefined {
  if (v instanceof Long) return v.toBigInt();
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  if ((v instanceof Int32 || v instanceof Double) && Number.isInteger(v.valueOf())) return BigInt(v.valueOf());
  return undefined;
}

function compareNumbers(a: unknown, b: unknown): number {
  if (a instanceof Long && b instanceof Long) return a.compare(b);
  if (a instanceof Long || b instanceof Long || typeof a === "bigint" || typeof b === "bigint") {
    const x = exactInteger(a);
    const y = exactInteger(b);
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  // NaN sorts before every other number, as in MongoDB.
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  if (xn || yn) return xn && yn ? 0 : xn ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Binary (UTF-8 byte) order of strings equals code point order. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 || y >= 0xd800) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      if (cx !== cy) return cx < cy ? -1 : 1;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Binary) return v.buffer.subarray(0, v.position);
  const view = v as ArrayBufferView;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as BSONRegExp;
  return [r.pattern, r.options];
}

/** Total order on BSON values (whole-value comparison: arrays compare element by element). */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  // Fast paths for the most common index keys.
  const ja = typeof a;
  if (ja === typeof b) {
    if (ja === "string") return compareStrings(a as string, b as string);
    if (ja === "number" && !Number.isNaN(a) && !Number.isNaN(b)) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  }
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (a instanceof TypeBound || b instanceof TypeBound) {
    if (ta !== tb) return ta < tb ? -1 : 1;
    if (a instanceof TypeBound && b instanceof TypeBound) return a.end === b.end ? 0 : a.end ? 1 : -1;
    if (a instanceof TypeBound) return a.end ? 1 : -1;
    return (b as TypeBound).end ? -1 : 1;
  }
  if (ta !== tb) return ta < tb ? -1 : 1;
  switch (ta) {
    case TypeOrder.Null:
    case TypeOrder.MinKey:
    case TypeOrder.MaxKey:
      return 0;
    case TypeOrder.Number:
      return compareNumbers(a, b);
    case TypeOrder.String:
      return compareStrings(a instanceof BSONSymbol ? a.value : (a as string), b instanceof BSONSymbol ? b.value : (b as string));
    case TypeOrder.Object:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>);
    case TypeOrder.Array: {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    case TypeOrder.BinData: {
      const x = bytesOf(a);
      const y = bytesOf(b);
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      const sx = a instanceof Binary ? a.sub_type : 0;
      const sy = b instanceof Binary ? b.sub_type : 0;
      if (sx !== sy) return sx < sy ? -1 : 1;
      return compareBytes(x, y);
    }
    case TypeOrder.ObjectId:
      return compareObjectIds(a as ObjectId, b as ObjectId);
    case TypeOrder.Boolean:
      return a === b ? 0 : a ? 1 : -1;
    case TypeOrder.Date: {
      const x = (a as Date).getTime();
      const y = (b as Date).getTime();
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case TypeOrder.Timestamp:
      return (a as Timestamp).compare(b as Timestamp);
    case TypeOrder.RegEx: {
      const [pa, fa] = regexParts(a);
      const [pb, fb] = regexParts(b);
      return compareStrings(pa, pb) || compareStrings(fa, fb);
    }
    case TypeOrder.Code:
      return compareStrings(String((a as Code).code), String((b as Code).code));
    default:
      return 0;
  }
}

type PackedObjectId = { i0?: number; i1?: number; i2?: number; i3?: number };

function compareObjectIds(a: ObjectId, b: ObjectId): number {
  // bson 7 keeps an ObjectId as four 24-bit integers (big-endian byte order); reading `id` allocates.
  const x = a as unknown as PackedObjectId;
  const y = b as unknown as PackedObjectId;
  if (typeof x.i0 === "number" && typeof y.i0 === "number") {
    if (x.i0 !== y.i0) return x.i0 < y.i0 ? -1 : 1;
    if (x.i1 !== y.i1) return x.i1! < y.i1! ? -1 : 1;
    if (x.i2 !== y.i2) return x.i2! < y.i2! ? -1 : 1;
    if (x.i3 !== y.i3) return x.i3! < y.i3! ? -1 : 1;
    return 0;
  }
  return compareBytes(a.id, b.id);
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]];
    const vb = b[kb[i]];
    const t = typeOrder(va) - typeOrder(vb);
    if (t !== 0) return t < 0 ? -1 : 1;
    const f = compareStrings(ka[i], kb[i]);
    if (f !== 0) return f;
    const c = compareValues(va, vb);
    if (c !== 0) return c;
  }
  return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
}
