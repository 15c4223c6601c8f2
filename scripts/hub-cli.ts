/** What the hub's command-line tools share: where the gateway is, how they sign in, how they answer. */
export interface CliEnvironment {
  hubUrl?: string;
  apiKey?: string;
  token?: string;
}

export interface CliResult {
  code: number;
  output: string;
}

/** A mistake in the command line: answered with the usage text and exit code 2. */
export class UsageError extends Error {}

/**
 * One GraphQL call through the gateway, as any client makes it, so the hub's own authorization and audit
 * apply. `missingCredentials` says which credential this command needs when none is set.
 */
export async function callHub(environment: CliEnvironment, missingCredentials: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const url = `${(environment.hubUrl ?? "http://localhost:4000").replace(/\/(graphql)?$/, "")}/graphql`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (environment.token) headers.authorization = `Bearer ${environment.token}`;
  else if (environment.apiKey) headers["x-api-key"] = environment.apiKey;
  else throw new UsageError(missingCredentials);
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
  if (body.errors?.length) {
    throw new Error(body.errors.map((error) => `${error.extensions?.code ?? "ERROR"}${error.extensions?.field ? ` (${error.extensions.field})` : ""}: ${error.message}`).join("\n"));
  }
  return body.data ?? {};
}
