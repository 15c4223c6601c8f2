import type { ApolloGateway } from "@apollo/gateway";
import type { ReadinessCheck } from "../../runtime/observability";

const SUBGRAPH_CHECK_MS = 2_000;

/**
 * The gateway is ready when it has a supergraph loaded and every subgraph answers its `/health`;
 * otherwise the reasons, one per missing piece (e.g. "subgraph resources: connect ECONNREFUSED").
 */
export function gatewayReadiness(gateway: ApolloGateway, subgraphUrls: Record<string, string>, isStopping: () => boolean): ReadinessCheck {
  let supergraphLoaded = false;
  gateway.onSchemaLoadOrUpdate(() => {
    supergraphLoaded = true;
  });
  return async () => {
    if (isStopping()) return ["stopping"];
    const reasons = supergraphLoaded ? [] : ["no supergraph loaded"];
    const answers = await Promise.all(
      Object.entries(subgraphUrls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(SUBGRAPH_CHECK_MS) });
          return response.ok ? null : `subgraph ${name}: health check answered ${response.status}`;
        } catch (error) {
          // fetch's own message is "fetch failed"; the cause says why (ECONNREFUSED, a timeout, …)
          const cause = (error as { cause?: { code?: string; message?: string } }).cause;
          return `subgraph ${name}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
        }
      }),
    );
    return [...reasons, ...answers.filter((reason): reason is string => reason !== null)];
  };
}
