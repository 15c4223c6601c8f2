import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Fetcher } from "@apollo/utils.fetcher";
import { context as traceContext, propagation } from "@opentelemetry/api";
import { GraphQLError } from "graphql";

/** How long the gateway waits for a subgraph's answer unless configured per subgraph. */
export const SUBGRAPH_TIMEOUT_MS = 10_000;

/** Defaults per subgraph: the registry's checks compose and diff the whole supergraph, which takes seconds. */
export const SUBGRAPH_TIMEOUTS_MS: Record<string, number> = { registry: 60_000 };

export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/** A subgraph failed, timed out or could not be reached; says which, and nothing else (no URL, no body, no stack). */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(readonly subgraph: string) {
    super(`The ${subgraph} subgraph did not answer`, { extensions: { code: SUBGRAPH_UNAVAILABLE, subgraph } });
  }
}

export interface SubgraphFetchOptions<TContext> {
  name: string;
  url: string;
  /** Sends the request (the gateway's: `SubgraphConnections.fetcher` with this subgraph's timeout, measured, merged). */
  fetcher: Fetcher;
  /** Headers carrying the caller's access to this subgraph (the hub's token, or a partner token). */
  credentials: (context: TContext) => Promise<Record<string, string>>;
  /** Hears the real cause, for the operator's logs. */
  onUnavailable?: (subgraph: string, cause: unknown) => void;
}

/**
 * Fetches from one subgraph with a deadline. Whatever goes wrong on the way (refused connection, timeout,
 * an HTTP error, a body that is not GraphQL) becomes one SubgraphUnavailableError: the query plan goes on,
 * the subgraph's fields come back null and the rest of the answer is intact.
 */
export class SubgraphDataSource<TContext extends Record<string, any>> extends RemoteGraphQLDataSource<TContext> {
  constructor(private readonly options: SubgraphFetchOptions<TContext>) {
    super({ url: options.url, fetcher: options.fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<TContext>) {
    // undici's requests are not instrumented: the trace goes on through the W3C headers set here (none without tracing)
    const trace: Record<string, string> = {};
    propagation.inject(traceContext.active(), trace);
    const headers = { ...trace, ...(await this.options.credentials(context as TContext)) };
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      this.options.onUnavailable?.(this.options.name, error);
      throw new SubgraphUnavailableError(this.options.name);
    }
  }
}

/** A subgraph fetched several times in one operation that never answered is reported once. */
export function oneErrorPerUnavailableSubgraph<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          const seen = new Set<unknown>();
          response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
            if (error.extensions?.code !== SUBGRAPH_UNAVAILABLE) return true;
            if (seen.has(error.extensions.subgraph)) return false;
            seen.add(error.extensions.subgraph);
            return true;
          });
        },
      };
    },
  };
}
