import "reflect-metadata";
import { readSupergraphConfig, SUPERGRAPH_PATH } from "../contracts/supergraph-config";
import { importKey } from "../contracts/access";
import { DEV_ISSUER, HUB_AUDIENCE, issuersFromConfig } from "./auth/issuers";
import { readSupergraph, startGateway } from "./gateway";

/**
 * Production entry point: serves schema/supergraph.graphql (or SUPERGRAPH_PATH). The built-in subgraphs
 * are the ones supergraph.yaml lists; <NAME>_URL variables (e.g. NETWORKS_URL) override their routing URLs. Keys and
 * issuers are configuration: HUB_GATEWAY_PRIVATE_KEY, HUB_TRUSTED_ISSUERS, and HUB_DEV_ISSUER_PUBLIC_KEY
 * to accept development tokens.
 */
async function main(): Promise<void> {
  const privateKey = process.env.HUB_GATEWAY_PRIVATE_KEY;
  if (!privateKey) throw new Error("HUB_GATEWAY_PRIVATE_KEY is not set: the Ed25519 key (PEM or JWK) that signs forwarded access");
  const issuers = await issuersFromConfig(process.env.HUB_TRUSTED_ISSUERS);
  if (process.env.HUB_DEV_ISSUER_PUBLIC_KEY) {
    issuers.push({ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: await importKey(process.env.HUB_DEV_ISSUER_PUBLIC_KEY, "verify") });
  }
  const subgraphUrls = Object.fromEntries(
    readSupergraphConfig().subgraphs.map((subgraph) => [subgraph.name, process.env[`${subgraph.name.toUpperCase().replace(/-/g, "_")}_URL`] ?? subgraph.routingUrl]),
  );
  const server = await startGateway({
    supergraphSdl: readSupergraph(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH),
    subgraphUrls,
    port: Number(process.env.GATEWAY_PORT ?? 4000),
    host: process.env.HOST,
    gatewayPrivateKey: await importKey(privateKey, "sign"),
    issuers,
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
