import { acceptedKeys } from "../../contracts/gateway-keys";
import type { FetcherRequestInit, FetcherResponse } from "@apollo/utils.fetcher";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken, verifyAccessToken, type Access } from "../../contracts/access";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { AccessTokenCache } from "../../gateway/auth/access-tokens";
import { generateHubKeys, type HubKeys } from "../../gateway/auth/keys";
import { SubgraphConnections } from "../../gateway/http-client";
import { useSubgraphDeduplication } from "../../gateway/plugins/subgraph-deduplication";
import { startGatewayWithFakeSubgraphs, type FakeAnswer, type SubgraphCall } from "../support/fake-subgraphs";

/** How the gateway talks to its subgraphs: pooled connections, reused signed access, merged identical reads. */

const person = (personId: string): Access => ({ ...ANONYMOUS_ACCESS, principal: { kind: "PERSON", personId }, organizationId: "org-1", canWrite: true });

describe("the access token cache", () => {
  let keys: HubKeys;
  beforeAll(async () => {
    keys = await generateHubKeys();
  });

  function countingCache(reuseMs?: number) {
    const signed: string[] = [];
    const cache = new AccessTokenCache(
      async (access, audience) => {
        signed.push(audience);
        return signAccessToken(access, audience, keys.gatewayPrivateKey);
      },
      { reuseMs },
    );
    return { cache, signed };
  }

  it("signs once per access and subgraph, concurrent first fetches included, and the token verifies for that subgraph only", async () => {
    const { cache, signed } = countingCache();
    const ada = person("ada");
    const [first, second] = await Promise.all([cache.token(ada, "resources"), cache.token(ada, "resources")]);
    expect(second).toBe(first);
    expect(await cache.token({ ...ada }, "resources")).toBe(first);
    expect(signed).toEqual(["resources"]);
    expect(await verifyAccessToken(first, "resources", await acceptedKeys(keys.gatewayPublicKey))).toEqual(ada);
    expect(await verifyAccessToken(first, "networks", await acceptedKeys(keys.gatewayPublicKey))).toBeNull();
  });

  it("never hands one caller's token to another access, nor one subgraph's to another", async () => {
    const { cache, signed } = countingCache();
    const tokens = await Promise.all([
      cache.token(person("ada"), "resources"),
      cache.token(person("grace"), "resources"),
      cache.token({ ...person("ada"), schoolIds: ["s1"] }, "resources"),
      cache.token(person("ada"), "development"),
      cache.token(ANONYMOUS_ACCESS, "resources"),
    ]);
    expect(new Set(tokens).size).toBe(5);
    expect(signed).toHaveLength(5);
    expect(await verifyAccessToken(tokens[2], "resources", await acceptedKeys(keys.gatewayPublicKey))).toEqual({ ...person("ada"), schoolIds: ["s1"] });
  });

  it("signs again once the reuse window is over, and after a failed signature", async () => {
    const { cache, signed } = countingCache(50);
    const ada = person("ada");
    const first = await cache.token(ada, "resources");
    expect(await cache.token(ada, "resources")).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 120));
    // the same access object as a copy of it: neither gets the stale token
    const second = await cache.token(ada, "resources");
    expect(second).not.toBe(first);
    expect(await cache.token(person("ada"), "resources")).toBe(second);
    expect(signed).toHaveLength(2);

    let fail = true;
    const flaky = new AccessTokenCache(async (access, audience) => {
      if (fail) throw new Error("key unavailable");
      return signAccessToken(access, audience, keys.gatewayPrivateKey);
    });
    await expect(flaky.token(person("ada"), "resources")).rejects.toThrow("key unavailable");
    fail = false;
    expect(await verifyAccessToken(await flaky.token(person("ada"), "resources"), "resources", await acceptedKeys(keys.gatewayPublicKey))).toEqual(person("ada"));
  });
});

