import cors from "cors";
import type { RequestHandler } from "express";

/**
 * Which browser origins may call the gateway: exact origins (`https://portal.example.org`), an origin
 * with any port (`http://localhost:*`), or `*` for any origin without credentials.
 */
export type CorsOrigins = string[];

/** Request headers a browser client sends: credentials, JSON, and Apollo's CSRF-prevention header. */
const ALLOWED_HEADERS = ["authorization", "x-api-key", "content-type", "apollo-require-preflight", "x-apollo-operation-name", "graphql-client-name", "graphql-client-version"];

/**
 * Answers preflights (204) and labels responses for the allowed origins only; other origins get no
 * CORS headers, so the browser keeps the answer from them. Credentials are allowed with listed
 * origins only, never with `*`.
 */
export function corsMiddleware(origins: CorsOrigins): RequestHandler[] {
  const anyOrigin = origins.includes("*");
  const patterns = origins.filter((origin) => origin !== "*").map(originPattern);
  const answerPreflight = cors({
    origin: anyOrigin ? "*" : (origin, callback) => callback(null, origin !== undefined && patterns.some((pattern) => pattern.test(origin))),
    credentials: !anyOrigin,
    methods: ["GET", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
  // a preflight from an origin not allowed: answered without CORS headers, so the browser refuses
  const refusePreflight: RequestHandler = (request, response, next) => {
    if (request.method !== "OPTIONS") return next();
    response.status(204).set("allow", "GET, POST, OPTIONS").end();
  };
  return [answerPreflight, refusePreflight];
}

function originPattern(origin: string): RegExp {
  const url = new URL(origin.replace(/:\*$/, ""));
  if (url.origin !== origin.replace(/:\*$/, "")) throw new Error(`Not an origin (scheme://host[:port]): ${origin}`);
  const escaped = url.origin.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(origin.endsWith(":*") ? `^${escaped}(:\\d+)?$` : `^${escaped}$`);
}
