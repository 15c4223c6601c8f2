import "reflect-metadata";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { createPublicKey } from "node:crypto";
import { mintDevToken } from "../gateway/auth/dev-tokens";
import { loadConfig, SUBGRAPH_VARIABLES, type HubSubgraphName } from "../config";
import { issuersFromConfig } from "../gateway/auth/issuers";
import { OPERATIONS_MANIFEST_PATH } from "../gateway/operations";
import { gatewayBrowserSettings, gatewaySafeguards } from "../gateway/plugins/settings";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { readSupergraphConfig } from "../contracts/supergraph-config";
import { builtInDefinitions } from "../subgraphs/definitions";
import { DemoNetworks, DemoOrganizations } from "./demo/ids";
import { startHub } from "./hub";
import { privateDir } from "../embedded-mongo/storage/private-files";
import { exitOnStartFailure } from "../runtime/process";

/**
 * `npm start`: the whole hub on this machine. Uses MONGODB_URL when set, otherwise the embedded
 * database with its data under ./data/db. Loads the demo data on first start (idempotent). Development
 * keys live in ./data/keys; the hub is its own token issuer.
 */
async function main(): Promise<void> {
  const config = loadConfig("start");
  const dbpath = path.join(config.HUB_DATA_DIR, "db");
  if (!config.MONGODB_URL) mkdirSync(dbpath, { recursive: true });
  const keys = await loadOrCreateDevKeys(path.join(config.HUB_DATA_DIR, "keys", "dev-keys.json"));
  privateDir(config.HUB_DATA_DIR); // keys, database files and its credential: readable by their owner only
  const hub = await startHub({
    // a rotation of the gateway's key, tried locally: another current key, the development one as previous
    keys: config.HUB_GATEWAY_PRIVATE_KEY
      ? { ...keys, gatewayPrivateKey: config.HUB_GATEWAY_PRIVATE_KEY, gatewayPublicKey: createPublicKey(config.HUB_GATEWAY_PRIVATE_KEY) }
      : keys,
    gatewayKeyRotation: { previous: config.HUB_GATEWAY_PREVIOUS_PUBLIC_KEY, next: config.HUB_GATEWAY_NEXT_PUBLIC_KEY },
    issuers: await issuersFromConfig(config.HUB_TRUSTED_ISSUERS),
    mongoUrl: config.MONGODB_URL,
    dbpath,
    databaseProcess: true,
    databasePrefix: config.MONGODB_DB_PREFIX,
    demoData: config.DEMO_DATA,
    host: config.HOST,
    gatewayPort: config.GATEWAY_PORT,
    // in development any page served from this machine may call the hub, and the operations folder's ids run
    gateway: gatewayBrowserSettings(config, { corsOrigins: ["http://localhost:*", "http://127.0.0.1:*"], trustedDocuments: [OPERATIONS_MANIFEST_PATH] }),
    safeguards: gatewaySafeguards(config),
    onProgress: (step) => console.log(`${step}…`),
    registry: { operatorOrganizationId: config.HUB_OPERATOR_ORGANIZATION_ID ?? null },
    networks: {
      benchmarks: { minimumSchools: config.HUB_BENCHMARK_MIN_SCHOOLS },
      surveys: { minimumResponses: config.HUB_SURVEY_MIN_RESPONSES },
      oneRoster: { maxRows: config.HUB_ONEROSTER_MAX_ROWS },
    },
    subgraphPorts: Object.fromEntries(
      builtInDefinitions(readSupergraphConfig().subgraphs).map((definition) => [definition.name, config[SUBGRAPH_VARIABLES[definition.name as HubSubgraphName].port]]),
    ),
    logging: { level: config.HUB_LOG_LEVEL },
    shutdownTimeoutMs: config.HUB_SHUTDOWN_TIMEOUT_MS,
  });
  console.log(`
School-network federation hub is running.
  Gateway      ${hub.gatewayUrl}  (open it in a browser for the GraphQL IDE)
${Object.entries(hub.subgraphUrls)
  .map(([name, url]) => `  ${name.padEnd(12)} ${url}`)
  .join("\n")}
  Database     ${config.MONGODB_URL ? "MONGODB_URL" : `${hub.mongoUrl}
               (embedded, own process; data and credential in ${dbpath})`}

A development token (coordinator of a CEI-PEA network; more with npm run token -- --help):
  Authorization: Bearer ${await mintDevToken(keys.issuerPrivateKey, {
    personId: "demo-coordinator",
    organizationId: DemoOrganizations.ceiPea,
    roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
  })}

Press Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    hub.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch(exitOnStartFailure("npm start"));
