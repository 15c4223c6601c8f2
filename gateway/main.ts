import "reflect-metadata";
import { subgraphs } from "../subgraphs/registry";
import { defaultSubgraphUrl, SUPERGRAPH_PATH } from "./compose";
import { importKey } from "../subgraphs/kit/access";
import { DEV_ISSUER, HUB_AUDIENCE, issuersFromConfig } from "./auth/issuers";
import { readSupergraph, startGateway } from "./gateway";
import { ideFromEnv } from "./ide";
import { ideExamples } from "./operations";
import { corsOriginsFromEnv } from "./plugins/cors";
import { trustedDocumentsFromEnv } from "./plugins/trusted-documents";
import { safeguardsFromEnvironment } from "./plugins/settings";

/**
 * Production entry point: serves schema/supergraph.graphql (or SUPERGRAPH_PATH). Subgraph URLs come
 * from <NAME>_URL variables (e.g. NETWORKS_URL), defaulting to the ports on this host. Keys and
 * issuers are configuration: HUB_GATEWAY_PRIVATE_KEY, HUB_TRUSTED_ISSUERS, and HUB_DEV_ISSUER_PUBLIC_KEY
 * to accept development tokens. Operation limits, timeouts, the rate limit and introspection: HUB_MAX_…,
 * HUB_…_TIMEOUT_MS, HUB_RATE_LIMIT_…, HUB_INTROSPECTION, HUB_TRUST_PROXY (see the README).
 */
async function main(): Promise<void> {
  const privateKey = process.env.HUB_GATEWAY_PRIVATE_KEY;
  if (!privateKey) throw new Error("HUB_GATEWAY_PRIVATE_KEY is not set: the Ed25519 key (PEM or JWK) that signs forwarded access");
  const issuers = await issuersFromConfig(process.env.HUB_TRUSTED_ISSUERS);
  if (process.env.HUB_DEV_ISSUER_PUBLIC_KEY) {
    issuers.push({ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: await importKey(process.env.HUB_DEV_ISSUER_PUBLIC_KEY, "verify") });
  }
  const subgraphUrls = Object.fromEntries(
    subgraphs.map((definition) => [definition.name, process.env[`${definition.name.toUpperCase()}_URL`] ?? defaultSubgraphUrl(definition)]),
  );
  const server = await startGateway({
    supergraphSdl: readSupergraph(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH),
    subgraphUrls,
    port: Number(process.env.GATEWAY_PORT ?? 4000),
    host: process.env.HOST,
    gatewayPrivateKey: await importKey(privateKey, "sign"),
    issuers,
    corsOrigins: corsOriginsFromEnv(process.env.HUB_CORS_ORIGINS),
    trustedDocuments: trustedDocumentsFromEnv(process.env.HUB_TRUSTED_DOCUMENTS),
    ide: ideFromEnv(process.env.HUB_IDE, ideExamples),
    ...safeguardsFromEnvironment(),
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
