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
  const inFlight = new Map<string, Promise<FetcherResponse>>();
  return (url, init) => {
    const key = readOnly(init) ? keyOf(url, init!) : null;
    if (key === null) return fetcher(url, init);
    const pending = inFlight.get(key);
    // each follower reads its own copy of the answer
    if (pending) return pending.then((response) => response.clone());
    const fetched = fetcher(url, init).finally(() => inFlight.delete(key));
    inFlight.set(key, fetched);
    return fetched;
  };
}

/** The gateway's subgraph operations are printed `query …` or `{ … }` first, and `query` is the body's first field. */
function readOnly(init: FetcherRequestInit | undefined): boolean {
  const body = init?.body;
  if (typeof body !== "string" || (init!.method ?? "GET").toUpperCase() !== "POST") return false;
  return (body.startsWith('{"query":"query') || body.startsWith('{"query":"{')) && !body.includes("mutation");
}

function keyOf(url: string, init: FetcherRequestInit): string {
  const headers = Object.entries(init.headers ?? {})
    .filter(([name]) => !CORRELATION_HEADERS.has(name.toLowerCase()))
    .map(([name, value]) => `${name.toLowerCase()}:${value}`)
    .sort();
  return `${url}\n${headers.join("\n")}\n${init.body}`;
}
