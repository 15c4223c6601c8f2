import "reflect-metadata";
import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode } from "@apollo/query-planner";
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parse } from "graphql";
import { exportJWK } from "jose";
import { environmentWith, SUBGRAPH_VARIABLES } from "../config";
import { SUPERGRAPH_PATH } from "../contracts/supergraph-config";
import { mintDevToken } from "../gateway/auth/dev-tokens";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { connectionString, loadOrCreateCredentials } from "../embedded-mongo/auth/credentials";
import { demoDirectory } from "./demo/networks";
import { growDataSet, SUBGRAPHS } from "./bench-data-set";
import type { HiveContenderOptions } from "./bench-hive-gateway";

/*
 * Throughput of the gateway and the subgraphs in their production shape.
 *
 *   npm run bench:gateway -- [--schools 59] [--seconds 5] [--connections 1,32] [--operations NetworkOverview,StateCampaigns,AllianceResources|all]
 *                            [--compare-hive] [--baseline DIR] [--baseline-gateway DIR] [--rounds 1] [--base-port 5500]
 *
 * Starts `start:cluster` (the embedded database, each subgraph and the gateways as separate processes) on ports
 * from `--base-port` (5500-5599 by default) with a fresh data directory, loads the demo data (59 schools) and copies it until there are about
 * `--schools` schools (each copy is the whole demo world with new ids), then drives each operation of `operations/` with
 * autocannon for `--seconds` (after 2 uncounted seconds) at each number of connections, as an anonymous caller and as an organization admin
 * whose networks are in an alliance. It prints requests/s, latency p50 and p99, failed requests, the CPU time the
 * gateway and the four subgraphs spent per request (from /proc), and the database commands per request (the
 * subgraphs' own counters) beside the fetch nodes of the operation's query plan.
 *
 * Other contenders run in the same run, each in its own processes, in alternating rounds, and ratios to the hub
 * follow the table:
 *  - `--baseline DIR`: another built checkout's whole cluster (e.g. an older commit): its own `dist/scripts/cluster.js`
 *    on ports from `--base-port` + 40 with its own data folder (the same signing keys, so the same callers), its own
 *    demo data grown to the same number of schools, and each operation as that checkout's `operations/` writes it.
 *    Its gateway, subgraphs and database are measured as the hub's are; the ratios add the subgraphs' and the
 *    database's CPU per request.
 *  - `--baseline-gateway DIR`: only the hub's gateway built in another checkout (`DIR/dist/gateway/main.js`), on the
 *    hub's subgraphs: its schema must match theirs.
 *  - `--compare-hive`: Hive Gateway with its defaults and with its Rust query planner (`bench-hive-gateway.ts`,
 *    forwarding the same signed access), on the hub's subgraphs.
 */

interface Options {
  schools: number;
  seconds: number;
  connections: number[];
  operations: string[];
  compareHive: boolean;
  /** A built checkout whose whole cluster (`dist/scripts/cluster.js`) runs as the "baseline" contender. */
  baseline: string | null;
  /** A built checkout whose gateway (`dist/gateway/main.js`) runs on the hub's subgraphs as the "baseline gateway" contender. */
  baselineGateway: string | null;
  /** How many times each contender runs each (operation, caller, connections), alternating. */
  rounds: number;
  basePort: number;
}

const DEFAULT_OPERATIONS = ["NetworkOverview", "StateCampaigns", "AllianceResources"];
const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.resolve(__dirname, "..");
const OPERATIONS_DIR = path.join(ROOT, "operations");
/** Ports from the base port: start:cluster's second gateway listens on GATEWAY_PORT + 1; the other gateways from +20, a baseline's cluster from +40. */
const PORT_OFFSETS = { GATEWAY_PORT: 0, NETWORKS_PORT: 2, RESOURCES_PORT: 3, DEVELOPMENT_PORT: 4, ADVOCACY_PORT: 5, REGISTRY_PORT: 6, HUB_DB_PORT: 10 };
const CONTENDER_PORT_OFFSET = 20;
/** Load before each measured round, at the same connections, not counted. */
const WARMUP_SECONDS = 2;
const BASELINE_CLUSTER_PORT_OFFSET = 40;
const CLUSTER_SCRIPT = path.join("dist", "scripts", "cluster.js");
const KEYS_FILE = path.join("keys", "dev-keys.json");

