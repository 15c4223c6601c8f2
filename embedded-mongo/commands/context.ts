/** What a command handler sees: the server's state and the request. */
import { Long, type ObjectId } from "bson";
import type { Catalog } from "../engine/catalog";
import type { CursorRegistry } from "../cursors";
import type { ScramKeys } from "../auth/credentials";
import type { ScramConversation } from "../auth/scram";
import type { Doc } from "../engine/paths";
import { isPlainObject } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

export interface OpCounters {
  insert: number;
  query: number;
  update: number;
  delete: number;
  getmore: number;
  command: number;
}

export interface ServerState {
  readonly catalog: Catalog;
  readonly cursors: CursorRegistry;
  readonly opcounters: OpCounters;
  readonly startedAt: Date;
  readonly processId: ObjectId;
  readonly connections: { current: number; totalCreated: number };
  readonly host: string;
  port: number;
  readonly dbpath?: string;
  /** logical sessions seen (lsid), for $listLocalSessions; dropped by endSessions */
  readonly sessions: Map<string, { id: unknown; lastUse: Date }>;
  /** the users (all defined in the admin database) by name */
  readonly users: ReadonlyMap<string, ScramKeys>;
  /** the time limit (ms) of commands evaluating regular expressions without maxTimeMS; 0 = none */
  readonly regexTimeLimitMs: number;
}

/** Who a connection is: its authenticated user, or the authentication under way. */
export interface ConnectionAuth {
  user?: string;
  conversation?: ScramConversation;
}

export interface CommandContext {
  readonly state: ServerState;
  readonly db: string;
  readonly body: Doc;
  readonly connectionId: number;
  readonly remote: string;
  readonly connection: ConnectionAuth;
}

export type CommandHandler = (ctx: CommandContext) => Doc;

export interface CommandDefinition {
  handler: CommandHandler;
  /** how mongod counts it in opcounters: "command" (default) or none (the handler counts itself) */
  counter?: "command" | "none";
}

/** The collection named by the command's first field. */
export function collectionName(ctx: CommandContext): string {
  const name = Object.keys(ctx.body)[0];
  const value = ctx.body[name];
  if (typeof value !== "string") {
    throw commandError(ErrorCodes.InvalidNamespace, `collection name has invalid type ${typeName(value)}`);
  }
  if (value.length === 0) throw commandError(ErrorCodes.InvalidNamespace, `Invalid namespace specified '${ctx.db}.'`);
  return value;
}

export function typeName(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "missing";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "double";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Date) return "date";
  if (isPlainObject(v)) return "object";
  return ((v as { _bsontype?: string })._bsontype ?? typeof v).toLowerCase();
}

function wrongType(cmd: string, field: string, v: unknown, expected: string): Error {
  return commandError(
    ErrorCodes.TypeMismatch,
    `BSON field '${cmd}.${field}' is the wrong type '${typeName(v)}', expected type '${expected}'`,
  );
}

export function optDoc(ctx: CommandContext, field: string): Doc | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw wrongType(Object.keys(ctx.body)[0], field, v, "object");
  return v;
}

export function optNumber(ctx: CommandContext, field: string): number | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number") return v;
  if (v instanceof Long) return v.toNumber();
  const bt = (v as { _bsontype?: string })?._bsontype;
  if (bt === "Int32" || bt === "Double") return Number((v as { valueOf(): number }).valueOf());
  throw wrongType(Object.keys(ctx.body)[0], field, v, "long");
}

export function optNonNegative(ctx: CommandContext, field: string): number | undefined {
  const n = optNumber(ctx, field);
  if (n !== undefined && n < 0) {
    throw commandError(ErrorCodes.BadValue, `${field} value must be non-negative, but received: ${n}`);
  }
  return n === undefined ? undefined : Math.trunc(n);
}

export function optBool(ctx: CommandContext, field: string): boolean | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  throw wrongType(Object.keys(ctx.body)[0], field, v, "bool");
}

export function optArray(ctx: CommandContext, field: string): unknown[] | undefined {
  const v = ctx.body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw wrongType(Object.keys(ctx.body)[0], field, v, "array");
  return v;
}

export function toLong(v: unknown): Long {
  if (v instanceof Long) return v;
  if (typeof v === "number") return Long.fromNumber(v);
  if (typeof v === "bigint") return Long.fromBigInt(v);
  throw commandError(ErrorCodes.TypeMismatch, `cursor id must be a long, not ${typeName(v)}`);
}
