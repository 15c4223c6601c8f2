import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { gzipSync } from "node:zlib";
import { ANONYMOUS_ACCESS } from "../../subgraphs/kit/access";
import { startSubgraphServer, type RunningServer } from "../../subgraphs/kit/server";

/*
 * The subgraph server's HTTP: what the gateway and probes see of /graphql, the service endpoints and unknown
 * paths, errors included, all in JSON.
 */

let server: RunningServer;
const base = () => server.url.replace(/\/graphql$/, "");

beforeAll(async () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: "Query", fields: { hello: { type: GraphQLString, resolve: () => "world" } } }),
  });
  server = await startSubgraphServer({
    name: "http-probe",
    schema,
    port: 0,
    verifyAccess: async (request) => (request.header("x-test-access") === "yes" ? ANONYMOUS_ACCESS : null),
    context: async () => ({}),
    checkDatabase: async () => {},
  });
});

afterAll(async () => {
  await server?.stop();
});

async function post(body: string | Buffer, headers: Record<string, string> = {}, url = server.url) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-test-access": "yes", ...headers }, body });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const badRequest = (message: string) => ({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });

describe("POST /graphql", () => {
  it("answers an operation with its request id, in JSON with its length", async () => {
    const answer = await post(JSON.stringify({ query: "{ hello }" }), { "x-request-id": "probe-1" });
    expect(answer).toMatchObject({ status: 200, json: { data: { hello: "world" } } });
    expect(answer.headers.get("x-request-id")).toBe("probe-1");
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Number(answer.headers.get("content-length"))).toBe(JSON.stringify(answer.json).length + 1);
  });

  it("reads a body with a byte order mark, a charset, or compressed", async () => {
    const body = JSON.stringify({ query: "{ hello }" });
    for (const answer of [
      await post(`\uFEFF${body}`),
      await post(body, { "content-type": "application/json; charset=utf-8" }),
      await post(gzipSync(body), { "content-encoding": "gzip" }),
    ]) {
      expect(answer).toMatchObject({ status: 200, json: { data: { hello: "world" } } });
    }
  });

  it("refuses malformed JSON, JSON that is not an object or a list, and bodies over 1 MB, in JSON", async () => {
    expect(await post("{ not json")).toEqual(expect.objectContaining({ status: 400, json: badRequest("The request body is not valid JSON") }));
    expect(await post("123")).toEqual(expect.objectContaining({ status: 400, json: badRequest("The request body is not valid JSON") }));
    const large = JSON.stringify({ query: "{ hello }", padding: "x".repeat(1024 * 1024) });
    expect(await post(large)).toEqual(expect.objectContaining({ status: 413, json: badRequest("The request body is too large") }));
  });

  it("refuses a caller without the gateway's access, before reading the body", async () => {
    const answer = await post("{ not json", { "x-test-access": "no" });
    expect(answer).toMatchObject({ status: 401, json: { errors: [{ extensions: { code: "UNAUTHENTICATED" } }] } });
  });
});

describe("other requests", () => {
  it("answer probes, unknown paths in JSON, and GET operations", async () => {
    expect(await (await fetch(`${base()}/health`)).json()).toEqual({ status: "ok", service: "http-probe" });
    const missing = await post(JSON.stringify({ query: "{ hello }" }), {}, `${base()}/elsewhere`);
    expect(missing).toMatchObject({ status: 404, json: { errors: [{ extensions: { code: "NOT_FOUND" } }] } });
    const get = await fetch(`${server.url}?query=${encodeURIComponent("{ hello }")}`, { headers: { "x-test-access": "yes", "apollo-require-preflight": "true" } });
    expect(await get.json()).toEqual({ data: { hello: "world" } });
  });
});
