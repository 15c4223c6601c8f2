import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { KeyLike } from "jose";
import { readFileSync } from "node:fs";
import http from "node:http";
import { ACCESS_HEADER, signAccessToken, type Access } from "../contracts/access";
import { listen, type RunningServer } from "../contracts/http";
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
}

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
  const accessResolver = new AccessResolver(options.subgraphUrls.networks, options.gatewayPrivateKey, options.accessCacheTtlMs);
  const authenticator = new Authenticator(options.issuers, (key) => accessResolver.verifyApiKey(key));
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new AccessForwardingDataSource(options.subgraphUrls[name] ?? url!, name, options.gatewayPrivateKey),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", service: "gateway" });
  });
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        access: await accessResolver.resolve(
          await authenticator.identify({ authorization: req.header("authorization"), "x-api-key": req.header("x-api-key") }),
        ),
      }),
    }),
  );
  return listen(httpServer, options.port, options.host, () => apollo.stop());
}
