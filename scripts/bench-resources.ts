import "reflect-metadata";
import { loadConfig } from "../config";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { MongoClient } from "mongodb";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, subgraphDatabaseName, Visibility, type Access } from "../subgraphs/kit";
import { ResourceKind } from "../subgraphs/resources/enums";
import type { ResourceDocument } from "../subgraphs/resources/resource/resource.repository";
import { spawnEmbeddedMongo } from "../embedded-mongo/process";
import { startHub } from "./hub";

/*
 * Search latency of the resources subgraph, through the gateway and directly at the subgraph.
 *
 *   npm run bench:resources -- [--resources 100000] [--queries 200] [--warmup 20] [--time-limit 900]
 *
 * Starts the whole hub on loopback (the embedded database in a process of its own, as `npm start` and
 * `start:cluster` run it, or MONGODB_URL with databases of its own that are dropped at the end), generates
 * synthetic resources straight into the resources database (the subgraph has created its text index), then
 * sends the same mix of relevance-ranked searches one at a time to the gateway and to the subgraph (with an
 * access token signed as the gateway would), and prints a table of latencies and of the CPU time each search
 * cost: this process (gateway and subgraphs run in it) plus the embedded database's process, and the
 * database's share alone (on a busy machine latencies include waiting for a core, CPU time does not).
 * Anonymous callers see the PUBLIC half of the resources; the subgraph is also measured for a member of three
 * networks allied with five more (the visibility filter's `$or` of owners and levels), and for both callers
 * once more without `totalCount` (counting every hit is the part of a broad search that grows with the data).
 * The whole run stops at the time limit: whatever was measured by then is reported.
 */

interface Options {
  resources: number;
  queries: number;
  warmup: number;
  timeLimitSeconds: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { resources: 100_000, queries: 200, warmup: 20, timeLimitSeconds: 900 };
  const names: Record<string, keyof Options> = { "--resources": "resources", "--queries": "queries", "--warmup": "warmup", "--time-limit": "timeLimitSeconds" };
  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i]];
    const value = Number(argv[i + 1]);
    if (!name || !Number.isInteger(value) || value < 0) throw new Error(`Unknown option or bad value: ${argv[i]} ${argv[i + 1] ?? ""}\nOptions: ${Object.keys(names).join(", ")}`);
    options[name] = value;
    i++;
  }
  return options;
}

/** A small deterministic PRNG (mulberry32): the same data set on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  "literacy", "mathematics", "science", "social studies", "advisory", "performance-based assessment", "counseling", "arts",
  "career exploration", "applied learning", "school leadership", "data", "english", "history", "technology", "civics",
];
const TOPICS = [
  "rubrics", "protocols", "student work", "senior exhibitions", "portfolios", "advisories", "interdisciplinary units", "project-based learning",
  "critical friends", "peer review", "improvement cycles", "on-track indicators", "after-school programs", "shared counselors", "joint purchasing",
  "workshops", "visitation days", "coaching", "benchmarking", "ninth-grade transition", "family engagement", "restorative practices",
  "writing workshop", "lab investigations", "place-based learning", "internships", "dual enrollment", "college advising", "attendance",
  "formative assessment", "moderation", "reading intervention", "math talks", "inquiry", "debate", "service learning",
];
const FORMS = ["guide", "toolkit", "curriculum", "protocol", "handbook", "units", "dataset", "program", "playbook", "framework"];
const KINDS = Object.values(ResourceKind);
const VISIBILITIES = [Visibility.PUBLIC, Visibility.PUBLIC, Visibility.PUBLIC, Visibility.ALLIANCE, Visibility.NETWORK, Visibility.PRIVATE];

function generateResources(count: number, prefix: string): ResourceDocument[] {
  const next = random(20240901);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const createdAt = new Date("2024-09-01T00:00:00.000Z");
  const docs: ResourceDocument[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(TOPICS);
    const other = pick(TOPICS);
    const subject = pick(SUBJECTS);
    const lowest = Math.floor(next() * 13) - 1;
    const highest = Math.min(12, lowest + Math.floor(next() * 6));
    // 80% owned by one of 2,000 schools (school k belongs to network k % 50), the rest by one of the 50 networks
    const school = Math.floor(next() * 2000);
    const owner = next() < 0.8
      ? { networkId: `${prefix}network-${school % 50}`, schoolId: `${prefix}school-${school}` }
      : { networkId: `${prefix}network-${Math.floor(next() * 50)}`, schoolId: null };
    docs.push({
      _id: `${prefix}resource-${i}`,
      title: `${subject[0].toUpperCase()}${subject.slice(1)} ${topic} ${pick(FORMS)} ${i}`,
      summary: `Shared ${topic} and ${other} for ${subject}, co-developed and tested by teachers across network schools.`,
      kind: pick(KINDS),
      owner,
      coDeveloperSchoolIds: next() < 0.3 ? [`${prefix}school-${Math.floor(next() * 2000)}`] : [],
      networkIds: [owner.networkId],
      subjects: [subject],
      lowestGrade: lowest,
      highestGrade: highest,
      tags: [topic, other],
      license: "CC-BY-4.0",
      url: null,
      visibility: pick(VISIBILITIES),
      createdAt,
      updatedAt: createdAt,
      archivedAt: null,
    });
  }
  return docs;
}

const search = (withTotal: boolean) => `query($text: String!, $lowestGrade: Int, $highestGrade: Int, $kinds: [ResourceKind!]) {
  searchResources(text: $text, lowestGrade: $lowestGrade, highestGrade: $highestGrade, kinds: $kinds, first: 20) {
    ${withTotal ? "totalCount" : ""}
    edges { score node { id title kind lowestGrade highestGrade owner { __typename } } }
  }
}`;

/** A coordinator of network 0, member of networks 0-2, whose networks are allied with networks 3-7 for resources. */
const MEMBER_ACCESS: Access = {
  ...ANONYMOUS_ACCESS,
  principal: { kind: "PERSON", personId: "bench-member" },
  organizationId: "bench-organization",
  canWrite: true,
  schoolIds: ["bench-school-0", "bench-school-50"],
  managedNetworkIds: ["bench-network-0"],
  memberNetworkIds: ["bench-network-0", "bench-network-1", "bench-network-2"],
  alliedNetworkIds: { RESOURCES: ["bench-network-3", "bench-network-4", "bench-network-5", "bench-network-6", "bench-network-7"] },
};

