import { MongoClient, type Collection, type Db, type Sort } from "mongodb";
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

  it("scores from stored term frequencies with mongod's formula", async () => {
    const docs = await coll.find({ $text: { $search: "fractions" } }, { projection: { score: { $meta: "textScore" } } }).toArray();
    const score = new Map(docs.map((d) => [d._id, d.score as number]));
    // "Fraction Games" (weight 3): 3 x 1 x (0.5 x 1/2 + 0.5); body, 6 terms, "fractions" twice: 1 x (1 + 1/2) x (0.5 x 2/6 + 0.5)
    expect(score.get(3)).toBeCloseTo(2.25 + 1, 10);
    // "Teaching Fractions with Pizza": 3 x (0.5 x 1/3 + 0.5); "A hands-on lesson plan for fractions": 4 terms
    expect(score.get(1)).toBeCloseTo(2 + 0.625, 10);
    // several terms add up
    const both = await coll.find({ $text: { $search: "fractions pizza" } }, { projection: { score: { $meta: "textScore" } } }).toArray();
    const pizza = await coll.find({ $text: { $search: "pizza" } }, { projection: { score: { $meta: "textScore" } } }).toArray();
    const one = both.find((d) => d._id === 1)!.score as number;
    expect(one).toBeCloseTo(score.get(1)! + (pizza.find((d) => d._id === 1)!.score as number), 10);
  });

  describe("ranked pages and counts", () => {
    let ranked: Collection<AnyDoc>;
    const words = ["rubric", "portfolio", "coaching", "inquiry"];

    beforeAll(async () => {
      ranked = db.collection<AnyDoc>("ranked");
      // many ties: documents with the same words score the same
      await ranked.insertMany(
        Array.from({ length: 240 }, (_, i) => ({
          _id: `r${String((i * 37) % 240).padStart(3, "0")}`,
          title: `${words[i % 4]} ${i % 5 === 0 ? words[(i + 1) % 4] : "guide"}`,
          summary: i % 3 === 0 ? `${words[i % 4]} ${words[i % 4]} notes` : "notes",
          grade: i % 13,
          visibility: ["PUBLIC", "NETWORK", "PRIVATE"][i % 3],
          owner: { networkId: `n${i % 4}`, schoolId: i % 2 ? `s${i % 6}` : null },
          tags: [words[i % 4], `t${i % 7}`],
        })),
      );
      await ranked.createIndex({ title: "text", summary: "text", tags: "text" }, { weights: { title: 10, tags: 5 } });
    });

    const readable = { $or: [{ visibility: "PUBLIC" }, { visibility: "NETWORK", "owner.networkId": { $in: ["n1", "n2"] } }, { "owner.schoolId": null, "owner.networkId": "n3" }] };
    const filters: Array<Record<string, unknown>> = [
      { $text: { $search: "rubric" } },
      { $text: { $search: "rubric portfolio coaching" } },
      { $text: { $search: "rubrics guide" }, $and: [{ grade: { $gte: 3 } }, readable] },
      { $text: { $search: "inquiry notes" }, grade: { $lte: 9 }, tags: { $all: ["inquiry"] } },
      { $and: [{ $and: [{ $text: { $search: "coaching -guide" } }] }, { visibility: { $in: ["PUBLIC", "NETWORK"] } }] },
    ];

    it("pages by score then _id exactly as the full sort does", async () => {
      for (const filter of filters) {
        const all = await ranked.find(filter, { projection: { score: { $meta: "textScore" } } }).toArray();
        expect(all.length).toBeGreaterThan(0);
        const expected = [...all].sort((a, b) => b.score - a.score || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)).map((d) => d._id);
        const sorted = await ranked.find(filter, { projection: { score: { $meta: "textScore" } } }).sort({ score: { $meta: "textScore" }, _id: 1 }).toArray();
        expect(sorted.map((d) => d._id)).toEqual(expected);
        for (const [skip, limit] of [[0, 1], [0, 21], [5, 7], [20, 21], [expected.length - 3, 10], [expected.length + 5, 3]]) {
          const page = await ranked
            .find(filter, { projection: { score: { $meta: "textScore" } } })
            .sort({ score: { $meta: "textScore" }, _id: 1 })
            .skip(Math.max(0, skip))
            .limit(limit)
            .toArray();
          expect(page.map((d) => d._id)).toEqual(expected.slice(Math.max(0, skip), Math.max(0, skip) + limit));
          for (const d of page) expect(d.score).toBe(all.find((a) => a._id === d._id)!.score);
        }
        const aggregated = await ranked
          .aggregate([{ $match: filter }, { $sort: { score: { $meta: "textScore" }, _id: 1 } }, { $skip: 3 }, { $limit: 5 }, { $project: { score: { $meta: "textScore" } } }])
          .toArray();
        expect(aggregated.map((d) => d._id)).toEqual(expected.slice(3, 8));
      }
    });

    it("sorts ties by the other sort keys, descending too", async () => {
      const filter = { $text: { $search: "rubric portfolio" } };
      const all = await ranked.find(filter, { projection: { score: { $meta: "textScore" }, grade: 1 } }).toArray();
      const expected = [...all].sort((a, b) => b.score - a.score || b.grade - a.grade || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0)).map((d) => d._id);
      const page = await ranked.find(filter).sort({ score: { $meta: "textScore" }, grade: -1, _id: -1 }).skip(4).limit(9).toArray();
      expect(page.map((d) => d._id)).toEqual(expected.slice(4, 13));
    });

    it("counts $text hits with the other predicates, as find returns them", async () => {
      for (const filter of filters) {
        const found = (await ranked.find(filter).toArray()).length;
        expect(await ranked.countDocuments(filter)).toBe(found);
        expect(await ranked.countDocuments(filter, { skip: 2, limit: 5 })).toBe(Math.min(5, Math.max(0, found - 2)));
        expect((await db.command({ count: "ranked", query: filter })).n).toBe(found);
        expect(await ranked.aggregate([{ $match: filter }, { $count: "hits" }]).toArray()).toEqual([{ hits: found }]);
        expect(await ranked.aggregate([{ $match: filter }, { $group: { _id: null, n: { $sum: 1 }, twice: { $sum: 2 } } }]).toArray()).toEqual([
          { _id: null, n: found, twice: 2 * found },
        ]);
      }
      const none = { $text: { $search: "rubric" }, grade: { $gt: 100 } };
      expect(await ranked.countDocuments(none)).toBe(0);
      expect(await ranked.aggregate([{ $match: none }, { $count: "hits" }]).toArray()).toEqual([]);
      expect(await ranked.countDocuments({ $text: { $search: "nothingmatches" } })).toBe(0);
    });

    it("answers repeated searches from fresh data after every write", async () => {
      const filter = { $text: { $search: "coaching" }, grade: { $gte: 0 }, $and: [readable] };
      const page = () => ranked.find(filter, { projection: { score: { $meta: "textScore" } } }).sort({ score: { $meta: "textScore" }, _id: 1 }).limit(3).toArray();
      const before = await ranked.countDocuments(filter);
      const first = await page();
      expect(await ranked.countDocuments(filter)).toBe(before);
      await ranked.insertOne({ _id: "a-new", title: "coaching coaching coaching", grade: 1, visibility: "PUBLIC", owner: { networkId: "n0", schoolId: null }, tags: [] });
      expect(await ranked.countDocuments(filter)).toBe(before + 1);
      expect((await page())[0]._id).toBe("a-new");
      await ranked.updateOne({ _id: "a-new" }, { $set: { visibility: "PRIVATE" } });
      expect(await ranked.countDocuments(filter)).toBe(before);
      expect(await page()).toEqual(first);
      await ranked.updateOne({ _id: "a-new" }, { $set: { visibility: "PUBLIC" } });
      await ranked.deleteOne({ _id: "a-new" });
      expect(await ranked.countDocuments(filter)).toBe(before);
      expect(await page()).toEqual(first);
      // new weights, new scores
      const [index] = (await ranked.listIndexes().toArray()).filter((i) => i.key._fts === "text");
      await ranked.dropIndex(index.name);
      await expect(ranked.countDocuments(filter)).rejects.toMatchObject({ code: 27 });
      await ranked.createIndex({ title: "text", summary: "text", tags: "text" }, { weights: { title: 1, tags: 1 } });
      const reweighted = await page();
      expect(reweighted[0].score).not.toBe(first[0].score);
      await ranked.dropIndexes();
      await ranked.createIndex({ title: "text", summary: "text", tags: "text" }, { weights: { title: 10, tags: 5 } });
      expect(await page()).toEqual(first);
    });

    it("places $text where MongoDB allows it", async () => {
      // any depth of the top-level conjunction
      expect(await ranked.countDocuments({ $and: [{ grade: { $gte: 0 } }, { $and: [{ $text: { $search: "rubric" } }] }] })).toBe(
        await ranked.countDocuments({ $text: { $search: "rubric" } }),
      );
      await expect(ranked.find({ $and: [{ $text: { $search: "rubric" } }, { $text: { $search: "coaching" } }] }).toArray()).rejects.toMatchObject({ code: 2 });
      await expect(ranked.find({ $nor: [{ $text: { $search: "rubric" } }] }).toArray()).rejects.toMatchObject({ code: 2 });
      // under $or every other clause must be indexed
      await expect(ranked.find({ $or: [{ $text: { $search: "rubric" } }, { grade: 3 }] }).toArray()).rejects.toMatchObject({ code: 291 });
      await expect(ranked.countDocuments({ $or: [{ $text: { $search: "rubric" } }, { grade: 3 }] })).rejects.toMatchObject({ code: 291 });
    });
  });

  describe("best-first pages over many candidates", () => {
    let many: Collection<AnyDoc>;
    const words = ["rubric", "portfolio", "coaching", "inquiry", "debate"];
    const docFor = (i: number, round = 0): AnyDoc => ({
      _id: i,
      title: `${words[(i + round) % 5]} ${i % 4 === 0 ? words[(i + 2) % 5] : "guide"}`,
      body: i % 3 === 0 ? `${words[i % 5]} ${words[(i + round) % 5]} notes` : "notes",
      // one in seven passes the filter: a page of hits needs several rounds of candidates
      open: i % 7 === 3,
    });
    const searches = ["rubric", "rubric portfolio coaching", "notes", "guide -debate", '"rubric guide"'];
    /**
     * Scores and order of a page, and of the same search read in full (no limit: every candidate is read);
     * the two filters are spelled apart so that neither answer is the other's kept hits.
     */
    const compare = async (coll: Collection<AnyDoc>, search: string, sort: Sort, skip: number, limit: number) => {
      const full = await coll.find({ $text: { $search: search }, open: { $eq: true } }, { projection: { score: { $meta: "textScore" } } }).sort(sort).toArray();
      const filter = { $text: { $search: search }, open: true };
      const page = await coll.find(filter, { projection: { score: { $meta: "textScore" } } }).sort(sort).skip(skip).limit(limit).toArray();
      expect(page).toEqual(full.slice(skip, skip + limit));
      return full;
    };

    beforeAll(async () => {
      many = db.collection<AnyDoc>("many");
      await many.createIndex({ title: "text", body: "text" }, { weights: { title: 10 } });
      await many.insertMany(Array.from({ length: 2000 }, (_, i) => docFor(i)));
    });

    it("ranks the same hits first as a full read, ties in the same order, with or without a tie-breaking key", async () => {
      for (const search of searches) {
        for (const sort of [{ score: { $meta: "textScore" } }, { score: { $meta: "textScore" }, _id: -1 }] as Sort[]) {
          const full = await compare(many, search, sort, 0, 1);
          expect(full.length).toBeGreaterThan(0);
          for (const [skip, limit] of [[0, 21], [7, 5], [150, 21], [full.length - 2, 5]]) await compare(many, search, sort, Math.max(0, skip), limit);
        }
      }
    });

    it("scores as a fresh index after most documents were removed or rewritten", async () => {
      await many.deleteMany({ _id: { $lt: 1200 } });
      for (let i = 1200; i < 1600; i++) await many.replaceOne({ _id: i }, docFor(i, 1));
      const fresh = db.collection<AnyDoc>("many_fresh");
      await fresh.createIndex({ title: "text", body: "text" }, { weights: { title: 10 } });
      await fresh.insertMany(await many.find().sort({ _id: 1 }).toArray());
      for (const search of searches) {
        const sort: Sort = { score: { $meta: "textScore" }, _id: 1 };
        expect(await compare(many, search, sort, 3, 21)).toEqual(await compare(fresh, search, sort, 3, 21));
        expect(await many.countDocuments({ $text: { $search: search } })).toBe(await fresh.countDocuments({ $text: { $search: search } }));
      }
    });
  });
});
