import type { RequestHandler } from "express";
import { sendError } from "../../runtime/error-masking";

/** The whole request's time budget by default, from its first byte to its answer. */
export const REQUEST_TIMEOUT_MS = 20_000;
export const REQUEST_TIMEOUT = "REQUEST_TIMEOUT";

/**
 * Answers 504 REQUEST_TIMEOUT when a request is not answered in time, so one slow operation does not
 * hold its caller (or a proxy's connection) indefinitely. Work still under way ends at its own
 * bounds (the access lookup's and each subgraph fetch's timeouts); its late answer is dropped.
 */
export function useRequestTimeout(timeoutMs = REQUEST_TIMEOUT_MS): RequestHandler {
  return (_request, response, next) => {
    const timer = setTimeout(() => {
      if (!response.headersSent) sendError(response, 504, "The request took too long", { code: REQUEST_TIMEOUT });
    }, timeoutMs);
    response.once("close", () => clearTimeout(timer));
    next();
  };
}
