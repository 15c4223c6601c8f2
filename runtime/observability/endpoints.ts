import type express from "express";
import type { ServiceMetrics } from "./metrics";

/** What keeps a service from serving: one reason per failing dependency; empty when ready. */
export type ReadinessCheck = () => Promise<string[]>;

/** Runs `check` with a bound, so a hung dependency makes the service not ready instead of hanging the probe. */
export async function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/health`: the process is alive (for restarts). `/ready`: it can serve, else 503 with the reasons
 * (for routing and rolling restarts). `/metrics`: Prometheus.
 */
export function mountServiceEndpoints(app: express.Express, options: { service: string; metrics: ServiceMetrics; ready: ReadinessCheck }): void {
  app.get("/health", (_request, response) => {
    response.json({ status: "ok", service: options.service });
  });
  app.get("/ready", (_request, response, next) => {
    options.ready().then((reasons) => {
      if (reasons.length === 0) response.json({ status: "ready", service: options.service });
      else response.status(503).json({ status: "not ready", service: options.service, reasons });
    }, next);
  });
  app.get("/metrics", options.metrics.handler());
}
