import { ApolloServerErrorCode } from "@apollo/server/errors";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type { GraphQLFormattedError } from "graphql";
import { randomUUID } from "node:crypto";
import { ERROR_CODES } from "../contracts/errors";
import { createLogger, currentRequestId, currentRequestLog, type Logger } from "./observability";

/**
 * Codes whose messages are safe to show as they are: the hub's own errors (contracts/errors.ts), and Apollo Server's errors
 * about the client's own request (syntax, validation, variables).
 */
export const SAFE_ERROR_CODES: readonly string[] = [
  ...ERROR_CODES,
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
];

export const INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";
const INTERNAL_MESSAGE = "Internal server error";
/** Extensions that describe the server rather than the request. */
const SERVER_DETAILS = ["stacktrace", "exception", "response"];

export interface ErrorMaskingOptions {
  /** Codes shown as they are besides SAFE_ERROR_CODES. */
  safeCodes?: readonly string[];
  /** Strips "Did you mean …?" from messages: suggestions reveal the schema to callers who may not introspect it. */
  hideSuggestions?: boolean;
}

/**
 * Apollo Server's `formatError`: errors with a safe code pass through; anything else (a database
 * message, an internal URL, a bug) is logged with the request id and reaches the client only as
 * INTERNAL_SERVER_ERROR with that id. An error that carries an upstream HTTP response is a transport
 * failure, whatever its code.
 */
export function maskErrors(options: ErrorMaskingOptions = {}) {
  const safeCodes = new Set([...SAFE_ERROR_CODES, ...(options.safeCodes ?? [])]);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { code } = formatted.extensions ?? {};
    if (typeof code === "string" && safeCodes.has(code) && !formatted.extensions?.response) {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions!).filter(([key]) => !SERVER_DETAILS.includes(key)));
      const message = options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
      return { ...formatted, message, extensions };
    }
    const requestId = logUnexpectedError(error);
    return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: INTERNAL_SERVER_ERROR, requestId } };
  };
}

function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, "");
}

/** Errors raised outside any request (none is expected) still reach the standard output. */
let outsideRequests: Logger | undefined;

/**
 * Logs an unexpected error in full through the request's logger (its lines carry the request id);
 * returns the request id the client is shown.
 */
export function logUnexpectedError(error: unknown, requestId = currentRequestId() ?? randomUUID(), log = currentRequestLog()): string {
  const logger = log ?? (outsideRequests ??= createLogger({ service: "hub" })).child({ requestId });
  logger.error({ err: error }, "unexpected error");
  return requestId;
}

/** A GraphQL-shaped error answer outside Apollo Server (refused before it, or failed around it). */
export function sendError(response: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  response.status(status).json({ errors: [{ message, extensions }] });
}

/** What a client is told about a request body the server could not read (body-parser's error types). */
const BODY_ERRORS: Record<string, string> = {
  "entity.parse.failed": "The request body is not valid JSON",
  "entity.too.large": "The request body is too large",
  "charset.unsupported": "The request body's character set is not supported",
  "encoding.unsupported": "The request body's encoding is not supported",
};

/**
 * The last Express error handler: every failure is answered in JSON, never Express's HTML page.
 * A body that cannot be read is the client's error (4xx, BAD_REQUEST); anything else is masked.
 */
export const jsonErrorHandler: ErrorRequestHandler = (error, _request, response, _next) => {
  // already answered (e.g. timed out) or half-sent: nothing more can be said
  if (response.headersSent) {
    if (!response.writableEnded) response.destroy();
    return;
  }
  const status = typeof error?.status === "number" ? error.status : 500;
  if (status >= 400 && status < 500 && error.expose === true) {
    sendError(response, status, BODY_ERRORS[error.type] ?? "Bad request", { code: ApolloServerErrorCode.BAD_REQUEST });
    return;
  }
  const requestId = logUnexpectedError(error, response.locals.requestId, response.locals.log);
  sendError(response, 500, INTERNAL_MESSAGE, { code: INTERNAL_SERVER_ERROR, requestId });
};

/** Unknown paths get a JSON 404 too, not Express's HTML page (which names the server software). */
export const jsonNotFound: RequestHandler = (_request, response) => {
  sendError(response, 404, "Not found", { code: "NOT_FOUND" });
};
