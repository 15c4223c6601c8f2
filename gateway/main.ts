import "reflect-metadata";
import { loadConfig, SUBGRAPH_VARIABLES } from "../config";
import { createLogger } from "../runtime/observability/logger";
import { startTracing } from "../runtime/observability/tracing";
import { exitOnStartFailure, stopOnSignals } from "../runtime/process";

/**
 * Production entry point: `npm run start:gateway`, configured from the environment (config/variables.ts).
 * Tracing starts before the gateway's modules (and the HTTP stack) load, so they are instrumented.
 */
async function main(): Promise<void> {
  const config = loadConfig("gateway");
  const logger = createLogger({ service: "gateway", level: config.HUB_LOG_LEVEL });
  const tracing = startTracing("gateway", config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const { DEV_ISSUER, HUB_AUDIENCE, issuersFromConfig } = await import("./auth/issuers");
  const { readSupergraph, startGateway } = await import("./gateway");
  const { SUPERGRAPH_PATH } = await import("../contracts/supergraph-config");
  const { gatewayBrowserSettings, gatewaySafeguards } = await import("./plugins/settings");
  const issuers = await issuersFromConfig(config.HUB_TRUSTED_ISSUERS);
  if (config.HUB_DEV_ISSUER_PUBLIC_KEY) {
    issuers.push({ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: config.HUB_DEV_ISSUER_PUBLIC_KEY });
  }
  const server = await startGateway({
    supergraphSdl: readSupergraph(config.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH),
    // a gateway given a supergraph file serves it and nothing else
    registryUrl: config.SUPERGRAPH_PATH ? undefined : config.REGISTRY_URL,
    supergraphPollIntervalMs: config.HUB_SUPERGRAPH_POLL_MS,
    usageFlushIntervalMs: config.HUB_USAGE_FLUSH_MS,
    subgraphTimeoutMs: config.HUB_SUBGRAPH_TIMEOUT_MS,
    subgraphTimeoutsMs: config.HUB_SUBGRAPH_TIMEOUTS,
    subgraphUrls: Object.fromEntries(Object.entries(SUBGRAPH_VARIABLES).map(([name, variables]) => [name, config[variables.url]])),
    port: config.GATEWAY_PORT,
    host: config.HOST,
    gatewayPrivateKey: config.HUB_GATEWAY_PRIVATE_KEY,
    gatewayKeyRotation: { previous: config.HUB_GATEWAY_PREVIOUS_PUBLIC_KEY, next: config.HUB_GATEWAY_NEXT_PUBLIC_KEY },
    issuers,
    ...gatewayBrowserSettings(config),
    ...gatewaySafeguards(config),
    logger,
    shutdownTimeoutMs: config.HUB_SHUTDOWN_TIMEOUT_MS,
  });
  logger.info({ url: server.url }, "gateway ready");
  stopOnSignals(logger, async () => {
    await server.stop();
    await tracing.shutdown();
  });
}

main().catch(exitOnStartFailure("gateway"));
