import { MongoClient, type Collection, type Db } from "mongodb";
import type { AnyDoc } from "./helpers";
import { startTestDatabase, type TestDatabase } from "../support/database";

describe("embedded-mongo: text index and $text", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  let coll: Collection<AnyDoc>;

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("text"));
    coll = db.collection<AnyDoc>("resources");
    await coll.insertMany([
      { _id: 1, title: "Teaching Fractions with Pizza", body: "A hands-on lesson plan for fractions", grade: 4 },
      { _id: 2, title: "Photosynthesis Lab", body: "Students measure how plants grow in light", grade: 7 },
      { _id: 3, title: "Fraction Games", body: "Games for practising fractions and decimals. Fractions everywhere!", grade: 5 },
      { _id: 4, title: "Poetry Workshop", body: "Writing haiku about PIZZA and the seasons", grade: 8 },
      { _id: 5, title: "Untitled", grade: 3 },
    ]);
    await coll.createIndex({ title: "text", body: "text" }, { weights: { title: 3 }, name: "resources_text" });
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  it("lists the text index as mongod does", async () => {
    const index = (await coll.listIndexes().toArray()).find((i) => i.name === "resources_text");
    expect(index).toMatchObject({ key: { _fts: "text", _ftsx: 1 }, weights: { title: 3, body: 1 }, default_language: "english" });
  });

  it("matches terms case-insensitively, with stemming and any term", async () => {
    const ids = async (search: string, filter: object = {}): Promise<number[]> =>
      (await coll.find({ $text: { $search: search }, ...filter }).toArray()).map((d) => d._id as number).sort();
    expect(await ids("FRACTIONS")).toEqual([1, 3]);
    expect(await ids("fraction")).toEqual([1, 3]);
    expect(await ids("pizza plants")).toEqual([1, 2, 4]);
    expect(await ids("pizza", { grade: { $gte: 5 } })).toEqual([4]);
    expect(await ids("pizza -poetry")).toEqual([1]);
    expect(await ids('"lesson plan"')).toEqual([1]);
    expect(await ids("nothingmatches")).toEqual([]);
    expect(await coll.countDocuments({ $text: { $search: "games" } })).toBe(1);
  });

  it("sorts and projects by { $meta: 'textScore' }", async () => {
    const docs = await coll
      .find({ $text: { $search: "fractions pizza" } }, { projection: { score: { $meta: "textScore" }, title: 1 } })
      .sort({ score: { $meta: "textScore" } })
      .toArray();
    expect(docs.map((d) => d._id)).toHaveLength(3);
    for (const d of docs) expect(typeof d.score).toBe("number");
    const scores = docs.map((d) => d.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // A title match weighs more than a body match: "Fraction Games" / "Teaching Fractions with Pizza" outrank the poem.
    expect(docs[docs.length - 1]._id).toBe(4);
    expect(Object.keys(docs[0]).sort()).toEqual(["_id", "score", "title"]);
  });

  it("supports $text in an aggregate's first $match with $meta", async () => {
    const docs = await coll
      .aggregate([
        { $match: { $text: { $search: "fractions" } } },
        { $sort: { score: { $meta: "textScore" } } },
        { $project: { _id: 1, score: { $meta: "textScore" } } },
      ])
      .toArray();
    expect(docs.map((d) => d._id).sort()).toEqual([1, 3]);
    expect(docs[0].score).toBeGreaterThanOrEqual(docs[1].score);
  });

  it("keeps the text index up to date on writes", async () => {
    await coll.insertOne({ _id: 6, title: "Volcano models", body: "Baking soda eruptions" });
    expect((await coll.find({ $text: { $search: "volcanoes" } }).toArray()).map((d) => d._id)).toEqual([6]);
    await coll.updateOne({ _id: 6 }, { $set: { title: "Earthquake drills" } });
    expect(await coll.find({ $text: { $search: "volcano" } }).toArray()).toEqual([]);
    expect((await coll.find({ $text: { $search: "earthquakes" } }).toArray()).map((d) => d._id)).toEqual([6]);
    await coll.deleteOne({ _id: 6 });
    expect(await coll.find({ $text: { $search: "earthquake" } }).toArray()).toEqual([]);
  });

  it("requires a text index", async () => {
    await db.collection<AnyDoc>("plain").insertOne({ a: "x" });
    await expect(db.collection<AnyDoc>("plain").find({ $text: { $search: "x" } }).toArray()).rejects.toMatchObject({ code: 27 });
  });
});
