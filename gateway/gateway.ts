import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { KeyLike } from "jose";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, type Access } from "../contracts/access";
import { publishedKeys, type KeyRotation } from "../contracts/gateway-keys";
import { JWKS_PATH } from "../contracts/partner-token";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, listen, type RunningServer } from "../contracts/http";
import { jsonErrorHandler, jsonNotFound } from "../runtime/error-masking";
import {
  keepTraceContext,
  metricsPlugin,
  mountServiceEndpoints,
  REQUEST_ID_HEADER,
  requestContext,
  requestScope,
  ServiceMetrics,
  SILENT_LOGGER,
  traceRequest,
  type Logger,
} from "../runtime/observability";
import { gatewayReadiness } from "./plugins/readiness";
import { measuredFetcher } from "./plugins/subgraph-metrics";
import { useSubgraphDeduplication } from "./plugins/subgraph-deduplication";
import { AccessTokenCache } from "./auth/access-tokens";
import { SubgraphConnections } from "./http-client";
import { AccessResolver } from "./auth/access-resolver";
import { Authenticator } from "./auth/authenticator";
import type { TrustedIssuer } from "./auth/issuers";
import { oneErrorPerUnavailableSubgraph, SUBGRAPH_TIMEOUT_MS, SUBGRAPH_TIMEOUTS_MS, SubgraphDataSource } from "./fetcher";
import { PartnerTokenSigner } from "./partner-tokens";
import { RegistrySupergraph } from "./supergraph/registry-source";
import { OperationUsageRecorder } from "./usage";
import { ideRouter, type IdeExample } from "./ide";
import { corsMiddleware, type CorsOrigins } from "./plugins/cors";
import { trustedDocumentsMiddleware, type TrustedDocumentsOptions } from "./plugins/trusted-documents";
import { useErrorMasking } from "./plugins/error-masking";
import { useOperationLimits, type OperationLimits } from "./plugins/operation-limits";
import { useRateLimit, type RateLimitOptions } from "./plugins/rate-limit";
import { useRequestTimeout } from "./plugins/request-timeout";

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql); with `registryUrl`, served until the registry answers. */
  supergraphSdl: string;
  /** Follow the registry subgraph's current supergraph (hot reload); absent: serve `supergraphSdl` only. */
  registryUrl?: string;
  /** How often to ask the registry for a newer supergraph (default 2 s). */
  supergraphPollIntervalMs?: number;
  /** How often to send the registry the operations served, for its breaking-change check (default 10 s). */
  usageFlushIntervalMs?: number;
  /** The built-in subgraphs by name, where each listens; overrides the URLs recorded in the supergraph. Any other subgraph is a partner's. */
  subgraphUrls: Record<string, string>;
  /** How long to wait for a subgraph's answer (default 10 s) … */
  subgraphTimeoutMs?: number;
  /** … and per subgraph, by name (default: the registry 60 s). */
  subgraphTimeoutsMs?: Record<string, number>;
  port: number;
  host?: string;
  /** The current key: signs the access forwarded to subgraphs and partners' tokens; published at /.well-known/jwks.json … */
  gatewayPrivateKey: KeyLike;
  /** … with, during a rotation, the previous and the next key. */
  gatewayKeyRotation?: KeyRotation;
  /** Identity providers whose bearer tokens are accepted. */
  issuers: TrustedIssuer[];
  /** How long a caller's worked-out access is reused (default 30 s). */
  accessCacheTtlMs?: number;
  /** Browser origins that may call the gateway (CORS); default none. */
  corsOrigins?: CorsOrigins;
  /** Registered operations (ids clients may send instead of text) and whether only they run; default none. */
  trustedDocuments?: TrustedDocumentsOptions;
  /** The offline GraphQL IDE for browsers at /graphql, with example tabs; `false` serves none. Default: on, no examples. */
  ide?: { examples: IdeExample[] } | false;
  /** How long the access lookup may take (default 5 s); past it the request gets 503 SUBGRAPH_UNAVAILABLE. */
  accessLookupTimeoutMs?: number;
  /** Limits every operation meets before any subgraph is called (defaults: DEFAULT_OPERATION_LIMITS). */
  operationLimits?: Partial<OperationLimits>;
  /** The whole request's time budget (default 20 s); past it the caller gets 504 REQUEST_TIMEOUT. */
  requestTimeoutMs?: number;
  /** Requests per caller and window (default 600 a minute); `requests: 0` turns the limit off. */
  rateLimit?: Partial<RateLimitOptions>;
  /** Schema introspection, and field suggestions in errors (default on; the entry points turn it off under NODE_ENV=production: plugins/settings.ts). */
  introspection?: boolean;
  /** Express's `trust proxy` (default false): whose X-Forwarded-For gives the client address the rate limit counts. */
  trustProxy?: boolean | number | string;
  /** JSON logs (none when absent); unexpected errors are logged through it with the request id. */
  logger?: Logger;
  /** On stop, how long in-flight requests may finish before their connections are cut. */
  shutdownTimeoutMs?: number;
}

/** The gateway's safeguards, as the entry points read them from their configuration (plugins/settings.ts). */
export type GatewaySafeguards = Pick<
  GatewayOptions,
  "accessLookupTimeoutMs" | "operationLimits" | "requestTimeoutMs" | "rateLimit" | "introspection" | "trustProxy"
>;

interface GatewayContext {
  access: Access;
  requestId: string;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, "utf8");
}

export interface RunningGateway extends RunningServer {
  /** Sends the operations counted so far to the registry now (tests, shutdown). */
  flushUsage(): Promise<void>;
}

