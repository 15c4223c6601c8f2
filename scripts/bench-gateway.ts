import "reflect-metadata";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode } from "@apollo/query-planner";
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parse } from "graphql";
import type { Db, Document } from "mongodb";
import { environmentWith } from "../config";
import { SUPERGRAPH_PATH } from "../contracts/supergraph-config";
import { mintDevToken } from "../gateway/auth/dev-tokens";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { connectMongo, subgraphDatabaseName } from "../subgraphs/kit";
import { demoDirectory } from "./demo/networks";

/*
 * Throughput of the gateway and the subgraphs in their production shape.
 *
 *   npm run bench:gateway -- [--schools 59] [--seconds 5] [--connections 1,32] [--operations NetworkOverview,StateCampaigns,AllianceResources|all]
 *
 * Starts `start:cluster` (the embedded database, each subgraph and the gateways as separate processes) on ports
 * 5500-5599 with a fresh data directory, loads the demo data (59 schools) and copies it until there are about
 * `--schools` schools (each copy is the whole demo world with new ids), then drives each operation of `operations/` with
 * autocannon for `--seconds` at each number of connections, as an anonymous caller and as an organization admin
 * whose networks are in an alliance. It prints requests/s, latency p50 and p99, failed requests, the CPU time the
 * gateway and the four subgraphs spent per request (from /proc), and the database commands per request (the
 * subgraphs' own counters) beside the fetch nodes of the operation's query plan.
 */

interface Options {
  schools: number;
  seconds: number;
  connections: number[];
  operations: string[];
}

const DEFAULT_OPERATIONS = ["NetworkOverview", "StateCampaigns", "AllianceResources"];
const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.resolve(__dirname, "..");
const OPERATIONS_DIR = path.join(ROOT, "operations");
const SUBGRAPHS = ["networks", "resources", "development", "advocacy"] as const;
/** start:cluster's second gateway listens on GATEWAY_PORT + 1. */
const PORTS = { GATEWAY_PORT: 5500, NETWORKS_PORT: 5502, RESOURCES_PORT: 5503, DEVELOPMENT_PORT: 5504, ADVOCACY_PORT: 5505, REGISTRY_PORT: 5506, HUB_DB_PORT: 5510 };
/** Copies never take these: they hold no per-school data, or keys that must stay unique (API key hashes). */
const NOT_COPIED = new Set(["api_keys"]);

function parseOptions(argv: string[]): Options {
  const options: Options = { schools: 59, seconds: 5, connections: [1, 32], operations: DEFAULT_OPERATIONS };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1] ?? ""];
    if (name === "--schools" || name === "--seconds") {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) throw new Error(`${name} takes a positive integer`);
      options[name === "--schools" ? "schools" : "seconds"] = number;
    } else if (name === "--connections") {
      options.connections = value.split(",").map(Number);
      if (options.connections.some((count) => !Number.isInteger(count) || count < 1)) throw new Error("--connections takes positive integers, e.g. 1,32");
    } else if (name === "--operations") {
      options.operations = value === "all" ? allQueries() : value.split(",");
    } else {
      throw new Error(`Unknown option ${name}\nOptions: --schools N, --seconds N, --connections 1,32, --operations Name,…|all`);
    }
  }
  return options;
}

function allQueries(): string[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith(".graphql") && readFileSync(path.join(OPERATIONS_DIR, file), "utf8").includes("\nquery "))
    .map((file) => file.replace(/\.graphql$/, ""));
}

interface Operation {
  name: string;
  body: string;
  /** Fetch nodes of its query plan: the subgraph requests one execution makes. */
  fetchNodes: number;
}

function loadOperation(name: string, planner: QueryPlanner, supergraph: Supergraph): Operation {
  const query = readFileSync(path.join(OPERATIONS_DIR, `${name}.graphql`), "utf8");
  const variables = JSON.parse(readFileSync(path.join(OPERATIONS_DIR, `${name}.variables.json`), "utf8"));
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query), { operationName: name }));
  return { name, body: JSON.stringify({ query, variables, operationName: name }), fetchNodes: countFetches(plan.node as PlanNode | undefined) };
}

function countFetches(node: PlanNode | undefined): number {
  if (!node) return 0;
  switch (node.kind) {
    case "Fetch":
      return 1;
    case "Sequence":
    case "Parallel":
      return node.nodes.reduce((sum, child) => sum + countFetches(child), 0);
    case "Flatten":
      return countFetches(node.node);
    case "Condition":
      return Math.max(countFetches(node.ifClause), countFetches(node.elseClause));
    default:
      return 0;
  }
}

// ---- the cluster ---------------------------------------------------------------------------------

interface Cluster {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  mongoUrl: string;
  pids: { gateway: number; subgraphs: number[]; database: number | null };
  dataDir: string;
  stop(): Promise<void>;
}

