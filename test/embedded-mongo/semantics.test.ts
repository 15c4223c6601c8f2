/**
 * mongod 7/8 semantics the embedded server once missed (issue 15), each through the official driver:
 * update operators, aggregation stages, collection kinds (capped, views, validated, TTL), collated unique
 * indexes, mongod's limits and the error codes mongod gives.
 */
import { Decimal128, Double, Int32, Long, MongoClient, MongoServerError, type Db } from "mongodb";
import { startEmbeddedMongo } from "../../embedded-mongo";
import { startTestDatabase, type TestDatabase } from "../support/database";
import type { AnyDoc } from "./helpers";

async function errorOf(p: Promise<unknown>): Promise<MongoServerError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MongoServerError) return e;
    throw e;
  }
  throw new Error("expected a server error");
}

describe("embedded-mongo: mongod semantics", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("semantics"));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  describe("update operators", () => {
    it("applies $push modifiers ($sort, $slice, $position) on a field that does not exist yet", async () => {
      const coll = db.collection<AnyDoc>("push_missing");
      await coll.insertOne({ _id: 1 });
      await coll.updateOne({ _id: 1 }, { $push: { sorted: { $each: [3, 1, 2], $sort: 1 }, sliced: { $each: [3, 1, 2], $slice: 2 }, placed: { $each: [5, 6], $position: 0 } } } as never);
      expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, sorted: [1, 2, 3], sliced: [3, 1], placed: [5, 6] });
    });

    it("refuses $push onto a string (2) and a field under a string (28), changing nothing", async () => {
      const coll = db.collection<AnyDoc>("push_string");
      await coll.insertOne({ _id: 1, s: "text" });
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $push: { s: 1 } } as never))).code).toBe(2);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $set: { "s.x": 1 } }))).code).toBe(28);
      expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, s: "text" });
    });
  });

  describe("aggregation", () => {
    it("$bucket puts a value equal to a boundary into the bucket it opens, and builds no empty buckets", async () => {
      const coll = db.collection<AnyDoc>("bucket");
      await coll.insertMany([{ v: 0 }, { v: 9 }, { v: 10 }, { v: 25 }]);
      const out = await coll.aggregate([{ $bucket: { groupBy: "$v", boundaries: [0, 10, 20, 30] } }]).toArray();
      expect(out).toEqual([
        { _id: 0, count: 2 },
        { _id: 10, count: 1 },
        { _id: 20, count: 1 },
      ]);
    });

    it("$setWindowFields computes running $sum and $avg", async () => {
      const coll = db.collection<AnyDoc>("window");
      await coll.insertMany([{ _id: 1, v: 5 }, { _id: 2, v: 10 }, { _id: 3, v: 15 }]);
      const out = await coll
        .aggregate([{ $setWindowFields: { sortBy: { _id: 1 }, output: { total: { $sum: "$v", window: { documents: ["unbounded", "current"] } }, mean: { $avg: "$v" } } } }])
        .toArray();
      expect(out.map((d) => [d.total, d.mean])).toEqual([
        [5, 10],
        [15, 10],
        [30, 10],
      ]);
    });

    it("answers mongod's codes: $group without _id (15955), $changeStream on a standalone (40573), replSetGetStatus (76)", async () => {
      const coll = db.collection<AnyDoc>("codes");
      await coll.insertOne({ x: 1 });
      expect((await errorOf(coll.aggregate([{ $group: { n: { $sum: 1 } } }]).toArray())).code).toBe(15955);
      expect((await errorOf(coll.aggregate([{ $changeStream: {} }]).toArray())).code).toBe(40573);
      expect((await errorOf(client.db("admin").command({ replSetGetStatus: 1 }))).code).toBe(76);
    });

    it("refuses unknown expressions (168) and conflicting update paths (40) before mingo runs", async () => {
      const coll = db.collection<AnyDoc>("checked");
      await coll.insertOne({ _id: 1, a: { b: 1 } });
      expect((await errorOf(coll.aggregate([{ $project: { x: { $nope: "$a" } } }]).toArray())).code).toBe(168);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $set: { a: 1, "a.b": 2 } }))).code).toBe(40);
      expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: { b: 1 } });
    });
  });

  describe("numbers", () => {
    it("keeps a Long above 2^53 exact, compares Decimal128 with equal numbers, increments both exactly", async () => {
      const coll = db.collection<AnyDoc>("numbers");
      const big = Long.fromString("9007199254740993");
      await coll.insertOne({ _id: 1, big, dec: Decimal128.fromString("2.5"), i: new Int32(7), d: new Double(1.5) });
      const raw = await coll.findOne({ _id: 1 }, { promoteLongs: false });
      expect(String(raw?.big)).toBe("9007199254740993");
      expect(await coll.countDocuments({ dec: 2.5 })).toBe(1);
      expect(await coll.countDocuments({ big: { $gt: 9007199254740992 } })).toBe(1);
      expect(await coll.countDocuments({ d: { $type: "double" } })).toBe(1);
      await coll.updateOne({ _id: 1 }, { $inc: { dec: 1, big: 2 } });
      const after = await coll.findOne({ _id: 1 }, { promoteLongs: false });
      expect(String(after?.dec)).toBe("3.5");
      expect(after?.dec).toBeInstanceOf(Decimal128);
      expect(String(after?.big)).toBe("9007199254740995");
    });
  });

  describe("indexes", () => {
    it("a unique index with a collation enforces uniqueness under that collation", async () => {
      const coll = db.collection<AnyDoc>("collated_unique");
      await coll.createIndex({ name: 1 }, { unique: true, collation: { locale: "en", strength: 2 } });
      await coll.insertOne({ name: "Ada" });
      expect((await errorOf(coll.insertOne({ name: "ADA" }))).code).toBe(11000);
      await coll.insertOne({ name: "Bob" });
      expect(await coll.countDocuments({})).toBe(2);
    });

    it("refuses a 65th index (67), unique on _id (197), writes to system.* (73)", async () => {
      const coll = db.collection<AnyDoc>("many_indexes");
      for (let i = 0; i < 63; i++) await coll.createIndex({ [`f${i}`]: 1 });
      expect((await coll.indexes()).length).toBe(64);
      expect((await errorOf(coll.createIndex({ extra: 1 }))).code).toBe(67);
      expect((await errorOf(coll.createIndex({ _id: 1 }, { unique: true }))).code).toBe(197);
      expect((await errorOf(db.collection("system.things").insertOne({ x: 1 }))).code).toBe(73);
    });

    it("refuses documents nested deeper than 100 levels", async () => {
      let deep: AnyDoc = { leaf: 1 };
      for (let i = 0; i < 100; i++) deep = { d: deep };
      const err = await errorOf(db.collection<AnyDoc>("deep").insertOne(deep));
      expect(err.code).toBe(15);
      let ok: AnyDoc = { leaf: 1 };
      for (let i = 0; i < 90; i++) ok = { d: ok };
      await db.collection<AnyDoc>("deep").insertOne(ok);
    });
  });

  describe("collections", () => {
    it("a capped collection keeps only its newest documents, in insertion order", async () => {
      await db.createCollection("capped", { capped: true, size: 1_000_000, max: 3 });
      const coll = db.collection<AnyDoc>("capped");
      for (let i = 1; i <= 5; i++) await coll.insertOne({ _id: i });
      expect((await coll.find().toArray()).map((d) => d._id)).toEqual([3, 4, 5]);
      const stats = await coll.aggregate([{ $collStats: { storageStats: {} } }]).toArray();
      expect(stats[0].storageStats).toMatchObject({ capped: true, count: 3, max: 3 });
    });

    it("enforces a $jsonSchema validator (121) as validationLevel and validationAction say", async () => {
      const validator = { $jsonSchema: { bsonType: "object", required: ["name"], properties: { name: { bsonType: "string" }, age: { bsonType: "int", minimum: 0 } } } };
      await db.createCollection("validated", { validator });
      const coll = db.collection<AnyDoc>("validated");
      await coll.insertOne({ _id: 1, name: "Ada", age: 36 });
      const refused = await errorOf(coll.insertOne({ _id: 2, age: 3 }));
      expect(refused.code).toBe(121);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $set: { age: -1 } }))).code).toBe(121);
      await coll.insertOne({ _id: 3 }, { bypassDocumentValidation: true });
      // moderate: documents that were already invalid may still be updated
      await db.command({ collMod: "validated", validationLevel: "moderate" });
      await coll.updateOne({ _id: 3 }, { $set: { note: "still invalid" } });
      await db.command({ collMod: "validated", validationAction: "warn", validationLevel: "strict" });
      await coll.insertOne({ _id: 4 });
      expect(await coll.countDocuments({})).toBe(3);
    });

    it("views run their pipeline on reads and refuse writes (166)", async () => {
      const source = db.collection<AnyDoc>("people");
      await source.insertMany([{ _id: 1, name: "Ada", active: true }, { _id: 2, name: "Bob", active: false }, { _id: 3, name: "Cy", active: true }]);
      await db.createCollection("active_people", { viewOn: "people", pipeline: [{ $match: { active: true } }, { $project: { active: 0 } }] });
      const view = db.collection<AnyDoc>("active_people");
      expect(await view.find({}, { sort: { _id: -1 } }).toArray()).toEqual([{ _id: 3, name: "Cy" }, { _id: 1, name: "Ada" }]);
      expect(await view.countDocuments({ name: "Ada" })).toBe(1);
      expect(await view.estimatedDocumentCount()).toBe(2);
      expect(await view.distinct("name")).toEqual(["Ada", "Cy"]);
      const [info] = await db.listCollections({ name: "active_people" }).toArray();
      expect(info.type).toBe("view");
      expect((await errorOf(view.insertOne({ name: "Di" }))).code).toBe(166);
      expect((await errorOf(view.createIndex({ name: 1 }))).code).toBe(166);
    });

    it("answers collStats, currentOp and collMod of an index's TTL", async () => {
      const coll = db.collection<AnyDoc>("stats");
      await coll.insertMany([{ a: 1 }, { a: 2 }]);
      await coll.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
      const stats = await db.command({ collStats: "stats" });
      expect(stats).toMatchObject({ ns: `${db.databaseName}.stats`, count: 2, nindexes: 2 });
      const ops = await client.db("admin").command({ currentOp: 1 });
      expect(Array.isArray(ops.inprog)).toBe(true);
      const mod = await db.command({ collMod: "stats", index: { keyPattern: { at: 1 }, expireAfterSeconds: 60 } });
      expect(mod).toMatchObject({ expireAfterSeconds_old: 3600, expireAfterSeconds_new: 60 });
      expect((await coll.indexes()).find((i) => i.name === "at_1")?.expireAfterSeconds).toBe(60);
    });
  });

  it("a TTL index's monitor removes expired documents and keeps the others", async () => {
    const server = await startEmbeddedMongo({ ttlMonitorSleepSecs: 0.2 });
    const ttlClient = await new MongoClient(server.url).connect();
    try {
      const coll = ttlClient.db("ttl").collection<AnyDoc>("sessions");
      await coll.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
      await coll.insertMany([{ _id: "old", at: new Date(Date.now() - 3_600_000) }, { _id: "new", at: new Date() }, { _id: "none" }]);
      while ((await coll.countDocuments({ _id: "old" })) > 0) await new Promise((r) => setTimeout(r, 50));
      expect((await coll.find({}, { sort: { _id: 1 } }).toArray()).map((d) => d._id)).toEqual(["new", "none"]);
    } finally {
      await ttlClient.close();
      await server.stop();
    }
  });
});
