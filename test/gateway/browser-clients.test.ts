import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { parseRoles } from "../../gateway/auth/identity";
import { DEV_ISSUER, HUB_AUDIENCE } from "../../gateway/auth/issuers";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { readSupergraph, startGateway } from "../../gateway/gateway";
import { ideExamples, OPERATIONS_MANIFEST_PATH, readOperations } from "../../gateway/operations";
import { readTrustedDocuments } from "../../gateway/plugins/trusted-documents";
import type { RunningServer } from "../../subgraphs/kit";
import { DemoNetworks, DemoOrganizations } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

const ALLOWED = "http://localhost:5801";
let hub: HubUnderTest;
let origin: string;
beforeAll(async () => {
  // as npm start runs it: ids of the operations folder resolve, other operations run too
  hub = await startHub({
    gateway: {
      corsOrigins: [ALLOWED, "http://127.0.0.1:*"],
      ide: { examples: ideExamples() },
      trustedDocuments: { documents: readTrustedDocuments([OPERATIONS_MANIFEST_PATH]), safelist: false },
    },
  });
  origin = new URL(hub.gatewayUrl).origin;
});
afterAll(() => hub.stop());

const coordinator = async () => ({
  authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, {
    personId: "harvey",
    organizationId: DemoOrganizations.ceiPea,
    roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
  })}`,
});
const json = (response: Response): Promise<any> => response.json();
const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("the IDE", () => {
  it("serves GraphiQL to browsers at /graphql, with every script and style from this server", async () => {
    const response = await fetch(hub.gatewayUrl, { headers: { accept: "text/html,application/xhtml+xml" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    const page = await response.text();
    expect(page).not.toMatch(/apollo|sandbox|cdn|unpkg|jsdelivr|googleapis/i);
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/ide\//);
      const served = await fetch(`${origin}${asset}`);
      expect({ asset, status: served.status }).toEqual({ asset, status: 200 });
      expect(await served.text()).not.toMatch(/fonts\.googleapis|fonts\.gstatic/);
    }
    for (const name of ["constructor", "__proto__", "..%2Fpackage.json", "graphiql.js"]) expect((await fetch(`${origin}/ide/${name}`)).status).toBe(404);
    // the six questions as tabs, with their variables
    for (const operation of readOperations().filter((candidate) => candidate.question)) expect(page).toContain(JSON.stringify(operation.body).slice(1, 60));
  });

  it("redirects / there and leaves GraphQL over GET to Apollo", async () => {
    const root = await fetch(`${origin}/`, { redirect: "manual", headers: { accept: "text/html" } });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/graphql");
    const get = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent("{ __typename }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("runs every DOMAIN.md question for a coordinator without errors", async () => {
    const headers = await coordinator();
    for (const operation of readOperations().filter((candidate) => candidate.question)) {
      const response = await hub.query(operation.body, operation.variables, headers);
      expect({ name: operation.name, errors: response.errors }).toEqual({ name: operation.name, errors: undefined });
      expect(Object.values(response.data).every((value) => value !== null)).toBe(true);
    }
  });
});

describe("the example writes", () => {
  it("succeed for the person each one names in its `# Sign in` line", async () => {
    const writes = readOperations().filter((operation) => /^mutation /m.test(operation.body));
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const operation of writes) {
      const signIn = /^# Sign in .*npm run token(?: -- --org (\w+) --role (\S+))?/m.exec(operation.body);
      expect({ name: operation.name, signIn: Boolean(signIn) }).toEqual({ name: operation.name, signIn: true });
      const [, organizationId, role] = signIn!;
      const headers = organizationId
        ? {
            authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, {
              personId: "example-writer",
              organizationId,
              roles: parseRoles([role]),
            })}`,
          }
        : await coordinator();
      const response = await hub.query(operation.body, operation.variables, headers);
      expect({ name: operation.name, errors: response.errors }).toEqual({ name: operation.name, errors: undefined });
    }
  });
});

describe("CORS", () => {
  const preflight = (from: string) =>
    fetch(hub.gatewayUrl, {
      method: "OPTIONS",
      headers: { origin: from, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,x-api-key,apollo-require-preflight" },
    });

  it("answers an allowed origin's preflight with the headers a client sends, and labels the answer", async () => {
    for (const from of [ALLOWED, "http://127.0.0.1:5899"]) {
      const response = await preflight(from);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe(from);
      expect(response.headers.get("access-control-allow-credentials")).toBe("true");
      expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
      const allowed = response.headers.get("access-control-allow-headers")!.split(",");
      expect(allowed).toEqual(expect.arrayContaining(["authorization", "x-api-key", "content-type", "apollo-require-preflight"]));
      expect(response.headers.get("vary")).toMatch(/origin/i);
    }
    const answer = await post(hub.gatewayUrl, { query: "{ __typename }" }, { origin: ALLOWED, ...(await coordinator()) });
    expect(answer.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(await answer.json()).toEqual({ data: { __typename: "Query" } });
  });

  it("gives other origins no CORS header, so browsers keep the answer from them", async () => {
    for (const from of ["http://localhost:5802", "https://evil.example", "http://127.0.0.1.evil.example:80", "null"]) {
      const response = await preflight(from);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
  });

  it("allows any origin with `*`, never with credentials", async () => {
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      subgraphUrls: hub.subgraphUrls,
      port: 0,
      gatewayPrivateKey: hub.keys.gatewayPrivateKey,
      issuers: [],
      corsOrigins: ["*"],
    });
    try {
      const response = await fetch(gateway.url, { method: "OPTIONS", headers: { origin: "https://anywhere.example", "access-control-request-method": "POST" } });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    } finally {
      await gateway.stop();
    }
  });
});

describe("trusted documents", () => {
  const [first] = readOperations();
  let safelisted: RunningServer;
  beforeAll(async () => {
    safelisted = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      subgraphUrls: hub.subgraphUrls,
      port: 0,
      gatewayPrivateKey: hub.keys.gatewayPrivateKey,
      issuers: [{ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: hub.keys.issuerPublicKey }],
      trustedDocuments: { documents: readTrustedDocuments([OPERATIONS_MANIFEST_PATH]), safelist: true },
    });
  });
  afterAll(() => safelisted.stop());

  it("runs a registered operation sent as text, as Apollo's persisted-query hash, or as Hive's documentId", async () => {
    const headers = await coordinator();
    const asText = await json(await post(safelisted.url, { query: first.body, variables: first.variables }, headers));
    expect(asText.errors).toBeUndefined();
    expect(asText.data.network.name).toBeTruthy();
    const apollo = await post(safelisted.url, { variables: first.variables, extensions: { persistedQuery: { version: 1, sha256Hash: first.id } } }, headers);
    expect(await apollo.json()).toEqual(asText);
    const hive = await post(safelisted.url, { documentId: first.id, variables: first.variables }, headers);
    expect(await hive.json()).toEqual(asText);
    const params = new URLSearchParams({ documentId: first.id, variables: JSON.stringify(first.variables) });
    const get = await fetch(`${safelisted.url}?${params}`, { headers: { ...headers, "apollo-require-preflight": "true" } });
    expect(await get.json()).toEqual(asText);
  });

  it("refuses any other operation with OPERATION_NOT_TRUSTED, and an unknown id with PERSISTED_QUERY_NOT_FOUND", async () => {
    for (const body of [{ query: "{ __typename }" }, { query: `${first.body} ` }, { query: "{ __schema { types { name } } }" }, [{ query: first.body }], {}]) {
      const response = await post(safelisted.url, body);
      expect(response.status).toBe(400);
      expect((await json(response)).errors[0].extensions.code).toBe("OPERATION_NOT_TRUSTED");
    }
    const unknown = "0".repeat(64);
    for (const body of [{ documentId: unknown }, { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } }]) {
      expect((await json(await post(safelisted.url, body))).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
  });

  it("without the safelist, resolves registered ids and runs other text as before", async () => {
    expect((await hub.query("{ __typename }")).data).toEqual({ __typename: "Query" });
    const hive = await json(await post(hub.gatewayUrl, { documentId: first.id, variables: first.variables }));
    expect(hive.errors).toBeUndefined();
    expect(hive.data.network.id).toBe(first.variables!.networkId);
    const unknown = await post(hub.gatewayUrl, { documentId: "0".repeat(64) });
    expect((await json(unknown)).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("refuses a manifest whose ids are not the sha256 of their documents", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "manifest-")), "bad.json");
    writeFileSync(file, JSON.stringify({ ["a".repeat(64)]: "{ __typename }" }));
    expect(() => readTrustedDocuments([file])).toThrow(/not the sha256/);
  });
});
