import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { KeyLike } from "jose";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ACCESS_HEADER, signAccessToken, type Access } from "../subgraphs/kit/access";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, listen, type RunningServer } from "../subgraphs/kit/server";
import {
  metricsPlugin,
  mountServiceEndpoints,
  REQUEST_ID_HEADER,
  requestContext,
  ServiceMetrics,
  SILENT_LOGGER,
  withRequestId,
  type Logger,
} from "../subgraphs/kit/observability";
import { gatewayReadiness } from "./plugins/readiness";
import { measuredFetcher } from "./plugins/subgraph-metrics";
import { AccessResolver } from "./auth/access-resolver";
import { Authenticator } from "./auth/authenticator";
import type { TrustedIssuer } from "./auth/issuers";

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
  logger?: Logger;
  /** On stop, how long in-flight requests may finish before their connections are cut. */
  shutdownTimeoutMs?: number;
}

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
  const accessResolver = new AccessResolver(options.subgraphUrls.networks, options.gatewayPrivateKey, options.accessCacheTtlMs);
  const authenticator = new Authenticator(options.issuers, (key) => accessResolver.verifyApiKey(key));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger,
    buildService: ({ name, url }) =>
      new AccessForwardingDataSource(options.subgraphUrls[name] ?? url!, name, options.gatewayPrivateKey, metrics, logger),
  });
  let stopping = false;
  const ready = gatewayReadiness(gateway, options.subgraphUrls, () => stopping);
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger,
    includeStacktraceInErrorResponses: false,
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS }),
      metricsPlugin(metrics),
    ],
  });
  await apollo.start();
  mountServiceEndpoints(app, { service: "gateway", metrics, ready });
  app.use(
    "/graphql",
    requestContext(logger),
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        // the access lookup carries the request's id to the networks subgraph
        return withRequestId(requestId, async () => ({
          requestId,
          access: await accessResolver.resolve(
            await authenticator.identify({ authorization: req.header("authorization"), "x-api-key": req.header("x-api-key") }),
          ),
        }));
      },
    }),
  );
  return listen(httpServer, options.port, options.host, () => {
    stopping = true;
    return apollo.stop();
  });
}
