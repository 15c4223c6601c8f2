import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import type { GraphQLSchema } from "graphql";
import http from "node:http";
import { SUBGRAPH_MAX_HEADER_BYTES, type Access } from "./access";
import { errorMasking, jsonErrorHandler, jsonNotFound } from "../../runtime/error-masking";
import { keepTraceContext, metricsPlugin, mountServiceEndpoints, requestContext, ServiceMetrics, SILENT_LOGGER, traceRequest, traceRootResolvers, withinMs, type Logger } from "../../runtime/observability";
import { DEFAULT_SHUTDOWN_TIMEOUT_MS, listen, type RunningServer } from "../../contracts/http";

/** How long a readiness probe waits for a dependency. */
const READY_CHECK_MS = 2_000;
const BODY_LIMIT = "1mb";

export { DEFAULT_SHUTDOWN_TIMEOUT_MS, listen, type RunningServer };

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host?: string;
  /** The caller's access from the gateway's signed token; null refuses the request (401). */
  verifyAccess: (request: express.Request) => Promise<Access | null>;
  context: (access: Access) => Promise<TContext>;
  /** Throws when the service cannot serve (its database does not answer): `/ready` says so. */
  checkDatabase: () => Promise<void>;
  logger?: Logger;
  metrics?: ServiceMetrics;
  /** On stop, how long in-flight requests may finish before their connections are cut. */
  shutdownTimeoutMs?: number;
}

/**
 * Serves a subgraph at `/graphql`, with `/health`, `/ready` (its database answers) and `/metrics`.
 * `stop` refuses new connections, lets in-flight requests finish (within the shutdown bound), then resolves.
 */
export async function startSubgraphServer<TContext extends object>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  // answers differ per caller and request: hashing each for an ETag costs CPU and no client revalidates a POST
  app.disable("etag");
  // room for the gateway's signed access, which grows with the caller's managed networks' schools
  const httpServer = http.createServer({ maxHeaderSize: SUBGRAPH_MAX_HEADER_BYTES }, app);
  const metrics = options.metrics ?? new ServiceMetrics(options.name);
  const logger = options.logger ?? SILENT_LOGGER;
  const masking = errorMasking(logger);
  const apollo = new ApolloServer<TContext>({
    schema: traceRootResolvers(options.schema),
    logger,
    includeStacktraceInErrorResponses: false,
    formatError: masking.formatError,
    // the entry points stop every service in order on SIGINT/SIGTERM
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS }),
      ApolloServerPluginInlineTraceDisabled(),
      // no field declares a cache hint, and the plugin would wrap every field's resolver to look for one
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(metrics),
      masking.plugin,
    ],
  });
  await apollo.start();
  let stopping = false;
  mountServiceEndpoints(app, {
    service: options.name,
    metrics,
    ready: async () => {
      if (stopping) return ["stopping"];
      return withinMs(READY_CHECK_MS, options.checkDatabase()).then(
        () => [],
        (error: Error) => [`database: ${error.message}`],
      );
    },
  });
  app.use(
    "/graphql",
    requestContext(logger),
    traceRequest(options.name),
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
    express.json({ limit: BODY_LIMIT }),
    keepTraceContext,
    expressMiddleware(apollo, { context: masking.reportingFailures(async ({ res }) => options.context(res.locals.access as Access)) }),
  );
  app.use(jsonNotFound, jsonErrorHandler);
  return listen(httpServer, options.port, options.host, () => {
    stopping = true;
    return apollo.stop();
  });
}
