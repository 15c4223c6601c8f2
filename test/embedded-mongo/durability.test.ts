/**
 * Durability of the embedded server with --dbpath: acknowledged writes survive kill -9, a torn
 * journal tail is ignored, the journal is compacted, and one dbpath serves one server only.
 * (These exercise the embedded server itself, whatever MONGODB_URL says.)
 */
import fs from "node:fs";
import type { AnyDoc } from "./helpers";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "../../embedded-mongo";
import { ensureCompiledCli, runCliToExit, startCli } from "./cli-process";

jest.setTimeout(120_000);

describe("embedded-mongo: durability with --dbpath", () => {
  let dir: string;

  beforeAll(() => {
    ensureCompiledCli();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-mongo-"));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("loses no acknowledged write when killed with SIGKILL", async () => {
    const first = await startCli(["--dbpath", dir]);
    const client = await new MongoClient(first.url).connect();
    const coll = client.db("app").collection<AnyDoc>("items");
    await coll.createIndex({ sku: 1 }, { unique: true });
    for (let i = 0; i < 200; i++) await coll.insertOne({ _id: i, sku: `s${i}`, qty: i });
    await coll.insertMany(Array.from({ length: 300 }, (_, i) => ({ _id: 1000 + i, sku: `m${i}`, qty: 0 })));
    await coll.updateMany({ qty: { $lt: 50 } }, { $inc: { qty: 1000 } });
    await coll.deleteMany({ _id: { $gte: 1200 } });
    await coll.findOneAndUpdate({ _id: 7 }, { $set: { last: true } });
    await client.db("app").collection<AnyDoc>("gone").insertOne({ x: 1 });
    await client.db("app").collection<AnyDoc>("gone").drop();
    first.child.kill("SIGKILL");
    await first.exited;
    await client.close(true);

    const second = await startCli(["--dbpath", dir]);
    const again = await new MongoClient(second.url).connect();
    try {
      const c = again.db("app").collection<AnyDoc>("items");
      expect(await c.countDocuments()).toBe(400);
      expect(await c.countDocuments({ qty: { $gte: 1000 } })).toBe(250);
      expect(await c.findOne({ _id: 7 })).toEqual({ _id: 7, sku: "s7", qty: 1007, last: true });
      expect(await c.findOne({ _id: 1250 })).toBeNull();
      expect((await c.indexes()).map((i) => i.name)).toEqual(["_id_", "sku_1"]);
      await expect(c.insertOne({ sku: "s1" })).rejects.toMatchObject({ code: 11000 });
      expect((await again.db("app").listCollections().toArray()).map((x) => x.name)).toEqual(["items"]);
    } finally {
      await again.close();
      second.child.kill("SIGTERM");
      expect((await second.exited).code).toBe(0);
    }
  });

  it("keeps every write acknowledged before a SIGKILL that hits mid-stream", async () => {
    const server = await startCli(["--dbpath", dir]);
    const client = await new MongoClient(server.url, { retryWrites: false, serverSelectionTimeoutMS: 2000 }).connect();
    const coll = client.db("app").collection<AnyDoc>("stream");
    const acknowledged: number[] = [];
    let next = 0;
    let killed = false;
    const writer = async (): Promise<void> => {
      while (!killed) {
        const id = next++;
        try {
          await coll.insertOne({ _id: id, payload: "x".repeat(200) });
          acknowledged.push(id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [writer(), writer(), writer()];
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    server.child.kill("SIGKILL");
    killed = true;
    await server.exited;
    await Promise.all(writers);
    await client.close(true);

    const restarted = await startCli(["--dbpath", dir]);
    const again = await new MongoClient(restarted.url).connect();
    try {
      const stored = new Set((await again.db("app").collection<AnyDoc>("stream").find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id as number));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await again.close();
      restarted.child.kill("SIGTERM");
      await restarted.exited;
    }
  });

  it("refuses a second server on the same dbpath, in another process or this one", async () => {
    const running = await startCli(["--dbpath", dir]);
    try {
      const refused = await runCliToExit(["--dbpath", dir]);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/already in use/);
      await expect(startEmbeddedMongo({ dbpath: dir })).rejects.toThrow(/already in use/);
    } finally {
      running.child.kill("SIGTERM");
      await running.exited;
    }
    // Once stopped, the dbpath is free again (in-process this time).
    const inProcess = await startEmbeddedMongo({ dbpath: dir });
    await expect(startEmbeddedMongo({ dbpath: dir })).rejects.toThrow(/already in use/);
    await inProcess.stop();
  });

  it("ignores a torn journal tail and compacts the journal on restart", async () => {
    const server = await startEmbeddedMongo({ dbpath: dir });
    const client = await new MongoClient(server.url).connect();
    const coll = client.db("app").collection<AnyDoc>("counter");
    await coll.insertOne({ _id: "c", n: 0, pad: "x".repeat(500) });
    for (let i = 0; i < 300; i++) await coll.updateOne({ _id: "c" }, { $inc: { n: 1 } });
    await client.close();
    await server.stop();

    const journal = path.join(dir, "journal.bson");
    const before = fs.statSync(journal).size;
    // A write cut short by a crash: a frame header promising more bytes than were written.
    fs.appendFileSync(journal, Buffer.from([0xff, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5]));

    const restarted = await startEmbeddedMongo({ dbpath: dir });
    const again = await new MongoClient(restarted.url).connect();
    try {
      expect(await again.db("app").collection<AnyDoc>("counter").findOne({ _id: "c" }, { projection: { n: 1 } })).toEqual({ _id: "c", n: 300 });
      expect(fs.statSync(journal).size).toBeLessThan(before / 10);
      await again.db("app").collection<AnyDoc>("counter").insertOne({ _id: "d" });
    } finally {
      await again.close();
      await restarted.stop();
    }
    const third = await startEmbeddedMongo({ dbpath: dir });
    const client3 = await new MongoClient(third.url).connect();
    expect(await client3.db("app").collection<AnyDoc>("counter").countDocuments()).toBe(2);
    await client3.close();
    await third.stop();
  });
});
