import { MongoBulkWriteError, MongoClient, MongoServerError, type Collection, type Db } from "mongodb";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { firstField, stagesNamed, type AnyDoc } from "./helpers";

describe("embedded-mongo: indexes", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("indexes"));
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  async function seeded(name: string, n: number): Promise<Collection<AnyDoc>> {
    const coll = db.collection<AnyDoc>(name);
    await coll.insertMany(Array.from({ length: n }, (_, i) => ({ _id: i, code: `c${String(i).padStart(5, "0")}`, group: i % 10, n: i, tags: [`t${i % 3}`, `u${i % 5}`] })));
    return coll;
  }

  it("uses an index for equality, $in and ranges instead of scanning", async () => {
    const coll = await seeded("lookup", 2000);
    await coll.createIndex({ code: 1 });
    await coll.createIndex({ n: 1 });

    const eq = await coll.find({ code: "c01234" }).explain("executionStats");
    expect(stagesNamed(eq, "IXSCAN").length).toBeGreaterThan(0);
    expect(stagesNamed(eq, "COLLSCAN")).toHaveLength(0);
    expect(firstField(eq, "totalDocsExamined")).toBe(1);
    expect(firstField(eq, "nReturned")).toBe(1);

    const inQuery = await coll.find({ code: { $in: ["c00001", "c00500", "c01999", "nope"] } }).explain("executionStats");
    expect(stagesNamed(inQuery, "IXSCAN").length).toBeGreaterThan(0);
    expect(firstField(inQuery, "totalDocsExamined")).toBe(3);

    const range = await coll.find({ n: { $gte: 100, $lt: 110 } }).explain("executionStats");
    expect(stagesNamed(range, "IXSCAN").length).toBeGreaterThan(0);
    expect(firstField(range, "totalDocsExamined")).toBe(10);

    const byId = await coll.find({ _id: 42 }).explain("executionStats");
    expect(firstField(byId, "totalDocsExamined")).toBe(1);

    const scan = await coll.find({ group: 3 }).explain("executionStats");
    expect(stagesNamed(scan, "COLLSCAN").length).toBeGreaterThan(0);
    expect(firstField(scan, "totalDocsExamined")).toBe(2000);

    // The results are the same as without the index.
    expect((await coll.find({ n: { $gte: 100, $lt: 110 } }).toArray()).map((d) => d._id)).toEqual(Array.from({ length: 10 }, (_, i) => 100 + i));
    expect(await coll.countDocuments({ code: { $in: ["c00001", "c00500"] } })).toBe(2);
  });

  it("uses an index for an aggregate's leading $match", async () => {
    const coll = db.collection<AnyDoc>("lookup");
    const explain = await coll.aggregate([{ $match: { code: "c00007" } }, { $group: { _id: "$group", n: { $sum: 1 } } }]).explain("executionStats");
    expect(stagesNamed(explain, "IXSCAN").length).toBeGreaterThan(0);
    expect(firstField(explain, "totalDocsExamined")).toBe(1);
    expect(await coll.aggregate([{ $match: { code: "c00007" } }, { $project: { _id: 0, n: 1 } }]).toArray()).toEqual([{ n: 7 }]);
  });

  it("indexes array elements (multikey) and compound keys", async () => {
    const coll = await seeded("multikey", 300);
    await coll.createIndex({ tags: 1 });
    await coll.createIndex({ group: 1, n: -1 });
    const tagged = await coll.find({ tags: "u4" }).explain("executionStats");
    expect(stagesNamed(tagged, "IXSCAN").length).toBeGreaterThan(0);
    expect(firstField(tagged, "totalDocsExamined")).toBe(60);
    expect(await coll.countDocuments({ tags: "u4" })).toBe(60);

    const compound = await coll.find({ group: 7, n: { $gt: 250 } }).explain("executionStats");
    expect(stagesNamed(compound, "IXSCAN").length).toBeGreaterThan(0);
    expect(firstField(compound, "totalDocsExamined")).toBe(5);
    const docs = await coll.find({ group: 7, n: { $gt: 250 } }, { sort: { n: -1 } }).toArray();
    expect(docs.map((d) => d.n)).toEqual([297, 287, 277, 267, 257]);
  });

  it("lists and drops indexes", async () => {
    const coll = db.collection<AnyDoc>("listing");
    await coll.insertOne({ a: 1 });
    expect(await coll.createIndexes([{ key: { a: 1 } }, { key: { b: -1 }, name: "b_desc", sparse: true }])).toEqual(["a_1", "b_desc"]);
    const indexes = await coll.listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toEqual(["_id_", "a_1", "b_desc"]);
    expect(indexes[2]).toMatchObject({ key: { b: -1 }, sparse: true });
    await coll.dropIndex("a_1");
    expect((await coll.indexes()).map((i) => i.name)).toEqual(["_id_", "b_desc"]);
    await expect(coll.dropIndex("nope")).rejects.toMatchObject({ code: 27 });
    await expect(coll.dropIndex("_id_")).rejects.toBeInstanceOf(MongoServerError);
    await expect(db.collection<AnyDoc>("no_such_collection").listIndexes().toArray()).rejects.toMatchObject({ code: 26 });
    await expect(coll.createIndex({ b: 1 }, { name: "b_desc" })).rejects.toMatchObject({ code: 86 });
  });

  it("enforces unique indexes with E11000 (code 11000)", async () => {
    const coll = db.collection<AnyDoc>("unique");
    await coll.createIndex({ email: 1 }, { unique: true });
    await coll.insertOne({ email: "a@x.org" });
    const error = await coll.insertOne({ email: "a@x.org" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect(error).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: "a@x.org" } });
    expect((error as Error).message).toContain("E11000 duplicate key error");

    const bulk = await coll.insertMany([{ email: "b@x.org" }, { email: "a@x.org" }, { email: "c@x.org" }], { ordered: false }).catch((e: unknown) => e);
    expect(bulk).toBeInstanceOf(MongoBulkWriteError);
    expect((bulk as MongoBulkWriteError).insertedCount).toBe(2);
    expect((bulk as MongoBulkWriteError).writeErrors).toMatchObject([{ index: 1, code: 11000 }]);

    await expect(coll.updateOne({ email: "b@x.org" }, { $set: { email: "c@x.org" } })).rejects.toMatchObject({ code: 11000 });
    await expect(coll.findOneAndUpdate({ email: "b@x.org" }, { $set: { email: "a@x.org" } })).rejects.toMatchObject({ code: 11000 });
    expect(await coll.countDocuments({ email: "b@x.org" })).toBe(1);

    await expect(coll.insertOne({ _id: (await coll.findOne({ email: "b@x.org" }))!._id, email: "z@x.org" })).rejects.toMatchObject({
      code: 11000,
      keyPattern: { _id: 1 },
    });
  });

  it("refuses to build a unique index over duplicates; sparse and partial unique indexes skip documents", async () => {
    const coll = db.collection<AnyDoc>("unique_build");
    await coll.insertMany([{ k: 1 }, { k: 1 }, { other: true }, { other: true }]);
    await expect(coll.createIndex({ k: 1 }, { unique: true })).rejects.toMatchObject({ code: 11000 });
    expect((await coll.indexes()).map((i) => i.name)).toEqual(["_id_"]);
    await coll.deleteOne({ k: 1 });
    await coll.createIndex({ k: 1 }, { unique: true, sparse: true });
    await coll.insertOne({ other: 3 });
    await expect(coll.insertOne({ k: 1 })).rejects.toMatchObject({ code: 11000 });

    const partial = db.collection<AnyDoc>("unique_partial");
    await partial.createIndex({ slug: 1 }, { unique: true, partialFilterExpression: { published: true } });
    await partial.insertMany([
      { slug: "x", published: false },
      { slug: "x", published: false },
      { slug: "x", published: true },
    ]);
    await expect(partial.insertOne({ slug: "x", published: true })).rejects.toMatchObject({ code: 11000 });
  });

  it("treats missing fields as null in a unique index", async () => {
    const coll = db.collection<AnyDoc>("unique_null");
    await coll.createIndex({ tag: 1 }, { unique: true });
    await coll.insertOne({ name: "first" });
    await expect(coll.insertOne({ name: "second" })).rejects.toMatchObject({ code: 11000 });
    expect(await coll.find({ tag: null }).toArray()).toHaveLength(1);
  });
});
