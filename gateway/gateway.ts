import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { KeyLike } from "jose";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ACCESS_HEADER, signAccessToken, type Access } from "../subgraphs/kit/access";
import { jsonErrorHandler, jsonNotFound } from "../subgraphs/kit/error-masking";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, listen, type RunningServer } from "../subgraphs/kit/server";
import {
  keepRequestScope,
  metricsPlugin,
  mountServiceEndpoints,
  REQUEST_ID_HEADER,
  requestContext,
  ServiceMetrics,
  SILENT_LOGGER,
  type Logger,
} from "../subgraphs/kit/observability";
import { gatewayReadiness } from "./plugins/readiness";
import { measuredFetcher } from "./plugins/subgraph-metrics";
import { AccessResolver } from "./auth/access-resolver";
import { Authenticator } from "./auth/authenticator";
import type { TrustedIssuer } from "./auth/issuers";
import { ideRouter, type IdeExample } from "./ide";
import { corsMiddleware, type CorsOrigins } from "./plugins/cors";
import { trustedDocumentsMiddleware, type TrustedDocumentsOptions } from "./plugins/trusted-documents";
import { useErrorMasking } from "./plugins/error-masking";
import { useOperationLimits, type OperationLimits } from "./plugins/operation-limits";
import { useRateLimit, type RateLimitOptions } from "./plugins/rate-limit";
import { useRequestTimeout } from "./plugins/request-timeout";

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph listens, by name; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
  /** Signs the access forwarded to subgraphs. */
  gatewayPrivateKey: KeyLike;
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

/** Forwards each subgraph request with the caller's access, signed for that subgraph only. */
class AccessForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly subgraph: string,
    private readonly privateKey: KeyLike,
    metrics: ServiceMetrics,
    logger: Logger,
  ) {
    super({ url });
    this.fetcher = measuredFetcher(this.fetcher, subgraph, metrics, logger);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    request.http?.headers.set(ACCESS_HEADER, await signAccessToken(context.access, this.subgraph, this.privateKey));
    if (context.requestId) request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

/**
 * Serves the supergraph at `/graphql` through Apollo Gateway: authenticates the caller, works out
 * their access once per request and forwards it signed to each subgraph, with the request's id.
 * `/health`, `/ready` (supergraph loaded, subgraphs answering) and `/metrics` beside it.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const logger = options.logger ?? SILENT_LOGGER;
  const metrics = new ServiceMetrics("gateway");
  const accessResolver = new AccessResolver(options.subgraphUrls.networks, options.gatewayPrivateKey, options.accessCacheTtlMs, options.accessLookupTimeoutMs);
  const authenticator = new Authenticator(options.issuers, (key) => accessResolver.verifyApiKey(key));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new AccessForwardingDataSource(options.subgraphUrls[name] ?? url!, name, options.gatewayPrivateKey, metrics, logger),
  });
  const limits = useOperationLimits(options.operationLimits);
  const rateLimit = useRateLimit(options.rateLimit);
  let stopping = false;
  const ready = gatewayReadiness(gateway, options.subgraphUrls, () => stopping);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    ...useErrorMasking({ introspection: options.introspection ?? true }),
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS }),
      // the offline IDE (gateway/ide) replaces Apollo's CDN-loaded landing page
      ApolloServerPluginLandingPageDisabled(),
      limits.plugin,
      metricsPlugin(metrics),
    ],
  });
  await apollo.start();
  app.use(corsMiddleware(options.corsOrigins ?? []));
  if (options.ide !== false) app.use(ideRouter({ endpoint: "/graphql", examples: options.ide?.examples ?? [] }));
  mountServiceEndpoints(app, { service: "gateway", metrics, ready });
  app.use(
    "/graphql",
    requestContext(logger),
    useRequestTimeout(options.requestTimeoutMs),
    express.json({ limit: "1mb" }),
    keepRequestScope,
    ...(options.trustedDocuments ? [trustedDocumentsMiddleware(options.trustedDocuments)] : []),
    limits.tokenLimit,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        requestId: res.locals.requestId as string,
        access: await accessResolver.resolve(
          await rateLimit.admit(() => authenticator.identify({ authorization: req.header("authorization"), "x-api-key": req.header("x-api-key") }), req.ip),
        ),
      }),
    }),
  );
  app.use(jsonNotFound, jsonErrorHandler);
  return listen(httpServer, options.port, options.host, () => {
    stopping = true;
    return apollo.stop();
  });
}
