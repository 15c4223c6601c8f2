import type http from "node:http";
import type { AddressInfo } from "node:net";

/** How long in-flight requests may finish on stop, unless configured (HUB_SHUTDOWN_TIMEOUT_MS). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on `port` (0: a free one) and reports the GraphQL endpoint. */
export async function listen(
  httpServer: http.Server,
  port: number,
  host = "127.0.0.1",
  stopApp: () => Promise<void>,
): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(port, host, resolve);
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actualPort}/graphql`,
    port: actualPort,
    stop: stopApp,
  };
}