async function startCluster(dataDir: string): Promise<Cluster> {
  const child = spawn(process.execPath, [path.join(DIST, "scripts", "cluster.js")], {
    env: environmentWith({
      ...Object.fromEntries(Object.entries(PORTS).map(([name, port]) => [name, String(port)])),
      HOST: "127.0.0.1",
      HUB_DATA_DIR: dataDir,
      DEMO_DATA: "true",
      HUB_LOG_LEVEL: "warn",
      HUB_RATE_LIMIT_REQUESTS: "0",
      NODE_ENV: "production",
    }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const ready = await new Promise<any>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`start:cluster exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === "cluster ready") resolve(entry);
      } catch {
        // not a log line
      }
    });
  });
  return {
    gatewayUrl: ready.gateways[0],
    subgraphUrls: Object.fromEntries(Object.entries(ready.subgraphs as Record<string, { url: string }>).map(([name, { url }]) => [name, url])),
    mongoUrl: ready.mongoUrl,
    pids: {
      gateway: ready.gatewayPids[0],
      subgraphs: SUBGRAPHS.map((name) => ready.subgraphs[name].pid as number),
      database: childProcessRunning(child, "embedded-mongo"),
    },
    dataDir,
    stop,
  };
}

/** The pid of the cluster's child whose command line mentions `needle` (the database), from /proc. */
function childProcessRunning(parent: ChildProcess, needle: string): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent.pid && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(needle)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | null): number {
  if (pid === null) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Database commands the four subgraphs sent so far (their /metrics counters), by "subgraph command". */
async function databaseCommands(cluster: Cluster): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const name of SUBGRAPHS) {
    const text = await (await fetch(cluster.subgraphUrls[name].replace(/\/graphql$/, "/metrics"))).text();
    for (const match of text.matchAll(/^hub_mongodb_commands_total\{[^}]*command="(\w+)"[^}]*\} (\d+(?:\.\d+)?)/gm)) {
      const key = `${name} ${match[1]}`;
      counts.set(key, (counts.get(key) ?? 0) + Number(match[2]));
    }
  }
  return counts;
}

function commandsBetween(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map([...after].map(([key, count]) => [key, count - (before.get(key) ?? 0)] as const).filter(([, count]) => count > 0));
}

// ---- the data set --------------------------------------------------------------------------------

/** The same id in copy `copy`: its first four hex digits replaced by the copy's number. */
function copiedId(id: string, copy: number): string {
  return copy.toString(16).padStart(4, "0") + id.slice(4);
}

function copyValue(value: unknown, copy: number): unknown {
  if (typeof value === "string") return value.replace(/\b[0-9a-f]{24}\b/g, (id) => copiedId(id, copy));
  if (Array.isArray(value)) return value.map((item) => copyValue(item, copy));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    if ((value as { _bsontype?: string })._bsontype) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyValue(item, copy)]));
  }
  return value;
}

/** Copies the demo world until there are about `schools` schools; returns how many there are. */
async function growDataSet(mongoUrl: string, schools: number): Promise<number> {
  const client = await connectMongo(mongoUrl);
  try {
    const databases: Db[] = SUBGRAPHS.map((name) => client.db(subgraphDatabaseName(name)));
    const demoSchools = demoDirectory().schools.length;
    const copies = Math.max(0, Math.round(schools / demoSchools) - 1);
    for (const db of databases) {
      for (const { name } of await db.listCollections().toArray()) {
        if (NOT_COPIED.has(name) || name.startsWith("system.")) continue;
        const documents = await db.collection(name).find().toArray();
        for (let copy = 1; copy <= copies; copy++) {
          const copied = documents.map((document) => {
            const next = copyValue(document, copy) as Document;
            if (name === "schools") delete next.ncesId;
            return next;
          });
          if (copied.length > 0) await db.collection(name).insertMany(copied, { ordered: false });
        }
      }
    }
    return demoSchools * (copies + 1);
  } finally {
    await client.close();
  }
}

// ---- the callers -----------------------------------------------------------------------------------

interface Caller {
  name: string;
  headers: Record<string, string>;
}

/** An organization admin whose networks share data with an alliance (found by asking the gateway). */
async function allianceMember(cluster: Cluster): Promise<Caller> {
  const keys = await loadOrCreateDevKeys(path.join(cluster.dataDir, "keys", "dev-keys.json"));
  for (const organization of demoDirectory().organizations) {
    const token = await mintDevToken(keys.issuerPrivateKey, { personId: "bench-member", organizationId: organization._id, roles: [{ role: "ORG_ADMIN" }] });
    const headers = { authorization: `Bearer ${token}` };
    const answer = await post(cluster.gatewayUrl, JSON.stringify({ query: "{ viewer { alliedData { kind shares { network { id } } } } }" }), headers);
    if (answer.data?.viewer?.alliedData?.some((data: { shares: unknown[] }) => data.shares.length > 0)) return { name: "alliance member", headers };
  }
  throw new Error("no demo organization is in an alliance");
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return response.json();
}

// ---- rounds ------------------------------------------------------------------------------------------

interface Row {
  operation: string;
  caller: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  gatewayCpuMs: number;
  subgraphCpuMs: number;
  databaseCpuMs: number;
  commandsPerRequest: number;
  /** e.g. "networks find 2.0": where the commands went. */
  commandsBySubgraph: string;
  fetchNodes: number;
  graphqlErrors: string;
}

async function round(cluster: Cluster, operation: Operation, caller: Caller, connections: number, seconds: number): Promise<Row> {
  const probe = await post(cluster.gatewayUrl, operation.body, caller.headers);
  const graphqlErrors = probe.errors ? [...new Set(probe.errors.map((error: any) => error.extensions?.code ?? error.message))].join(",") : "";
  const cpuBefore = [cpuSeconds(cluster.pids.gateway), cluster.pids.subgraphs.reduce((sum, pid) => sum + cpuSeconds(pid), 0), cpuSeconds(cluster.pids.database)];
  const commandsBefore = await databaseCommands(cluster);
  const result = await autocannon({
    url: cluster.gatewayUrl,
    method: "POST",
    headers: { "content-type": "application/json", ...caller.headers },
    body: operation.body,
    connections,
    duration: seconds,
  });
  const commands = commandsBetween(commandsBefore, await databaseCommands(cluster));
  const cpuAfter = [cpuSeconds(cluster.pids.gateway), cluster.pids.subgraphs.reduce((sum, pid) => sum + cpuSeconds(pid), 0), cpuSeconds(cluster.pids.database)];
  const requests = Math.max(1, result.requests.total);
  // the commands include the gateway's access lookup, once per caller and 30 s
  const perRequestMs = (index: number) => ((cpuAfter[index] - cpuBefore[index]) * 1000) / requests;
  return {
    operation: operation.name,
    caller: caller.name,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    gatewayCpuMs: perRequestMs(0),
    subgraphCpuMs: perRequestMs(1),
    databaseCpuMs: perRequestMs(2),
    commandsPerRequest: [...commands.values()].reduce((sum, count) => sum + count, 0) / requests,
    commandsBySubgraph: [...commands].map(([key, count]) => `${key} ${(count / requests).toFixed(1)}`).join(", "),
    fetchNodes: operation.fetchNodes,
    graphqlErrors,
  };
}

function printTable(rows: Row[]): void {
  const header = ["operation", "caller", "conn", "req/s", "p50 ms", "p99 ms", "failed", "gw cpu ms/req", "subgraphs cpu ms/req", "db cpu ms/req", "db cmds/req", "fetch nodes", "graphql errors"];
  const lines = rows.map((row) => [
    row.operation,
    row.caller,
    String(row.connections),
    row.requestsPerSecond.toFixed(0),
    row.p50.toFixed(0),
    row.p99.toFixed(0),
    String(row.failed),
    row.gatewayCpuMs.toFixed(2),
    row.subgraphCpuMs.toFixed(2),
    row.databaseCpuMs.toFixed(2),
    row.commandsPerRequest.toFixed(2),
    String(row.fetchNodes),
    row.graphqlErrors,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  console.log(format(header));
  console.log(`| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`);
  for (const line of lines) console.log(format(line));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_PATH, "utf8"));
  const planner = new QueryPlanner(supergraph);
  const operations = options.operations.map((name) => loadOperation(name, planner, supergraph));
  const dataDir = mkdtempSync(path.join(tmpdir(), "hub-bench-"));
  console.error(`Starting the cluster (data in ${dataDir})…`);
  const cluster = await startCluster(dataDir);
  try {
    const schools = await growDataSet(cluster.mongoUrl, options.schools);
    console.error(`Data set: ${schools} schools (the demo world ×${schools / demoDirectory().schools.length}); ${options.seconds} s per round`);
    const callers: Caller[] = [{ name: "anonymous", headers: {} }, await allianceMember(cluster)];
    const rows: Row[] = [];
    for (const operation of operations) {
      for (const caller of callers) {
        for (const connections of options.connections) {
          console.error(`  ${operation.name}, ${caller.name}, ${connections} connection(s)…`);
          rows.push(await round(cluster, operation, caller, connections, options.seconds));
        }
      }
    }
    console.log(`\n${schools} schools, ${options.seconds} s per round, gateway and subgraphs each in their own process`);
    printTable(rows);
    console.log("\nDatabase commands per request, by subgraph and command (one connection):");
    for (const row of rows.filter((candidate) => candidate.connections === Math.min(...options.connections))) {
      console.log(`  ${row.operation}, ${row.caller}: ${row.commandsBySubgraph}`);
    }
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