function parseOptions(argv: string[]): Options {
  const options: Options = { schools: 59, seconds: 5, connections: [1, 32], operations: DEFAULT_OPERATIONS, compareHive: false, baseline: null, baselineGateway: null, rounds: 1, basePort: 5500 };
  const numbers = { "--schools": "schools", "--seconds": "seconds", "--rounds": "rounds", "--base-port": "basePort" } as const;
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1] ?? ""];
    if (name === "--compare-hive") {
      options.compareHive = true;
      i -= 1;
    } else if (name in numbers) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) throw new Error(`${name} takes a positive integer`);
      options[numbers[name as keyof typeof numbers]] = number;
    } else if (name === "--baseline") {
      options.baseline = path.resolve(value);
      if (!existsSync(path.join(options.baseline, CLUSTER_SCRIPT))) throw new Error(`--baseline takes a built checkout with start:cluster: no ${options.baseline}/${CLUSTER_SCRIPT}`);
    } else if (name === "--baseline-gateway") {
      options.baselineGateway = path.resolve(value);
      if (!existsSync(path.join(options.baselineGateway, "dist", "gateway", "main.js"))) throw new Error(`--baseline-gateway takes a built checkout: no ${options.baselineGateway}/dist/gateway/main.js`);
    } else if (name === "--connections") {
      options.connections = value.split(",").map(Number);
      if (options.connections.some((count) => !Number.isInteger(count) || count < 1)) throw new Error("--connections takes positive integers, e.g. 1,32");
    } else if (name === "--operations") {
      options.operations = value === "all" ? allQueries() : value.split(",");
    } else {
      throw new Error(
        `Unknown option ${name}\nOptions: --schools N, --seconds N, --connections 1,32, --operations Name,…|all, --compare-hive, --baseline DIR, --baseline-gateway DIR, --rounds N, --base-port N`,
      );
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

/** The operations named as `checkout` writes them (its `operations/`), planned on its supergraph. */
function loadOperations(checkout: string, names: string[]): Map<string, Operation> {
  const operationsDir = path.join(checkout, path.relative(ROOT, OPERATIONS_DIR));
  const supergraph = Supergraph.build(readFileSync(path.join(checkout, path.relative(ROOT, SUPERGRAPH_PATH)), "utf8"));
  const planner = new QueryPlanner(supergraph);
  return new Map(
    names.map((name) => {
      const query = readFileSync(path.join(operationsDir, `${name}.graphql`), "utf8");
      const variables = JSON.parse(readFileSync(path.join(operationsDir, `${name}.variables.json`), "utf8"));
      const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query), { operationName: name }));
      return [name, { name, body: JSON.stringify({ query, variables, operationName: name }), fetchNodes: countFetches(plan.node as PlanNode | undefined) }];
    }),
  );
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
  /** The variables the cluster gives its gateways, for another gateway to run alike. */
  gatewayEnvironment: Record<string, string>;
  stop(): Promise<void>;
}

const CLUSTER_SETTINGS = { HOST: "127.0.0.1", HUB_LOG_LEVEL: "warn", HUB_RATE_LIMIT_REQUESTS: "0", NODE_ENV: "production" };

