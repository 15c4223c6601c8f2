import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { exportJWK } from "jose";
import { environmentWith, loadConfig, SUBGRAPH_VARIABLES, type HubSubgraphName } from "../config";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { connectionString, loadOrCreateCredentials } from "../embedded-mongo/auth/credentials";
import { connectMongo } from "../subgraphs/kit/database";
import { createLogger } from "../runtime/observability/logger";
import { exitOnStartFailure, stopOnSignals } from "../runtime/process";
import { secondGatewayPort } from "./cluster-ports";
import { seedDemoData } from "./demo/seed";

/**
 * `npm run start:cluster`: the production topology on one machine, as docs/deploy.md describes: the
 * embedded database (unless MONGODB_URL), each subgraph and two gateways, each its own process started
 * from dist/ with its variables. It supervises them as systemd or Kubernetes would: a process that exits
 * is started again on the same port; SIGTERM stops the gateways, then the subgraphs, then the database.
 * When all answer `/ready` it prints one JSON line `cluster ready` with every URL and process id.
 */
const DIST = path.resolve(__dirname, "..");
const ENTRY_POINTS = {
  gateway: path.join(DIST, "gateway", "main.js"),
  db: path.join(DIST, "embedded-mongo", "cli.js"),
  subgraph: (name: string) => path.join(DIST, "subgraphs", name, "main.js"),
};

const config = loadConfig("cluster");
const logger = createLogger({ service: "cluster", level: "info" });

/**
 * Node's flags per process, as their `npm run start:<name>` scripts pass them. The gateway's requests in flight under
 * load outlive V8's default young generation and get promoted to the old one, collected only by full mark-compacts;
 * 64 MB semi-spaces keep them young (measured: the gateway's garbage collection 15% of its busy time at 32 connections,
 * 10% with them).
 */
const NODE_FLAGS = { gateway: ["--max-semi-space-size=64"] };

interface Service {
  name: string;
  entryPoint: string;
  nodeFlags?: string[];
  args: string[];
  env: Record<string, string>;
  /** Where it answers when it can serve. */
  readyUrl: string;
  child?: ChildProcess;
}

const services: Service[] = [];
let stopping = false;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, config.HOST, resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A configured port, or a free one when it is 0; a fixed port is kept across restarts. */
async function portOf(configured: number): Promise<number> {
  return configured === 0 ? freePort() : configured;
}

function spawnService(service: Service): ChildProcess {
  const child = spawn(process.execPath, [...(service.nodeFlags ?? []), service.entryPoint, ...service.args], {
    env: environmentWith(service.env),
    stdio: ["ignore", "inherit", "inherit"],
  });
  service.child = child;
  child.once("exit", (code, signal) => {
    if (stopping) return;
    logger.warn({ process: service.name, code, signal }, "process exited; starting it again");
    spawnService(service);
    waitUntilReady(service).then(
      () => logger.info({ process: service.name, pid: service.child?.pid }, "process restarted"),
      (error: Error) => logger.error({ process: service.name, error: error.message }, "process did not come back"),
    );
  });
  return child;
}

async function waitUntilReady(service: Service, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const child = service.child!;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${service.name} exited before it was ready`);
    const ready = await fetch(service.readyUrl, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs} ms (${service.readyUrl})`);
}

