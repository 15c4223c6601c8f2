/**
 * `npm run bench:db`: throughput of the embedded MongoDB-compatible server through the official driver
 * (server in its own process on loopback, in memory), and how an indexed lookup scales from a
 * 1,000-document to a 1,000,000-document collection. A benchmark, not a test: it prints a table.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { MongoClient, type Collection, type Db, type Document } from "mongodb";
import { loadConfig } from "../config";

const config = loadConfig("bench");

const PHASE_MS = config.BENCH_PHASE_MS;
const CONCURRENCY = 4;
const LARGE = config.BENCH_LARGE_DOCS;
const SMALL = 1_000;

interface Row {
  name: string;
  ops: number;
  ms: number;
  /** server CPU time per operation (serverStatus extra_info), microseconds */
  serverUs?: number;
  note?: string;
}

let adminDb: Db | undefined;

/** The server's CPU time so far (mongod reports it as extra_info.user_time_us + system_time_us on Linux). */
async function serverCpuUs(): Promise<number | undefined> {
  if (!adminDb) return undefined;
  const info = (await adminDb.command({ serverStatus: 1 })).extra_info as Document | undefined;
  if (info?.user_time_us === undefined) return undefined;
  return Number(info.user_time_us) + Number(info.system_time_us ?? 0);
}

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const cli = path.resolve(__dirname, "..", "embedded-mongo", "cli.js");
  const child = spawn(process.execPath, ["--max-old-space-size=8192", cli, "--port", "0", "--host", "127.0.0.1"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /(mongodb:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** Runs `op` from `concurrency` loops for `durationMs`; returns ops/sec and mean latency. */
async function measure(name: string, op: (i: number) => Promise<unknown>, opts: { durationMs?: number; concurrency?: number; minOps?: number } = {}): Promise<Row> {
  const durationMs = opts.durationMs ?? PHASE_MS;
  const concurrency = opts.concurrency ?? CONCURRENCY;
  const minOps = opts.minOps ?? 1;
  // Warm up (JIT, and garbage left by the previous phase) before measuring.
  const warmUntil = Date.now() + Math.min(500, durationMs / 5);
  for (let i = 0; Date.now() < warmUntil && i < 10_000; i++) await op(i);
  let done = 0;
  let latency = 0;
  const cpuBefore = await serverCpuUs();
  const started = Date.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      let i = w;
      while (Date.now() < deadline || done < minOps) {
        const t = process.hrtime.bigint();
        await op(i);
        latency += Number(process.hrtime.bigint() - t) / 1e6;
        done++;
        i += concurrency;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  const cpuAfter = await serverCpuUs();
  const serverUs = cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / done : undefined;
  return { name, ops: done / elapsed, ms: latency / done, serverUs };
}

async function seed<T extends Document>(coll: Collection<T>, n: number, make: (i: number) => T, batch = 50_000): Promise<void> {
  for (let from = 0; from < n; from += batch) {
    const docs: T[] = [];
    for (let i = from; i < Math.min(n, from + batch); i++) docs.push(make(i));
    await coll.insertMany(docs as never, { ordered: false });
  }
}

const rand = (n: number): number => Math.floor(Math.random() * n);

function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${"operation".padEnd(w)}  ${"ops/sec".padStart(10)}  ${"mean latency".padStart(12)}  ${"server CPU/op".padStart(13)}`);
  console.log(`${"-".repeat(w)}  ${"-".repeat(10)}  ${"-".repeat(12)}  ${"-".repeat(13)}`);
  for (const r of rows) {
    const cpu = r.serverUs === undefined ? "" : `${fmt(r.serverUs, 0)} us`;
    console.log(`${r.name.padEnd(w)}  ${fmt(r.ops).padStart(10)}  ${(fmt(r.ms, 3) + " ms").padStart(12)}  ${cpu.padStart(13)}${r.note ? `  ${r.note}` : ""}`);
  }
}

async function lookupRounds(coll: Collection<Document>, n: number, rounds: number): Promise<Row[]> {
  const results: Row[] = [];
  for (let r = 0; r < rounds; r++) {
    results.push(await measure("lookup", (i) => coll.findOne({ code: `k${(i * 7919 + r) % n}` }), { durationMs: 1500, concurrency: 1 }));
  }
  return results;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const overall = Date.now();
  const { child, url } = await startServer();
  const client = await new MongoClient(url, { maxPoolSize: CONCURRENCY + 2 }).connect();
  const db = client.db("bench");
  adminDb = client.db("admin");
  const rows: Row[] = [];
  try {
    console.log(`embedded-mongo benchmark: server ${url} (own process, in memory), ${CONCURRENCY} concurrent requests, ${PHASE_MS} ms per measurement`);

    const inserts = db.collection("inserts");
    rows.push(await measure("insertOne", (i) => inserts.insertOne({ i, name: `user${i}`, tags: ["a", "b"], at: new Date() })));

    process.stdout.write("seeding 100,000 documents...");
    const people = db.collection<{ _id: number } & Document>("people");
    await people.createIndex({ email: 1 }, { unique: true });
    await seed(people, 100_000, (i) => ({ _id: i, email: `p${i}@example.org`, group: i % 50, score: i % 997, city: `city${i % 300}` }));
    console.log(" done");

    rows.push(await measure("find by _id", () => people.findOne({ _id: rand(100_000) })));
    rows.push(await measure("find by indexed field (unique email)", () => people.findOne({ email: `p${rand(100_000)}@example.org` })));
    rows.push(
      await measure("find with $in of 100 _ids", async () => {
        const ids = Array.from({ length: 100 }, () => rand(100_000));
        const docs = await people.find({ _id: { $in: ids } }).toArray();
        if (docs.length === 0) throw new Error("no documents");
      }),
    );
    rows.push(
      await measure(
        "$group over 100,000 documents",
        async () => {
          const groups = await people.aggregate([{ $group: { _id: "$group", n: { $sum: 1 }, avg: { $avg: "$score" } } }]).toArray();
          if (groups.length !== 50) throw new Error(`unexpected ${groups.length} groups`);
        },
        { concurrency: 1, minOps: 3 },
      ),
    );
    printTable(rows);

    console.log(`\nIndexed lookup scaling: ${fmt(SMALL)} vs ${fmt(LARGE)} documents, index { code: 1 }, one request at a time`);
    const small = db.collection("scale_small");
    const large = db.collection("scale_large");
    await small.createIndex({ code: 1 });
    await large.createIndex({ code: 1 });
    await seed(small, SMALL, (i) => ({ _id: i, code: `k${i}`, v: i }));
    const seedStart = Date.now();
    process.stdout.write(`seeding ${fmt(LARGE)} documents...`);
    await seed(large, LARGE, (i) => ({ _id: i, code: `k${i}`, v: i }), 100_000);
    console.log(` done in ${fmt((Date.now() - seedStart) / 1000, 1)} s`);

    const smallRows: Row[] = [];
    const largeRows: Row[] = [];
    for (let round = 0; round < 3; round++) {
      smallRows.push(...(await lookupRounds(small, SMALL, 1)));
      largeRows.push(...(await lookupRounds(large, LARGE, 1)));
    }
    const s = median(smallRows.map((r) => r.ms));
    const l = median(largeRows.map((r) => r.ms));
    const sCpu = median(smallRows.map((r) => r.serverUs ?? 0));
    const lCpu = median(largeRows.map((r) => r.serverUs ?? 0));
    const explainSmall = await small.find({ code: "k500" }).explain("executionStats");
    const explainLarge = await large.find({ code: `k${LARGE - 7}` }).explain("executionStats");
    const examined = (e: Document): string => `keys examined ${e.executionStats.totalKeysExamined}, docs examined ${e.executionStats.totalDocsExamined}`;
    printTable([
      { name: `lookup by code in ${fmt(SMALL)} docs`, ops: 1000 / s, ms: s, serverUs: sCpu, note: examined(explainSmall) },
      { name: `lookup by code in ${fmt(LARGE)} docs`, ops: 1000 / l, ms: l, serverUs: lCpu, note: examined(explainLarge) },
    ]);
    const ratio = l / s;
    console.log(`\ncost ratio (${fmt(LARGE)} / ${fmt(SMALL)}), latency: ${fmt(ratio, 2)}x, server CPU: ${fmt(lCpu / sCpu, 2)}x  ->  ${ratio <= 2 ? "OK (no more than 2x)" : "OVER the 2x budget"}`);
    console.log(`total benchmark time ${fmt((Date.now() - overall) / 1000, 1)} s`);
  } finally {
    await client.close();
    child.kill("SIGTERM");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
