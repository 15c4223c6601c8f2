import { loadConfig } from "../../config";
import { MongoClient, type Db, type Document } from "mongodb";
import { serverVersion, type AnyDoc } from "./helpers";
import { startTestDatabase, type TestDatabase } from "../support/database";

describe("embedded-mongo: serverStatus, cursors and misc commands", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  const shared = Boolean(loadConfig("test").MONGODB_URL);

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("status"));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  async function counters(): Promise<Record<string, number>> {
    const status = await db.admin().command({ serverStatus: 1 });
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(status.opcounters as Document)) out[k] = Number(v);
    return out;
  }

  it("counts operations in opcounters as mongod does", async () => {
    const coll = db.collection<AnyDoc>("ops");
    await coll.insertOne({ warm: 1 });
    const before = await counters();
    await coll.insertMany([{ a: 1 }, { a: 2 }, { a: 3 }]); // insert +3
    await coll.find({ a: { $gte: 1 } }).toArray(); // query +1
    const cursor = coll.find({}, { batchSize: 1 });
    await cursor.toArray(); // query +1, getmore +n
    await coll.bulkWrite([{ updateOne: { filter: { a: 1 }, update: { $set: { b: 1 } } } }, { updateMany: { filter: {}, update: { $set: { c: 1 } } } }]); // update +2
    await coll.deleteOne({ a: 3 }); // delete +1
    await coll.aggregate([{ $match: {} }]).toArray(); // query +1 (aggregate counts as a query)
    await coll.countDocuments(); // aggregate: query +1
    await db.command({ count: "ops" }); // command +1
    const after = await counters();
    const delta = (k: string): number => after[k] - before[k];
    const exact = (k: string, n: number): void => (shared ? expect(delta(k)).toBeGreaterThanOrEqual(n) : expect(delta(k)).toBe(n));
    exact("insert", 3);
    exact("query", 4);
    exact("update", 2);
    exact("delete", 1);
    expect(delta("getmore")).toBeGreaterThanOrEqual(3);
    expect(delta("command")).toBeGreaterThanOrEqual(1);
    const status = await db.admin().command({ serverStatus: 1 });
    expect(status).toMatchObject({ ok: 1, process: "mongod" });
    expect(typeof status.version).toBe("string");
    expect(status.connections.current).toBeGreaterThanOrEqual(1);
  });

  it("kills cursors and reports unknown cursor ids", async () => {
    const coll = db.collection<AnyDoc>("cursors");
    await coll.insertMany(Array.from({ length: 10 }, (_, i) => ({ i })));
    const first = await db.command({ find: "cursors", filter: {}, batchSize: 2 });
    const id = first.cursor.id;
    expect(first.cursor.firstBatch).toHaveLength(2);
    const more = await db.command({ getMore: id, collection: "cursors", batchSize: 3 });
    expect(more.cursor.nextBatch).toHaveLength(3);
    const killed = await db.command({ killCursors: "cursors", cursors: [id] });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    await expect(db.command({ getMore: id, collection: "cursors" })).rejects.toMatchObject({ code: 43, codeName: "CursorNotFound" });
  });

  it("reports buildInfo, listDatabases and collection stats", async () => {
    const info = await db.admin().command({ buildInfo: 1 });
    expect(info.versionArray[0]).toBeGreaterThanOrEqual(4);
    await db.collection<AnyDoc>("x").insertOne({ a: 1 });
    const dbs = await db.admin().command({ listDatabases: 1, nameOnly: true });
    expect(dbs.databases.map((d: Document) => d.name)).toContain(db.databaseName);
    const [major] = await serverVersion(db);
    if (major >= 7) await expect(db.createCollection("x")).resolves.toBeDefined(); // same options: no-op since 7.0
    await expect(db.createCollection("x", { capped: true, size: 4096 })).rejects.toMatchObject({ code: 48 });
  });

  it("rejects malformed commands with mongod's errors", async () => {
    await expect(db.command({ find: "x", filter: 5 })).rejects.toMatchObject({ code: 14 });
    await expect(db.command({ insert: "x", documents: [] })).rejects.toHaveProperty("code");
    await expect(db.command({ aggregate: "x", pipeline: [{ $nope: 1 }], cursor: {} })).rejects.toMatchObject({ code: 40324 });
    await expect(db.command({ aggregate: "x", pipeline: [] })).rejects.toMatchObject({ code: 9 });
    await expect(db.collection<AnyDoc>("x").updateOne({}, { $bogus: { a: 1 } })).rejects.toMatchObject({ code: 9 });
    await expect(db.collection<AnyDoc>("x").updateOne({}, { $inc: { a: "x" } } as never)).rejects.toMatchObject({ code: 14 });
    await expect(db.collection<AnyDoc>("x").insertOne({ _id: [1, 2] } as Document)).rejects.toMatchObject({ code: 53 });
  });
});
