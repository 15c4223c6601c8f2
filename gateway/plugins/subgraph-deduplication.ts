import type { Fetcher, FetcherRequestInit, FetcherResponse } from "@apollo/utils.fetcher";
import { REQUEST_ID_HEADER } from "../../runtime/observability";

/** Headers that name one request for logs and traces, not whose it is: a merged fetch runs under the first caller's. */
const CORRELATION_HEADERS = new Set([REQUEST_ID_HEADER, "traceparent", "tracestate"]);

/**
 * Merges identical subgraph fetches in flight: a fetch with the same URL, body and headers (the signed
 * access included, so only callers with the same access) as one still waiting gets that one's answer
 * instead of a request of its own. Only read-only operations merge: the body must be a `query` and
 * mention no `mutation`, anything else (a mutation, an unexpected shape) is always sent.
 */
export function useSubgraphDeduplication(fetcher: Fetcher): Fetcher {
  /** By destination (URL and headers), then by body: the body, often the longest part, is never copied into a key. */
  const inFlight = new Map<string, Map<string, Promise<FetcherResponse>>>();
  return (url, init) => {
    if (!readOnly(init)) return fetcher(url, init);
    const body = init!.body as string;
    const destination = destinationOf(url, init!);
    const sameDestination = inFlight.get(destination);
    const pending = sameDestination?.get(body);
    // each follower reads its own copy of the answer
    if (pending) return pending.then((response) => response.clone());
    const fetched = fetcher(url, init).finally(() => {
      const waiting = inFlight.get(destination)!;
      waiting.delete(body);
      if (waiting.size === 0) inFlight.delete(destination);
    });
    if (sameDestination) sameDestination.set(body, fetched);
    else inFlight.set(destination, new Map([[body, fetched]]));
    return fetched;
  };
}

/** The gateway's subgraph operations are printed `query …` or `{ … }` first, and `query` is the body's first field. */
function readOnly(init: FetcherRequestInit | undefined): boolean {
  const body = init?.body;
  if (typeof body !== "string" || (init!.method ?? "GET").toUpperCase() !== "POST") return false;
  return (body.startsWith('{"query":"query') || body.startsWith('{"query":"{')) && !body.includes("mutation");
}

/** The URL and every header but the correlation ones, in the order the data source sets them (another order only misses a merge). */
function destinationOf(url: string, init: FetcherRequestInit): string {
  let key = url;
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (!CORRELATION_HEADERS.has(name.toLowerCase())) key += `\n${name.toLowerCase()}:${value}`;
  }
  return key;
}
