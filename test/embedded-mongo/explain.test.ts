import { MongoClient, MongoServerError, type Collection, type Db, type Document } from "mongodb";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { firstField, stagesNamed, type AnyDoc } from "./helpers";

/** The chain of stage names from the root down (`inputStage` links). */
function chain(stage: Document | undefined): string[] {
  const names: string[] = [];
  for (let s = stage; s; s = s.inputStage as Document | undefined) names.push(String(s.stage));
  return names;
}

describe("embedded-mongo: explain reports the plan's stages and their statistics", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  let coll: Collection<AnyDoc>;
  const N = 300;

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    db = client.db(database.uniqueDbName("explain"));
    coll = db.collection<AnyDoc>("items");
    await coll.insertMany(Array.from({ length: N }, (_, i) => ({ _id: i, code: `c${String(i).padStart(4, "0")}`, group: i % 10, n: i, words: i % 2 ? "red apple" : "green pear" })));
    await coll.createIndex({ code: 1 });
    await coll.createIndex({ words: "text" });
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  it("find with sort, skip, limit and projection: each stage with its own nReturned", async () => {
    const explain = await coll.find({ group: 3 }, { projection: { code: 1 } }).sort({ n: -1 }).skip(2).limit(5).explain("executionStats");
    const stats = explain.executionStats as Document;
    expect(stats.nReturned).toBe(5);
    expect(stats.totalDocsExamined).toBe(N);
    expect(stats.totalKeysExamined).toBe(0);
    const root = stats.executionStages as Document;
    expect(chain(root)).toEqual(["PROJECTION_SIMPLE", "LIMIT", "SKIP", "SORT", "COLLSCAN"]);
    const [sort] = stagesNamed(root, "SORT");
    // a top-k sort keeps skip + limit documents
    expect(sort.limitAmount).toBe(7);
    expect(sort.nReturned).toBe(7);
    expect(stagesNamed(root, "COLLSCAN")[0]).toMatchObject({ nReturned: N / 10, docsExamined: N });
    for (const name of chain(root)) expect(typeof stagesNamed(root, name)[0].executionTimeMillisEstimate).toBe("number");
    expect(chain(explain.queryPlanner.winningPlan)).toEqual(chain(root));
  });

  it("an indexed equality is IXSCAN under FETCH, examining one key and one document", async () => {
    const explain = await coll.find({ code: "c0042" }).explain("executionStats");
    const root = explain.executionStats.executionStages as Document;
    expect(chain(root)).toEqual(["FETCH", "IXSCAN"]);
    expect(root.inputStage).toMatchObject({ indexName: "code_1", keyPattern: { code: 1 }, keysExamined: 1, nReturned: 1, indexBounds: { code: ['["c0042", "c0042"]'] } });
    expect(root).toMatchObject({ docsExamined: 1, nReturned: 1 });
  });

  it("a sort the index provides walks it and stops at skip + limit (no SORT stage)", async () => {
    const explain = await coll.find({}).sort({ code: -1 }).skip(3).limit(4).explain("executionStats");
    const root = explain.executionStats.executionStages as Document;
    expect(chain(root)).toEqual(["LIMIT", "SKIP", "FETCH", "IXSCAN"]);
    expect(stagesNamed(root, "IXSCAN")[0]).toMatchObject({ direction: "backward", keysExamined: 7 });
    expect(explain.executionStats.totalDocsExamined).toBe(7);
  });

  it("queryPlanner verbosity has the plan without execution statistics", async () => {
    const explain = await coll.find({ code: { $gte: "c0100" } }).explain("queryPlanner");
    expect(explain.executionStats).toBeUndefined();
    expect(chain(explain.queryPlanner.winningPlan)).toEqual(["FETCH", "IXSCAN"]);
    expect(firstField(explain.queryPlanner.winningPlan, "nReturned")).toBeUndefined();
  });

  it("count is a COUNT stage counting what its input finds", async () => {
    const explain = await db.command({ explain: { count: "items", query: { group: { $lt: 5 } }, skip: 10, limit: 20 }, verbosity: "executionStats" });
    const root = explain.executionStats.executionStages as Document;
    expect(chain(root)).toEqual(["COUNT", "COLLSCAN"]);
    expect(root).toMatchObject({ nCounted: 20, nSkipped: 10 });
    // the scan stops once skip + limit are counted
    expect(stagesNamed(root, "COLLSCAN")[0].nReturned).toBe(30);
  });

  it("an aggregation's leading $match and distinct report their plan", async () => {
    const aggregate = await coll.aggregate([{ $match: { code: { $in: ["c0001", "c0002"] } } }, { $group: { _id: "$group" } }]).explain("executionStats");
    expect(stagesNamed(firstField(aggregate, "executionStats"), "IXSCAN")[0]).toMatchObject({ indexName: "code_1", keysExamined: 2 });
    expect(firstField(aggregate, "totalDocsExamined")).toBe(2);

    const distinct = await db.command({ explain: { distinct: "items", key: "group", query: { code: "c0007" } }, verbosity: "executionStats" });
    expect(stagesNamed(distinct.executionStats, "IXSCAN")).toHaveLength(1);
    expect(distinct.executionStats.totalDocsExamined).toBe(1);
  });

  it("a $text query is TEXT_MATCH over the text index, with its parsed query", async () => {
    const explain = await coll.find({ $text: { $search: "apple -pear" }, group: 1 }).explain("executionStats");
    const [match] = stagesNamed(explain.executionStats, "TEXT_MATCH");
    expect(match.parsedTextQuery).toMatchObject({ terms: ["appl"], negatedTerms: ["pear"] });
    expect(match.nReturned).toBe(N / 10);
    expect(stagesNamed(explain, "IXSCAN")[0].indexName).toBe("words_text");
  });

  it("a hidden index is neither chosen nor hintable", async () => {
    await db.command({ collMod: "items", index: { name: "code_1", hidden: true } });
    try {
      const explain = await coll.find({ code: "c0042" }).explain("executionStats");
      expect(stagesNamed(explain, "IXSCAN")).toHaveLength(0);
      expect(stagesNamed(explain.executionStats, "COLLSCAN")).toHaveLength(1);
      const error = await coll.find({ code: "c0042" }).hint("code_1").toArray().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MongoServerError);
      expect((error as MongoServerError).code).toBe(2);
    } finally {
      await db.command({ collMod: "items", index: { name: "code_1", hidden: false } });
    }
    expect(stagesNamed((await coll.find({ code: "c0042" }).explain("executionStats")).executionStats, "IXSCAN")).toHaveLength(1);
  });
});
