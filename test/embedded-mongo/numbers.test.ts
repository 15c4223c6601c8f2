import { Decimal128, Double, Int32, Long, MongoClient, MongoServerError, type Collection, type Db, type Document } from "mongodb";
import { startTestDatabase, type TestDatabase } from "../support/database";
import type { AnyDoc } from "./helpers";

/** The BSON type a value came back as, read with promoteValues: false. */
function bsonType(v: unknown): string {
  return (v as { _bsontype?: string })?._bsontype ?? typeof v;
}

describe("embedded-mongo: int, long, double and decimal told apart", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let raw: MongoClient;
  let db: Db;
  let coll: Collection<AnyDoc>;
  /** the same collection, read without promoting numbers to JS numbers */
  let typed: Collection<AnyDoc>;
  const BIG = "9007199254740993"; // 2^53 + 1: no double holds it

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url).connect();
    raw = await new MongoClient(database.url, { promoteValues: false }).connect();
    const name = database.uniqueDbName("numbers");
    db = client.db(name);
    coll = db.collection<AnyDoc>("values");
    typed = raw.db(name).collection<AnyDoc>("values");
  });

  beforeEach(async () => {
    await coll.deleteMany({});
    await coll.insertMany([
      { _id: "int", v: new Int32(1) },
      { _id: "double", v: new Double(1) },
      { _id: "fraction", v: 1.5 },
      { _id: "long", v: Long.fromNumber(1) },
      { _id: "big", v: Long.fromString(BIG) },
      { _id: "decimal", v: Decimal128.fromString("1.10") },
      { _id: "string", v: "1" },
    ]);
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await raw?.close();
    await client?.close();
    await database?.stop();
  });

  async function typeOf(id: string): Promise<{ type: string; value: string }> {
    const doc = (await typed.findOne({ _id: id })) as Document;
    return { type: bsonType(doc.v), value: String(doc.v) };
  }

  it("round-trips every numeric type with its value, a Long beyond 2^53 exactly", async () => {
    const docs = await typed.find({}).sort({ _id: 1 }).toArray();
    expect(Object.fromEntries(docs.map((d) => [d._id, bsonType(d.v)]))).toEqual({
      big: "Long",
      decimal: "Decimal128",
      double: "Double",
      fraction: "Double",
      int: "Int32",
      long: "Long",
      string: "string",
    });
    expect(await typeOf("big")).toEqual({ type: "Long", value: BIG });
    const promoted = await coll.findOne({ _id: "big" }, { useBigInt64: true });
    expect(promoted?.v).toBe(BigInt(BIG));
  });

  it("$type matches by BSON type: int, long, double, decimal, number and the numeric codes", async () => {
    const ids = async (type: unknown): Promise<string[]> => (await coll.find({ v: { $type: type as never } }).sort({ _id: 1 }).toArray()).map((d) => String(d._id));
    expect(await ids("int")).toEqual(["int"]);
    expect(await ids("long")).toEqual(["big", "long"]);
    expect(await ids("double")).toEqual(["double", "fraction"]);
    expect(await ids("decimal")).toEqual(["decimal"]);
    expect(await ids("number")).toEqual(["big", "decimal", "double", "fraction", "int", "long"]);
    expect(await ids(16)).toEqual(["int"]);
    expect(await ids(18)).toEqual(["big", "long"]);
    expect(await ids(["int", "string"])).toEqual(["int", "string"]);
    const error = await coll.find({ v: { $type: "integer" } }).toArray().catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(2);
  });

  it("equal numbers of every type match one another; a Long beyond 2^53 matches only itself", async () => {
    expect((await coll.find({ v: 1 }).toArray()).map((d) => d._id).sort()).toEqual(["double", "int", "long"]);
    expect((await coll.find({ v: Decimal128.fromString("1.5") }).toArray()).map((d) => d._id)).toEqual(["fraction"]);
    expect((await coll.find({ v: Long.fromString(BIG) }).toArray()).map((d) => d._id)).toEqual(["big"]);
    expect(await coll.countDocuments({ v: Long.fromString("9007199254740992") })).toBe(0);
  });

  it("$inc and $mul give mongod's result types", async () => {
    await coll.insertMany([
      { _id: "max", v: new Int32(2147483647) },
      { _id: "maxLong", v: Long.MAX_VALUE },
    ]);
    const inc = async (id: string, by: unknown, op = "$inc"): Promise<{ type: string; value: string }> => {
      await coll.updateOne({ _id: id }, { [op]: { v: by } });
      return typeOf(id);
    };
    // int + int overflowing int32 becomes a long
    expect(await inc("max", 1)).toEqual({ type: "Long", value: "2147483648" });
    expect(await inc("int", 2)).toEqual({ type: "Int32", value: "3" });
    // a whole double stays a double
    expect(await inc("double", 2)).toEqual({ type: "Double", value: "3" });
    expect(await inc("fraction", 0.5)).toEqual({ type: "Double", value: "2" });
    expect(await inc("long", 2)).toEqual({ type: "Long", value: "3" });
    expect(await inc("big", 1)).toEqual({ type: "Long", value: "9007199254740994" });
    expect(await inc("int", new Double(1))).toEqual({ type: "Double", value: "4" });
    expect(await inc("decimal", 1)).toEqual({ type: "Decimal128", value: "2.10" });
    expect(await inc("long", 3, "$mul")).toEqual({ type: "Long", value: "9" });
    expect(await inc("int", 0.5, "$mul")).toEqual({ type: "Double", value: "2" });
    // a missing field takes the operand's type
    await coll.updateOne({ _id: "string" }, { $inc: { n: Long.fromNumber(7) }, $mul: { m: new Double(3) } });
    const made = (await typed.findOne({ _id: "string" })) as Document;
    expect([bsonType(made.n), String(made.n), bsonType(made.m), String(made.m)]).toEqual(["Long", "7", "Double", "0"]);
    // a long overflowing 64 bits is refused, nothing changed
    const error = await coll.updateOne({ _id: "maxLong" }, { $inc: { v: 1 } }).catch((e: unknown) => e);
    expect((error as MongoServerError).code).toBe(2);
    expect(await typeOf("maxLong")).toEqual({ type: "Long", value: Long.MAX_VALUE.toString() });
  });

  it("$min, $max, $push's $sort and $bit compare and compute across numeric types", async () => {
    await coll.updateOne({ _id: "long" }, { $min: { v: 10 } });
    expect(await typeOf("long")).toEqual({ type: "Long", value: "1" });
    await coll.updateOne({ _id: "double" }, { $max: { v: Long.fromNumber(3) } });
    expect(await typeOf("double")).toEqual({ type: "Long", value: "3" });
    await coll.updateOne({ _id: "big" }, { $max: { v: Long.fromString("9007199254740992") } });
    expect(await typeOf("big")).toEqual({ type: "Long", value: BIG });

    await coll.insertOne({ _id: "list", v: [new Double(1), 2, Long.fromNumber(3)] });
    await coll.updateOne({ _id: "list" }, { $push: { v: { $each: [Decimal128.fromString("2.5"), 0], $sort: -1, $slice: 4 } } } as Document);
    const list = (await typed.findOne({ _id: "list" })) as Document;
    expect((list.v as unknown[]).map((e) => `${bsonType(e)}:${String(e)}`)).toEqual(["Long:3", "Decimal128:2.5", "Int32:2", "Double:1"]);

    await coll.updateOne({ _id: "long" }, { $bit: { v: { or: Long.fromString("4294967296") } } });
    expect(await typeOf("long")).toEqual({ type: "Long", value: "4294967297" });
  });

  it("a pipeline update keeps the types of the fields it leaves alone", async () => {
    await coll.updateOne({ _id: "double" }, [{ $set: { w: { $add: ["$v", 1] } } }]);
    const doc = (await typed.findOne({ _id: "double" })) as Document;
    expect(bsonType(doc.v)).toBe("Double");
    expect(Number(doc.w)).toBe(2);
  });

  it("sorts numbers of every type by value", async () => {
    await coll.deleteMany({ _id: "string" });
    await coll.insertMany([
      { _id: "minus", v: Long.fromNumber(-3) },
      { _id: "two", v: new Double(2) },
    ]);
    const order = (await coll.find({}).sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(order).toEqual(["minus", "double", "int", "long", "decimal", "fraction", "two", "big"]);
    await coll.createIndex({ v: 1 });
    const viaIndex = (await coll.find({ v: { $gt: 1 } }).sort({ v: -1 }).toArray()).map((d) => d._id);
    expect(viaIndex).toEqual(["big", "two", "fraction", "decimal"]);
  });

  it("aggregation expressions compute on every numeric type", async () => {
    const [sum] = await coll.aggregate([{ $match: { _id: { $in: ["int", "double", "long", "fraction"] } } }, { $group: { _id: null, total: { $sum: "$v" } } }]).toArray();
    expect(sum.total).toBe(4.5);
  });
});
