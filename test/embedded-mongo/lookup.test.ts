/**
 * $lookup joins as mongod 7/8 does (the cases of mongod's jstests/aggregation/sources/lookup/
 * lookup_equijoin_semantics_lib.js), whether the foreign field has an index or not: null matches missing, arrays
 * on the local side are expanded, on the foreign side match by element and whole, numbers of every type are one
 * value. The pipeline forms see only their own matches and their `let` variables.
 */
import { Decimal128, Long, MongoClient, ObjectId, type Collection, type Db, type Document } from "mongodb";
import { startTestDatabase, type TestDatabase } from "../support/database";
import type { AnyDoc } from "./helpers";

describe("embedded-mongo: $lookup", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  let local: Collection<AnyDoc>;
  let foreign: Collection<AnyDoc>;

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("lookup"));
    local = db.collection<AnyDoc>("local");
    foreign = db.collection<AnyDoc>("foreign");
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  async function setUp(locals: AnyDoc[], foreigns: AnyDoc[], foreignField: string, index: 1 | -1 | null): Promise<void> {
    await local.drop().catch(() => undefined);
    await foreign.drop().catch(() => undefined);
    await local.insertMany(locals);
    await foreign.insertMany(foreigns);
    if (index !== null) await foreign.createIndex({ [foreignField]: index });
  }

  async function join(localField: string, foreignField: string): Promise<Document[]> {
    return local.aggregate([{ $lookup: { from: "foreign", localField, foreignField, as: "matched" } }, { $sort: { _id: 1 } }]).toArray();
  }

  /** The ids of the local documents that join the one foreign document. */
  async function localsMatching(locals: AnyDoc[], localField: string, foreignRecord: AnyDoc, foreignField: string, index: 1 | -1 | null): Promise<unknown[]> {
    await setUp(locals, [foreignRecord], foreignField, index);
    const results = await join(localField, foreignField);
    for (const result of results) expect(result.matched.length).toBeLessThan(2);
    return results.filter((result) => result.matched.length > 0).map((result) => result._id);
  }

  /** The ids of the foreign documents the one local document joins. */
  async function foreignsMatching(localRecord: AnyDoc, localField: string, foreigns: AnyDoc[], foreignField: string, index: 1 | -1 | null): Promise<unknown[]> {
    await setUp([localRecord], foreigns, foreignField, index);
    const [result] = await join(localField, foreignField);
    return (result.matched as Document[]).map((doc) => doc._id).sort((a, b) => a - b);
  }

  const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

  describe.each([
    ["without an index on the foreign field", null],
    ["with an ascending index on the foreign field", 1],
    ["with a descending index on the foreign field", -1],
  ] as const)("by localField/foreignField %s", (_name, index) => {
    it("matches null to null, missing and an empty local array", async () => {
      const docs = [{ _id: 0, no_a: 1 }, { _id: 1, a: null }, { _id: 2, a: [null, 1] }, { _id: 10, a: [] }, { _id: 20, a: 1 }, { _id: 21, a: { x: null } }, { _id: 22, a: [[null, 1], 2] }, { _id: 23, a: false }, { _id: 24, a: 0 }, { _id: 25, a: {} }, { _id: 26, a: "" }];
      expect(sorted((await localsMatching(docs, "a", { _id: 0, b: null }, "b", index)) as number[])).toEqual([0, 1, 2, 10]);
      expect(await foreignsMatching({ _id: 0, b: null }, "b", docs, "a", index)).toEqual([0, 1, 2]);
      expect(sorted((await localsMatching(docs, "a", { _id: 0, no_b: 1 }, "b", index)) as number[])).toEqual([0, 1, 2, 10]);
      expect(await foreignsMatching({ _id: 0, no_b: 1 }, "b", docs, "a", index)).toEqual([0, 1, 2]);
    });

    it("matches NaN of every type to NaN", async () => {
      const docs = [{ _id: 0, a: NaN }, { _id: 1, a: Decimal128.fromString("NaN") }, { _id: 2, a: [1, NaN] }, { _id: 3, a: [1, Decimal128.fromString("NaN")] }, { _id: 10, a: null }, { _id: 11, no_a: 42 }];
      expect(sorted((await localsMatching(docs, "a", { _id: 0, b: NaN }, "b", index)) as number[])).toEqual([0, 1, 2, 3]);
      expect(await foreignsMatching({ _id: 0, b: NaN }, "b", docs, "a", index)).toEqual([0, 1, 2, 3]);
    });

    it("matches each type of value only to itself (a regex as a value, not a pattern)", async () => {
      const docs = [
        { _id: 0, a: 0 },
        { _id: 1, a: 3.14 },
        { _id: 2, a: Decimal128.fromString("3.15") },
        { _id: 3, a: "abc" },
        { _id: 4, a: { b: 1, c: 2, d: 3 } },
        { _id: 5, a: true },
        { _id: 6, a: false },
        { _id: 7, a: new Date("2022-01-01T00:00:00Z") },
        { _id: 9, a: new ObjectId("0102030405060708090a0b0c") },
        { _id: 11, a: /hjkl/ },
        { _id: 12, a: /hjkl/i },
      ];
      for (const doc of docs) {
        expect(await localsMatching(docs, "a", { _id: 100, b: doc.a }, "b", index)).toEqual([doc._id]);
        expect(await foreignsMatching({ _id: 100, b: doc.a }, "b", docs, "a", index)).toEqual([doc._id]);
      }
      expect(await localsMatching(docs, "a", { _id: 100, b: "xxx" }, "b", index)).toEqual([]);
    });

    it("takes 1, NumberLong(1), 1.0 and NumberDecimal('1.0') as one value", async () => {
      const docs = [{ _id: 0, a: 1 }, { _id: 1, a: Long.fromNumber(1) }, { _id: 2, a: 1.0 }, { _id: 3, a: Decimal128.fromString("1.0") }, { _id: 4, a: 2 }];
      expect(await foreignsMatching({ _id: 0, b: Long.fromNumber(1) }, "b", docs, "a", index)).toEqual([0, 1, 2, 3]);
    });

    it("matches a scalar to a field or a path holding it, in arrays too", async () => {
      const top = [
        { _id: 0, a: 1, y: 2 }, { _id: 1, a: [1] }, { _id: 2, a: [1, 2, 3] }, { _id: 3, a: [1, [2, 3]] }, { _id: 4, a: [1, [1, 2]] }, { _id: 5, a: [1, 2, 1] }, { _id: 6, a: [1, null] }, { _id: 7, a: [1, []] },
        { _id: 10, a: 2 }, { _id: 11, a: [[1], 2] }, { _id: 12, a: [2, 3] }, { _id: 13, a: { y: 1 } }, { _id: 14, no_a: 1 },
      ];
      expect(sorted((await localsMatching(top, "a", { _id: 0, b: 1 }, "b", index)) as number[])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(await foreignsMatching({ _id: 0, b: 1 }, "b", top, "a", index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      const path = [
        { _id: 0, a: { x: 1, y: 2 } }, { _id: 1, a: [{ x: 1 }, { x: 2 }] }, { _id: 2, a: [{ x: 1 }, { x: null }] }, { _id: 3, a: [{ x: 1 }, { x: [] }] }, { _id: 4, a: [{ x: 1 }, { no_x: 2 }] }, { _id: 5, a: { x: [1, 2] } }, { _id: 6, a: [{ x: [1, 2] }] }, { _id: 7, a: [{ x: [1, 2] }, { no_x: 2 }] },
        { _id: 10, a: { x: 2, y: 1 } }, { _id: 11, a: { x: [2, 3], y: 1 } }, { _id: 12, a: [{ no_x: 1 }, { x: 2 }, { x: 3 }] }, { _id: 13, a: { x: [[1], 2] } }, { _id: 14, a: [{ x: [[1], 2] }] }, { _id: 15, a: { no_x: 1 } },
      ];
      expect(sorted((await localsMatching(path, "a.x", { _id: 0, b: 1 }, "b", index)) as number[])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(await foreignsMatching({ _id: 0, b: 1 }, "b", path, "a.x", index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it("expands a local array into its elements, and matches a foreign array by element and whole", async () => {
      const docs = [
        { _id: 0, a: [[1, 2], 3], y: 4 }, { _id: 1, a: [[1, 2]] }, { _id: 2, a: [1, 2], y: 3 },
        { _id: 10, a: [[[1, 2], 3], 4] }, { _id: 11, a: [2, 1] }, { _id: 12, a: [[2, 1], 3], y: [1, 2] }, { _id: 13, a: [[2, 1], 3], y: [[1, 2], 3] }, { _id: 14, a: null }, { _id: 15, no_a: [1, 2] },
      ];
      expect(sorted((await localsMatching(docs, "a", { _id: 0, b: [1, 2] }, "b", index)) as number[])).toEqual([0, 1, 2, 11]);
      expect(await foreignsMatching({ _id: 0, b: [1, 2] }, "b", docs, "a", index)).toEqual([2, 11]);
      expect(sorted((await localsMatching(docs, "a", { _id: 0, b: [[1, 2], 42] }, "b", index)) as number[])).toEqual([0, 1]);
      expect(await foreignsMatching({ _id: 0, b: [[1, 2], 42] }, "b", docs, "a", index)).toEqual([0, 1, 2]);
    });

    it("matches a local path missing on the way as null", async () => {
      const docs = [
        { _id: 0, a: { no_x: 1 } }, { _id: 1, a: { no_x: [1, 2] } }, { _id: 2, a: [{ no_x: 1 }, { no_x: 2 }] }, { _id: 3, a: [{ no_x: 2 }, { x: 1 }] }, { _id: 4, a: [{ no_x: [1, 2] }, { x: 1 }] },
        { _id: 5, a: { x: null } }, { _id: 6, a: [{ x: null }, { x: 1 }] }, { _id: 7, a: [{ x: null }, { x: [1] }] }, { _id: 8, no_a: 1 }, { _id: 9, a: [1] }, { _id: 10, a: [] }, { _id: 11, a: [[1]] }, { _id: 12, a: [[]] },
        { _id: 20, a: { x: 2, y: 1 } }, { _id: 21, a: [{ x: 2 }, { x: 3 }] },
      ];
      expect(sorted((await localsMatching(docs, "a.x", { _id: 0, b: null }, "b", index)) as number[])).toEqual([0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);
    });

    it("matches empty arrays as mongod does", async () => {
      const docs = [
        { _id: 0, a: [[]] }, { _id: 1, a: [[], 1] }, { _id: 2, a: [[], null] }, { _id: 3, a: [] },
        { _id: 10, no_a: 1 }, { _id: 11, a: null }, { _id: 12, a: [null] }, { _id: 13, a: [null, 1] },
        { _id: 20, a: 1 }, { _id: 21, a: [[[], 1], 2] }, { _id: 22, a: [1, 2] }, { _id: 23, a: [[null, 1], 2] },
      ];
      expect(sorted((await localsMatching(docs, "a", { _id: 0, b: [] }, "b", index)) as number[])).toEqual([0, 1, 2]);
      expect(await foreignsMatching({ _id: 0, b: [] }, "b", docs, "a", index)).toEqual([2, 10, 11, 12, 13]);
      expect(await foreignsMatching({ _id: 0, b: [[], 42] }, "b", docs, "a", index)).toEqual([0, 1, 2, 3]);
    });

    it("follows a numeric path component to the element at that position", async () => {
      const docs = [{ _id: 0, a: [{ x: 1 }, { x: 2 }] }, { _id: 1, a: [{ x: [2, 3, 1] }] }, { _id: 2, a: [{ x: 1 }, { y: 1 }] }, { _id: 10, a: [{ x: 2 }, { x: 1 }] }, { _id: 11, a: [{ x: [2, 3] }] }, { _id: 12, a: { x: 1 } }, { _id: 13, a: { x: [1, 2] } }, { _id: 14, a: [{ y: 1 }, { x: 1 }] }];
      expect(sorted((await localsMatching(docs, "a.0.x", { _id: 0, b: 1 }, "b", index)) as number[])).toEqual([0, 1, 2]);
      expect(await foreignsMatching({ _id: 0, b: 1 }, "b", docs, "a.0.x", index)).toEqual([0, 1, 2]);
    });

    it("joins many local documents to their own foreign ones, and none from a collection that does not exist", async () => {
      const schools = Array.from({ length: 50 }, (_, i) => ({ _id: `s${i}`, name: `School ${i}` }));
      const links = Array.from({ length: 120 }, (_, i) => ({ _id: i, schoolId: `s${(i * 7) % 50}` }));
      await setUp(links, schools, "_id", null);
      const joined = await local.aggregate([{ $lookup: { from: "foreign", localField: "schoolId", foreignField: "_id", as: "school" } }, { $sort: { _id: 1 } }]).toArray();
      expect(joined.map((link) => link.school.map((school: AnyDoc) => school._id))).toEqual(links.map((link) => [link.schoolId]));
      const nowhere = await local.aggregate([{ $lookup: { from: "nowhere", localField: "schoolId", foreignField: "_id", as: "none" } }, { $limit: 3 }]).toArray();
      expect(nowhere.map((link) => link.none)).toEqual([[], [], []]);
    });
  });

  it("reads through an index on the foreign field only the documents it joins (explain's $lookup statistics)", async () => {
    await setUp([{ _id: 1, k: 7 }, { _id: 2, k: [42, 99] }, { _id: 3 }], Array.from({ length: 200 }, (_, i) => ({ _id: i, k: i })), "k", 1);
    const pipeline = [{ $lookup: { from: "foreign", localField: "k", foreignField: "k", as: "matched" } }];
    const lookupOf = async (): Promise<Document> => {
      const explain = await local.aggregate(pipeline).explain("executionStats");
      return (explain.stages as Document[]).find((stage) => stage.$lookup)!;
    };
    expect((await local.aggregate(pipeline).toArray()).map((doc) => doc.matched.map((m: AnyDoc) => m._id))).toEqual([[7], [42, 99], []]);
    expect(await lookupOf()).toMatchObject({ totalDocsExamined: 3, collectionScans: 0, indexesUsed: ["k_1"] });
    await foreign.dropIndex("k_1");
    expect(await lookupOf()).toMatchObject({ totalDocsExamined: 200, collectionScans: 1, indexesUsed: [] });
  });

  describe("with a pipeline", () => {
    beforeAll(async () => {
      await setUp(
        [{ _id: 1, team: "a", min: 2 }, { _id: 2, team: "b", min: 0 }, { _id: 3, min: 0 }],
        [{ _id: 10, team: "a", n: 1 }, { _id: 11, team: "a", n: 3 }, { _id: 12, team: "b", n: 5 }, { _id: 13, team: "c", n: 7 }, { _id: 14, n: 9 }],
        "team",
        1,
      );
    });

    it("and localField/foreignField, runs it over each local document's matches only, with its let variables", async () => {
      const joined = await local
        .aggregate([
          { $lookup: { from: "foreign", localField: "team", foreignField: "team", let: { min: "$min" }, pipeline: [{ $match: { $expr: { $gte: ["$n", "$$min"] } } }, { $sort: { n: -1 } }, { $project: { _id: 1 } }], as: "players" } },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      expect(joined.map((doc) => doc.players.map((player: AnyDoc) => player._id))).toEqual([[11], [12], [14]]);
    });

    it("and localField/foreignField, counts and groups each local document's matches apart", async () => {
      const joined = await local
        .aggregate([{ $lookup: { from: "foreign", localField: "team", foreignField: "team", pipeline: [{ $group: { _id: null, count: { $sum: 1 }, ids: { $push: "$_id" } } }], as: "stats" } }, { $sort: { _id: 1 } }])
        .toArray();
      expect(joined.map((doc) => doc.stats)).toEqual([[{ _id: null, count: 2, ids: [10, 11] }], [{ _id: null, count: 1, ids: [12] }], [{ _id: null, count: 1, ids: [14] }]]);
    });

    it("alone, reads what its leading $match selects with the let variables and the command's", async () => {
      const joined = await local
        .aggregate(
          [
            { $match: { team: { $exists: true } } },
            { $lookup: { from: "foreign", let: { team: "$team" }, pipeline: [{ $match: { $expr: { $and: [{ $eq: ["$team", "$$team"] }, { $gt: ["$n", "$$floor"] }] } } }, { $project: { _id: 1 } }], as: "players" } },
            { $sort: { _id: 1 } },
          ],
          { let: { floor: 1 } },
        )
        .toArray();
      expect(joined.map((doc) => doc.players.map((player: AnyDoc) => player._id))).toEqual([[11], [12]]);
      const uncorrelated = await local.aggregate([{ $match: { _id: 1 } }, { $lookup: { from: "foreign", pipeline: [{ $match: { n: { $gt: 4 } } }, { $count: "n" }], as: "big" } }]).toArray();
      expect(uncorrelated[0].big).toEqual([{ n: 3 }]);
    });

    it("nested, joins through a link collection as the kit's pages do", async () => {
      const teams = db.collection<AnyDoc>("teams");
      await teams.insertMany([{ _id: "a", name: "Alpha" }, { _id: "b", name: "Beta" }]);
      const joined = await teams
        .aggregate([
          { $match: { _id: { $in: ["a", "b", "z"] } } },
          {
            $lookup: {
              from: "foreign",
              localField: "_id",
              foreignField: "team",
              pipeline: [{ $lookup: { from: "local", localField: "team", foreignField: "team", as: "locals" } }, { $unwind: "$locals" }, { $sort: { n: 1 } }, { $group: { _id: "$team", ids: { $push: "$_id" }, count: { $sum: 1 } } }],
              as: "page",
            },
          },
          { $sort: { _id: 1 } },
        ])
        .toArray();
      expect(joined).toEqual([
        { _id: "a", name: "Alpha", page: [{ _id: "a", ids: [10, 11], count: 2 }] },
        { _id: "b", name: "Beta", page: [{ _id: "b", ids: [12], count: 1 }] },
      ]);
    });
  });
});
