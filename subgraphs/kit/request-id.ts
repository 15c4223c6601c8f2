import type { RequestHandler } from "express";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

const requestIds = new AsyncLocalStorage<string>();
/** A caller's (or a proxy's) id is kept only when it cannot carry anything but an id. */
const WELL_FORMED_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives each request an id, echoed in the `x-request-id` response header and readable anywhere while
 * the request is handled, so an error shown to a client can be found in the server's log. Mounted
 * after the body parser: its stream callbacks would not carry the id.
 */
export const assignRequestId: RequestHandler = (request, response, next) => {
  const offered = request.header(REQUEST_ID_HEADER);
  const id = offered && WELL_FORMED_ID.test(offered) ? offered : randomUUID();
  response.locals.requestId = id;
  response.setHeader(REQUEST_ID_HEADER, id);
  requestIds.run(id, next);
};

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestIds.getStore();
}
