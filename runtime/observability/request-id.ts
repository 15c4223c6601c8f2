import { context } from "@opentelemetry/api";
import type express from "express";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import { requestTraceContext } from "./tracing";

export const REQUEST_ID_HEADER = "x-request-id";

/** A caller's id is kept when it looks like an id (a load balancer's or a client's); anything else is replaced. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && ACCEPTED_ID.test(header) ? header : randomUUID();
}

/** The request being handled: its id and its logger (which writes the id on every line). */
interface RequestScope {
  requestId: string;
  log: Logger;
}

const requestScopes = new AsyncLocalStorage<RequestScope>();

/**
 * Gives each request an id (the caller's `x-request-id` or a new one), echoes it in the response, keeps
 * it in `res.locals.requestId` with a child logger in `res.locals.log`, makes both readable anywhere
 * while the request is handled (error masking, the access lookup), and writes one access line when the
 * response is sent: method, path, status and duration — never headers or bodies.
 */
export function requestContext(logger: Logger): express.RequestHandler {
  return (request, response, next) => {
    const requestId = requestIdFrom(request.header(REQUEST_ID_HEADER));
    const started = process.hrtime.bigint();
    const log = logger.child({ requestId });
    response.locals.requestId = requestId;
    response.locals.log = log;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        // the path without its query string: a GET operation carries its query and variables there
        { method: request.method, path: request.originalUrl.split("?")[0], status: response.statusCode, durationMs: Math.round(durationMs * 10) / 10 },
        "request",
      );
    });
    requestScopes.run({ requestId, log }, next);
  };
}

/** Mounted after the body parser: its stream callbacks do not carry the request's scope (nor its trace: tracing.ts `traceRequest`), this restores them. */
export const keepRequestScope: express.RequestHandler = (_request, response, next) => {
  context.with(requestTraceContext(response), () => requestScopes.run({ requestId: response.locals.requestId as string, log: response.locals.log as Logger }, next));
};

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestScopes.getStore()?.requestId;
}

/** The logger of the request being handled (its lines carry the request id), if any. */
export function currentRequestLog(): Logger | undefined {
  return requestScopes.getStore()?.log;
}

/** The `x-request-id` header for an outgoing call made on behalf of the current request, if any. */
export function requestIdHeader(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
