import type { MongoClient } from "mongodb";

/** Told of each command a client sends: its name and database, never its contents. */
export interface CommandObserver {
  /** The command is being sent; the returned function is called once it is answered (`failed`: it threw). */
  started(commandName: string, databaseName: string): (failed: boolean) => void;
}

interface DriverOperation {
  commandName: string;
  ns: { db: string };
  /** A `db.command(...)`'s document: its first key names the command. */
  command?: Record<string, unknown>;
}

interface DriverServer {
  topology?: { client?: MongoClient };
  command(operation: DriverOperation, timeoutContext: unknown): Promise<unknown>;
}

const observersOf = new WeakMap<MongoClient, CommandObserver[]>();
let hooked = false;

/**
 * Calls `observer` around every command `client` sends. The driver's own command monitoring
 * (`monitorCommands`) deserializes each reply a second time and builds three event objects per command
 * for what metrics and traces use of it (a name, a database, an outcome, a duration); this wraps the
 * driver's per-server command instead, once per process, and costs nothing for clients nobody observes.
 */
export function observeMongoCommands(client: MongoClient, observer: CommandObserver): void {
  hookServerCommand();
  const observers = observersOf.get(client);
  if (observers) observers.push(observer);
  else observersOf.set(client, [observer]);
}

function hookServerCommand(): void {
  if (hooked) return;
  hooked = true;
  // the driver's server, through which every operation's command (and getMore) goes, with its client at hand
  const { Server } = require("mongodb/lib/sdam/server") as { Server: { prototype: DriverServer } };
  const send = Server.prototype.command;
  Server.prototype.command = function (this: DriverServer, operation, timeoutContext) {
    const client = this.topology?.client;
    const observers = client && observersOf.get(client);
    if (!observers) return send.call(this, operation, timeoutContext);
    const commandName = commandNameOf(operation);
    const answered = observers.map((observer) => observer.started(commandName, operation.ns.db));
    return send.call(this, operation, timeoutContext).then(
      (reply) => {
        for (const done of answered) done(false);
        return reply;
      },
      (error: unknown) => {
        for (const done of answered) done(true);
        throw error;
      },
    );
  };
}

function commandNameOf(operation: DriverOperation): string {
  if (operation.commandName !== "runCommand" || !operation.command) return operation.commandName;
  for (const name in operation.command) return name;
  return operation.commandName;
}
