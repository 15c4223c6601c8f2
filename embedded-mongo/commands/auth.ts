/**
 * Authentication as mongod with authorization runs it: SCRAM-SHA-256 over saslStart / saslContinue (and
 * the driver's speculativeAuthenticate inside hello); until a connection has authenticated, every
 * command but the handshake is refused with code 13.
 */
import { Binary } from "bson";
import type { CommandContext, CommandDefinition, ConnectionAuth } from "./context";
import { AUTH_DATABASE } from "../auth/credentials";
import { SCRAM_SHA_256, ScramConversation, type ScramStep } from "../auth/scram";
import type { Doc } from "../engine/paths";
import { isPlainObject } from "../engine/paths";
import { commandError, ErrorCodes } from "../errors";

/** The commands mongod answers before authentication. */
export const UNAUTHENTICATED_COMMANDS = new Set([
  "hello",
  "isMaster",
  "ismaster",
  "buildInfo",
  "buildinfo",
  "ping",
  "saslStart",
  "saslContinue",
  "logout",
  "connectionStatus",
]);

export function requireAuthentication(name: string, connection: ConnectionAuth): void {
  if (connection.user === undefined && !UNAUTHENTICATED_COMMANDS.has(name)) {
    throw commandError(ErrorCodes.Unauthorized, `Command ${name} requires authentication`);
  }
}

const CONVERSATION_ID = 1;

function payloadOf(v: unknown): Buffer {
  if (v instanceof Binary) return Buffer.from(v.buffer.subarray(0, v.position));
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (typeof v === "string") return Buffer.from(v, "base64");
  throw commandError(ErrorCodes.TypeMismatch, "BSON field 'payload' is the wrong type, expected type 'binData'");
}

function reply(step: ScramStep): Doc {
  return { conversationId: CONVERSATION_ID, done: step.done, payload: new Binary(step.payload), ok: 1 };
}

function saslStart(ctx: CommandContext, body: Doc): Doc {
  const mechanism = body.mechanism;
  if (mechanism !== SCRAM_SHA_256) {
    throw commandError(ErrorCodes.MechanismUnavailable, `Received authentication for mechanism ${String(mechanism)} which is not enabled`);
  }
  const { connection, state } = ctx;
  // A new attempt replaces the last one; a failed attempt leaves the connection unauthenticated.
  connection.user = undefined;
  const conversation = new ScramConversation((username) => (ctx.db === AUTH_DATABASE ? state.users.get(username) : undefined));
  connection.conversation = conversation;
  const options = isPlainObject(body.options) ? body.options : {};
  try {
    return reply(conversation.start(payloadOf(body.payload), { skipEmptyExchange: options.skipEmptyExchange === true }));
  } catch (e) {
    connection.conversation = undefined;
    throw e;
  }
}

function saslContinue(ctx: CommandContext): Doc {
  const { connection } = ctx;
  const conversation = connection.conversation;
  if (!conversation || ctx.body.conversationId !== CONVERSATION_ID) {
    throw commandError(ErrorCodes.ProtocolError, "No SASL session state found");
  }
  try {
    const step = conversation.continue(payloadOf(ctx.body.payload));
    if (step.done) {
      connection.user = conversation.username;
      connection.conversation = undefined;
    }
    return reply(step);
  } catch (e) {
    connection.conversation = undefined;
    throw e;
  }
}

/** hello's `speculativeAuthenticate`: the saslStart answer rides on the handshake reply; a failure only omits it. */
export function speculativeAuthenticate(ctx: CommandContext): Doc | undefined {
  const request = ctx.body.speculativeAuthenticate;
  if (!isPlainObject(request) || request.saslStart === undefined) return undefined;
  const db = typeof request.db === "string" ? request.db : ctx.db;
  try {
    const { ok: _ok, ...answer } = saslStart({ ...ctx, db }, request);
    return answer;
  } catch {
    return undefined;
  }
}

/** hello's `saslSupportedMechs: "db.user"`: the mechanisms that user may use. */
export function supportedMechanisms(ctx: CommandContext): string[] | undefined {
  const name = ctx.body.saslSupportedMechs;
  if (typeof name !== "string") return undefined;
  const dot = name.indexOf(".");
  if (name.slice(0, dot) !== AUTH_DATABASE || !ctx.state.users.has(name.slice(dot + 1))) return undefined;
  return [SCRAM_SHA_256];
}

export const authCommands: Record<string, CommandDefinition> = {
  saslStart: { handler: (ctx) => saslStart(ctx, ctx.body) },
  saslContinue: { handler: saslContinue },
  logout: {
    handler: (ctx) => {
      ctx.connection.user = undefined;
      ctx.connection.conversation = undefined;
      return { ok: 1 };
    },
  },
  connectionStatus: {
    handler: (ctx) => {
      const user = ctx.connection.user;
      return {
        authInfo: {
          authenticatedUsers: user === undefined ? [] : [{ user, db: AUTH_DATABASE }],
          authenticatedUserRoles: user === undefined ? [] : [{ role: "root", db: AUTH_DATABASE }],
        },
        ok: 1,
      };
    },
  },
};
