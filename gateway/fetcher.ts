import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Fetcher } from "@apollo/utils.fetcher";
import { context as traceContext, propagation } from "@opentelemetry/api";
import { GraphQLError } from "graphql";

/** How long the gateway waits for a subgraph's answer unless configured per subgraph. */
export const SUBGRAPH_TIMEOUT_MS = 10_000;

/** Defaults per subgraph: the registry's checks compose and diff the whole supergraph, which takes seconds. */
export const SUBGRAPH_TIMEOUTS_MS: Record<string, number> = { registry: 60_000 };

/** A subgraph's GraphQL answer, as the query plan reads it. */
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;

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
 *
 * Apollo's RemoteGraphQLDataSource is not used: per fetch it builds node-fetch Headers and a Request that
 * only its error hooks read, and parses cache-control for a policy the hub does not keep.
 */
export class SubgraphDataSource<TContext extends Record<string, any>> implements GraphQLDataSource<TContext> {
  constructor(private readonly options: SubgraphFetchOptions<TContext>) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<TContext>): Promise<SubgraphResponse> {
    const { name, url, fetcher } = this.options;
    try {
      const headers: Record<string, string> = { "content-type": "application/json" };
      // undici's requests are not instrumented: the trace goes on through the W3C headers set here (none without tracing)
      propagation.inject(traceContext.active(), headers);
      Object.assign(headers, await this.options.credentials(context as TContext));
      const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
      const response = await fetcher(url, { method: "POST", headers, body });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const answer: unknown = await response.json();
      if (typeof answer !== "object" || answer === null || Array.isArray(answer)) throw new Error("the answer is not a GraphQL response");
      return answer as SubgraphResponse;
    } catch (error) {
      this.options.onUnavailable?.(name, error);
      throw new SubgraphUnavailableError(name);
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
