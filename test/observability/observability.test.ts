import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { startGateway, readSupergraph } from "../../gateway/gateway";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { startHub, type HubUnderTest } from "../support/hub";

/** Every log line every service wrote, parsed. */
const lines: Array<Record<string, any>> = [];
let raw = "";
let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub({
    logging: {
      level: "trace",
      destination: {
        write(chunk: string) {
          raw += chunk;
          lines.push(JSON.parse(chunk));
        },
      },
    },
  });
});
afterAll(() => hub.stop());

const serviceUrl = (graphqlUrl: string, path: string) => graphqlUrl.replace(/\/graphql$/, path);

/** A service's /metrics, as a lookup: the sum of the samples named `name` whose labels match. */
async function metricsOf(graphqlUrl: string) {
  const text = await (await fetch(serviceUrl(graphqlUrl, "/metrics"))).text();
  const samples = text
    .split("\n")
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [, name, labels = "", value] = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)!;
      return { name, labels: Object.fromEntries([...labels.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, label]) => [key, label])), value: Number(value) };
    });
  return (name: string, labels: Record<string, unknown>) =>
    samples.filter((sample) => sample.name === name && expect.objectContaining(labels).asymmetricMatch(sample.labels)).reduce((sum, sample) => sum + sample.value, 0);
}

describe("request ids and logs", () => {
  it("keeps the caller's x-request-id and passes it to every subgraph and the access lookup", async () => {
    const requestId = `req-${randomBytes(6).toString("hex")}`;
    const token = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "log-tester",
      organizationId: DemoOrganizations.ceiPea,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
    });
    const response = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": requestId },
      body: JSON.stringify({ query: `query Traced($id: ID!) { school(id: $id) { name ownedResources(first: 1) { totalCount } } }`, variables: { id: DemoSchools.parker } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const services = new Set(lines.filter((line) => line.requestId === requestId && line.msg === "request").map((line) => line.service));
    // the gateway, the access lookup and the school at networks, its resources at resources
    expect([...services].sort()).toEqual(["gateway", "networks", "resources"]);
    const lookups = lines.filter((line) => line.requestId === requestId && line.service === "networks");
    expect(lookups.length).toBeGreaterThanOrEqual(2);
  });

  it("replaces a request id that does not look like one", async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "bad id\twith spaces" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never writes a token, a key, a body or a personal field", async () => {
    const token = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "secret-person-id",
      organizationId: DemoOrganizations.ceiPea,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
    });
    const apiKey = `hubk_${randomBytes(16).toString("hex")}`;
    const email = `secret-${randomBytes(4).toString("hex")}@example.org`;
    const name = `Secret Name ${randomBytes(4).toString("hex")}`;
    const mutation = `mutation Hire($input: CreateEducatorInput!) { createEducator(input: $input) { id name } }`;
    const input = { name, role: "COACH", networkId: DemoNetworks.nycSchoolLeaders, contact: { email, phone: "555-0100-777" } };
    const written = await hub.query(mutation, { input }, { authorization: `Bearer ${token}` });
    expect(written.errors).toBeUndefined();
    await hub.query(`{ __typename }`, {}, { "x-api-key": apiKey });
    // a GET operation carries its variables in the query string
    const get = new URL(hub.gatewayUrl);
    get.searchParams.set("query", "query Find($email: ID!) { school(id: $email) { name } }");
    get.searchParams.set("variables", JSON.stringify({ email }));
    expect((await fetch(get, { headers: { "apollo-require-preflight": "true" } })).status).toBe(200);
    const before = lines.length;
    await hub.query(`query Who($id: ID!) { educator(id: $id) { name contact { email phone } } }`, { id: written.data.createEducator.id }, { authorization: `Bearer ${token}` });
    expect(lines.length).toBeGreaterThan(before);
    for (const secret of [token, token.split(".")[2], apiKey, email, name, "555-0100-777", "secret-person-id", "createEducator", "Bearer"]) {
      expect(raw).not.toContain(secret);
    }
  });
});

describe("health, readiness and metrics", () => {
  it("answers /health and /ready on every service", async () => {
    for (const url of [hub.gatewayUrl, ...Object.values(hub.subgraphUrls)]) {
      expect((await fetch(serviceUrl(url, "/health"))).status).toBe(200);
      const ready = await fetch(serviceUrl(url, "/ready"));
      expect(await ready.json()).toMatchObject({ status: "ready" });
      expect(ready.status).toBe(200);
    }
  });

  it("says why a gateway is not ready: the subgraph that does not answer", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      // nothing listens there any more
      subgraphUrls: { ...hub.subgraphUrls, advocacy: `http://127.0.0.1:${closedPort}/graphql` },
      port: 0,
      gatewayPrivateKey: hub.keys.gatewayPrivateKey,
      issuers: [],
    });
    try {
      const response = await fetch(serviceUrl(gateway.url, "/ready"));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "not ready", service: "gateway", reasons: ["subgraph advocacy: ECONNREFUSED"] });
    } finally {
      await gateway.stop();
    }
  });

  it("counts operations by name, subgraph fetches, errors by code and database commands", async () => {
    await hub.query(`query MetricsProbe { networks(first: 2) { edges { node { name ownedResources(first: 1) { totalCount } } } } }`);
    await hub.query(`query BadFirst { schools(first: 0) { totalCount } }`);
    const gateway = await metricsOf(hub.gatewayUrl);
    expect(gateway("hub_graphql_requests_total", { operation: "MetricsProbe", outcome: "ok", service: "gateway" })).toBe(1);
    expect(gateway("hub_graphql_request_duration_seconds_count", { operation: "MetricsProbe" })).toBe(1);
    expect(gateway("hub_graphql_errors_total", { code: "BAD_USER_INPUT" })).toBeGreaterThanOrEqual(1);
    expect(gateway("hub_subgraph_fetch_duration_seconds_count", { subgraph: "resources" })).toBeGreaterThanOrEqual(1);
    const resources = await metricsOf(hub.subgraphUrls.resources);
    expect(resources("hub_mongodb_commands_total", { command: expect.stringMatching(/^(find|aggregate)$/), outcome: "ok", service: "resources" })).toBeGreaterThanOrEqual(1);
    expect(resources("hub_mongodb_pool_connections", { state: "open" })).toBeGreaterThanOrEqual(1);
    expect(resources("hub_graphql_requests_total", { outcome: "ok", operation: expect.stringMatching(/^MetricsProbe__resources__\d+$/) })).toBeGreaterThanOrEqual(1);
  });
});
