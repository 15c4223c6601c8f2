/**
 * mongod pads an array with nulls when an update sets an index past its end, but never by more than
 * 1,500,000 elements (code 34 CannotBackfillArray): `{ $set: { "a.1000000000": 1 } }` must not build a
 * billion-element array.
 */
import { isPlainObject, type Doc } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

export const MAX_ARRAY_PADDING = 1_500_000;

function check(value: unknown, parts: string[], at: number): void {
  if (at >= parts.length || value === null || typeof value !== "object") return;
  const part = parts[at];
  if (Array.isArray(value)) {
    if (part === "$" || part.startsWith("$[")) {
      for (const element of value) check(element, parts, at + 1);
      return;
    }
    if (!/^\d+$/.test(part)) return;
    const index = Number(part);
    if (index - value.length > MAX_ARRAY_PADDING) {
      throw commandError(ErrorCodes.CannotBackfillArray, `can't backfill more than ${MAX_ARRAY_PADDING} elements`);
    }
    check(value[index], parts, at + 1);
    return;
  }
  if (isPlainObject(value)) check(value[part], parts, at + 1);
}

/** Refuses an operator update that would pad one of `doc`'s arrays past mongod's limit. */
export function checkArrayPadding(doc: Doc, update: unknown): void {
  if (!isPlainObject(update)) return;
  for (const [operator, fields] of Object.entries(update)) {
    if (!operator.startsWith("$") || !isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) check(doc, path.split("."), 0);
  }
}