describe("merging identical in-flight subgraph fetches", () => {
  const QUERY_BODY = JSON.stringify({ query: "query School__networks__0{school(id:\"s1\"){name}}", variables: {} });
  const MUTATION_BODY = JSON.stringify({ query: "mutation Cancel__advocacy__0{cancelCampaignAction(id:\"a1\"){id}}", variables: {} });

  /** A fetcher whose answers the test releases: records every request it was asked to send. */
  function heldFetcher() {
    const sent: Array<{ init: FetcherRequestInit; release: (body: string) => void; fail: (error: Error) => void }> = [];
    const fetcher = (_url: string, init?: FetcherRequestInit) =>
      new Promise<FetcherResponse>((resolve, reject) => {
        sent.push({
          init: init!,
          release: (body) => resolve(new Response(body, { headers: { "content-type": "application/json" } }) as unknown as FetcherResponse),
          fail: reject,
        });
      });
    return { fetcher: useSubgraphDeduplication(fetcher), sent };
  }
  const post = (body: string, headers: Record<string, string>): FetcherRequestInit => ({ method: "POST", body, headers: { "content-type": "application/json", ...headers } });

  it("sends one request for identical queries with the same access, each caller reading the whole answer", async () => {
    const { fetcher, sent } = heldFetcher();
    const waiting = [
      fetcher("http://networks/graphql", post(QUERY_BODY, { [ACCESS_HEADER]: "token-a", "x-request-id": "r1", traceparent: "00-a-b-01" })),
      fetcher("http://networks/graphql", post(QUERY_BODY, { [ACCESS_HEADER]: "token-a", "x-request-id": "r2", traceparent: "00-c-d-01" })),
    ];
    expect(sent).toHaveLength(1);
    sent[0].release('{"data":{"school":{"name":"Lincoln"}}}');
    const answers = await Promise.all(waiting.map(async (response) => (await response).json()));
    expect(answers).toEqual([{ data: { school: { name: "Lincoln" } } }, { data: { school: { name: "Lincoln" } } }]);
    expect(answers[0]).not.toBe(answers[1]);
    // nothing is kept once answered: the next identical query is sent again
    void fetcher("http://networks/graphql", post(QUERY_BODY, { [ACCESS_HEADER]: "token-a" }));
    expect(sent).toHaveLength(2);
  });

  it("never merges different access, other subgraphs, other bodies or mutations", async () => {
    const { fetcher, sent } = heldFetcher();
    const other = JSON.stringify({ query: "query School__networks__0{school(id:\"s2\"){name}}", variables: {} });
    for (const [url, body, token] of [
      ["http://networks/graphql", QUERY_BODY, "token-a"],
      ["http://networks/graphql", QUERY_BODY, "token-b"],
      ["http://resources/graphql", QUERY_BODY, "token-a"],
      ["http://networks/graphql", other, "token-a"],
      ["http://advocacy/graphql", MUTATION_BODY, "token-a"],
      ["http://advocacy/graphql", MUTATION_BODY, "token-a"],
    ]) {
      void fetcher(url, post(body, { [ACCESS_HEADER]: token }));
    }
    expect(sent.map(({ init }) => [init.headers![ACCESS_HEADER], init.body])).toEqual([
      ["token-a", QUERY_BODY],
      ["token-b", QUERY_BODY],
      ["token-a", QUERY_BODY],
      ["token-a", other],
      ["token-a", MUTATION_BODY],
      ["token-a", MUTATION_BODY],
    ]);
  });

  it("fails every merged caller when the one request fails, and keeps no failure", async () => {
    const { fetcher, sent } = heldFetcher();
    const waiting = [1, 2].map(() => fetcher("http://networks/graphql", post(QUERY_BODY, { [ACCESS_HEADER]: "token-a" })));
    sent[0].fail(new Error("connection reset"));
    for (const response of waiting) await expect(response).rejects.toThrow("connection reset");
    void fetcher("http://networks/graphql", post(QUERY_BODY, { [ACCESS_HEADER]: "token-a" }));
    expect(sent).toHaveLength(2);
  });
});

