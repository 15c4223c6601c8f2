import type { Fetcher } from "@apollo/utils.fetcher";
import { REQUEST_ID_HEADER, type Logger, type ServiceMetrics } from "../../runtime/observability";

/** Wraps a data source's fetcher: the latency of each subgraph fetch, and its failures counted and logged (never the body). */
export function measuredFetcher(fetcher: Fetcher, subgraph: string, metrics: ServiceMetrics, logger: Logger): Fetcher {
  return async (url, init) => {
    const end = metrics.subgraphLatency.startTimer({ subgraph });
    try {
      const response = await fetcher(url, init);
      if (!response.ok) {
        metrics.subgraphErrors.inc({ subgraph });
        logger.warn({ subgraph, status: response.status, requestId: requestIdOf(init) }, "subgraph answered with an HTTP error");
      }
      return response;
    } catch (error) {
      metrics.subgraphErrors.inc({ subgraph });
      logger.warn({ subgraph, error: (error as Error).message, requestId: requestIdOf(init) }, "subgraph fetch failed");
      throw error;
    } finally {
      end();
    }
  };
}

function requestIdOf(init: Parameters<Fetcher>[1]): string | undefined {
  const headers = init?.headers as { get?: (name: string) => string | null } | Record<string, string> | undefined;
  if (!headers) return undefined;
  return typeof headers.get === "function" ? (headers.get(REQUEST_ID_HEADER) ?? undefined) : (headers as Record<string, string>)[REQUEST_ID_HEADER];
}