/** Runs `checkout`'s start:cluster on ports from `basePort` with its data in `dataDir`. */
async function startCluster(checkout: string, dataDir: string, basePort: number): Promise<Cluster> {
  const child = spawn(process.execPath, [path.join(checkout, CLUSTER_SCRIPT)], {
    env: environmentWith({
      ...Object.fromEntries(Object.entries(PORT_OFFSETS).map(([name, offset]) => [name, String(basePort + offset)])),
      ...CLUSTER_SETTINGS,
      HUB_DATA_DIR: dataDir,
      DEMO_DATA: "true",
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
        // the services' warnings and errors (their logs go to the cluster's output)
        else if (entry.level >= 40) console.error(line);
      } catch {
        // not a log line
      }
    });
  });
  const subgraphUrls = Object.fromEntries(Object.entries(ready.subgraphs as Record<string, { url: string }>).map(([name, { url }]) => [name, url]));
  const keys = await loadOrCreateDevKeys(path.join(dataDir, KEYS_FILE));
  return {
    gatewayUrl: ready.gateways[0],
    subgraphUrls,
    // the ready line names the database without its credential, which the cluster keeps in its data directory
    mongoUrl: connectionString(CLUSTER_SETTINGS.HOST, basePort + PORT_OFFSETS.HUB_DB_PORT, loadOrCreateCredentials(path.join(dataDir, "cluster", "db"))),
    gatewayEnvironment: {
      ...CLUSTER_SETTINGS,
      HUB_GATEWAY_PRIVATE_KEY: JSON.stringify(await exportJWK(keys.gatewayPrivateKey)),
      HUB_DEV_ISSUER_PUBLIC_KEY: JSON.stringify(await exportJWK(keys.issuerPublicKey)),
      ...Object.fromEntries(Object.entries(SUBGRAPH_VARIABLES).map(([name, variables]) => [variables.url, subgraphUrls[name]])),
    },
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

// ---- the callers -----------------------------------------------------------------------------------

interface Caller {
  name: string;
  headers: Record<string, string>;
}

/** An organization admin whose networks share data with an alliance (found by asking the gateway). */
async function allianceMember(cluster: Cluster): Promise<Caller> {
  const keys = await loadOrCreateDevKeys(path.join(cluster.dataDir, KEYS_FILE));
  for (const organization of demoDirectory().organizations) {
    const token = await mintDevToken(keys.issuerPrivateKey, { personId: "bench-member", organizationId: organization._id, roles: [{ role: "ORG_ADMIN" }] });
    const headers = { authorization: `Bearer ${token}` };
    const answer = await post(cluster.gatewayUrl, JSON.stringify({ query: "{ viewer { alliedData { kind shares(first: 1) { totalCount } } } }" }), headers);
    if (answer.data?.viewer?.alliedData?.some((data: { shares: { totalCount: number } }) => data.shares.totalCount > 0)) return { name: "alliance member", headers };
  }
  throw new Error("no demo organization is in an alliance");
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<any> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return response.json();
}

// ---- the contenders ------------------------------------------------------------------------------

/** A gateway in its own process, the subgraphs and database behind it, and the operations as its checkout writes them. */
interface Contender {
  name: string;
  url: string;
  pid: number;
  cluster: Cluster;
  /** Its own cluster (a baseline's), rather than the hub's: its subgraphs' and database's CPU are compared too. */
  ownCluster: boolean;
  operations: Map<string, Operation>;
  stop(): Promise<void>;
}

const HUB = "hub";

interface GatewayProcess {
  pid: number;
  stop(): Promise<void>;
}

/** Starts a gateway process and waits until it answers a query; stops it if it never does. */
async function startGateway(name: string, args: string[], env: NodeJS.ProcessEnv, url: string): Promise<GatewayProcess> {
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${name} gateway exited (${child.exitCode}) before it answered`);
    const answered = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ __typename }"}' }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { pid: child.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the ${name} gateway did not answer within 120 s (${url})`);
}