describe("the gateway's subgraph fetches", () => {
  const SCHOOL = `{ school(id: "s1") { name } }`;
  const CANCEL = `mutation { cancelCampaignAction(id: "a1") { id } }`;

  it("merge concurrent identical queries of callers with the same access only, and never mutations", async () => {
    // the first school query and the first mutation are held, so the concurrent ones find them in flight
    let hold: Promise<void> | null = null;
    const answer = async (call: SubgraphCall): Promise<FakeAnswer> => {
      if (call.query.includes("accessGrants")) return { body: { data: { accessGrants: { schoolIds: [], managedNetworkIds: [], memberNetworkIds: [], allied: [], schoolMemberships: [] } } } };
      if (hold) await hold;
      return call.query.includes("school") ? { body: { data: { school: { name: "Lincoln" } } } } : { body: { data: null } };
    };
    const gateway = await startGatewayWithFakeSubgraphs({ answer });
    try {
      const ada = { authorization: `Bearer ${await mintDevToken(gateway.keys.issuerPrivateKey, { personId: "ada", organizationId: "org-1", roles: [] })}` };
      // warm up: plans and ada's access are cached, so the concurrent requests reach their fetches together
      await gateway.post({ query: SCHOOL });
      await gateway.post({ query: SCHOOL }, ada);
      await gateway.post({ query: CANCEL });
      const before = gateway.calls.length;
      hold = new Promise((resolve) => setTimeout(resolve, 1_000));
      const answers = await Promise.all([
        gateway.post({ query: SCHOOL }),
        gateway.post({ query: SCHOOL }),
        gateway.post({ query: SCHOOL }, ada),
        gateway.post({ query: CANCEL }),
        gateway.post({ query: CANCEL }),
      ]);
      for (const response of answers.slice(0, 3)) expect(response.json).toEqual({ data: { school: { name: "Lincoln" } } });
      const calls = gateway.calls.slice(before);
      const schoolCalls = calls.filter((call) => call.query.includes("school"));
      // one fetch for both anonymous callers, one for ada; each mutation sent
      expect(schoolCalls).toHaveLength(2);
      expect(new Set(schoolCalls.map((call) => call.headers[ACCESS_HEADER])).size).toBe(2);
      expect(calls.filter((call) => call.query.includes("cancelCampaignAction"))).toHaveLength(2);
    } finally {
      await gateway.stop();
    }
  });
});

describe("the gateway's connections to subgraphs", () => {
  it("reuse kept-alive connections for fetches one after another, and read status, headers and body", async () => {
    const sockets = new Set<unknown>();
    const server = http.createServer((request, response) => {
      sockets.add(request.socket);
      response.writeHead(request.url === "/graphql?x=1" ? 200 : 404, { "content-type": "application/json", "cache-control": "max-age=5" }).end('{"data":{}}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const connections = new SubgraphConnections();
    try {
      const fetcher = connections.fetcher(1_000);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql?x=1`;
      const fetches = 5;
      for (let i = 0; i < fetches; i++) {
        const response = await fetcher(url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
        expect([response.ok, response.status, response.headers.get("Cache-Control")]).toEqual([true, 200, "max-age=5"]);
        expect(await response.json()).toEqual({ data: {} });
      }
      // a connection may still be finishing its last answer when the next fetch starts, but most are reused
      expect(sockets.size).toBeLessThan(fetches / 2);
      const missing = await fetcher(url.replace("?x=1", ""), { method: "POST", body: "{}" });
      expect([missing.ok, missing.status, missing.statusText]).toEqual([false, 404, "Not Found"]);
    } finally {
      await connections.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("gives up on a subgraph that does not answer in time", async () => {
    const server = http.createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const connections = new SubgraphConnections();
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      await expect(connections.fetcher(200)(url, { method: "POST", body: "{}" })).rejects.toThrow(/timeout/i);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await connections.close();
    }
  });
});
