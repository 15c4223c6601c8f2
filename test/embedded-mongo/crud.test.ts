import { loadConfig } from "../../config";
import { MongoClient, ObjectId, type Db } from "mongodb";
import { isStandalone, type AnyDoc } from "./helpers";
import { startTestDatabase, type TestDatabase } from "../support/database";

describe("embedded-mongo: CRUD through the official driver", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("crud"));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  it("answers ping and reports a 7.0 standalone", async () => {
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const hello = await db.admin().command({ hello: 1 });
    expect(hello.isWritablePrimary).toBe(true);
    if (!loadConfig("test").MONGODB_URL) {
      expect(hello.setName).toBeUndefined();
      expect((await db.admin().command({ buildInfo: 1 })).version).toBe("7.0.0");
    }
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(9);
    expect(typeof hello.logicalSessionTimeoutMinutes).toBe("number");
  });

  it("inserts, finds, updates and deletes", async () => {
    const coll = db.collection<AnyDoc>("people");
    const { insertedId } = await coll.insertOne({ name: "Ada", age: 36 });
    expect(insertedId).toBeInstanceOf(ObjectId);
    await coll.insertMany([
      { _id: new ObjectId(), name: "Grace", age: 45 },
      { name: "Linus", age: 28, tags: ["kernel", "git"] },
    ]);
    expect(await coll.countDocuments()).toBe(3);
    expect(await coll.find({ age: { $gt: 30 } }, { sort: { age: -1 }, projection: { _id: 0, name: 1 } }).toArray()).toEqual([
      { name: "Grace" },
      { name: "Ada" },
    ]);
    expect(await coll.findOne({ tags: "git" })).toMatchObject({ name: "Linus" });
    const upd = await coll.updateMany({ age: { $lt: 40 } }, { $inc: { age: 1 }, $set: { young: true } });
    expect(upd).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const ups = await coll.updateOne({ name: "Alan" }, { $set: { age: 41 }, $setOnInsert: { created: true } }, { upsert: true });
    expect(ups.upsertedCount).toBe(1);
    expect(await coll.findOne({ name: "Alan" }, { projection: { _id: 0 } })).toEqual({ name: "Alan", age: 41, created: true });
    const after = await coll.findOneAndUpdate({ name: "Ada" }, { $push: { tags: "math" } } as never, { returnDocument: "after" });
    expect(after?.tags).toEqual(["math"]);
    expect(await coll.distinct("young")).toEqual([true]);
    expect((await coll.deleteMany({ young: true })).deletedCount).toBe(2);
    expect(await coll.estimatedDocumentCount()).toBe(2);
  });

  it("keeps _id first and immutable", async () => {
    const coll = db.collection<AnyDoc>("ids");
    await coll.insertOne({ a: 1, _id: 7 });
    const raw = await coll.findOne({ _id: 7 });
    expect(Object.keys(raw!)[0]).toBe("_id");
    await expect(coll.updateOne({ _id: 7 }, { $set: { _id: 8 } })).rejects.toMatchObject({ code: 66 });
    await expect(coll.replaceOne({ _id: 7 }, { _id: 9, a: 2 })).rejects.toMatchObject({ code: 66 });
    expect(await coll.updateOne({ _id: 7 }, { $set: { _id: 7, a: 3 } })).toMatchObject({ modifiedCount: 1 });
  });

  it("sorts across BSON types in MongoDB's order", async () => {
    const coll = db.collection<AnyDoc>("mixed");
    const oid = new ObjectId();
    const date = new Date(0);
    await coll.insertMany([
      { _id: 1, v: "b" },
      { _id: 2, v: 10 },
      { _id: 3, v: null },
      { _id: 4, v: { x: 1 } },
      { _id: 5, v: true },
      { _id: 6, v: date },
      { _id: 7, v: oid },
      { _id: 8 },
      { _id: 9, v: 2.5 },
      { _id: 10, v: "a" },
      { _id: 11, v: [0, 100] },
    ]);
    const asc = (await coll.find({}, { sort: { v: 1, _id: 1 } }).toArray()).map((d) => d._id);
    // null/missing, numbers (array sorts by its smallest element), strings, objects, ObjectId, bool, date
    expect(asc).toEqual([3, 8, 11, 9, 2, 10, 1, 4, 7, 5, 6]);
  });

  it("updates with arrayFilters, positional operator and pipelines", async () => {
    const coll = db.collection<AnyDoc>("arrays");
    await coll.insertOne({ _id: 1, grades: [{ g: 80 }, { g: 95 }, { g: 60 }], xs: [1, 2, 3] });
    await coll.updateOne({ _id: 1 }, { $set: { "grades.$[high].top": true } }, { arrayFilters: [{ "high.g": { $gte: 90 } }] });
    await coll.updateOne({ _id: 1, xs: 2 }, { $set: { "xs.$": 20 } });
    await coll.updateOne({ _id: 1 }, [{ $set: { total: { $sum: "$xs" } } }]);
    expect(await coll.findOne({ _id: 1 })).toEqual({
      _id: 1,
      grades: [{ g: 80 }, { g: 95, top: true }, { g: 60 }],
      xs: [1, 20, 3],
      total: 24,
    });
  });

  it("returns large results through cursors and getMore", async () => {
    const coll = db.collection<AnyDoc>("many");
    await coll.insertMany(Array.from({ length: 1050 }, (_, i) => ({ i })));
    const cursor = coll.find({}, { batchSize: 100, sort: { i: 1 } });
    let n = 0;
    for await (const doc of cursor) {
      expect(doc.i).toBe(n);
      n++;
    }
    expect(n).toBe(1050);
    const limited = await coll.find({}).skip(1000).limit(30).toArray();
    expect(limited.map((d) => d.i)).toEqual(Array.from({ length: 30 }, (_, k) => 1000 + k));
    const early = coll.find({}, { batchSize: 10 });
    await early.next();
    await early.close();
  });

  it("aggregates: $match $group $sort $project $unwind $lookup $facet $count $sortByCount $out", async () => {
    const orders = db.collection<AnyDoc>("orders");
    const customers = db.collection<AnyDoc>("customers");
    await customers.insertMany([
      { _id: "c1", name: "Ann" },
      { _id: "c2", name: "Bob" },
    ]);
    await orders.insertMany([
      { customer: "c1", items: ["pen", "ink"], total: 10 },
      { customer: "c1", items: ["pad"], total: 5 },
      { customer: "c2", items: ["pen"], total: 7 },
    ]);
    const grouped = await orders
      .aggregate([
        { $match: { total: { $gte: 5 } } },
        { $group: { _id: "$customer", sum: { $sum: "$total" }, n: { $sum: 1 } } },
        { $lookup: { from: "customers", localField: "_id", foreignField: "_id", as: "who" } },
        { $unwind: "$who" },
        { $addFields: { name: "$who.name" } },
        { $project: { _id: 0, name: 1, sum: 1, n: 1 } },
        { $sort: { sum: -1 } },
      ])
      .toArray();
    expect(grouped).toEqual([
      { sum: 15, n: 2, name: "Ann" },
      { sum: 7, n: 1, name: "Bob" },
    ]);
    const [facets] = await orders
      .aggregate([
        {
          $facet: {
            count: [{ $count: "n" }],
            items: [{ $unwind: "$items" }, { $sortByCount: "$items" }, { $limit: 1 }],
            paged: [{ $sort: { total: 1 } }, { $skip: 1 }, { $limit: 1 }, { $project: { _id: 0, total: 1 } }],
          },
        },
      ])
      .toArray();
    expect(facets).toEqual({ count: [{ n: 3 }], items: [{ _id: "pen", count: 2 }], paged: [{ total: 7 }] });
    await orders.aggregate([{ $match: { customer: "c1" } }, { $project: { total: 1 } }, { $out: "c1orders" }]).toArray();
    expect(await db.collection<AnyDoc>("c1orders").countDocuments()).toBe(2);
  });

  it("lists, creates and drops collections and databases", async () => {
    const other = client.db(database.uniqueDbName("crud_other"));
    await other.createCollection("one");
    await other.collection<AnyDoc>("two").insertOne({ x: 1 });
    const names = (await other.listCollections().toArray()).map((c) => c.name).sort();
    expect(names).toEqual(["one", "two"]);
    const dbs = await client.db().admin().listDatabases();
    expect(dbs.databases.map((d) => d.name)).toContain(other.databaseName);
    expect(await other.collection<AnyDoc>("two").drop()).toBe(true);
    await other.dropDatabase();
    const after = await client.db().admin().listDatabases();
    expect(after.databases.map((d) => d.name)).not.toContain(other.databaseName);
  });

  it("answers an unknown command with CommandNotFound", async () => {
    await expect(db.command({ noSuchCommandHere: 1 })).rejects.toMatchObject({ code: 59, codeName: "CommandNotFound" });
  });

  it("rejects transactions as a standalone does", async () => {
    if (!(await isStandalone(db))) return; // replica sets and mongos accept transactions
    const coll = db.collection<AnyDoc>("txn");
    await coll.insertOne({ a: 1 });
    const session = client.startSession();
    try {
      session.startTransaction();
      await expect(coll.insertOne({ a: 2 }, { session })).rejects.toThrow();
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
    // The raw command gets mongod's error.
    await expect(
      db.command({ find: "txn", filter: {}, txnNumber: 1, autocommit: false, startTransaction: true }),
    ).rejects.toMatchObject({ code: 20 });
    expect(await coll.countDocuments()).toBe(1);
  });
});
