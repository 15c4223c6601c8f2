import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { randomUUID } from "node:crypto";
import { ERROR_CODES } from "../contracts/errors";
import { createLogger, REQUEST_ID_HEADER, type Logger } from "./observability";

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

/** An unexpected error already logged with its request id: shown as INTERNAL_SERVER_ERROR with that id. */
export class ReportedError extends GraphQLError {
  constructor(readonly requestId: string) {
    super(INTERNAL_MESSAGE, { extensions: { code: INTERNAL_SERVER_ERROR, requestId } });
  }
}

/**
 * What Apollo Server needs so clients see codes and safe messages only. `formatError`: errors with a safe
 * code pass through; anything else (a database message, an internal URL, a bug) reaches the client only
 * as INTERNAL_SERVER_ERROR. An error that carries an upstream HTTP response is a transport failure,
 * whatever its code. `plugin`: logs each masked error in full with the request's id and adds that id to
 * what the client sees (formatError is not told the request).
 */
export function errorMasking(logger: Logger, options: ErrorMaskingOptions = {}) {
  const safeCodes = new Set([...SAFE_ERROR_CODES, ...(options.safeCodes ?? [])]);
  /** Masked answers, until the request's plugin logs their cause. */
  const causes = new WeakMap<GraphQLFormattedError, unknown>();
  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const reported = unwrapResolverError(error);
    if (reported instanceof ReportedError) return { message: INTERNAL_MESSAGE, extensions: { code: INTERNAL_SERVER_ERROR, requestId: reported.requestId } };
    const { code } = formatted.extensions ?? {};
    if (typeof code === "string" && safeCodes.has(code) && !formatted.extensions?.response) {
      const extensions = Object.fromEntries(Object.entries(formatted.extensions!).filter(([key]) => !SERVER_DETAILS.includes(key)));
      const message = options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
      return { ...formatted, message, extensions };
    }
    const masked = { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: INTERNAL_SERVER_ERROR } };
    causes.set(masked, error);
    return masked;
  };
  const plugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart({ request }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          for (const answer of response.body.singleResult.errors ?? []) {
            if (!causes.has(answer)) continue;
            const requestId = request.http?.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
            logUnexpectedError(causes.get(answer), requestId, logger.child({ requestId }));
            (answer.extensions as Record<string, unknown>).requestId = requestId;
            causes.delete(answer);
          }
        },
      };
    },
  };
  /**
   * Wraps Apollo Server's `context`: its failures are answered before any plugin runs, so an unexpected one
   * is logged here, with the request's id and logger.
   */
  const reportingFailures =
    <TArgs extends { res: Response }, TContext>(build: (args: TArgs) => Promise<TContext>) =>
    async (args: TArgs): Promise<TContext> => {
      try {
        return await build(args);
      } catch (error) {
        const code = error instanceof GraphQLError ? error.extensions.code : undefined;
        if (typeof code === "string" && safeCodes.has(code)) throw error;
        throw new ReportedError(logUnexpectedError(error, args.res.locals.requestId, args.res.locals.log));
      }
    };
  return { formatError, plugin, reportingFailures };
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
export function logUnexpectedError(error: unknown, requestId: string = randomUUID(), log?: Logger): string {
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
