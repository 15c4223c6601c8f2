import "reflect-metadata";
import { subgraphs } from "../subgraphs/registry";
import { defaultSubgraphUrl, SUPERGRAPH_PATH } from "./compose";
import { readSupergraph, startGateway } from "./gateway";

/**
 * Production entry point: serves schema/supergraph.graphql (or SUPERGRAPH_PATH). Subgraph URLs come
 * from <NAME>_URL variables (e.g. NETWORKS_URL), defaulting to the ports on this host.
 */
async function main(): Promise<void> {
  const subgraphUrls = Object.fromEntries(
    subgraphs.map((definition) => [definition.name, process.env[`${definition.name.toUpperCase()}_URL`] ?? defaultSubgraphUrl(definition)]),
  );
  const server = await startGateway({
    supergraphSdl: readSupergraph(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH),
    subgraphUrls,
    port: Number(process.env.GATEWAY_PORT ?? 4000),
    host: process.env.HOST,
  });
  console.log(`Gateway ready at ${server.url}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
