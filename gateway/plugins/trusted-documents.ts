import type { Request, RequestHandler } from "express";
import { readFileSync } from "node:fs";
import { documentId, type PersistedQueryManifest } from "../operations";

/** Registered documents by id (sha256 of the body, hex). */
export type TrustedDocuments = Map<string, string>;

export interface TrustedDocumentsOptions {
  documents: TrustedDocuments;
  /** Refuse every operation that is not registered (`OPERATION_NOT_TRUSTED`). */
  safelist: boolean;
}

/**
 * Reads client apps' manifests: Apollo's persisted-query manifest (`operations[].{id, body}`) or a plain
 * `{ "<id>": "<body>" }` map (Hive, GraphQL Code Generator's client preset). Ids must be the body's
 * sha256, as both clients compute them.
 */
export function readTrustedDocuments(paths: string[]): TrustedDocuments {
  const documents: TrustedDocuments = new Map();
  for (const file of paths) {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as PersistedQueryManifest | Record<string, string>;
    const entries: Array<[string, string]> = Array.isArray(manifest.operations)
      ? (manifest as PersistedQueryManifest).operations.map((operation) => [operation.id, operation.body])
      : Object.entries(manifest as Record<string, string>);
    for (const [id, body] of entries) {
      if (typeof body !== "string" || documentId(body) !== id) throw new Error(`${file}: the id ${id} is not the sha256 of its document`);
      documents.set(id, body);
    }
  }
  return documents;
}

/** The error codes this module answers with (see the README's trusted-documents section). */
export const PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
export const OPERATION_NOT_TRUSTED = "OPERATION_NOT_TRUSTED";

interface GraphQLParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
}

/**
 * Before Apollo Server: a request naming a registered document by id (Hive's `documentId`, Apollo's
 * `extensions.persistedQuery.sha256Hash`) gets its text; with the safelist on, anything else is refused.
 * Apollo's own automatic persisted queries still answer unknown ids when the safelist is off.
 */
export function trustedDocumentsMiddleware({ documents, safelist }: TrustedDocumentsOptions): RequestHandler {
  return (request, response, next) => {
    if (request.method !== "GET" && request.method !== "POST") return next();
    const params = request.method === "GET" ? queryStringParams(request) : (request.body as GraphQLParams | undefined);
    const refuse = (code: string, message: string, status: number) =>
      response.status(status).set("cache-control", "private, no-cache, must-revalidate").json({ errors: [{ message, extensions: { code } }] });
    const notTrusted = () => refuse(OPERATION_NOT_TRUSTED, "This gateway runs only registered operations: send a registered document or its id", 400);
    if (!params || typeof params !== "object" || Array.isArray(params)) return safelist ? notTrusted() : next();
    const id = typeof params.documentId === "string" ? params.documentId : params.extensions?.persistedQuery?.sha256Hash;
    const text = typeof params.query === "string" ? params.query : undefined;
    if (text === undefined && typeof id === "string") {
      const body = documents.get(id);
      if (body === undefined) {
        if (safelist || params.documentId !== undefined) return refuse(PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound", 200);
        return next();
      }
      setQuery(request, body);
      return next();
    }
    if (safelist && !(text !== undefined && documents.has(documentId(text)))) return notTrusted();
    next();
  };
}

function queryStringParams(request: Request): GraphQLParams {
  const url = new URL(request.url, "http://gateway");
  const extensions = url.searchParams.get("extensions");
  let parsed: GraphQLParams["extensions"];
  try {
    parsed = extensions ? JSON.parse(extensions) : undefined;
  } catch {
    parsed = undefined;
  }
  return { query: url.searchParams.get("query") ?? undefined, documentId: url.searchParams.get("documentId") ?? undefined, extensions: parsed };
}

/** Hands the document's text to Apollo Server, which reads a POST's body and a GET's query string. */
function setQuery(request: Request, body: string): void {
  if (request.method === "POST") {
    (request.body as GraphQLParams).query = body;
    delete (request.body as GraphQLParams).documentId;
    return;
  }
  const url = new URL(request.url, "http://gateway");
  url.searchParams.set("query", body);
  url.searchParams.delete("documentId");
  request.url = `${url.pathname}${url.search}`;
}