/** A fresh data folder with `checkout`'s cluster on it, its demo data grown to about `schools` schools. */
async function startClusterWithData(checkout: string, basePort: number, schools: number, keysFrom?: string): Promise<{ cluster: Cluster; schools: number }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "hub-bench-"));
  // the same signing keys: a caller's token is good for both clusters
  if (keysFrom) {
    mkdirSync(path.join(dataDir, path.dirname(KEYS_FILE)));
    copyFileSync(keysFrom, path.join(dataDir, KEYS_FILE));
  }
  console.error(`Starting the cluster of ${checkout} (data in ${dataDir})…`);
  const cluster = await startCluster(checkout, dataDir, basePort).catch((error: Error) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const stop = async () => {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const started = Date.now();
    const grown = await growDataSet(cluster.mongoUrl, schools);
    console.error(`Data set of ${checkout}: ${grown} schools, grown in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { cluster: { ...cluster, stop }, schools: grown };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startContenders(hub: Cluster, options: Options): Promise<Contender[]> {
  const hubOperations = loadOperations(ROOT, options.operations);
  const contenders: Contender[] = [{ name: HUB, url: hub.gatewayUrl, pid: hub.pids.gateway, cluster: hub, ownCluster: false, operations: hubOperations, stop: async () => {} }];
  const onHub = (name: string, url: string, gateway: GatewayProcess, operations = hubOperations): Contender => ({ name, url, ...gateway, cluster: hub, ownCluster: false, operations });
  let port = options.basePort + CONTENDER_PORT_OFFSET;
  const host = CLUSTER_SETTINGS.HOST;
  try {
    if (options.baseline) {
      const { cluster } = await startClusterWithData(options.baseline, options.basePort + BASELINE_CLUSTER_PORT_OFFSET, options.schools, path.join(hub.dataDir, KEYS_FILE));
      contenders.push({ name: "baseline", url: cluster.gatewayUrl, pid: cluster.pids.gateway, cluster, ownCluster: true, operations: loadOperations(options.baseline, options.operations), stop: cluster.stop });
    }
    if (options.baselineGateway) {
      const url = `http://${host}:${port}/graphql`;
      const env = environmentWith({ ...hub.gatewayEnvironment, GATEWAY_PORT: String(port++) });
      console.error(`Starting the baseline gateway from ${options.baselineGateway}…`);
      const gateway = await startGateway("baseline gateway", [path.join(options.baselineGateway, "dist", "gateway", "main.js")], env, url);
      contenders.push(onHub("baseline gateway", url, gateway, loadOperations(options.baselineGateway, options.operations)));
    }
    if (options.compareHive) {
      for (const planner of ["default", "rust"] as const) {
        const hive: HiveContenderOptions = {
          port: port++,
          host,
          planner,
          supergraphPath: SUPERGRAPH_PATH,
          subgraphUrls: hub.subgraphUrls,
          keysFile: path.join(hub.dataDir, KEYS_FILE),
        };
        const name = planner === "rust" ? "hive rust" : "hive";
        const url = `http://${host}:${hive.port}/graphql`;
        console.error(`Starting Hive Gateway (${name})…`);
        const args = [path.join(DIST, "scripts", "bench-hive-gateway.js"), JSON.stringify(hive)];
        contenders.push(onHub(name, url, await startGateway(name, args, environmentWith({ NODE_ENV: "production" }), url)));
      }
    }
    return contenders;
  } catch (error) {
    await Promise.all(contenders.map((contender) => contender.stop()));
    throw error;
  }
}

// ---- rounds ------------------------------------------------------------------------------------------

