/** The TCP server: message framing per connection, dispatch, journal flush before each reply. */
import net from "node:net";
import { ObjectId } from "bson";
import { runCommand } from "./commands/dispatch";
import type { ConnectionAuth, ServerState } from "./commands/context";
import { CursorRegistry } from "./cursors";
import { Catalog } from "./engine/catalog";
import type { Doc } from "./engine/paths";
import { codeName, ErrorCodes } from "./errors";
import {
  checkLength,
  encodeOpMsg,
  encodeOpReply,
  MSG_MORE_TO_COME,
  OP_MSG,
  OP_QUERY,
  parseMessage,
  readHeader,
  REPLY_QUERY_FAILURE,
  WireError,
  type Request,
} from "./protocol/wire";
import { Journal } from "./storage/journal";
import { DEFAULT_REGEX_TIME_LIMIT_MS } from "./limits/time-limit";
import { useLinearRegexFallback } from "./limits/regex";
import { TtlMonitor } from "./engine/ttl";
import { lockDbPath, type DbPathLock } from "./storage/dblock";
import { checkCredentials, generateCredentials, loadOrCreateCredentials, scramKeys, type Credentials } from "./auth/credentials";

export interface ServerOptions {
  port?: number;
  host?: string;
  dbpath?: string;
  /** The one user clients authenticate as: from DBPATH/credentials.json, or generated when absent. */
  credentials?: Credentials;
  /** Time limit of commands evaluating regular expressions when the client gives no maxTimeMS (default 5000; 0 = none). */
  regexTimeLimitMs?: number;
  /** seconds between TTL monitor passes (mongod's ttlMonitorSleepSecs, default 60) */
  ttlMonitorSleepSecs?: number;
}

const HANDSHAKE_COMMANDS = new Set(["hello", "isMaster", "ismaster"]);

export class MongoServer {
  readonly state: ServerState;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private journal?: Journal;
  private lock?: DbPathLock;
  private ttl?: TtlMonitor;
  private nextRequestId = 1;
  private stopped = false;
  /** The credential clients use (the connection string carries it). */
  credentials: Credentials;

  private constructor(
    options: ServerOptions,
    catalog: Catalog,
    credentials: Credentials,
  ) {
    this.credentials = credentials;
    this.state = {
      catalog,
      cursors: new CursorRegistry(),
      opcounters: { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 },
      startedAt: new Date(),
      processId: new ObjectId(),
      connections: { current: 0, totalCreated: 0 },
      host: options.host ?? "127.0.0.1",
      port: 0,
      dbpath: options.dbpath,
      sessions: new Map(),
      users: new Map([[credentials.username, scramKeys(credentials)]]),
      regexTimeLimitMs: options.regexTimeLimitMs ?? DEFAULT_REGEX_TIME_LIMIT_MS,
    };
    this.server = net.createServer((socket) => this.accept(socket));
  }

  static async start(options: ServerOptions = {}): Promise<MongoServer> {
    useLinearRegexFallback();
    const catalog = new Catalog();
    let lock: DbPathLock | undefined;
    let credentials = options.credentials ? checkCredentials(options.credentials) : undefined;
    if (options.dbpath) {
      lock = lockDbPath(options.dbpath);
      try {
        credentials ??= loadOrCreateCredentials(options.dbpath);
      } catch (e) {
        lock.release();
        throw e;
      }
    }
    const server = new MongoServer(options, catalog, credentials ?? generateCredentials());
    server.lock = lock;
    if (options.dbpath) server.recover(options.dbpath);
    try {
      await new Promise<void>((resolve, reject) => {
        server.server.once("error", reject);
        server.server.listen(options.port ?? 0, server.state.host, () => {
          server.server.off("error", reject);
          resolve();
        });
      });
    } catch (e) {
      server.releaseStorage();
      throw e;
    }
    // Accept errors (e.g. too many open files) must not crash the process.
    server.server.on("error", () => undefined);
    const address = server.server.address() as net.AddressInfo;
    server.state.port = address.port;
    server.ttl = new TtlMonitor(catalog, (options.ttlMonitorSleepSecs ?? 60) * 1000, () => server.journal?.flush());
    return server;
  }

  get port(): number {
    return this.state.port;
  }

  /** Replays the journal into memory, then compacts it. */
  private recover(dbpath: string): void {
    try {
      const { journal, entries } = Journal.open(dbpath);
      this.journal = journal;
      const { catalog } = this.state;
      for (const entry of entries) catalog.apply(entry);
      journal.compact(catalog.snapshot());
      catalog.log = journal;
    } catch (e) {
      this.releaseStorage();
      throw e;
    }
  }