/** The searches every target receives, in the same order: words alone, for grades 9-12, or of some kinds. */
function searchMix(count: number): Array<Record<string, unknown>> {
  const next = random(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  return Array.from({ length: count }, (_, i) => {
    const text = next() < 0.5 ? pick(TOPICS) : `${pick(SUBJECTS)} ${pick(FORMS)}`;
    if (i % 3 === 1) return { text, lowestGrade: 9, highestGrade: 12 };
    if (i % 3 === 2) return { text, kinds: [pick(KINDS), pick(KINDS)] };
    return { text };
  });
}

interface Target {
  name: string;
  url: string;
  headers: () => Promise<Record<string, string>>;
  /** Whether the searches ask for `totalCount`. */
  withTotal: boolean;
}

interface Measurement {
  target: string;
  latencies: number[];
  /** CPU time per search of this process (gateway and subgraphs) and the database's: the work, whatever else the machine runs. */
  cpu: number[];
  /** The database process's CPU time per search (empty when it is not ours to read). */
  databaseCpu: number[];
  hits: number[];
  errors: number;
}

/**
 * CPU time a process has used so far, in ms, summed over its threads (Linux: `/proc/<pid>/task/<tid>/schedstat`
 * counts nanoseconds, where `/proc/<pid>/stat` counts 10 ms ticks); undefined where there is no such file.
 */
function processCpuMs(pid: number): number | undefined {
  try {
    let nanoseconds = 0;
    for (const thread of readdirSync(`/proc/${pid}/task`)) {
      try {
        nanoseconds += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return nanoseconds / 1e6;
  } catch {
    return undefined;
  }
}

async function measure(target: Target, searches: Array<Record<string, unknown>>, warmup: number, deadline: number, databasePid: number | undefined): Promise<Measurement> {
  const result: Measurement = { target: target.name, latencies: [], cpu: [], databaseCpu: [], hits: [], errors: 0 };
  const databaseCpu = () => (databasePid === undefined ? undefined : processCpuMs(databasePid));
  for (const [i, variables] of [...searches.slice(0, warmup), ...searches].entries()) {
    if (Date.now() > deadline) break;
    const headers = { "content-type": "application/json", ...(await target.headers()) };
    const databaseCpuStarted = databaseCpu();
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const response = await fetch(target.url, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: search(target.withTotal), variables }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as { data?: { searchResources?: { totalCount?: number } }; errors?: unknown[] };
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuStarted);
    const databaseCpuEnded = databaseCpu();
    if (i < warmup) continue;
    if (!response.ok || body.errors || !body.data?.searchResources) {
      result.errors++;
      if (result.errors === 1) console.error(`${target.name}: ${JSON.stringify(body.errors ?? response.status)}`);
      continue;
    }
    result.latencies.push(elapsed);
    const database = databaseCpuStarted !== undefined && databaseCpuEnded !== undefined ? databaseCpuEnded - databaseCpuStarted : undefined;
    result.cpu.push((cpu.user + cpu.system) / 1000 + (database ?? 0));
    if (database !== undefined) result.databaseCpu.push(database);
    if (body.data.searchResources.totalCount !== undefined) result.hits.push(body.data.searchResources.totalCount);
  }
  return result;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(measurements: Measurement[], resources: number): void {
  const rows = measurements.map((m) => {
    const sorted = [...m.latencies].sort((a, b) => a - b);
    const cpu = [...m.cpu].sort((a, b) => a - b);
    const databaseCpu = [...m.databaseCpu].sort((a, b) => a - b);
    const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1));
    return {
      target: m.target,
      searches: String(m.latencies.length),
      errors: String(m.errors),
      "median ms": ms(percentile(sorted, 50)),
      "p95 ms": ms(percentile(sorted, 95)),
      "max ms": ms(sorted.at(-1) ?? NaN),
      "CPU median ms": ms(percentile(cpu, 50)),
      "CPU p95 ms": ms(percentile(cpu, 95)),
      "db CPU median ms": ms(percentile(databaseCpu, 50)),
      "db CPU p95 ms": ms(percentile(databaseCpu, 95)),
      "mean hits": m.hits.length ? String(Math.round(m.hits.reduce((a, b) => a + b, 0) / m.hits.length)) : "-",
    };
  });
  const columns = Object.keys(rows[0]) as Array<keyof (typeof rows)[number]>;
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  console.log(`\nsearchResources over ${resources.toLocaleString("en-US")} resources (first: 20, one request at a time)\n`);
  console.log(line(columns));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.log(line(columns.map((column) => row[column])));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const deadline = Date.now() + options.timeLimitSeconds * 1000;
  const databasePrefix = `bench_${randomBytes(4).toString("hex")}_`;
  const external = loadConfig("bench").MONGODB_URL;
  console.log(`Starting the hub on 127.0.0.1 (${external ? "MONGODB_URL" : "embedded database in its own process"}) ...`);
  const database = external ? undefined : await spawnEmbeddedMongo({ host: "127.0.0.1" });
  // one caller asks thousands of searches in a row: the per-caller rate limit would measure itself
  const hub = await startHub({ mongoUrl: external ?? database!.url, databasePrefix, demoData: false, host: "127.0.0.1", safeguards: { rateLimit: { requests: 0 } } }).catch(
    async (error: unknown) => {
      await database?.stop();
      throw error;
    },
  );
  const client = new MongoClient(hub.mongoUrl);
  try {
    await client.connect();
    const collection = client.db(subgraphDatabaseName("resources", databasePrefix)).collection<ResourceDocument>("resources");
    const loadStarted = Date.now();
    const docs = generateResources(options.resources, "bench-");
    for (let i = 0; i < docs.length; i += 5000) {
      if (Date.now() > deadline) throw new Error("Time limit reached while loading resources");
      await collection.insertMany(docs.slice(i, i + 5000), { ordered: false });
      process.stdout.write(`\rLoaded ${Math.min(i + 5000, docs.length).toLocaleString("en-US")} resources`);
    }
    console.log(` in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);

    // the subgraph only accepts requests signed by the gateway: sign the caller's access as the gateway does
    const signedAs = (access: Access) => {
      let token = { value: "", signedAt: 0 };
      return async () => {
        if (Date.now() - token.signedAt > 30_000) token = { value: await signAccessToken(access, "resources", hub.keys.gatewayPrivateKey), signedAt: Date.now() };
        return { [ACCESS_HEADER]: token.value };
      };
    };
    const subgraph = hub.subgraphUrls.resources;
    const targets: Target[] = [
      { name: "gateway, anonymous", url: hub.gatewayUrl, headers: async () => ({}), withTotal: true },
      { name: "subgraph, anonymous", url: subgraph, headers: signedAs(ANONYMOUS_ACCESS), withTotal: true },
      { name: "subgraph, member", url: subgraph, headers: signedAs(MEMBER_ACCESS), withTotal: true },
      { name: "subgraph, anonymous, no totalCount", url: subgraph, headers: signedAs(ANONYMOUS_ACCESS), withTotal: false },
      { name: "subgraph, member, no totalCount", url: subgraph, headers: signedAs(MEMBER_ACCESS), withTotal: false },
    ];
    const searches = searchMix(options.queries);
    const measurements: Measurement[] = [];
    for (const target of targets) {
      console.log(`Measuring ${target.name} (${options.warmup} warm-up + ${options.queries} searches) ...`);
      measurements.push(await measure(target, searches, options.warmup, deadline, database?.pid));
    }
    if (Date.now() > deadline) console.log("Time limit reached: the table shows what was measured by then.");
    report(measurements, options.resources);
  } finally {
    if (external) {
      for (const { name } of (await client.db().admin().listDatabases()).databases) {
        if (name.startsWith(databasePrefix)) await client.db(name).dropDatabase();
      }
    }
    await client.close();
    await hub.stop();
    await database?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
