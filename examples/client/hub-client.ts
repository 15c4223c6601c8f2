import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** An error the hub answered with: its `extensions.code` says what to do (README, API conventions). */
export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status: 401 for UNAUTHENTICATED, 200 for errors in a result. */
    readonly status: number,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface HubClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A person's token (`Authorization: Bearer`), or a partner system's API key; neither: anonymous. */
  token?: string;
  apiKey?: string;
}

/** A minimal typed client: the document's types give `variables` and the result their shapes. */
export class HubClient {
  constructor(private readonly options: HubClientOptions) {}

  async request<TResult, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (this.options.apiKey) headers["x-api-key"] = this.options.apiKey;
    const response = await fetch(this.options.url, { method: "POST", headers, body: JSON.stringify({ query: print(document), variables }) });
    const body = (await response.json()) as { data?: TResult; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
    const [error] = body.errors ?? [];
    if (error) throw new HubError(error.extensions?.code ?? "INTERNAL_SERVER_ERROR", error.message, response.status, error.extensions?.field);
    return body.data!;
  }
}
