import type express from "express";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";

export const REQUEST_ID_HEADER = "x-request-id";

/** A caller's id is kept when it looks like an id (a load balancer's or a client's); anything else is replaced. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && ACCEPTED_ID.test(header) ? header : randomUUID();
}

/**
 * Gives each request an id (the caller's `x-request-id` or a new one), echoes it in the response, keeps
 * it in `res.locals.requestId` with a child logger in `res.locals.log`, and writes one access line when
 * the response is sent: method, path, status and duration — never headers or bodies.
 */
export function requestContext(logger: Logger): express.RequestHandler {
  return (request, response, next) => {
    const requestId = requestIdFrom(request.header(REQUEST_ID_HEADER));
    const started = process.hrtime.bigint();
    response.locals.requestId = requestId;
    response.locals.log = logger.child({ requestId });
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      (response.locals.log as Logger).info(
        // the path without its query string: a GET operation carries its query and variables there
        { method: request.method, path: request.originalUrl.split("?")[0], status: response.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
        "request",
      );
    });
    next();
  };
}

const requestIds = new AsyncLocalStorage<string>();

/** Runs `work` with `requestId` as the current request's id, for calls made deep inside it (the access lookup). */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestIds.run(requestId, work);
}

/** The `x-request-id` header for an outgoing call made on behalf of the current request, if any. */
export function requestIdHeader(): Record<string, string> {
  const requestId = requestIds.getStore();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