  private releaseStorage(): void {
    try {
      this.journal?.close();
    } catch {
      // best effort
    }
    this.journal = undefined;
    this.lock?.release();
    this.lock = undefined;
  }

  private accept(socket: net.Socket): void {
    if (this.stopped) {
      socket.destroy();
      return;
    }
    const { connections } = this.state;
    const connectionId = ++connections.totalCreated;
    connections.current++;
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    const auth: ConnectionAuth = {};
    let chunks: Buffer[] = [];
    let buffered = 0;
    let expected = -1;
    socket.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      buffered += chunk.length;
      while (!socket.destroyed) {
        if (expected < 0) {
          if (buffered < 4) return;
          if (chunks[0].length < 4) chunks = [Buffer.concat(chunks)];
          expected = chunks[0].readInt32LE(0);
          try {
            checkLength(expected);
          } catch {
            socket.destroy();
            return;
          }
        }
        if (buffered < expected) return;
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const message = all.subarray(0, expected);
        const rest = all.subarray(expected);
        chunks = rest.length ? [rest] : [];
        buffered = rest.length;
        expected = -1;
        try {
          this.handle(socket, message, connectionId, remote, auth);
        } catch {
          // Never let one connection's message take the server down: drop that connection.
          socket.destroy();
          return;
        }
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      connections.current--;
      this.sockets.delete(socket);
    });
  }

  private handle(socket: net.Socket, message: Buffer, connectionId: number, remote: string, auth: ConnectionAuth): void {
    let request: Request;
    try {
      request = parseMessage(message);
    } catch (e) {
      const err = e instanceof WireError ? e : new WireError(String(e), ErrorCodes.ProtocolError, true);
      if (err.fatal) {
        socket.destroy();
        return;
      }
      const header = readHeader(message);
      const reply = { ok: 0, errmsg: err.message, code: err.code, codeName: codeName(err.code) };
      if (header.opCode === OP_MSG) this.write(socket, encodeOpMsg(this.nextRequestId++, header.requestId, reply));
      else if (header.opCode === OP_QUERY) this.write(socket, encodeOpReply(this.nextRequestId++, header.requestId, { $err: err.message, ...reply }, REPLY_QUERY_FAILURE));
      else socket.destroy();
      return;
    }
    if (request.kind === "query") {
      this.write(socket, encodeOpReply(this.nextRequestId++, request.header.requestId, this.runLegacy(request.collection, request.query, connectionId, remote, auth)));
      return;
    }
    const reply = this.execute(request.body, connectionId, remote, auth);
    if (request.flags & MSG_MORE_TO_COME) return;
    let bytes: Buffer;
    try {
      bytes = encodeOpMsg(this.nextRequestId++, request.header.requestId, reply);
    } catch (e) {
      bytes = encodeOpMsg(this.nextRequestId++, request.header.requestId, {
        ok: 0,
        errmsg: `Failed to encode the reply: ${(e as Error).message}`,
        code: ErrorCodes.BSONObjectTooLarge,
        codeName: codeName(ErrorCodes.BSONObjectTooLarge),
      });
    }
    this.write(socket, bytes);
  }

  /** OP_QUERY is only accepted for the handshake, as in mongod 6.0+. */
  private runLegacy(collection: string, query: Doc, connectionId: number, remote: string, auth: ConnectionAuth): Doc {
    const body: Doc = query.$query !== undefined && typeof query.$query === "object" ? (query.$query as Doc) : query;
    const name = Object.keys(body)[0] ?? "";
    if (!collection.endsWith(".$cmd") || !HANDSHAKE_COMMANDS.has(name)) {
      const code = ErrorCodes.UnsupportedOpQueryCommand;
      return {
        ok: 0,
        errmsg: `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal`,
        code,
        codeName: codeName(code),
      };
    }
    return this.execute({ ...body, $db: collection.slice(0, collection.indexOf(".")) }, connectionId, remote, auth);
  }

  /** Runs a command, then makes its writes durable before the reply goes out. */
  private execute(body: Doc, connectionId: number, remote: string, connection: ConnectionAuth): Doc {
    const reply = runCommand({ state: this.state, body, connectionId, remote, connection });
    if (this.journal) {
      try {
        this.journal.flush();
        if (this.journal.shouldCompact()) this.journal.compact(this.state.catalog.snapshot());
      } catch (e) {
        return { ok: 0, errmsg: `journal write failed: ${(e as Error).message}`, code: ErrorCodes.InternalError, codeName: codeName(ErrorCodes.InternalError) };
      }
    }
    return reply;
  }

  private write(socket: net.Socket, bytes: Buffer): void {
    if (!socket.destroyed) socket.write(bytes);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.ttl?.stop();
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.state.cursors.close();
    this.releaseStorage();
  }
}
