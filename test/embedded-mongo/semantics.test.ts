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

    it("applies $each with $position, $sort and $slice together on a missing field, as on an existing one", async () => {
      const coll = db.collection<AnyDoc>("push_combined");
      await coll.insertMany([{ _id: 1 }, { _id: 2, v: [9] }]);
      const modifiers = { $each: [5, 1, 4, 2], $position: 0, $sort: -1, $slice: 3 };
      await coll.updateMany({}, { $push: { v: modifiers } } as never);
      expect(await coll.find({}, { sort: { _id: 1 } }).toArray()).toEqual([
        { _id: 1, v: [5, 4, 2] },
        { _id: 2, v: [9, 5, 4] },
      ]);
      await coll.updateOne({ _id: 1 }, { $push: { w: { $each: [3, 1, 2], $slice: -2 } } } as never);
      expect((await coll.findOne({ _id: 1 }))?.w).toEqual([1, 2]);
    });

    it("refuses $push onto a string (2) and a field under a string (28), changing nothing", async () => {
      const coll = db.collection<AnyDoc>("push_string");
      await coll.insertOne({ _id: 1, s: "text" });
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $push: { s: 1 } } as never))).code).toBe(2);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $set: { "s.x": 1 } }))).code).toBe(28);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $addToSet: { s: 1 } } as never))).code).toBe(2);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $set: { "s.0": "T" } }))).code).toBe(28);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $inc: { "s.n": 1 } }))).code).toBe(28);
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

    it("$bucket sends values outside the boundaries to its default, and without one refuses them (40066)", async () => {
      const coll = db.collection<AnyDoc>("bucket_default");
      await coll.insertMany([{ v: 5 }, { v: 30 }, { v: "text" }]);
      const out = await coll.aggregate([{ $bucket: { groupBy: "$v", boundaries: [0, 10, 30], default: "other", output: { n: { $sum: 1 } } } }]).toArray();
      expect(out).toEqual([
        { _id: 0, n: 1 },
        { _id: "other", n: 2 },
      ]);
      expect((await errorOf(coll.aggregate([{ $bucket: { groupBy: "$v", boundaries: [0, 10, 30] } }]).toArray())).code).toBe(40066);
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
      // the driver's change stream sends the same $changeStream stage
      const stream = coll.watch();
      expect((await errorOf(stream.tryNext())).code).toBe(40573);
      await stream.close();
    });

    it("refuses unknown expressions (168) and conflicting update paths (40) before mingo runs", async () => {
      const coll = db.collection<AnyDoc>("checked");
      await coll.insertOne({ _id: 1, a: { b: 1 } });
      expect((await errorOf(coll.aggregate([{ $project: { x: { $nope: "$a" } } }]).toArray())).code).toBe(168);
      expect((await errorOf(coll.updateOne({ _id: 1 }, { $set: { a: 1, "a.b": 2 } }))).code).toBe(40);
      expect(await coll.findOne({ _id: 1 })).toEqual({ _id: 1, a: { b: 1 } });
    });
  });

  describe("queries", () => {
    it("matches an array listed in $in against the whole field, as $eq does, with and without an index", async () => {
      const coll = db.collection<AnyDoc>("in_arrays");
      await coll.insertMany([{ _id: 1, f: [] }, { _id: 2 }, { _id: 3, f: null }, { _id: 4, f: [1] }, { _id: 5, f: [[]] }]);
      const ids = async (filter: AnyDoc) => (await coll.find(filter).sort({ _id: 1 }).toArray()).map((doc) => doc._id);
      for (const indexed of [false, true]) {
        if (indexed) await coll.createIndex({ f: 1 });
        expect(await ids({ f: { $in: [[]] } })).toEqual(await ids({ f: { $eq: [] } }));
        expect(await ids({ f: { $in: [[]] } })).toEqual([1, 5]);
        expect(await ids({ f: { $in: [[], null] } })).toEqual([1, 2, 3, 5]);
        expect(await ids({ f: { $nin: [[], null] } })).toEqual([4]);
      }
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
      expect((await errorOf(coll.updateOne({ name: "Bob" }, { $set: { name: "adA" } }))).code).toBe(11000);
      expect(await coll.countDocuments({})).toBe(2);
      // building such an index over values equal under its collation fails as well
      const other = db.collection<AnyDoc>("collated_build");
      await other.insertMany([{ name: "Zoë" }, { name: "ZOË" }]);
      expect((await errorOf(other.createIndex({ name: 1 }, { unique: true, collation: { locale: "en", strength: 2 } }))).code).toBe(11000);
      await other.createIndex({ name: 1 }, { unique: true, collation: { locale: "en", strength: 3 } });
    });

    it("refuses a 65th index (67), unique on _id (197), writes to system.* (73)", async () => {
      const coll = db.collection<AnyDoc>("many_indexes");
      for (let i = 0; i < 63; i++) await coll.createIndex({ [`f${i}`]: 1 });
      expect((await coll.indexes()).length).toBe(64);
      expect((await errorOf(coll.createIndex({ extra: 1 }))).code).toBe(67);
      expect((await errorOf(coll.createIndex({ _id: 1 }, { unique: true }))).code).toBe(197);
      expect((await errorOf(coll.createIndex({ _id: 1 }, { sparse: true }))).code).toBe(197);
      expect((await errorOf(db.collection("system.things").insertOne({ x: 1 }))).code).toBe(73);
      expect((await errorOf(db.createCollection("system.things"))).code).toBe(73);
    });

    it("refuses documents nested deeper than 100 levels", async () => {
      let deep: AnyDoc = { leaf: 1 };
      for (let i = 0; i < 100; i++) deep = { d: deep };
      const err = await errorOf(db.collection<AnyDoc>("deep").insertOne(deep));
      expect(err.code).toBe(15);
      let ok: AnyDoc = { leaf: 1 };
      for (let i = 0; i < 90; i++) ok = { d: ok };
      const { insertedId } = await db.collection<AnyDoc>("deep").insertOne(ok);
      // an update may not nest a document deeper either
      let deeper: AnyDoc = { leaf: 1 };
      for (let i = 0; i < 20; i++) deeper = { d: deeper };
      const nested = await errorOf(db.collection<AnyDoc>("deep").updateOne({ _id: insertedId }, { $set: { [`${"d.".repeat(89)}d`]: deeper } }));
      expect(nested.code).toBe(15);
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

    it("a capped collection with only a size drops its oldest documents past that size (at least 4096 bytes)", async () => {
      await db.createCollection("capped_size", { capped: true, size: 100 });
      const coll = db.collection<AnyDoc>("capped_size");
      const filler = "x".repeat(900); // 927 bytes of BSON per document
      for (let i = 1; i <= 10; i++) await coll.insertOne({ _id: i, filler });
      const kept = (await coll.find().toArray()).map((d) => d._id);
      expect(kept).toEqual([7, 8, 9, 10]); // four fit in 4096 bytes, a fifth would not
      const [stats] = await coll.aggregate([{ $collStats: { storageStats: {} } }]).toArray();
      expect(stats.storageStats.maxSize).toBe(4096);
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
      // the same schema as a query: the documents that satisfy it
      expect((await coll.find({ $jsonSchema: validator.$jsonSchema }).toArray()).map((d) => d._id)).toEqual([1]);
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
      expect(await view.aggregate([{ $group: { _id: null, n: { $sum: 1 } } }]).toArray()).toEqual([{ _id: null, n: 2 }]);
      const joined = await source.aggregate([{ $match: { _id: 2 } }, { $lookup: { from: "active_people", pipeline: [{ $sort: { _id: 1 } }], as: "active" } }]).toArray();
      expect(joined[0].active.map((d: AnyDoc) => d.name)).toEqual(["Ada", "Cy"]);
      // collMod changes what the view shows
      await db.command({ collMod: "active_people", viewOn: "people", pipeline: [{ $match: { active: false } }] });
      expect((await view.find().toArray()).map((d) => d.name)).toEqual(["Bob"]);
    });

    it("answers collStats, currentOp and collMod of an index's TTL", async () => {
      const coll = db.collection<AnyDoc>("stats");
      await coll.insertMany([{ a: 1 }, { a: 2 }]);
      await coll.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
      const stats = await db.command({ collStats: "stats" });
      expect(stats).toMatchObject({ ns: `${db.databaseName}.stats`, count: 2, nindexes: 2 });
      const scaled = await db.command({ collStats: "stats", scale: 1024 });
      expect(scaled).toMatchObject({ scaleFactor: 1024, size: Math.trunc(stats.size / 1024) });
      // what mongosh's db.coll.stats() reads
      const [viaStage] = await coll.aggregate([{ $collStats: { storageStats: { scale: 1 } } }]).toArray();
      for (const field of ["size", "count", "avgObjSize", "storageSize", "nindexes", "totalIndexSize", "totalSize", "indexSizes", "scaleFactor"]) expect(viaStage.storageStats).toHaveProperty(field);
      expect(viaStage.storageStats.indexSizes).toHaveProperty("at_1");
      const ops = await client.db("admin").command({ currentOp: 1 });
      expect(Array.isArray(ops.inprog)).toBe(true);
      const current = await client.db("admin").aggregate([{ $currentOp: {} }]).toArray();
      expect(current.length).toBeGreaterThan(0);
      const mod = await db.command({ collMod: "stats", index: { keyPattern: { at: 1 }, expireAfterSeconds: 60 } });
      expect(mod).toMatchObject({ expireAfterSeconds_old: 3600, expireAfterSeconds_new: 60 });
      expect((await coll.indexes()).find((i) => i.name === "at_1")?.expireAfterSeconds).toBe(60);
      await db.command({ collMod: "stats", index: { name: "at_1", hidden: true } });
      expect((await coll.indexes()).find((i) => i.name === "at_1")?.hidden).toBe(true);
      expect((await errorOf(db.command({ collMod: "no_such_collection", validationLevel: "off" }))).code).toBe(26);
    });
  });

  it("a TTL index's monitor removes expired documents and keeps the others", async () => {
    const server = await startEmbeddedMongo({ ttlMonitorSleepSecs: 0.2 });
    const ttlClient = await new MongoClient(server.url).connect();
    try {
      const coll = ttlClient.db("ttl").collection<AnyDoc>("sessions");
      await coll.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
      const hourAgo = new Date(Date.now() - 3_600_000);
      await coll.insertMany([
        { _id: "old", at: hourAgo },
        { _id: "new", at: new Date() },
        { _id: "none" },
        { _id: "text", at: "2000-01-01" },
        // an array expires by its earliest date
        { _id: "oldInArray", at: [new Date(), hourAgo] },
        { _id: "newArray", at: [new Date()] },
      ]);
      while ((await coll.countDocuments({ _id: { $in: ["old", "oldInArray"] } })) > 0) await new Promise((r) => setTimeout(r, 50));
      expect((await coll.find({}, { sort: { _id: 1 } }).toArray()).map((d) => d._id)).toEqual(["new", "newArray", "none", "text"]);
    } finally {
      await ttlClient.close();
      await server.stop();
    }
  });
});