async function startDatabase(): Promise<string> {
  if (config.MONGODB_URL) return config.MONGODB_URL;
  const port = await portOf(config.HUB_DB_PORT);
  const dbpath = path.join(config.HUB_DATA_DIR, "cluster", "db");
  mkdirSync(dbpath, { recursive: true });
  // the database keeps its credential in its data directory: made here first, the URL carries it
  const credentials = loadOrCreateCredentials(dbpath);
  const service: Service = {
    name: "database",
    entryPoint: ENTRY_POINTS.db,
    args: ["--port", String(port), "--host", config.HOST, "--dbpath", dbpath],
    env: {},
    readyUrl: "",
  };
  services.push(service);
  const child = spawnService(service);
  const url = connectionString(config.HOST, port, credentials);
  // the database has no HTTP endpoint: it is ready when it answers a ping
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("the embedded database exited at start");
    const client = await connectMongo(url).catch(() => null);
    if (client) {
      await client.close();
      return url;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the embedded database did not start");
}

async function main(): Promise<void> {
  const mongoUrl = await startDatabase();
  const keys = await loadOrCreateDevKeys(path.join(config.HUB_DATA_DIR, "keys", "dev-keys.json"));
  const jwk = async (key: Parameters<typeof exportJWK>[0]) => JSON.stringify(await exportJWK(key));
  // as `npm start`: a key of the operator's own replaces the development one, and a rotation's other keys follow
  const gatewayPrivateKey = config.HUB_GATEWAY_PRIVATE_KEY ?? keys.gatewayPrivateKey;
  const gatewayKeys = {
    HUB_GATEWAY_PRIVATE_KEY: await jwk(gatewayPrivateKey),
    HUB_DEV_ISSUER_PUBLIC_KEY: await jwk(keys.issuerPublicKey),
  };
  const gatewayPublicKey = await jwk(config.HUB_GATEWAY_PRIVATE_KEY ? createPublicKey(config.HUB_GATEWAY_PRIVATE_KEY) : keys.gatewayPublicKey);
  const rotation: Record<string, string> = {};
  if (config.HUB_GATEWAY_PREVIOUS_PUBLIC_KEY) rotation.HUB_GATEWAY_PREVIOUS_PUBLIC_KEY = await jwk(config.HUB_GATEWAY_PREVIOUS_PUBLIC_KEY);
  if (config.HUB_GATEWAY_NEXT_PUBLIC_KEY) rotation.HUB_GATEWAY_NEXT_PUBLIC_KEY = await jwk(config.HUB_GATEWAY_NEXT_PUBLIC_KEY);
  const shared = { HOST: config.HOST, HUB_LOG_LEVEL: config.HUB_LOG_LEVEL, HUB_SHUTDOWN_TIMEOUT_MS: String(config.HUB_SHUTDOWN_TIMEOUT_MS) };

  const subgraphUrls: Record<string, string> = {};
  const subgraphServices: Service[] = [];
  for (const [name, variables] of Object.entries(SUBGRAPH_VARIABLES) as Array<[HubSubgraphName, (typeof SUBGRAPH_VARIABLES)[HubSubgraphName]]>) {
    const port = await portOf(config[variables.port]);
    subgraphUrls[name] = `http://${config.HOST}:${port}/graphql`;
    subgraphServices.push({
      name,
      entryPoint: ENTRY_POINTS.subgraph(name),
      args: [],
      env: {
        ...shared,
        MONGODB_URL: mongoUrl,
        MONGODB_DB_PREFIX: config.MONGODB_DB_PREFIX,
        [variables.port]: String(port),
        HUB_GATEWAY_PUBLIC_KEY: gatewayPublicKey,
        ...rotation,
      },
      readyUrl: `http://${config.HOST}:${port}/ready`,
    });
  }
  services.push(...subgraphServices);
  for (const service of subgraphServices) spawnService(service);
  await Promise.all(subgraphServices.map((service) => waitUntilReady(service)));

  if (config.DEMO_DATA) {
    const client = await connectMongo(mongoUrl);
    await seedDemoData(client, config.MONGODB_DB_PREFIX).finally(() => client.close());
  }

  const firstPort = await portOf(config.GATEWAY_PORT);
  const subgraphPorts = Object.values(subgraphUrls).map((url) => Number(new URL(url).port));
  const gatewayPorts = [firstPort, config.GATEWAY_PORT === 0 ? await freePort() : secondGatewayPort(firstPort, subgraphPorts)];
  const gatewayServices: Service[] = gatewayPorts.map((port, index) => ({
    name: `gateway-${index + 1}`,
    entryPoint: ENTRY_POINTS.gateway,
    nodeFlags: NODE_FLAGS.gateway,
    args: [],
    env: {
      ...shared,
      GATEWAY_PORT: String(port),
      ...gatewayKeys,
      ...rotation,
      ...(config.HUB_TRUSTED_ISSUERS.length > 0 ? { HUB_TRUSTED_ISSUERS: JSON.stringify(config.HUB_TRUSTED_ISSUERS) } : {}),
      ...Object.fromEntries(Object.entries(SUBGRAPH_VARIABLES).map(([name, variables]) => [variables.url, subgraphUrls[name]])),
    },
    readyUrl: `http://${config.HOST}:${port}/ready`,
  }));
  services.push(...gatewayServices);
  for (const service of gatewayServices) spawnService(service);
  await Promise.all(gatewayServices.map((service) => waitUntilReady(service)));

  stopOnSignals(logger, stopAll);
  logger.info(
    {
      gateways: gatewayPorts.map((port) => `http://${config.HOST}:${port}/graphql`),
      subgraphs: Object.fromEntries(subgraphServices.map((service) => [service.name, { url: subgraphUrls[service.name], pid: service.child?.pid }])),
      gatewayPids: gatewayServices.map((service) => service.child?.pid),
      // every process the cluster started, the database included
      pids: services.map((service) => service.child?.pid),
      // never the credential: logs travel further than the data folder that keeps it
      database: mongoUrl.replace(/\/\/[^@/]*@/, "//"),
    },
    "cluster ready",
  );
}

/** Gateways first (they stop taking requests), then subgraphs, then the database. */
async function stopAll(): Promise<void> {
  stopping = true;
  const stopGroup = (group: Service[]) =>
    Promise.all(
      group.map(
        (service) =>
          new Promise<void>((resolve) => {
            const child = service.child;
            if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
  await stopGroup(services.filter((service) => service.entryPoint === ENTRY_POINTS.gateway));
  await stopGroup(services.filter((service) => service.entryPoint !== ENTRY_POINTS.gateway && service.entryPoint !== ENTRY_POINTS.db));
  await stopGroup(services.filter((service) => service.entryPoint === ENTRY_POINTS.db));
}

main().catch((error: Error) => {
  void stopAll().finally(() => exitOnStartFailure("start:cluster")(error));
});
