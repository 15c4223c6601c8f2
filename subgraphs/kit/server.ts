import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import express from "express";
import type { GraphQLSchema } from "graphql";
import http from "node:http";
import type { Access } from "./access";
import { jsonErrorHandler, jsonNotFound, maskErrors } from "./error-masking";
import { assignRequestId } from "./request-id";
import { listen, type RunningServer } from "../../contracts/http";

export { listen, type RunningServer };

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** The caller's access from the gateway's signed token; null refuses the request (401). */
  verifyAccess: (request: express.Request) => Promise<Access | null>;
  context: (access: Access) => Promise<TContext>;
  /** Throws when the service cannot serve (e.g. its database is unreachable). */
  checkHealth: () => Promise<void>;
}

/** Serves a subgraph at `/graphql` with a `/health` endpoint for load balancers and the start script. */
export async function startSubgraphServer<TContext extends object>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors(),
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  app.get("/health", (_request, response) => {
    options.checkHealth().then(
      () => response.json({ status: "ok", service: options.name }),
      () => response.status(503).json({ status: "unavailable", service: options.name }),
    );
  });
  app.use(
    "/graphql",
    // every operation, `_service` and `_entities` included, needs the gateway's signature
    (request, response, next) => {
      options.verifyAccess(request).then((access) => {
        if (!access) {
          response.status(401).json({ errors: [{ message: "Authentication required", extensions: { code: "UNAUTHENTICATED" } }] });
          return;
        }
        response.locals.access = access;
        next();
      }, next);
    },
    express.json({ limit: "1mb" }),
    assignRequestId,
    expressMiddleware(apollo, { context: async ({ res }) => options.context(res.locals.access as Access) }),
  );
  app.use(jsonNotFound, jsonErrorHandler);
  return listen(httpServer, options.port, options.host, () => apollo.stop());
}
