import type express from "express";
import type { IncomingHttpHeaders } from "node:http";

/** A request body the client got wrong, shaped as body-parser's errors are (which `jsonErrorHandler` answers). */
function bodyError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

/** The body the gateway sends: JSON in UTF-8, not compressed, its length declared and within `limit`. */
function isPlainJson(headers: IncomingHttpHeaders, limit: number): boolean {
  const type = headers["content-type"]?.toLowerCase();
  if (type !== "application/json" && type !== "application/json; charset=utf-8") return false;
  if (headers["content-encoding"] !== undefined) return false;
  const length = Number(headers["content-length"]);
  return length > 0 && length <= limit;
}

/**
 * Parses a JSON request body into `request.body` as `express.json` does (strict: an object or an array),
 * reading the plain bodies the gateway sends in one piece and parsing them with nothing in between.
 * Every other body goes to `parse` (`express.json` with the same limit): compressed or chunked ones,
 * other character sets, bodies over the limit, other content types.
 */
export function jsonBody(limit: number, parse: express.RequestHandler): express.RequestHandler {
  return (request, response, next) => {
    if (!isPlainJson(request.headers, limit)) {
      parse(request, response, next);
      return;
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.once("error", () => next(bodyError(400, "request.aborted", "request aborted")));
    request.once("end", () => {
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString("utf8");
      // a byte order mark is not JSON; body-parser drops it too
      const json = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const first = json.trimStart()[0];
      let body: unknown;
      try {
        if (first !== "{" && first !== "[") throw new SyntaxError("not an object or an array");
        body = JSON.parse(json);
      } catch {
        next(bodyError(400, "entity.parse.failed", "The request body is not valid JSON"));
        return;
      }
      request.body = body;
      next();
    });
  };
}
