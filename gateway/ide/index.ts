import express, { type Router } from "express";
import path from "node:path";
import { bootScript, IDE_ASSETS_PATH, idePage, type IdeExample } from "./page";

export type { IdeExample } from "./page";

export interface IdeOptions {
  /** Where GraphQL is served; the IDE is served there too, to browsers (Accept: text/html). */
  endpoint: string;
  /** Opened as tabs on a first visit: the DOMAIN.md questions and the common writes. */
  examples: IdeExample[];
}

/** GraphiQL, React and ReactDOM as the installed packages ship them prebuilt: nothing comes from a CDN. */
const ASSETS: Record<string, { file: string; type: string }> = {
  "graphiql.min.js": { file: require.resolve("graphiql/graphiql.min.js"), type: "text/javascript" },
  "graphiql.min.css": { file: require.resolve("graphiql/graphiql.min.css"), type: "text/css" },
  "react.production.min.js": { file: path.join(path.dirname(require.resolve("react/package.json")), "umd", "react.production.min.js"), type: "text/javascript" },
  "react-dom.production.min.js": {
    file: path.join(path.dirname(require.resolve("react-dom/package.json")), "umd", "react-dom.production.min.js"),
    type: "text/javascript",
  },
};

/** The page's own rule: scripts, styles and requests from this server only (GraphiQL's fonts are inlined). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The GraphQL IDE, offline: GraphiQL at the endpoint for browsers, `/` redirecting there, and its
 * assets under /ide. A field for a bearer token or an API key; the examples open as tabs.
 */
export function ideRouter(options: IdeOptions): Router {
  const router = express.Router();
  const page = idePage(options.endpoint, options.examples);
  router.get("/", (_request, response) => response.redirect(302, options.endpoint));
  router.get(options.endpoint, (request, response, next) => {
    // a GET with an operation, or from a client that does not prefer HTML, is GraphQL's
    if (request.url.includes("?") || request.accepts(["application/json", "application/graphql-response+json", "text/html"]) !== "text/html") return next();
    response.set({ "content-type": "text/html; charset=utf-8", "content-security-policy": CONTENT_SECURITY_POLICY, "cache-control": "no-cache" });
    response.send(page);
  });
  router.get(`${IDE_ASSETS_PATH}/boot.js`, (_request, response) => {
    response.type("text/javascript").set("cache-control", "no-cache").send(bootScript);
  });
  router.get(`${IDE_ASSETS_PATH}/:asset`, (request, response, next) => {
    if (!Object.hasOwn(ASSETS, request.params.asset)) return next();
    const asset = ASSETS[request.params.asset];
    response.sendFile(asset.file, { headers: { "content-type": asset.type }, maxAge: "1h" });
  });
  return router;
}
