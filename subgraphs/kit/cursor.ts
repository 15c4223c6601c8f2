import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { ObjectId } from "mongodb";
import { BadUserInputError } from "./errors";

/*
 * Page cursors are opaque to clients and go back into database filters, so a cursor is sealed: its
 * payload is signed (HMAC-SHA-256) with the process's cursor key and bound to the list it came from, and
 * every value in it is a typed scalar (string, finite number, boolean, date, ObjectId or null) decoded
 * strictly by its tag. An altered, forged or malformed cursor is BAD_USER_INPUT; no client value in a
 * cursor can ever be an operator object.
 */

let cursorKey: Buffer = randomBytes(32);

/**
 * Sets the key cursors are signed with (`HUB_CURSOR_KEY`). Without one a random key is made per process:
 * fine for one instance; instances behind one gateway need the same key to accept each other's cursors.
 */
export function setCursorKey(key: string | Buffer): void {
  const bytes = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  if (bytes.length < 32) throw new Error("The cursor key must be at least 32 bytes");
  cursorKey = bytes;
}

/** A cursor value, tagged with its type: [tag, value]. */
type Tagged = ["s", string] | ["n", number] | ["b", boolean] | ["d", number] | ["o", string] | ["z"];

/** Values a keyset cursor may hold. */
export type CursorValue = string | number | boolean | Date | ObjectId | null;

function tag(value: unknown): Tagged {
  if (value === null || value === undefined) return ["z"];
  if (typeof value === "string") return ["s", value];
  if (typeof value === "number" && Number.isFinite(value)) return ["n", value];
  if (typeof value === "boolean") return ["b", value];
  if (value instanceof Date && !Number.isNaN(value.getTime())) return ["d", value.getTime()];
  if (value instanceof ObjectId) return ["o", value.toHexString()];
  throw new Error(`A sort key holds a value a cursor cannot carry: ${Object.prototype.toString.call(value)}`);
}

/** The value of one tagged entry, or undefined when it is not exactly a well-formed tagged scalar. */
function untag(entry: unknown): CursorValue | undefined {
  if (!Array.isArray(entry)) return undefined;
  const [kind, value] = entry as unknown[];
  if (kind === "z" && entry.length === 1) return null;
  if (entry.length !== 2) return undefined;
  if (kind === "s" && typeof value === "string") return value;
  if (kind === "n" && typeof value === "number" && Number.isFinite(value)) return value;
  if (kind === "b" && typeof value === "boolean") return value;
  if (kind === "d" && typeof value === "number" && Number.isFinite(value)) return new Date(value);
  if (kind === "o" && typeof value === "string" && /^[0-9a-f]{24}$/.test(value)) return new ObjectId(value);
  return undefined;
}

function signature(list: string, payload: string): Buffer {
  return createHmac("sha256", cursorKey).update(list).update("\0").update(payload).digest();
}

function invalidCursor(): BadUserInputError {
  return new BadUserInputError("Invalid cursor: pass a cursor returned by this list", "after");
}

/** Signs `payload` (any JSON) for the list named `list`: `<payload>.<signature>`, both base64url. */
export function sealCursor(list: string, payload: unknown): string {
  const json = JSON.stringify(payload);
  return `${Buffer.from(json).toString("base64url")}.${signature(list, json).toString("base64url")}`;
}

/** The payload of a cursor sealed for `list`; BAD_USER_INPUT when it was altered, forged or sealed for another list. */
export function openCursor(list: string, cursor: unknown): unknown {
  if (typeof cursor !== "string" || cursor.length > 4096) throw invalidCursor();
  const [payload, mac, extra] = cursor.split(".");
  if (!payload || !mac || extra !== undefined) throw invalidCursor();
  const json = Buffer.from(payload, "base64url").toString("utf8");
  const expected = signature(list, json);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalidCursor();
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw invalidCursor();
  }
}

/** A keyset cursor: the sort key values of the last node, for the list sorted by `fields`. */
export function encodeKeysetCursor(fields: readonly string[], values: readonly unknown[]): string {
  return sealCursor(`keyset:${fields.join(",")}`, values.map(tag));
}

/** The sort key values a keyset cursor holds, each a typed scalar; BAD_USER_INPUT for anything else. */
export function decodeKeysetCursor(fields: readonly string[], cursor: unknown): CursorValue[] {
  const entries = openCursor(`keyset:${fields.join(",")}`, cursor);
  if (!Array.isArray(entries) || entries.length !== fields.length) throw invalidCursor();
  const values = entries.map(untag);
  if (values.some((value) => value === undefined)) throw invalidCursor();
  return values as CursorValue[];
}
