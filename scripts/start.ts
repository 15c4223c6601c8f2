import "reflect-metadata";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { mintDevToken } from "../gateway/auth/dev-tokens";
import { issuersFromConfig } from "../gateway/auth/issuers";
import { ideFromEnv } from "../gateway/ide";
import { ideExamples, OPERATIONS_MANIFEST_PATH } from "../gateway/operations";
import { corsOriginsFromEnv } from "../gateway/plugins/cors";
import { trustedDocumentsFromEnv } from "../gateway/plugins/trusted-documents";
import { loadOrCreateDevKeys } from "../gateway/auth/keys";
import { readSupergraphConfig } from "../contracts/supergraph-config";
import { builtInDefinitions } from "../subgraphs/definitions";
import { DemoNetworks, DemoOrganizations } from "./demo/ids";
import { startHub } from "./hub";
import { privateDir } from "../embedded-mongo/storage/private-files";

/**
 * `npm start`: the whole hub on this machine. Uses MONGODB_URL when set, otherwise the embedded
 * database with its data under ./data/db. Loads the demo data on first start (idempotent). Development
 * keys live in ./data/keys; the hub is its own token issuer.
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.HUB_DATA_DIR ?? "data");
  const dbpath = path.join(dataDir, "db");
  if (!process.env.MONGODB_URL) mkdirSync(dbpath, { recursive: true });
  const keys = await loadOrCreateDevKeys(path.join(dataDir, "keys", "dev-keys.json"));
  privateDir(dataDir); // keys, database files and its credential: readable by their owner only
  const hub = await startHub({
    keys,
    issuers: await issuersFromConfig(process.env.HUB_TRUSTED_ISSUERS),
    mongoUrl: process.env.MONGODB_URL,
    dbpath,
    databaseProcess: true,
    demoData: process.env.DEMO_DATA !== "false",
    host: process.env.HOST ?? "127.0.0.1",
    gatewayPort: Number(process.env.GATEWAY_PORT ?? 4000),
    gateway: {
      // in development any page served from this machine may call the hub
      corsOrigins: corsOriginsFromEnv(process.env.HUB_CORS_ORIGINS ?? "http://localhost:*,http://127.0.0.1:*"),
      trustedDocuments: trustedDocumentsFromEnv(process.env.HUB_TRUSTED_DOCUMENTS, [OPERATIONS_MANIFEST_PATH]),
      ide: ideFromEnv(process.env.HUB_IDE, ideExamples),
    },
    onProgress: (step) => console.log(`${step}…`),
    registry: { operatorOrganizationId: process.env.HUB_OPERATOR_ORGANIZATION_ID ?? null },
    subgraphPorts: Object.fromEntries(
      builtInDefinitions(readSupergraphConfig().subgraphs).map((definition) => [definition.name, Number(process.env[definition.portVariable] ?? definition.defaultPort)]),
    ),
  });
  console.log(`
School-network federation hub is running.
  Gateway      ${hub.gatewayUrl}  (open it in a browser for the GraphQL IDE)
${Object.entries(hub.subgraphUrls)
  .map(([name, url]) => `  ${name.padEnd(12)} ${url}`)
  .join("\n")}
  Database     ${process.env.MONGODB_URL ? "MONGODB_URL" : `${hub.mongoUrl}
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
