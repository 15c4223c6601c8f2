import "reflect-metadata";
import { readSupergraphConfig, SUPERGRAPH_PATH } from "../contracts/supergraph-config";
import { importKey } from "../contracts/access";
import { DEV_ISSUER, HUB_AUDIENCE, issuersFromConfig } from "./auth/issuers";
import { readSupergraph, startGateway } from "./gateway";
import { ideFromEnv } from "./ide";
import { ideExamples } from "./operations";
import { corsOriginsFromEnv } from "./plugins/cors";
import { trustedDocumentsFromEnv } from "./plugins/trusted-documents";
import { safeguardsFromEnvironment } from "./plugins/settings";
import { PartnerKeySet } from "./partner-tokens";

/**
 * Production entry point: follows the registry's supergraph (served from schema/supergraph.graphql until
 * the registry answers), or serves only the file SUPERGRAPH_PATH names. The built-in subgraphs
 * are the ones supergraph.yaml lists; <NAME>_URL variables (e.g. NETWORKS_URL) override their routing URLs. Keys and
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
    readSupergraphConfig().subgraphs.map((subgraph) => [subgraph.name, process.env[`${subgraph.name.toUpperCase().replace(/-/g, "_")}_URL`] ?? subgraph.routingUrl]),
  );
  const milliseconds = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const server = await startGateway({
    supergraphSdl: readSupergraph(process.env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH),
    // a gateway given a supergraph file serves it and nothing else
    registryUrl: process.env.SUPERGRAPH_PATH ? undefined : subgraphUrls.registry,
    supergraphPollIntervalMs: milliseconds("HUB_SUPERGRAPH_POLL_MS"),
    usageFlushIntervalMs: milliseconds("HUB_USAGE_FLUSH_MS"),
    subgraphTimeoutMs: milliseconds("HUB_SUBGRAPH_TIMEOUT_MS"),
    subgraphTimeoutsMs: process.env.HUB_SUBGRAPH_TIMEOUTS ? (JSON.parse(process.env.HUB_SUBGRAPH_TIMEOUTS) as Record<string, number>) : undefined,
    partnerKeys: process.env.HUB_PARTNER_SIGNING_KEYS ? await PartnerKeySet.fromJwks(JSON.parse(process.env.HUB_PARTNER_SIGNING_KEYS)) : undefined,
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
