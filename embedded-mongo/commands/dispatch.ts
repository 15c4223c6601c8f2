/** Routes a command document to its handler, with mongod's generic checks and opcounters. */
import type { CommandContext, CommandDefinition, ConnectionAuth, ServerState } from "./context";
import { adminCommands } from "./admin";
import { authCommands, requireAuthentication, UNAUTHENTICATED_COMMANDS } from "./auth";
import { aggregateCommands } from "./aggregate";
import { explainCommands } from "./explain";
import { handshakeCommands } from "./handshake";
import { indexCommands } from "./indexes";
import { readCommands } from "./read";
import { replicationCommands } from "./replication";
import { collModCommands } from "./collmod";
import { writeCommands } from "./write";
import type { Doc } from "../engine/paths";
import { interruptible, timeLimitOf, withTimeLimit } from "../limits/time-limit";
import { startBuildBudget } from "../limits/expressions";
import { plainArguments } from "../engine/numbers";
import { commandError, ErrorCodes, MongoCommandError, toCommandError } from "../errors";

const COMMANDS: Record<string, CommandDefinition> = {
  ...handshakeCommands,
  ...authCommands,
  ...adminCommands,
  ...indexCommands,
  ...readCommands,
  ...writeCommands,
  ...aggregateCommands,
  ...explainCommands,
  ...replicationCommands,
  ...collModCommands,
};

COMMANDS.listCommands = {
  handler: () => ({ commands: Object.fromEntries(commandNames().sort().map((n) => [n, { help: "", requiresAuth: !UNAUTHENTICATED_COMMANDS.has(n), adminOnly: false }])), ok: 1 }),
};

/** Commands that only read: they run whole under the time limit's watchdog (aggregate guards its own read phase). */
const READ_ONLY_COMMANDS = new Set(["find", "count", "distinct", "explain", "listCollections", "listDatabases", "listIndexes"]);

const TRANSACTION_COMMANDS = new Set(["commitTransaction", "abortTransaction"]);

export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

/** Remembers the logical session a command ran in (sessions expire after 30 idle minutes). */
function trackSession(state: ServerState, body: Doc): void {
  const lsid = body.lsid as Doc | undefined;
  const id = lsid?.id as { toHexString?: () => string } | undefined;
  if (!id || typeof id.toHexString !== "function") return;
  const now = new Date();
  state.sessions.set(id.toHexString(), { id, lastUse: now });
  if (state.sessions.size > 10000) {
    for (const [k, s] of state.sessions) if (now.getTime() - s.lastUse.getTime() > 30 * 60_000) state.sessions.delete(k);
  }
}

export interface Invocation {
  state: ServerState;
  body: Doc;
  connectionId: number;
  remote: string;
  connection: ConnectionAuth;
}

/** Runs a command and always returns a reply document (errors become { ok: 0, ... }). */
export function runCommand(inv: Invocation): Doc {
  const { body, state } = inv;
  const name = Object.keys(body)[0];
  if (name === undefined) return commandError(ErrorCodes.CommandNotFound, "no such command: ''").toReply();
  const def = COMMANDS[name];
  if (!def && !TRANSACTION_COMMANDS.has(name)) {
    return commandError(ErrorCodes.CommandNotFound, `no such command: '${name}'`).toReply();
  }
  try {
    requireAuthentication(name, inv.connection);
    // A standalone mongod refuses anything transactional.
    if (body.txnNumber !== undefined || body.startTransaction !== undefined || body.autocommit !== undefined || TRANSACTION_COMMANDS.has(name)) {
      throw commandError(ErrorCodes.IllegalOperation, "Transaction numbers are only allowed on a replica set member or mongos");
    }
    const db = body.$db;
    if (typeof db !== "string" || db.length === 0) {
      throw commandError(40571, "OP_MSG requests require a $db argument");
    }
    if (def.counter !== "none") state.opcounters.command++;
    trackSession(state, body);
    plainArguments(body);
    const ctx: CommandContext = { state, db, body, connectionId: inv.connectionId, remote: inv.remote, connection: inv.connection };
    const limit = timeLimitOf(body, state.regexTimeLimitMs);
    startBuildBudget();
    return withTimeLimit(limit, () => (READ_ONLY_COMMANDS.has(name) ? interruptible(() => def.handler(ctx)) : def.handler(ctx)));
  } catch (e) {
    const err = e instanceof MongoCommandError ? e : toCommandError(e, ErrorCodes.BadValue);
    return err.toReply();
  }
}
