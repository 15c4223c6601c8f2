import { loadConfig, SUBGRAPH_VARIABLES, type HubSubgraphName } from "../../config";
import { createLogger } from "../../runtime/observability/logger";
import { startTracing } from "../../runtime/observability/tracing";
import { stopOnSignals } from "../../runtime/process";
import type { SubgraphDefinition } from "./subgraph";

/**
 * `node dist/subgraphs/<name>/main.js`: the subgraph configured from the environment. Tracing starts
 * before the subgraph's modules (and the HTTP stack) load, so they are instrumented.
 */
export async function runSubgraphProcess(name: HubSubgraphName, load: () => Promise<SubgraphDefinition>): Promise<void> {
  const config = loadConfig("subgraph");
  const logger = createLogger({ service: name, level: config.HUB_LOG_LEVEL });
  const tracing = startTracing(name, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  const definition = await load();
  const { runSubgraph } = await import("./subgraph");
  const server = await runSubgraph(definition, {
    mongoUrl: config.MONGODB_URL,
    port: config[SUBGRAPH_VARIABLES[name].port],
    host: config.HOST,
    databasePrefix: config.MONGODB_DB_PREFIX,
    gatewayPublicKey: config.HUB_GATEWAY_PUBLIC_KEY,
    gatewayKeyRotation: { previous: config.HUB_GATEWAY_PREVIOUS_PUBLIC_KEY, next: config.HUB_GATEWAY_NEXT_PUBLIC_KEY },
    cursorKey: config.HUB_CURSOR_KEY,
    logger,
    shutdownTimeoutMs: config.HUB_SHUTDOWN_TIMEOUT_MS,
  });
  logger.info({ url: server.url }, `${name} subgraph ready`);
  stopOnSignals(logger, async () => {
    await server.stop();
    await tracing.shutdown();
  });
}
