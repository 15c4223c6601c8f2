import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { readFileSync } from "node:fs";
import http from "node:http";
import { listen, type RunningServer } from "../subgraphs/kit/server";

export interface GatewayOptions {
  /** The composed supergraph SDL (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph listens, by name; overrides the URLs recorded in the supergraph. */
  subgraphUrls: Record<string, string>;
  port: number;
  host?: string;
}

export function readSupergraph(path: string): string {
  return readFileSync(path, "utf8");
}

/** Serves the supergraph at `/graphql` through Apollo Gateway, with `/health` for load balancers. */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: options.subgraphUrls[name] ?? url }),
  });
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", service: "gateway" });
  });
  app.use("/graphql", express.json({ limit: "1mb" }), expressMiddleware(apollo));
  return listen(httpServer, options.port, options.host, () => apollo.stop());
}