/** One contender's run of one (operation, caller, connections), possibly over several rounds. */
interface Row {
  gateway: string;
  operation: string;
  caller: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Each round's requests/s and p99/p50, in round order: rounds of all contenders alternate, so round i of one is beside round i of another. */
  byRound: Array<{ requestsPerSecond: number; tail: number }>;
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

interface Measurement {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  /** CPU milliseconds spent meanwhile by the gateway, the four subgraphs, the database. */
  cpuMs: [number, number, number];
  commands: Map<string, number>;
  graphqlErrors: string;
}

function cpuOf({ pid, cluster }: Contender): [number, number, number] {
  return [cpuSeconds(pid), cluster.pids.subgraphs.reduce((sum, pid) => sum + cpuSeconds(pid), 0), cpuSeconds(cluster.pids.database)];
}

function load(contender: Contender, operation: string, caller: Caller, connections: number, seconds: number) {
  return autocannon({
    url: contender.url,
    method: "POST",
    headers: { "content-type": "application/json", ...caller.headers },
    body: contender.operations.get(operation)!.body,
    connections,
    duration: seconds,
  });
}

async function measure(contender: Contender, operation: string, caller: Caller, connections: number, seconds: number): Promise<Measurement> {
  const { cluster } = contender;
  const probe = await post(contender.url, contender.operations.get(operation)!.body, caller.headers);
  const graphqlErrors = probe.errors ? [...new Set(probe.errors.map((error: any) => error.extensions?.code ?? error.message))].join(",") : "";
  // unmeasured: while the other contenders ran, this one's caches of callers and their access expired (30 to 60 s)
  await load(contender, operation, caller, connections, WARMUP_SECONDS);
  await settle(contender);
  const cpuBefore = cpuOf(contender);
  const commandsBefore = await databaseCommands(cluster);
  const result = await load(contender, operation, caller, connections, seconds);
  // requests still in flight when the load stops are served anyway: their work belongs to this round, not the next
  await settle(contender);
  const commands = commandsBetween(commandsBefore, await databaseCommands(cluster));
  const cpuAfter = cpuOf(contender);
  return {
    requests: Math.max(result.requests.sent, result.requests.total),
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    cpuMs: [0, 1, 2].map((index) => (cpuAfter[index] - cpuBefore[index]) * 1000) as [number, number, number],
    commands,
    graphqlErrors,
  };
}

/** Waits (at most 20 s) until the gateway, the subgraphs and the database together use under a tenth of a core. */
async function settle(contender: Contender): Promise<void> {
  const busy = () => cpuOf(contender).reduce((sum, seconds) => sum + seconds, 0);
  const deadline = Date.now() + 20_000;
  let before = busy();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = busy();
    if (now - before < 0.03) return;
    before = now;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds of one contender on one cell: requests/s averaged, latencies their median, CPU and commands per request over all rounds. */
function rowOf(contender: Contender, operationName: string, caller: Caller, connections: number, rounds: Measurement[]): Row {
  const operation = contender.operations.get(operationName)!;
  const requests = Math.max(1, rounds.reduce((sum, round) => sum + round.requests, 0));
  const perRequestMs = (index: number) => rounds.reduce((sum, round) => sum + round.cpuMs[index], 0) / requests;
  const commands = new Map<string, number>();
  for (const round of rounds) for (const [key, count] of round.commands) commands.set(key, (commands.get(key) ?? 0) + count);
  return {
    gateway: contender.name,
    operation: operation.name,
    caller: caller.name,
    connections,
    requests,
    requestsPerSecond: rounds.reduce((sum, round) => sum + round.requestsPerSecond, 0) / rounds.length,
    p50: median(rounds.map((round) => round.p50)),
    p99: median(rounds.map((round) => round.p99)),
    byRound: rounds.map((round) => ({ requestsPerSecond: round.requestsPerSecond, tail: round.p99 / round.p50 })),
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    // the commands include the gateway's access lookup, once per caller and 30 s
    gatewayCpuMs: perRequestMs(0),
    subgraphCpuMs: perRequestMs(1),
    databaseCpuMs: perRequestMs(2),
    commandsPerRequest: [...commands.values()].reduce((sum, count) => sum + count, 0) / requests,
    commandsBySubgraph: [...commands].map(([key, count]) => `${key} ${(count / requests).toFixed(1)}`).join(", "),
    fetchNodes: operation.fetchNodes,
    graphqlErrors: [...new Set(rounds.flatMap((round) => (round.graphqlErrors ? [round.graphqlErrors] : [])))].join(","),
  };
}

function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  console.log(format(header));
  console.log(`| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`);
  for (const line of lines) console.log(format(line));
}

function printRows(rows: Row[], contenders: Contender[]): void {
  const header = ["operation", "caller", "conn", "req/s", "p50 ms", "p99 ms", "failed", "gw cpu ms/req", "subgraphs cpu ms/req", "db cpu ms/req", "db cmds/req", "fetch nodes", "graphql errors"];
  const compared = contenders.length > 1;
  printTable(
    compared ? ["gateway", ...header] : header,
    rows.map((row) => [
      ...(compared ? [row.gateway] : []),
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
    ]),
  );
}

/**
 * Per cell: the hub's p99 over its p50, and against each other contender its requests/s and gateway CPU per
 * request as ratios, with the subgraphs' and database's CPU per request for a contender with its own cluster.
 * Over several rounds, p99/p50 and requests/s also give their lowest and highest round (requests/s: round i of
 * the hub over round i of the other), so a ratio within the noise shows as one.
 */
function printRatios(rows: Row[], contenders: Contender[]): void {
  const others = contenders.filter((contender) => contender.name !== HUB);
  const columns = (contender: Contender) => [
    `req/s hub/${contender.name}`,
    `gw cpu hub/${contender.name}`,
    ...(contender.ownCluster ? [`subgraphs cpu hub/${contender.name}`, `db cpu hub/${contender.name}`] : []),
  ];
  const hubRows = rows.filter((row) => row.gateway === HUB);
  const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : "-");
  const withRange = (overall: string, byRound: number[]) => {
    const measured = byRound.filter(Number.isFinite);
    return measured.length > 1 ? `${overall} (${Math.min(...measured).toFixed(2)}–${Math.max(...measured).toFixed(2)})` : overall;
  };
  printTable(
    ["operation", "caller", "conn", "hub p99/p50", ...others.flatMap(columns)],
    hubRows.map((hub) => {
      const ratios = (contender: Contender) => {
        const other = rows.find((row) => row.gateway === contender.name && row.operation === hub.operation && row.caller === hub.caller && row.connections === hub.connections)!;
        return [
          withRange(
            ratio(hub.requestsPerSecond, other.requestsPerSecond),
            hub.byRound.map((round, i) => round.requestsPerSecond / other.byRound[i].requestsPerSecond),
          ),
          ratio(hub.gatewayCpuMs, other.gatewayCpuMs),
          ...(contender.ownCluster ? [ratio(hub.subgraphCpuMs, other.subgraphCpuMs), ratio(hub.databaseCpuMs, other.databaseCpuMs)] : []),
        ];
      };
      const tail = withRange(ratio(hub.p99, hub.p50), hub.byRound.map((round) => round.tail));
      return [hub.operation, hub.caller, String(hub.connections), tail, ...others.flatMap(ratios)];
    }),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { cluster: hub, schools } = await startClusterWithData(ROOT, options.basePort, options.schools);
  let contenders: Contender[] = [];
  try {
    console.error(`Data set: ${schools} schools (the demo world ×${schools / demoDirectory().schools.length}); ${options.seconds} s per round`);
    contenders = await startContenders(hub, options);
    const callers: Caller[] = [{ name: "anonymous", headers: {} }, await allianceMember(hub)];
    if (contenders.length > 1) {
      // each gateway's first requests compile its code and fill its plan cache: not what is compared
      console.error("Warming up each gateway…");
      for (const contender of contenders) {
        for (const operation of options.operations) for (const caller of callers) await load(contender, operation, caller, Math.max(...options.connections), 1);
        await settle(contender);
      }
    }
    const rows: Row[] = [];
    for (const operation of options.operations) {
      for (const caller of callers) {
        for (const connections of options.connections) {
          const rounds = new Map<string, Measurement[]>(contenders.map((contender) => [contender.name, []]));
          for (let round = 0; round < options.rounds; round++) {
            // the order turns each round, so no contender always follows the same one
            for (let index = 0; index < contenders.length; index++) {
              const contender = contenders[(index + round) % contenders.length];
              console.error(`  ${operation}, ${caller.name}, ${connections} connection(s), ${contender.name}, round ${round + 1}…`);
              rounds.get(contender.name)!.push(await measure(contender, operation, caller, connections, options.seconds));
            }
          }
          for (const contender of contenders) rows.push(rowOf(contender, operation, caller, connections, rounds.get(contender.name)!));
        }
      }
    }
    console.log(`\n${schools} schools, ${options.seconds} s per round, ${options.rounds} round(s), gateway and subgraphs each in their own process`);
    printRows(rows, contenders);
    if (contenders.length > 1) {
      console.log("\nRatios (hub over each other contender; requests/s above 1 and CPU below 1 favour the hub):");
      printRatios(rows, contenders);
    }
    console.log("\nDatabase commands per request, by subgraph and command (the hub's gateway, one connection):");
    for (const row of rows.filter((candidate) => candidate.gateway === HUB && candidate.connections === Math.min(...options.connections))) {
      console.log(`  ${row.operation}, ${row.caller}: ${row.commandsBySubgraph}`);
    }
  } finally {
    await Promise.all(contenders.map((contender) => contender.stop()));
    await hub.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
