/**
 * Raw wire-protocol access for tests: message builders, a connection collecting replies, and a SCRAM-SHA-256
 * client written from RFC 5802 (independent of the driver's), so tests can authenticate byte by byte.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import net from "node:net";
import { Binary, deserialize, serialize, type Document } from "bson";

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

export function header(length: number, requestId: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function opMsg(requestId: number, body: Document, options: { flags?: number; sequences?: Record<string, Document[]> } = {}): Buffer {
  const parts: Buffer[] = [];
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(options.flags ?? 0, 0);
  parts.push(flags, Buffer.from([0]), Buffer.from(serialize(body)));
  for (const [id, docs] of Object.entries(options.sequences ?? {})) {
    const payload = Buffer.concat([Buffer.from(id + "\0", "utf8"), ...docs.map((d) => Buffer.from(serialize(d)))]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4, 0);
    parts.push(Buffer.from([1]), size, payload);
  }
  const content = Buffer.concat(parts);
  return Buffer.concat([header(16 + content.length, requestId, OP_MSG), content]);
}

export function opQuery(requestId: number, ns: string, query: Document): Buffer {
  const flags = Buffer.alloc(4);
  const skipReturn = Buffer.alloc(8);
  skipReturn.writeInt32LE(-1, 4);
  const content = Buffer.concat([flags, Buffer.from(ns + "\0", "utf8"), skipReturn, Buffer.from(serialize(query))]);
  return Buffer.concat([header(16 + content.length, requestId, OP_QUERY), content]);
}

export interface Reply {
  responseTo: number;
  opCode: number;
  doc: Document;
}

export function parseReply(buf: Buffer): Reply {
  const opCode = buf.readInt32LE(12);
  const responseTo = buf.readInt32LE(8);
  if (opCode === OP_MSG) return { responseTo, opCode, doc: deserialize(buf.subarray(21)) };
  if (opCode === OP_REPLY) return { responseTo, opCode, doc: deserialize(buf.subarray(36)) };
  throw new Error(`unexpected reply opCode ${opCode}`);
}

/** A raw connection that collects complete replies and notices when the server closes it. */
export class RawConnection {
  private buffer = Buffer.alloc(0);
  readonly replies: Reply[] = [];
  closed = false;
  private waiters: Array<() => void> = [];
  private constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 4 && this.buffer.length >= this.buffer.readInt32LE(0)) {
        const len = this.buffer.readInt32LE(0);
        this.replies.push(parseReply(this.buffer.subarray(0, len)));
        this.buffer = this.buffer.subarray(len);
      }
      this.wake();
    });
    socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
    socket.on("error", () => undefined);
  }

  static open(host: string, port: number): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new RawConnection(socket)));
      socket.once("error", reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Waits until `count` replies arrived, the connection closed, or the timeout passed. */
  async settle(count: number, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length < count && !this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.max(1, deadline - Date.now()));
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }

  /** Authenticates this connection (SCRAM-SHA-256) or throws with the server's answer. */
  async authenticate(credentials: { username: string; password: string }): Promise<void> {
    const reply = await scramAuthenticate(this, credentials);
    if (reply.ok !== 1 || reply.done !== true) throw new Error(`authentication refused: ${JSON.stringify(reply)}`);
    this.replies.length = 0; // callers count replies from here
  }
}

export function hostPort(url: string): { host: string; port: number } | undefined {
  const m = /^mongodb:\/\/(?:[^@/]*@)?([^:/,?]+)(?::(\d+))?(?:[/?]|$)/.exec(url);
  if (!m) return undefined;
  return { host: m[1], port: Number(m[2] ?? 27017) };
}


/** The username and password of a connection string, if it has them. */
export function credentialsOf(url: string): { username: string; password: string } | undefined {
  const m = /^mongodb:\/\/([^:@/]+):([^@/]*)@/.exec(url);
  return m ? { username: decodeURIComponent(m[1]), password: decodeURIComponent(m[2]) } : undefined;
}

const hmac = (key: Buffer, text: string): Buffer => createHmac("sha256", key).update(text).digest();
const payloadOf = (reply: Document): string => Buffer.from((reply.payload as Binary).buffer).toString("utf8");

let rawRequestId = 1_000_000;

/** Sends one command and waits for its reply. */
export async function command(conn: RawConnection, body: Document): Promise<Document> {
  const before = conn.replies.length;
  conn.send(opMsg(++rawRequestId, body));
  await conn.settle(before + 1);
  const reply = conn.replies[before];
  if (!reply) throw new Error(`no reply to ${Object.keys(body)[0]}`);
  return reply.doc;
}

/** SCRAM-SHA-256 over saslStart / saslContinue; returns the last reply (ok: 0 when refused). */
export async function scramAuthenticate(
  conn: RawConnection,
  credentials: { username: string; password: string },
  options: { skipEmptyExchange?: boolean; db?: string } = {},
): Promise<Document> {
  const db = options.db ?? "admin";
  const clientNonce = randomBytes(24).toString("base64");
  const firstBare = `n=${credentials.username.replace(/=/g, "=3D").replace(/,/g, "=2C")},r=${clientNonce}`;
  const start = await command(conn, {
    saslStart: 1,
    mechanism: "SCRAM-SHA-256",
    payload: new Binary(Buffer.from(`n,,${firstBare}`)),
    options: { skipEmptyExchange: options.skipEmptyExchange ?? true },
    $db: db,
  });
  if (start.ok !== 1) return start;
  const serverFirst = payloadOf(start);
  const attrs = Object.fromEntries(serverFirst.split(",").map((p) => [p[0], p.slice(2)]));
  const salted = pbkdf2Sync(credentials.password, Buffer.from(attrs.s, "base64"), Number(attrs.i), 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  const storedKey = createHash("sha256").update(clientKey).digest();
  const withoutProof = `c=biws,r=${attrs.r}`;
  const authMessage = `${firstBare},${serverFirst},${withoutProof}`;
  const signature = hmac(storedKey, authMessage);
  const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i])).toString("base64");
  const final = await command(conn, {
    saslContinue: 1,
    conversationId: start.conversationId,
    payload: new Binary(Buffer.from(`${withoutProof},p=${proof}`)),
    $db: db,
  });
  if (final.ok !== 1) return final;
  const expected = `v=${hmac(hmac(salted, "Server Key"), authMessage).toString("base64")}`;
  if (payloadOf(final) !== expected) throw new Error("the server's signature is wrong");
  if (final.done) return final;
  return command(conn, { saslContinue: 1, conversationId: final.conversationId, payload: new Binary(Buffer.alloc(0)), $db: db });
}
