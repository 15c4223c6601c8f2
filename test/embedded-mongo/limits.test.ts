/**
 * No input crashes or stalls the embedded server: values that would grow past memory, array padding past
 * mongod's limit, runaway regular expressions, deep nesting and maxTimeMS each get mongod's error, and a
 * second client is answered correctly meanwhile and afterwards.
 */
import { MongoClient, MongoServerError, type Collection, type Db } from "mongodb";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../embedded-mongo";
import type { AnyDoc } from "./helpers";
import { credentialsOf, hostPort, opMsg, RawConnection } from "./raw";

const REGEX_LIMIT_MS = 300;

describe("embedded-mongo: resource limits", () => {
  let server: EmbeddedMongo;
  let attacker: MongoClient;
  let bystander: MongoClient;
  let db: Db;
  let coll: Collection<AnyDoc>;

  beforeAll(async () => {
    server = await startEmbeddedMongo({ regexTimeLimitMs: REGEX_LIMIT_MS });
    attacker = await new MongoClient(server.url).connect();
    bystander = await new MongoClient(server.url).connect();
    db = attacker.db("limits");
    coll = db.collection<AnyDoc>("things");
    await coll.insertMany([
      { _id: 1, s: "a".repeat(40) + "!", list: [1, 2, 3] },
      { _id: 2, s: "b", list: [] },
    ]);
  });

  afterAll(async () => {
    await attacker?.close();
    await bystander?.close();
    await server?.stop();
  });

  /** Runs the attack while the second client reads; the attack fails with `code`, the reader gets its answer. */
  async function refusedWhileOthersServed(attack: () => Promise<unknown>, code: number): Promise<MongoServerError> {
    const reader = bystander.db("limits").collection<AnyDoc>("things");
    const [outcome, seen] = await Promise.all([attack().then(() => undefined, (e: unknown) => e), reader.find({}, { sort: { _id: 1 } }).toArray()]);
    expect(outcome).toBeInstanceOf(MongoServerError);
    expect((outcome as MongoServerError).code).toBe(code);
    expect(seen.map((d) => d._id)).toEqual([1, 2]);
    expect(await reader.countDocuments()).toBe(2);
    return outcome as MongoServerError;
  }

  const aggregate = (pipeline: AnyDoc[], options: { maxTimeMS?: number } = {}) => () => coll.aggregate(pipeline, options).toArray();

  it("refuses $range to a billion with ExceededMemoryLimit (146)", async () => {
    const e = await refusedWhileOthersServed(aggregate([{ $project: { r: { $range: [0, 1_000_000_000] } } }]), 146);
    expect(e.message).toMatch(/\$range would use too much memory/);
    expect(e.codeName).toBe("ExceededMemoryLimit");
  });

  it("refuses arrays and strings doubled by $reduce (146)", async () => {
    const doubling = { $reduce: { input: { $range: [0, 40] }, initialValue: [1], in: { $concatArrays: ["$$value", "$$value"] } } };
    await refusedWhileOthersServed(aggregate([{ $project: { r: doubling } }]), 146);
    const growing = { $reduce: { input: { $range: [0, 40] }, initialValue: "ab", in: { $concat: ["$$value", "$$value"] } } };
    await refusedWhileOthersServed(aggregate([{ $project: { r: growing } }]), 146);
    const replacing = { $replaceAll: { input: { $reduce: { input: { $range: [0, 20] }, initialValue: "a", in: { $concat: ["$$value", "$$value"] } } }, find: "a", replacement: "x".repeat(1000) } };
    await refusedWhileOthersServed(aggregate([{ $project: { r: replacing } }]), 146);
  });

  it("refuses many values that each fit but together would fill memory (146)", async () => {
    const many = { $map: { input: { $range: [0, 1_000_000] }, in: { $range: [0, 2_000_000] } } };
    await refusedWhileOthersServed(aggregate([{ $project: { r: many } }]), 146);
  });

  it("still builds values within the limits", async () => {
    const [doc] = await coll.aggregate([{ $match: { _id: 1 } }, { $project: { r: { $size: { $range: [0, 100_000] } }, s: { $concat: ["x", "y"] } } }]).toArray();
    expect(doc).toEqual({ _id: 1, r: 100_000, s: "xy" });
  });

  it("refuses to pad an array past 1,500,000 elements (CannotBackfillArray, 34) and changes nothing", async () => {
    const e = await refusedWhileOthersServed(() => coll.updateOne({ _id: 1 }, { $set: { "list.1000000000": 1 } }), 34);
    expect(e.message).toBe("can't backfill more than 1500000 elements");
    expect((await coll.findOne({ _id: 1 }))?.list).toEqual([1, 2, 3]);
    await coll.updateOne({ _id: 2 }, { $set: { "list.2": "x" } });
    expect((await coll.findOne({ _id: 2 }))?.list).toEqual([null, null, "x"]);
    await coll.updateOne({ _id: 2 }, { $set: { list: [] } });
  });

  it("answers a catastrophic pattern the linear engine can run, with the right result", async () => {
    expect(await coll.find({ s: { $regex: "^(a+)+$" } }).toArray()).toEqual([]);
    expect(await coll.countDocuments({ s: { $regex: "^(a+)+!$" } })).toBe(1);
  });

  it("stops a runaway regular expression at the client's maxTimeMS (MaxTimeMSExpired, 50)", async () => {
    const runaway = { s: { $regex: "^(a|aa)+$", $options: "i" } };
    const e = await refusedWhileOthersServed(() => coll.find(runaway, { maxTimeMS: 200 }).toArray(), 50);
    expect(e.codeName).toBe("MaxTimeMSExpired");
    await refusedWhileOthersServed(aggregate([{ $match: { $expr: { $regexMatch: { input: "$s", regex: "^(a|aa)+$", options: "i" } } } }], { maxTimeMS: 200 }), 50);
  });

  it("stops a runaway regular expression at the server's limit when no maxTimeMS is given (50)", async () => {
    const backreference = { s: { $regex: "^(a+)+\\1$" } };
    const e = await refusedWhileOthersServed(() => coll.find(backreference).toArray(), 50);
    expect(e.message).toMatch(new RegExp(`time limit of ${REGEX_LIMIT_MS} ms`));
    await refusedWhileOthersServed(() => coll.countDocuments(backreference), 50);
    await refusedWhileOthersServed(() => coll.distinct("_id", backreference), 50);
    await db.createCollection("a".repeat(40) + "!");
    await refusedWhileOthersServed(() => db.listCollections({ name: { $regex: "^(a+)+\\1$" } }).toArray(), 50);
  });

  it("honours maxTimeMS on writes without applying them", async () => {
    const runaway = { s: { $regex: "^(a|aa)+$", $options: "i" } };
    await refusedWhileOthersServed(() => coll.updateMany(runaway, { $set: { hit: true } }, { maxTimeMS: 100 } as never), 50);
    await refusedWhileOthersServed(() => coll.deleteMany(runaway, { maxTimeMS: 100 }), 50);
    await refusedWhileOthersServed(() => coll.findOneAndUpdate(runaway, { $set: { hit: true } }, { maxTimeMS: 100 }), 50);
    // The answer's projection is computed before the write, under the same limit.
    const projection = { m: { $regexMatch: { input: "$s", regex: "^(a|aa)+$", options: "i" } } };
    await refusedWhileOthersServed(() => coll.findOneAndUpdate({ _id: 1 }, { $set: { hit: true } }, { projection }), 50);
    await refusedWhileOthersServed(() => coll.findOneAndDelete({ _id: 1 }, { projection }), 50);
    expect(await coll.countDocuments({ hit: true })).toBe(0);
    expect(await coll.countDocuments()).toBe(2);
  });

  it("honours maxTimeMS on long work without regular expressions", async () => {
    const slow = { $reduce: { input: { $range: [0, 5_000_000] }, initialValue: 0, in: { $add: ["$$value", "$$this"] } } };
    await refusedWhileOthersServed(aggregate([{ $project: { r: slow } }], { maxTimeMS: 50 }), 50);
    await refusedWhileOthersServed(() => coll.find({ $expr: { $gt: [slow, 0] } }, { maxTimeMS: 50 }).toArray(), 50);
  });

  it("rejects a negative maxTimeMS", async () => {
    await expect(db.command({ find: "things", maxTimeMS: -1 })).rejects.toMatchObject({ code: 2 });
  });

  it("answers deeply nested documents and filters with an error and keeps serving", async () => {
    let filter: AnyDoc = { _id: 1 };
    for (let i = 0; i < 5000; i++) filter = { $and: [filter] };
    await refusedWhileOthersServed(() => coll.find(filter).toArray(), 15);
    // A document nested past what any parser's stack takes, sent as raw bytes.
    const target = hostPort(server.url)!;
    const conn = await RawConnection.open(target.host, target.port);
    await conn.authenticate(credentialsOf(server.url)!);
    const depth = 200_000;
    // Nested { a: { a: ... {} } }, built from both ends: each level adds a 7-byte head and a terminator.
    const heads = Buffer.alloc(7 * depth);
    for (let level = 0; level < depth; level++) {
      const at = 7 * level;
      heads.writeInt32LE(5 + 8 * (depth - level), at);
      heads[at + 4] = 3; // embedded document named "a"
      heads[at + 5] = 0x61;
      heads[at + 6] = 0;
    }
    const doc = Buffer.concat([heads, Buffer.from([5, 0, 0, 0, 0]), Buffer.alloc(depth)]);
    const message = opMsg(1, { insert: "things", $db: "limits" });
    const body = Buffer.concat([message.subarray(21, message.length - 1), Buffer.from([3]), Buffer.from("documents\0"), doc, Buffer.from([0])]);
    body.writeInt32LE(body.length, 0);
    const bytes = Buffer.concat([message.subarray(0, 21), body]);
    bytes.writeInt32LE(bytes.length, 0);
    conn.send(bytes);
    await conn.settle(1);
    expect(conn.replies[0].doc).toMatchObject({ ok: 0, code: 15, codeName: "Overflow", errmsg: "BSONObj exceeded maximum nested object depth: 200" });
    conn.close();
    expect(await bystander.db("limits").collection("things").countDocuments()).toBe(2);
  });
});
