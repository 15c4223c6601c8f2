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
import { assignRequestId } from "../subgraphs/kit/request-id";
import { listen, type RunningServer } from "../subgraphs/kit/server";
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
  /** Schema introspection, and field suggestions in errors (default: on, off when NODE_ENV=production). */
  introspection?: boolean;
  /** Express's `trust proxy` (default false): whose X-Forwarded-For gives the client address the rate limit counts. */
  trustProxy?: boolean | number | string;
}

/** The gateway's safeguards, as the entry points read them from the environment. */
export type GatewaySafeguards = Pick<
  GatewayOptions,
  "accessLookupTimeoutMs" | "operationLimits" | "requestTimeoutMs" | "rateLimit" | "introspection" | "trustProxy"
>;

interface GatewayContext {
  access: Access;
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
  ) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    request.http?.headers.set(ACCESS_HEADER, await signAccessToken(context.access, this.subgraph, this.privateKey));
  }
}

/**
 * Serves the supergraph at `/graphql` through Apollo Gateway: authenticates the caller, works out
 * their access once per request and forwards it signed to each subgraph. `/health` for load balancers.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const accessResolver = new AccessResolver(options.subgraphUrls.networks, options.gatewayPrivateKey, options.accessCacheTtlMs, options.accessLookupTimeoutMs);
  const authenticator = new Authenticator(options.issuers, (key) => accessResolver.verifyApiKey(key));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new AccessForwardingDataSource(options.subgraphUrls[name] ?? url!, name, options.gatewayPrivateKey),
  });
  const limits = useOperationLimits(options.operationLimits);
  const rateLimit = useRateLimit(options.rateLimit);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...useErrorMasking({ introspection: options.introspection ?? process.env.NODE_ENV !== "production" }),
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    // the offline IDE (gateway/ide) replaces Apollo's CDN-loaded landing page
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), limits.plugin],
  });
  await apollo.start();
  app.use(corsMiddleware(options.corsOrigins ?? []));
  if (options.ide !== false) app.use(ideRouter({ endpoint: "/graphql", examples: options.ide?.examples ?? [] }));
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", service: "gateway" });
  });
  app.use(
    "/graphql",
    useRequestTimeout(options.requestTimeoutMs),
    express.json({ limit: "1mb" }),
    assignRequestId,
    ...(options.trustedDocuments ? [trustedDocumentsMiddleware(options.trustedDocuments)] : []),
    limits.tokenLimit,
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        access: await accessResolver.resolve(
          await rateLimit.admit(() => authenticator.identify({ authorization: req.header("authorization"), "x-api-key": req.header("x-api-key") }), req.ip),
        ),
      }),
    }),
  );
  app.use(jsonNotFound, jsonErrorHandler);
  return listen(httpServer, options.port, options.host, () => apollo.stop());
}
