/** Formats values the way mongod prints them in error messages (e.g. dup key: { a: "x" }). */
import { typeOrder, TypeOrder } from "./bson-order";
import { isPlainObject } from "./paths";

export function formatValue(v: unknown): string {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) return `[ ${v.map(formatValue).join(", ")} ]`;
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
  if (isPlainObject(v)) {
    const entries = Object.entries(v).map(([k, x]) => `${k}: ${formatValue(x)}`);
    return entries.length ? `{ ${entries.join(", ")} }` : "{}";
  }
  const t = typeOrder(v);
  if (t === TypeOrder.ObjectId) return `ObjectId('${(v as { toHexString(): string }).toHexString()}')`;
  return String(v);
}
