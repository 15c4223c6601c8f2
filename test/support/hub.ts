import { MongoClient } from "mongodb";
import { randomBytes } from "node:crypto";
import { loadConfig } from "../../config";
import { startHub as startHubServices, type HubOptions, type RunningHub } from "../../scripts/hub";
import type { GraphQLResult } from "./subgraph";

export interface HubUnderTest extends RunningHub {
  /** Prefixes its databases' names (`subgraphDatabaseName(subgraph, databasePrefix)`), for seeding in bulk. */
  databasePrefix: string;
  /** POSTs a GraphQL operation to the gateway over real HTTP. */
  query<TData = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult<TData> & { status: number }>;
}

/**
 * The whole hub on free ports, as `npm start` runs it: embedded database (or MONGODB_URL, with
 * databases of its own), four subgraphs over HTTP and the gateway serving the committed supergraph.
 */
export async function startHub(options: Pick<HubOptions, "demoData" | "accessCacheTtlMs" | "gateway" | "gatewayKeyRotation" | "safeguards" | "issuers" | "logging" | "registry"> = {}): Promise<HubUnderTest> {
  const databasePrefix = `test_${randomBytes(4).toString("hex")}_`;
  const hub = await startHubServices({
    mongoUrl: loadConfig("test").MONGODB_URL,
    databasePrefix,
    demoData: options.demoData ?? true,
    accessCacheTtlMs: options.accessCacheTtlMs,
    gateway: options.gateway,
    gatewayKeyRotation: options.gatewayKeyRotation,
    safeguards: options.safeguards,
    issuers: options.issuers,
    logging: options.logging,
    registry: options.registry,
  });
  return {
    ...hub,
    databasePrefix,
    async stop() {
      await hub.stop();
      const external = loadConfig("test").MONGODB_URL;
      if (external) await dropDatabases(external, databasePrefix);
    },
    async query(query, variables, headers = {}) {
      const response = await fetch(hub.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphQLResult) };
    },
  };
}

/** On a shared real MongoDB, a test hub leaves nothing behind. */
async function dropDatabases(url: string, prefix: string): Promise<void> {
  const client = new MongoClient(url);
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true });
    for (const { name } of databases.filter((database) => database.name.startsWith(prefix))) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}