/**
 * Serves the supergraph at `/graphql` through Apollo Gateway: authenticates the caller, works out
 * their access once per request and forwards it signed to each subgraph (a partner's: in its own token,
 * keys at /.well-known/jwks.json), with the request's id. Follows the registry's supergraph when given one.
 * `/health`, `/ready` (supergraph loaded, subgraphs answering) and `/metrics` beside it.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? SILENT_LOGGER;
  const metrics = new ServiceMetrics("gateway");
  const accessResolver = new AccessResolver(options.subgraphUrls.networks, options.gatewayPrivateKey, options.accessCacheTtlMs, options.accessLookupTimeoutMs);
  const authenticator = new Authenticator(options.issuers, (key, scope) => accessResolver.verifyApiKey(key, scope));
  const registry = options.registryUrl
    ? new RegistrySupergraph({
        registryUrl: options.registryUrl,
        gatewayPrivateKey: options.gatewayPrivateKey,
        fallbackSdl: options.supergraphSdl,
        pollIntervalMs: options.supergraphPollIntervalMs,
        onError: (error) => console.warn(`[gateway] supergraph update skipped: ${(error as Error).message}`),
      })
    : null;
  const usage = options.registryUrl ? new OperationUsageRecorder(options.registryUrl, options.gatewayPrivateKey, options.usageFlushIntervalMs) : null;
  const jwks = await publishedKeys(options.gatewayPrivateKey, options.gatewayKeyRotation);
  const partnerTokens = new PartnerTokenSigner(options.subgraphUrls.networks, options.gatewayPrivateKey);
  const accessTokens = new AccessTokenCache((access, audience) => signAccessToken(access, audience, options.gatewayPrivateKey));
  const connections = new SubgraphConnections();
  const gateway = new ApolloGateway({
    supergraphSdl: registry ?? options.supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const builtIn = name in options.subgraphUrls;
      const timeoutMs = { ...SUBGRAPH_TIMEOUTS_MS, ...options.subgraphTimeoutsMs }[name] ?? options.subgraphTimeoutMs ?? SUBGRAPH_TIMEOUT_MS;
      return new SubgraphDataSource<GatewayContext>({
        name,
        url: options.subgraphUrls[name] ?? url!,
        fetcher: useSubgraphDeduplication(measuredFetcher(connections.fetcher(timeoutMs), name, metrics, logger)),
        // the hub's subgraphs get the caller's whole access; a partner's only what its contract states
        credentials: async ({ access = ANONYMOUS_ACCESS, requestId }): Promise<Record<string, string>> => ({
          ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
          ...(builtIn
            ? { [ACCESS_HEADER]: await accessTokens.token(access, name) }
            : { authorization: `Bearer ${await partnerTokens.sign(access, name, registry?.owners.get(name) ?? null)}` }),
        }),
        onUnavailable: (subgraph, cause) => logger.warn({ subgraph, cause: (cause as Error)?.message ?? String(cause) }, "subgraph did not answer"),
      });
    },
  });
  const limits = useOperationLimits(options.operationLimits);
  const rateLimit = useRateLimit(options.rateLimit);
  let stopping = false;
  const ready = gatewayReadiness(gateway, options.subgraphUrls, () => stopping);
  const app = express();
  app.disable("x-powered-by");
  // answers differ per caller and request: hashing each for an ETag costs CPU and no client revalidates a POST
  app.disable("etag");
  app.set("trust proxy", options.trustProxy ?? false);
  const httpServer = http.createServer(app);
  const masking = useErrorMasking({ introspection: options.introspection ?? true, logger });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    ...masking.settings,
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS }),
      // the offline IDE (gateway/ide) replaces Apollo's CDN-loaded landing page
      ApolloServerPluginLandingPageDisabled(),
      limits.plugin,
      metricsPlugin(metrics),
      oneErrorPerUnavailableSubgraph(),
      masking.plugin,
      ...(usage ? [usage.plugin<GatewayContext>()] : []),
    ],
  });
  await apollo.start();
  const graphql: express.RequestHandler[] = [
    requestContext(logger),
    traceRequest("gateway"),
    useRequestTimeout(options.requestTimeoutMs),
    express.json({ limit: "1mb" }),
    keepTraceContext,
    ...(options.trustedDocuments ? [trustedDocumentsMiddleware(options.trustedDocuments)] : []),
    limits.tokenLimit,
    expressMiddleware(apollo, {
      context: masking.reportingFailures(async ({ req, res }) => {
        const scope = requestScope(res);
        const credentials = { authorization: req.header("authorization"), "x-api-key": req.header("x-api-key") };
        return { requestId: scope.requestId, access: await accessResolver.resolve(await rateLimit.admit(() => authenticator.identify(credentials, scope), req.ip), scope) };
      }),
    }),
  ];
  app.use(corsMiddleware(options.corsOrigins ?? []));
  // operations first: the router matches a POST against no other path on its way
  app.post("/graphql", graphql);
  if (options.ide !== false) app.use(ideRouter({ endpoint: "/graphql", examples: options.ide?.examples ?? [] }));
  mountServiceEndpoints(app, { service: "gateway", metrics, ready });
  app.get(JWKS_PATH, (_request, response) => {
    response.set("cache-control", "public, max-age=300").json(jwks);
  });
  // GET operations, and other methods for Apollo Server to refuse
  app.use("/graphql", graphql);
  app.use(jsonNotFound, jsonErrorHandler);
  const server = await listen(httpServer, options.port, options.host, async () => {
    stopping = true;
    await apollo.stop();
    await usage?.stop();
    await connections.close();
  });
  return { ...server, flushUsage: async () => usage?.flush() };
}
