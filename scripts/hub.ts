import "reflect-metadata";
import { startEmbeddedMongo, type EmbeddedMongo } from "../embedded-mongo";
import { spawnEmbeddedMongo } from "../embedded-mongo/process";
import { generateHubKeys, type HubKeys } from "../gateway/auth/keys";
import { DEV_ISSUER, HUB_AUDIENCE, type TrustedIssuer } from "../gateway/auth/issuers";
import type { KeyRotation } from "../contracts/gateway-keys";
import { readSupergraphConfig, SUPERGRAPH_PATH } from "../contracts/supergraph-config";
import { readSupergraph, startGateway, type GatewayOptions, type GatewaySafeguards, type RunningGateway } from "../gateway/gateway";
import { connectMongo, runSubgraph, type RunningServer } from "../subgraphs/kit";
import { createLogger, SILENT_LOGGER, type LoggerOptions } from "../runtime/observability";
import { builtInDefinitions } from "../subgraphs/definitions";
import { networksSubgraphWith } from "../subgraphs/networks";
import type { NetworksSettings } from "../subgraphs/networks/settings";
import { registrySubgraphWith } from "../subgraphs/registry";
import type { RegistrySettings } from "../subgraphs/registry/registry.service";
import { seedDemoData } from "./demo/seed";

export interface HubOptions {
  /** A MongoDB to use; when absent the embedded server starts (in memory unless `dbpath`). */
  mongoUrl?: string;
  /** Where the embedded server keeps its data. */
  dbpath?: string;
  /** Run the embedded server in its own process (as `npm start` does) rather than in this one. */
  databaseProcess?: boolean;
  databasePrefix?: string;
  demoData?: boolean;
  host?: string;
  /** 0 or absent: a free port. */
  gatewayPort?: number;
  /** By subgraph name; 0 or absent: a free port. */
  subgraphPorts?: Record<string, number>;
  /** The gateway's and the development issuer's keys; fresh ones when absent. */
  keys?: HubKeys;
  /** During a rotation of the gateway's key: the previous and next public keys, published by the gateway and accepted by the subgraphs. */
  gatewayKeyRotation?: KeyRotation;
  /** Partners' identity providers, besides the hub's own development issuer. */
  issuers?: TrustedIssuer[];
  /** How long the gateway reuses a caller's worked-out access (default 30 s). */
  accessCacheTtlMs?: number;
  /** Told each step as it starts ("Starting the networks subgraph"), for `npm start` to show. */
  onProgress?: (step: string) => void;
  /** Operation limits, timeouts, rate limit, introspection (the gateway's defaults where absent). */
  safeguards?: GatewaySafeguards;
  /** JSON logs of every service (none when absent). */
  logging?: Omit<LoggerOptions, "service">;
  /** On stop, how long each service's in-flight requests may finish. */
  shutdownTimeoutMs?: number;
  /** The registry's settings (the operator's organization, the usage window). */
  registry?: Partial<Omit<RegistrySettings, "builtIns">>;
  /** The networks subgraph's settings (benchmarking's minimum of schools). */
  networks?: Partial<NetworksSettings>;
  /** Gateway settings: browser-facing (CORS, trusted documents, the IDE) and for partners (supergraph polling, usage flushing, fetch timeouts). */
  gateway?: Pick<
    GatewayOptions,
    "corsOrigins" | "trustedDocuments" | "ide" | "supergraphPollIntervalMs" | "usageFlushIntervalMs" | "subgraphTimeoutMs" | "subgraphTimeoutsMs"
  >;
}

export interface RunningHub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  mongoUrl: string;
  keys: HubKeys;
  gateway: RunningGateway;
  stop(): Promise<void>;
}

/** Starts the database (unless given), the four subgraphs and the gateway; `stop` stops them in reverse. */
export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const started: Array<RunningServer | EmbeddedMongo> = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  const logger = (service: string) => (options.logging ? createLogger({ service, ...options.logging }) : SILENT_LOGGER);
  try {
    const keys = options.keys ?? (await generateHubKeys());
    let mongoUrl = options.mongoUrl;
    const progress = options.onProgress ?? (() => {});
    if (!mongoUrl) {
      progress("Starting the embedded database");
      const databaseOptions = { dbpath: options.dbpath, host: options.host };
      const embedded = options.databaseProcess ? await spawnEmbeddedMongo(databaseOptions) : await startEmbeddedMongo(databaseOptions);
      started.push(embedded);
      mongoUrl = embedded.url;
    }
    const subgraphUrls: Record<string, string> = {};
    const definitions = builtInDefinitions(readSupergraphConfig().subgraphs).map((definition) =>
      definition.name === "registry" ? registrySubgraphWith(options.registry) : definition.name === "networks" ? networksSubgraphWith(options.networks) : definition,
    );
    for (const definition of definitions) {
      progress(`Starting the ${definition.name} subgraph`);
      const server = await runSubgraph(definition, {
        mongoUrl,
        port: options.subgraphPorts?.[definition.name] ?? 0,
        host: options.host,
        databasePrefix: options.databasePrefix,
        gatewayPublicKey: keys.gatewayPublicKey,
        gatewayKeyRotation: options.gatewayKeyRotation,
        logger: logger(definition.name),
        shutdownTimeoutMs: options.shutdownTimeoutMs,
      });
      started.push(server);
      subgraphUrls[definition.name] = server.url;
    }
    if (options.demoData) {
      progress("Loading the demo data (a second start adds nothing)");
      const client = await connectMongo(mongoUrl);
      await seedDemoData(client, options.databasePrefix).finally(() => client.close());
    }
    progress("Starting the gateway");
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      registryUrl: subgraphUrls.registry,
      ...options.gateway,
      subgraphUrls,
      port: options.gatewayPort ?? 0,
      host: options.host,
      gatewayPrivateKey: keys.gatewayPrivateKey,
      gatewayKeyRotation: options.gatewayKeyRotation,
      accessCacheTtlMs: options.accessCacheTtlMs,
      logger: logger("gateway"),
      shutdownTimeoutMs: options.shutdownTimeoutMs,
      // the hub is its own issuer in development (npm run token); partners' issuers are configuration
      issuers: [{ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: keys.issuerPublicKey }, ...(options.issuers ?? [])],
      ...options.safeguards,
    });
    started.push(gateway);
    return { gatewayUrl: gateway.url, subgraphUrls, mongoUrl, keys, gateway, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
