/**
 * Aggregation stages after the leading $match keep int, long, double and decimal apart, with the result
 * types mongod 7/8 documents for accumulators ($sum, $avg, $min/$max), arithmetic expressions ($add,
 * $subtract, $multiply, $divide, $mod, $round...), conversions, $type, truthiness, $group keys and $lookup
 * matches. Results are read with promoteValues: false, so every number shows its BSON type.
 */
import { Decimal128, Double, Int32, Long, MongoClient, MongoServerError, type Collection, type Db, type Document } from "mongodb";
import { startTestDatabase, type TestDatabase } from "../support/database";
import type { AnyDoc } from "./helpers";

/** A value as "Type:value" (Int32:3, Long:4, Double:2.5, Decimal128:1.65), recursively for documents. */
function typed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(typed);
  const type = (v as { _bsontype?: string } | null)?._bsontype;
  if (type === "Int32" || type === "Long" || type === "Double" || type === "Decimal128") return `${type}:${String(v)}`;
  if (v !== null && typeof v === "object" && !type && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typed(x)]));
  return v;
}

describe("embedded-mongo: aggregation pipelines keep numeric types", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  let coll: Collection<AnyDoc>;
  const BIG = "9007199254740993"; // 2^53 + 1

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url, { promoteValues: false }).connect();
    db = client.db(database.uniqueDbName("pipeline_numbers"));
    coll = db.collection<AnyDoc>("values");
    await coll.insertMany([
      { _id: 1, g: "a", i: new Int32(2147483647), l: Long.fromNumber(5), d: new Double(2), f: 1.5, dec: Decimal128.fromString("1.10"), z: new Double(0) },
      { _id: 2, g: "a", i: new Int32(1), l: Long.fromString(BIG), d: new Double(3), f: 2.5, dec: Decimal128.fromString("2.2"), z: Long.fromNumber(0) },
      { _id: 3, g: "b", i: new Int32(4), l: Long.fromNumber(-2), d: new Double(0.5), f: 3.5, dec: Decimal128.fromString("-1"), z: 1 },
    ]);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  const run = async (pipeline: Document[], on: Collection<AnyDoc> = coll): Promise<unknown> => typed(await on.aggregate(pipeline).toArray());

  it("$group accumulators: $sum of ints is an int until it overflows into a long, of longs a long, with a double a double; $avg a double (decimal for decimals)", async () => {
    const out = await run([
      { $sort: { _id: 1 } },
      {
        $group: {
          _id: "$g",
          ints: { $sum: "$i" },
          longs: { $sum: "$l" },
          mixed: { $sum: { $add: ["$i", "$d"] } },
          decimals: { $sum: "$dec" },
          meanInt: { $avg: "$i" },
          meanDecimal: { $avg: "$dec" },
          most: { $max: "$l" },
          least: { $min: "$d" },
          count: { $sum: 1 },
        },
      },
      { $sort: { _id: 1 } },
    ]);
    expect(out).toEqual([
      {
        _id: "a",
        ints: "Long:2147483648",
        longs: "Long:9007199254740998",
        mixed: "Double:2147483653",
        decimals: "Decimal128:3.30",
        meanInt: "Double:1073741824",
        meanDecimal: "Decimal128:1.65",
        most: `Long:${BIG}`,
        least: "Double:2",
        count: "Int32:2",
      },
      { _id: "b", ints: "Int32:4", longs: "Long:-2", mixed: "Double:4.5", decimals: "Decimal128:-1", meanInt: "Double:4", meanDecimal: "Decimal128:-1", most: "Long:-2", least: "Double:0.5", count: "Int32:1" },
    ]);
  });

  it("$project keeps a Long a Long and computes $add, $subtract, $multiply, $divide, $mod and $abs with mongod's promotion", async () => {
    const [first] = (await run([
      { $match: { _id: 1 } },
      {
        $project: {
          l: 1,
          intOverflow: { $add: ["$i", 1] },
          longPlusInt: { $add: ["$l", 1] },
          intPlusWholeDouble: { $add: [1, "$d"] },
          decimalPlusInt: { $add: ["$dec", 1] },
          longMinusInt: { $subtract: ["$l", 1] },
          doubleTimesInt: { $multiply: ["$d", 2] },
          intTimesInt: { $multiply: [3, 4] },
          longTimesInt: { $multiply: ["$l", 2] },
          intByInt: { $divide: [4, 2] },
          decimalByInt: { $divide: ["$dec", 2] },
          longModInt: { $mod: ["$l", 3] },
          absLong: { $abs: { $multiply: ["$l", -1] } },
          dateDiff: { $subtract: [new Date(10), new Date(4)] },
        },
      },
    ])) as Document[];
    expect(first).toEqual({
      _id: "Int32:1",
      l: "Long:5",
      intOverflow: "Long:2147483648",
      longPlusInt: "Long:6",
      intPlusWholeDouble: "Double:3",
      decimalPlusInt: "Decimal128:2.10",
      longMinusInt: "Long:4",
      doubleTimesInt: "Double:4",
      intTimesInt: "Int32:12",
      longTimesInt: "Long:10",
      intByInt: "Double:2",
      decimalByInt: "Decimal128:0.55",
      longModInt: "Long:2",
      absLong: "Long:5",
      dateDiff: "Long:6",
    });
  });

  it("a Long above 2^53 stays exact through $project, $addFields and arithmetic", async () => {
    const [doc] = (await run([{ $match: { _id: 2 } }, { $addFields: { next: { $add: ["$l", 1] } } }, { $project: { l: 1, next: 1 } }])) as Document[];
    expect(doc).toEqual({ _id: "Int32:2", l: `Long:${BIG}`, next: "Long:9007199254740994" });
  });

  it("$type, $isNumber, conversions and rounding tell int, long, double and decimal apart", async () => {
    const [doc] = (await run([
      { $match: { _id: 1 } },
      {
        $project: {
          _id: 0,
          types: ["$i", "$l", "$d", "$f", "$dec"].map((v) => ({ $type: v })),
          isNumber: { $isNumber: "$l" },
          toLong: { $toLong: "$f" },
          toInt: { $toInt: "$l" },
          toDouble: { $toDouble: "$l" },
          toDecimal: { $toDecimal: "$i" },
          convertFailed: { $convert: { input: "x1", to: "int", onError: "bad" } },
          roundHalfEven: { $round: ["$f", 0] },
          roundLong: { $round: [Long.fromNumber(1250), -2] },
          truncDecimal: { $trunc: [Decimal128.fromString("2.789"), 1] },
          ceilDouble: { $ceil: "$f" },
          sqrt: { $sqrt: 16 },
          pow: { $pow: [2, 40] },
        },
      },
    ])) as Document[];
    expect(doc).toEqual({
      types: ["int", "long", "double", "double", "decimal"],
      isNumber: true,
      toLong: "Long:1",
      toInt: "Int32:5",
      toDouble: "Double:5",
      toDecimal: "Decimal128:2147483647",
      convertFailed: "bad",
      roundHalfEven: "Double:2",
      roundLong: "Long:1200",
      truncDecimal: "Decimal128:2.7",
      ceilDouble: "Double:2",
      sqrt: "Double:4",
      pow: "Long:1099511627776",
    });
    const error = await coll.aggregate([{ $project: { x: { $toInt: "$l" } } }]).toArray().catch((e: unknown) => e);
    expect(Number((error as MongoServerError).code)).toBe(241); // 2^53 + 1 does not fit an int (the reply too is read without promotion)
  });

  it("a zero of every numeric type is false in $cond, $and, $filter and $expr", async () => {
    const out = await run([
      { $sort: { _id: 1 } },
      { $project: { cond: { $cond: ["$z", "true", "false"] }, and: { $and: ["$z"] }, kept: { $size: { $filter: { input: ["$z", "$z"], cond: "$$this" } } } } },
    ]);
    expect(out).toEqual([
      { _id: "Int32:1", cond: "false", and: false, kept: "Int32:0" },
      { _id: "Int32:2", cond: "false", and: false, kept: "Int32:0" },
      { _id: "Int32:3", cond: "true", and: true, kept: "Int32:2" },
    ]);
    expect(await run([{ $match: { $expr: "$z" } }, { $project: { _id: 1 } }])).toEqual([{ _id: "Int32:3" }]);
  });

  it("$group and $addToSet take 1, NumberLong(1), 1.0 and NumberDecimal('1.0') as one value; $lookup matches them", async () => {
    const mixed = db.collection<AnyDoc>("mixed");
    await mixed.insertMany([
      { _id: 1, k: 1 },
      { _id: 2, k: Long.fromNumber(1) },
      { _id: 3, k: new Double(1) },
      { _id: 4, k: Decimal128.fromString("1.0") },
      { _id: 5, k: 2 },
    ]);
    expect(await run([{ $sort: { _id: 1 } }, { $group: { _id: "$k", n: { $sum: 1 } } }, { $sort: { _id: 1 } }], mixed)).toEqual([
      { _id: "Int32:1", n: "Int32:4" },
      { _id: "Int32:2", n: "Int32:1" },
    ]);
    expect(await run([{ $group: { _id: "$absent", n: { $sum: 1 } } }], mixed)).toEqual([{ _id: null, n: "Int32:5" }]);
    const [set] = (await run([{ $group: { _id: null, ks: { $addToSet: "$k" } } }], mixed)) as Document[];
    expect((set.ks as unknown[]).length).toBe(2);
    const looked = await run([{ $match: { _id: 2 } }, { $lookup: { from: "mixed", localField: "k", foreignField: "k", as: "same" } }, { $project: { ids: "$same._id" } }], mixed);
    expect(looked).toEqual([{ _id: "Int32:2", ids: ["Int32:1", "Int32:2", "Int32:3", "Int32:4"] }]);
  });

  it("$setWindowFields and $bucket accumulate with the same types", async () => {
    const windowed = await run([
      { $setWindowFields: { sortBy: { _id: 1 }, output: { running: { $sum: "$i", window: { documents: ["unbounded", "current"] } }, longs: { $sum: "$l" }, mean: { $avg: "$i" } } } },
      { $project: { running: 1, longs: 1, mean: 1 } },
    ]);
    expect(windowed).toEqual([
      { _id: "Int32:1", running: "Int32:2147483647", longs: "Long:9007199254740996", mean: "Double:715827884" },
      { _id: "Int32:2", running: "Long:2147483648", longs: "Long:9007199254740996", mean: "Double:715827884" },
      { _id: "Int32:3", running: "Long:2147483652", longs: "Long:9007199254740996", mean: "Double:715827884" },
    ]);
    const averaged = await coll.aggregate([{ $setWindowFields: { sortBy: { _id: 1 }, output: { ema: { $expMovingAvg: { input: "$d", N: 2 } } } } }]).toArray();
    expect(averaged.map((d) => (d.ema as { _bsontype?: string })._bsontype)).toEqual(["Double", "Double", "Double"]);
    expect(averaged.map((d) => Number(d.ema))).toEqual([2, expect.closeTo(2 + 2 / 3, 10), expect.closeTo(0.5 * (2 / 3) + (2 + 2 / 3) / 3, 10)]);
    const buckets = await run([{ $bucket: { groupBy: "$d", boundaries: [0, 2, 10], output: { ints: { $sum: "$i" }, longs: { $sum: "$l" } } } }]);
    expect(buckets).toEqual([
      { _id: "Int32:0", ints: "Int32:4", longs: "Long:-2" },
      { _id: "Int32:2", ints: "Long:2147483648", longs: "Long:9007199254740998" },
    ]);
  });

  it("$out and pipeline-style updates write the types they computed", async () => {
    await coll.aggregate([{ $project: { l: 1, twice: { $multiply: ["$l", 2] }, half: { $divide: ["$i", 2] } } }, { $out: "computed" }]).toArray();
    const written = typed(await db.collection<AnyDoc>("computed").find({ _id: 2 }).toArray());
    expect(written).toEqual([{ _id: "Int32:2", l: `Long:${BIG}`, twice: "Long:18014398509481986", half: "Double:0.5" }]);
    const target = db.collection<AnyDoc>("updated");
    await target.insertOne({ _id: 1, l: Long.fromNumber(7), d: new Double(1) });
    await target.updateOne({ _id: 1 }, [{ $set: { l: { $add: ["$l", 1] }, sum: { $add: ["$d", 1] } } }]);
    expect(typed(await target.findOne({ _id: 1 }))).toEqual({ _id: "Int32:1", l: "Long:8", d: "Double:1", sum: "Double:2" });
  });
});
