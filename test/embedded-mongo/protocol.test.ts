/**
 * The wire protocol seen from a raw socket: OP_MSG (body + document sequences, moreToCome),
 * the legacy OP_QUERY handshake, pipelined and fragmented messages, and bad bytes of every kind
 * (each gets an error reply or a closed connection; the server and other connections carry on).
 */
import type { AnyDoc } from "./helpers";
import { serialize } from "bson";
import { MongoClient, type Db } from "mongodb";
import { credentialsOf, header, hostPort, OP_MSG, OP_REPLY, opMsg, opQuery, RawConnection } from "./raw";
import { startTestDatabase, type TestDatabase } from "../support/database";

describe("embedded-mongo: wire protocol and bad input", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  let target: { host: string; port: number } | undefined;
  let requestId = 100;

  beforeAll(async () => {
    database = await startTestDatabase();
    target = hostPort(database.url);
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("protocol"));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  /** A raw connection, authenticated when the connection string carries a credential. */
  async function raw(): Promise<RawConnection> {
    if (!target) throw new Error("raw-socket tests need a mongodb://host:port URL");
    const conn = await RawConnection.open(target.host, target.port);
    const credentials = credentialsOf(database.url);
    if (credentials) await conn.authenticate(credentials);
    return conn;
  }

  /** Raw sockets need a plain host:port without TLS (always true for the embedded server). */
  function rawUsable(): boolean {
    const usable = target !== undefined && !/tls=true|ssl=true/i.test(database.url);
    if (!usable) console.warn(`raw-socket protocol checks skipped for ${database.url.replace(/\/\/[^@]*@/, "//***@")}`);
    return usable;
  }

  /** The server is still fine: a new raw connection and the driver's pooled connections both work. */
  async function expectHealthy(): Promise<void> {
    const conn = await raw();
    conn.send(opMsg(++requestId, { ping: 1, $db: "admin" }));
    await conn.settle(1);
    expect(conn.replies[0]?.doc.ok).toBe(1);
    conn.close();
    expect((await db.command({ ping: 1 })).ok).toBe(1);
  }

  /** Sends bad bytes: the answer must be an error reply or a closed connection. */
  async function expectRejected(bytes: Buffer, endAfter = false): Promise<void> {
    const conn = await raw();
    conn.send(bytes);
    if (endAfter) conn.socket.end();
    await conn.settle(1, 3000);
    if (!conn.closed) {
      expect(conn.replies.length).toBeGreaterThan(0);
      expect(conn.replies[0].doc.ok).toBe(0);
    }
    conn.close();
    await expectHealthy();
  }

  it("answers OP_MSG commands and document sequences", async () => {
    if (!rawUsable()) return;
    const conn = await raw();
    const coll = `seq_${requestId}`;
    conn.send(opMsg(++requestId, { insert: coll, $db: db.databaseName }, { sequences: { documents: [{ _id: 1 }, { _id: 2 }] } }));
    await conn.settle(1);
    expect(conn.replies[0]).toMatchObject({ responseTo: requestId, opCode: OP_MSG, doc: { n: 2, ok: 1 } });
    conn.close();
    expect(await db.collection<AnyDoc>(coll).countDocuments()).toBe(2);
  });

  it("answers the legacy OP_QUERY handshake with OP_REPLY", async () => {
    if (!rawUsable()) return;
    const conn = await raw();
    conn.send(opQuery(++requestId, "admin.$cmd", { isMaster: 1, helloOk: true }));
    await conn.settle(1);
    const reply = conn.replies[0];
    expect(reply.opCode).toBe(OP_REPLY);
    expect(reply.responseTo).toBe(requestId);
    expect(reply.doc).toMatchObject({ ismaster: true, ok: 1 });
    expect(reply.doc.maxWireVersion).toBeGreaterThanOrEqual(9);
    conn.close();
  });

  it("handles pipelined and byte-by-byte fragmented messages", async () => {
    if (!rawUsable()) return;
    const conn = await raw();
    const first = ++requestId;
    const second = ++requestId;
    conn.send(Buffer.concat([opMsg(first, { ping: 1, $db: "admin" }), opMsg(second, { ping: 1, $db: "admin" })]));
    await conn.settle(2);
    expect(conn.replies.map((r) => r.responseTo)).toEqual([first, second]);
    const third = ++requestId;
    const bytes = opMsg(third, { ping: 1, $db: "admin" });
    for (const b of bytes) {
      conn.send(Buffer.from([b]));
      await new Promise((r) => setImmediate(r));
    }
    await conn.settle(3);
    expect(conn.replies[2]).toMatchObject({ responseTo: third, doc: { ok: 1 } });
    conn.close();
  });

  it("does not reply to moreToCome (unacknowledged) messages but performs them", async () => {
    if (!rawUsable()) return;
    const conn = await raw();
    const coll = `w0_${requestId}`;
    conn.send(opMsg(++requestId, { insert: coll, documents: [{ a: 1 }], writeConcern: { w: 0 }, $db: db.databaseName }, { flags: 1 << 1 }));
    const ping = ++requestId;
    conn.send(opMsg(ping, { ping: 1, $db: "admin" }));
    await conn.settle(1);
    expect(conn.replies.map((r) => r.responseTo)).toEqual([ping]);
    conn.close();
    expect(await db.collection<AnyDoc>(coll).countDocuments()).toBe(1);
  });

  it("rejects a header announcing a too-small length", async () => {
    if (!rawUsable()) return;
    await expectRejected(Buffer.concat([header(5, ++requestId, OP_MSG), Buffer.alloc(8)]));
  });

  it("rejects a message over the size limit without buffering it", async () => {
    if (!rawUsable()) return;
    await expectRejected(Buffer.concat([header(64 * 1024 * 1024, ++requestId, OP_MSG), Buffer.alloc(1024)]));
  });

  it("rejects unknown op codes", async () => {
    if (!rawUsable()) return;
    const body = Buffer.from(serialize({ ping: 1 }));
    await expectRejected(Buffer.concat([header(16 + body.length, ++requestId, 9999), body]));
  });

  it("rejects invalid BSON", async () => {
    if (!rawUsable()) return;
    const good = opMsg(++requestId, { ping: 1, $db: "admin" });
    const lyingLength = Buffer.from(good);
    lyingLength.writeInt32LE(9999, 21); // the body document claims more bytes than the message has
    await expectRejected(lyingLength);
    const badType = Buffer.from(opMsg(++requestId, { ping: 1, $db: "admin" }));
    badType[25] = 0x77; // the first element's type byte: not a BSON type
    await expectRejected(badType);
    const noTerminator = Buffer.from(opMsg(++requestId, { ping: 1, $db: "admin" }));
    noTerminator[noTerminator.length - 1] = 0x01;
    await expectRejected(noTerminator);
  });

  it("rejects unknown OP_MSG section kinds and missing bodies", async () => {
    if (!rawUsable()) return;
    const m = Buffer.from(opMsg(++requestId, { ping: 1, $db: "admin" }));
    m[20] = 7;
    await expectRejected(m);
    const flagsOnly = Buffer.concat([header(20, ++requestId, OP_MSG), Buffer.alloc(4)]);
    await expectRejected(flagsOnly);
  });

  it("survives a truncated message followed by a hang-up", async () => {
    if (!rawUsable()) return;
    const m = opMsg(++requestId, { ping: 1, $db: "admin" });
    await expectRejected(m.subarray(0, m.length - 6), true);
  });

  it("survives random garbage", async () => {
    if (!rawUsable()) return;
    let seed = 12345;
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      random[i] = seed & 0xff;
    }
    random.writeInt32LE(4096, 0);
    random.writeInt32LE(OP_MSG, 12);
    await expectRejected(random);
    await expectRejected(Buffer.from("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"), true);
  });

  it("answers commands without $db or with an unknown name with errors", async () => {
    if (!rawUsable()) return;
    const conn = await raw();
    conn.send(opMsg(++requestId, { ping: 1 }));
    conn.send(opMsg(++requestId, { definitelyNotACommand: 1, $db: "admin" }));
    await conn.settle(2);
    expect(conn.replies[0].doc.ok).toBe(0);
    expect(conn.replies[1].doc).toMatchObject({ ok: 0, code: 59, codeName: "CommandNotFound" });
    conn.close();
  });
});
