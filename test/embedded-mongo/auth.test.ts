/**
 * The embedded server is no open door: clients authenticate with SCRAM-SHA-256 as with mongod under
 * authorization (driver and raw socket), every other command is refused before that (code 13), a wrong
 * password fails (code 18), and with --dbpath the credential and every file are readable by their owner only.
 * (These exercise the embedded server itself, whatever MONGODB_URL says.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient, MongoServerError } from "mongodb";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../embedded-mongo";
import { privateDir } from "../../embedded-mongo/storage/private-files";
import { loadOrCreateDevKeys } from "../../gateway/auth/keys";
import type { AnyDoc } from "./helpers";
import { command, credentialsOf, hostPort, opQuery, RawConnection, scramAuthenticate } from "./raw";
import { ensureCompiledCli, startCli } from "./cli-process";

jest.setTimeout(120_000);

const withoutCredential = (url: string): string => url.replace(/\/\/[^@]*@/, "//");
const withPassword = (url: string, password: string): string => url.replace(/:[^:@/]*@/, `:${encodeURIComponent(password)}@`);
const mode = (file: string): number => fs.statSync(file).mode & 0o777;

describe("embedded-mongo: authentication", () => {
  let server: EmbeddedMongo;

  beforeAll(async () => {
    server = await startEmbeddedMongo();
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function raw(): Promise<RawConnection> {
    const { host, port } = hostPort(server.url)!;
    return RawConnection.open(host, port);
  }

  it("gives a connection string carrying a generated credential, which the driver uses", async () => {
    expect(server.url).toMatch(/^mongodb:\/\/admin:[A-Za-z0-9_-]{32}@127\.0\.0\.1:\d+\/\?authSource=admin$/);
    const client = await new MongoClient(server.url).connect();
    try {
      await client.db("app").collection<AnyDoc>("items").insertOne({ _id: 1, name: "kept" });
      expect(await client.db("app").collection<AnyDoc>("items").findOne({ _id: 1 })).toEqual({ _id: 1, name: "kept" });
      const status = await client.db("admin").command({ connectionStatus: 1 });
      expect(status.authInfo.authenticatedUsers).toEqual([{ user: "admin", db: "admin" }]);
    } finally {
      await client.close();
    }
  });

  it("generates a different credential for each in-memory server", async () => {
    const other = await startEmbeddedMongo();
    try {
      expect(other.credentials.password).not.toBe(server.credentials.password);
      const client = new MongoClient(withPassword(other.url, server.credentials.password), { serverSelectionTimeoutMS: 3000 });
      await expect(client.connect()).rejects.toMatchObject({ code: 18 });
      await client.close();
    } finally {
      await other.stop();
    }
  });

  it("refuses every command but the handshake without authentication (code 13), as mongod does", async () => {
    const anonymous = await new MongoClient(withoutCredential(server.url)).connect();
    try {
      const db = anonymous.db("app");
      for (const attempt of [
        () => db.collection("items").findOne({}),
        () => db.collection("items").insertOne({ stolen: false }),
        () => db.collection("items").deleteMany({}),
        () => db.collection("items").aggregate([]).toArray(),
        () => anonymous.db("admin").admin().listDatabases(),
        () => db.command({ serverStatus: 1 }),
      ]) {
        const error = await attempt().then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(MongoServerError);
        expect(error).toMatchObject({ code: 13, codeName: "Unauthorized" });
        expect((error as Error).message).toMatch(/^Command \w+ requires authentication$/);
      }
      expect((await db.command({ ping: 1 })).ok).toBe(1);
      expect((await db.command({ buildInfo: 1 })).version).toBe("7.0.0");
      expect((await db.command({ hello: 1 })).isWritablePrimary).toBe(true);
    } finally {
      await anonymous.close();
    }
    const client = await new MongoClient(server.url).connect();
    expect(await client.db("app").collection<AnyDoc>("items").countDocuments({ stolen: false })).toBe(0);
    await client.close();
  });

  it("refuses the same commands on a raw socket, OP_QUERY handshake included", async () => {
    const conn = await raw();
    try {
      expect(await command(conn, { find: "items", $db: "app" })).toMatchObject({ ok: 0, code: 13, codeName: "Unauthorized", errmsg: "Command find requires authentication" });
      expect(await command(conn, { listDatabases: 1, $db: "admin" })).toMatchObject({ ok: 0, code: 13 });
      expect(await command(conn, { endSessions: [], $db: "admin" })).toMatchObject({ ok: 0, code: 13 });
      conn.send(opQuery(77, "admin.$cmd", { isMaster: 1 }));
      await conn.settle(4);
      expect(conn.replies[3].doc).toMatchObject({ ismaster: true, ok: 1 });
      expect(conn.replies[3].doc.saslSupportedMechs).toBeUndefined();
    } finally {
      conn.close();
    }
  });

  it("fails a wrong password or an unknown user with AuthenticationFailed (18) and grants nothing", async () => {
    const wrong = new MongoClient(withPassword(server.url, "not-the-password"), { serverSelectionTimeoutMS: 3000 });
    const error = await wrong.connect().then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: 18, message: "Authentication failed." });
    await wrong.close();

    const conn = await raw();
    try {
      expect(await scramAuthenticate(conn, { username: "admin", password: "guess" })).toMatchObject({ ok: 0, code: 18, codeName: "AuthenticationFailed", errmsg: "Authentication failed." });
      expect(await command(conn, { find: "items", $db: "app" })).toMatchObject({ ok: 0, code: 13 });
      expect(await scramAuthenticate(conn, { username: "root", password: server.credentials.password })).toMatchObject({ ok: 0, code: 18 });
      expect(await scramAuthenticate(conn, server.credentials, { db: "app" })).toMatchObject({ ok: 0, code: 18 });
      expect(await command(conn, { saslStart: 1, mechanism: "SCRAM-SHA-1", payload: Buffer.from("n,,n=admin,r=abc"), $db: "admin" })).toMatchObject({ ok: 0, code: 334 });
      expect(await command(conn, { saslContinue: 1, conversationId: 1, payload: Buffer.from("c=biws,r=x,p=eA=="), $db: "admin" })).toMatchObject({ ok: 0 });
      expect(await command(conn, { find: "items", $db: "app" })).toMatchObject({ ok: 0, code: 13 });
    } finally {
      conn.close();
    }
  });

  it("authenticates a raw socket with saslStart/saslContinue, with and without the empty final exchange", async () => {
    for (const skipEmptyExchange of [true, false]) {
      const conn = await raw();
      try {
        expect(await scramAuthenticate(conn, server.credentials, { skipEmptyExchange })).toMatchObject({ ok: 1, done: true });
        expect(await command(conn, { find: "items", filter: { _id: 1 }, $db: "app" })).toMatchObject({ ok: 1, cursor: { firstBatch: [{ _id: 1, name: "kept" }] } });
        expect(await command(conn, { logout: 1, $db: "admin" })).toMatchObject({ ok: 1 });
        expect(await command(conn, { find: "items", $db: "app" })).toMatchObject({ ok: 0, code: 13 });
      } finally {
        conn.close();
      }
    }
  });

  it("answers hello's saslSupportedMechs and speculativeAuthenticate as mongod does", async () => {
    const conn = await raw();
    try {
      const hello = await command(conn, { hello: 1, saslSupportedMechs: "admin.admin", $db: "admin" });
      expect(hello.saslSupportedMechs).toEqual(["SCRAM-SHA-256"]);
      const unknown = await command(conn, { hello: 1, saslSupportedMechs: "admin.nobody", $db: "admin" });
      expect(unknown.saslSupportedMechs).toBeUndefined();
      const speculative = await command(conn, {
        hello: 1,
        speculativeAuthenticate: { saslStart: 1, mechanism: "SCRAM-SHA-256", payload: Buffer.from("n,,n=admin,r=clientnonce"), db: "admin" },
        $db: "admin",
      });
      expect(speculative.speculativeAuthenticate).toMatchObject({ conversationId: 1, done: false });
      const refused = await command(conn, { hello: 1, speculativeAuthenticate: { saslStart: 1, mechanism: "PLAIN", payload: Buffer.from("x"), db: "admin" }, $db: "admin" });
      expect(refused.ok).toBe(1);
      expect(refused.speculativeAuthenticate).toBeUndefined();
    } finally {
      conn.close();
    }
  });

  it("lets the driver fall back to saslStart when speculative authentication is not answered", async () => {
    // authMechanism given explicitly still speculates; a wrong authSource makes the server decline, then saslStart fails too.
    const client = new MongoClient(server.url.replace("authSource=admin", "authSource=app"), { serverSelectionTimeoutMS: 3000 });
    await expect(client.connect()).rejects.toMatchObject({ code: 18 });
    await client.close();
    const explicit = await new MongoClient(`${server.url}&authMechanism=SCRAM-SHA-256`).connect();
    expect((await explicit.db("app").command({ count: "items" })).n).toBe(1);
    await explicit.close();
  });
});

describe("embedded-mongo: owner-only data folder", () => {
  let dir: string;

  beforeAll(() => ensureCompiledCli());

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-mongo-auth-"));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps the credential in DBPATH/credentials.json (0600), reuses it after a restart, and makes every file 0600", async () => {
    const dbpath = path.join(dir, "db");
    const first = await startEmbeddedMongo({ dbpath });
    const stored = JSON.parse(fs.readFileSync(path.join(dbpath, "credentials.json"), "utf8"));
    expect(stored).toEqual(first.credentials);
    expect(credentialsOf(first.url)).toEqual(stored);
    const client = await new MongoClient(first.url).connect();
    await client.db("app").collection<AnyDoc>("items").insertOne({ _id: 1 });
    await client.close();
    expect(mode(dbpath)).toBe(0o700);
    for (const file of ["credentials.json", "journal.bson", "mongod.lock"]) expect([file, mode(path.join(dbpath, file))]).toEqual([file, 0o600]);
    await first.stop();

    const second = await startEmbeddedMongo({ dbpath });
    try {
      expect(second.credentials).toEqual(first.credentials);
      const again = await new MongoClient(second.url).connect();
      expect(await again.db("app").collection<AnyDoc>("items").countDocuments()).toBe(1);
      await again.close();
    } finally {
      await second.stop();
    }
  });

  it("tightens a data folder left world-readable by an older version", async () => {
    const dbpath = path.join(dir, "db");
    fs.mkdirSync(dbpath, { mode: 0o755 });
    fs.chmodSync(dbpath, 0o755);
    fs.writeFileSync(path.join(dbpath, "journal.bson"), "");
    fs.chmodSync(path.join(dbpath, "journal.bson"), 0o644);
    const server = await startEmbeddedMongo({ dbpath });
    try {
      expect(mode(dbpath)).toBe(0o700);
      expect(mode(path.join(dbpath, "journal.bson"))).toBe(0o600);
    } finally {
      await server.stop();
    }
  });

  it("keeps the development keys owner-only, and npm start's tightening reaches every folder and file", async () => {
    const data = path.join(dir, "data");
    await loadOrCreateDevKeys(path.join(data, "keys", "dev-keys.json"));
    expect([mode(data), mode(path.join(data, "keys")), mode(path.join(data, "keys", "dev-keys.json"))]).toEqual([0o700, 0o700, 0o600]);
    fs.mkdirSync(path.join(data, "db", "old"), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.join(data, "db", "old"), 0o755);
    fs.writeFileSync(path.join(data, "db", "old", "journal.bson"), "", { mode: 0o644 });
    privateDir(data);
    expect([mode(path.join(data, "db")), mode(path.join(data, "db", "old")), mode(path.join(data, "db", "old", "journal.bson"))]).toEqual([0o700, 0o700, 0o600]);
  });

  it("npm run db prints a connection string with the kept credential", async () => {
    const dbpath = path.join(dir, "db");
    const cli = await startCli(["--dbpath", dbpath]);
    try {
      const stored = JSON.parse(fs.readFileSync(path.join(dbpath, "credentials.json"), "utf8"));
      expect(credentialsOf(cli.url)).toEqual(stored);
      const client = await new MongoClient(cli.url).connect();
      expect((await client.db("app").command({ ping: 1 })).ok).toBe(1);
      await client.close();
      const anonymous = new MongoClient(withoutCredential(cli.url));
      await expect(anonymous.db("app").collection("x").findOne({})).rejects.toMatchObject({ code: 13 });
      await anonymous.close();
      expect(cli.output()).toContain(path.join(dbpath, "credentials.json"));
    } finally {
      cli.child.kill("SIGTERM");
      await cli.exited;
    }
  });
});
