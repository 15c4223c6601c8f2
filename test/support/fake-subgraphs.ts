import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEV_ISSUER, HUB_AUDIENCE } from "../../gateway/auth/issuers";
import { generateHubKeys, type HubKeys } from "../../gateway/auth/keys";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { readSupergraph, startGateway, type GatewaySafeguards } from "../../gateway/gateway";
import type { Logger } from "../../runtime/observability";

/** What a fake subgraph does with one request: answer this body (status 200 unless given), or never answer. */
export type FakeAnswer = { status?: number; body: unknown } | "hang";
export interface SubgraphCall {
  subgraph: string;
  query: string;
  /** The request's headers (the signed access among them). */
  headers: http.IncomingHttpHeaders;
}

export interface GatewayWithFakeSubgraphs {
  url: string;
  keys: HubKeys;
  /** Every request the fake subgraphs received, in order. */
  calls: SubgraphCall[];
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; text: string; json: any }>;
  stop(): Promise<void>;
}

export const NO_GRANTS = { data: { accessGrants: { schoolIds: [], managedNetworkIds: [], memberNetworkIds: [], allied: [], schoolMemberships: [] } } };

/** No grants for a person, no such API key, null data for anything else. */
function defaultAnswer(call: SubgraphCall): FakeAnswer {
  if (call.query.includes("accessGrants")) return { body: NO_GRANTS };
  if (call.query.includes("apiKeyGrant")) return { body: { data: { apiKeyGrant: null } } };
  return { body: { data: null } };
}

/**
 * The real gateway serving the committed supergraph, its subgraphs replaced by HTTP servers that
 * record every request and answer as told (by default `defaultAnswer`), so tests can count what
 * reaches the subgraphs and make them fail on purpose.
 */
export async function startGatewayWithFakeSubgraphs(
  options: { answer?: (call: SubgraphCall) => FakeAnswer | Promise<FakeAnswer>; safeguards?: GatewaySafeguards; logger?: Logger } = {},
): Promise<GatewayWithFakeSubgraphs> {
  const supergraphSdl = readSupergraph(SUPERGRAPH_PATH);
  const names = [...supergraphSdl.matchAll(/@join__graph\(name: "(\w+)"/g)].map((match) => match[1]);
  const calls: SubgraphCall[] = [];
  const servers: http.Server[] = [];
  const subgraphUrls: Record<string, string> = {};
  for (const subgraph of names) {
    const server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", async () => {
        const call = { subgraph, query: String(JSON.parse(body).query), headers: request.headers };
        calls.push(call);
        const answer = (await options.answer?.(call)) ?? defaultAnswer(call);
        if (answer === "hang") return;
        const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
        response.writeHead(answer.status ?? 200, { "content-type": typeof answer.body === "string" ? "text/html" : "application/json" }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    subgraphUrls[subgraph] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  const keys = await generateHubKeys();
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls,
    port: 0,
    gatewayPrivateKey: keys.gatewayPrivateKey,
    issuers: [{ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: keys.issuerPublicKey }],
    logger: options.logger,
    ...options.safeguards,
  });
  return {
    url: gateway.url,
    keys,
    calls,
    async post(body, headers = {}) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    async stop() {
      // no new connections, and the hanging ones cut, so the gateway's pending fetches fail at once
      const closed = servers.map((server) => new Promise((resolve) => server.close(resolve)));
      for (const server of servers) server.closeAllConnections();
      await gateway.stop();
      await Promise.all(closed);
    },
  };
}
