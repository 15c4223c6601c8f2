import { startEmbeddedMongo, type EmbeddedMongo } from "../../embedded-mongo";
import { startHub, type RunningHub } from "../../scripts/hub";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../subgraphs/kit/access";

/**
 * A real internal failure (the database goes away) through the gateway and directly at each subgraph:
 * the client gets INTERNAL_SERVER_ERROR with a request id, never the driver's message, the database's
 * address or a stack trace. Bodies the subgraphs cannot read get JSON errors too.
 */
const DATABASE_QUERIES: Record<string, string> = {
  networks: "{ schools(first: 1) { totalCount } }",
  resources: "{ resources(first: 1) { totalCount } }",
  development: "{ events(first: 1) { totalCount } }",
  advocacy: "{ campaigns(first: 1) { totalCount } }",
};
const LEAKS = /mongo|ECONNREFUSED|Server selection|127\.0\.0\.1|localhost|https?:\/\/|\bat \S+:\d+|stacktrace|exception/i;

let database: EmbeddedMongo;
let hub: RunningHub;
/** Every service's log lines (JSON), where unexpected errors are logged. */
const logs: string[] = [];
beforeAll(async () => {
  database = await startEmbeddedMongo();
  // a short server selection timeout, so the failure shows at once when the database is gone
  const url = new URL(database.url);
  url.pathname = "/";
  url.searchParams.set("serverSelectionTimeoutMS", "500");
  hub = await startHub({ mongoUrl: url.toString(), demoData: false, logging: { level: "error", destination: { write: (line: string) => void logs.push(line) } } });
});
afterAll(async () => {
  await hub.stop();
  await database.stop();
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) };
}
const signedFor = async (subgraph: string) => ({ [ACCESS_HEADER]: await signAccessToken(ANONYMOUS_ACCESS, subgraph, hub.keys.gatewayPrivateKey) });

it("each subgraph answers malformed JSON with a JSON error and sends no x-powered-by", async () => {
  for (const [subgraph, query] of Object.entries(DATABASE_QUERIES)) {
    const headers = await signedFor(subgraph);
    const malformed = await post(hub.subgraphUrls[subgraph], "{ not json", headers);
    expect({ subgraph, status: malformed.status, body: malformed.json }).toEqual({
      subgraph,
      status: 400,
      body: { errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] },
    });
    const answered = await post(hub.subgraphUrls[subgraph], JSON.stringify({ query }), headers);
    expect(answered.json.errors).toBeUndefined();
    for (const response of [malformed, answered]) expect(response.headers.get("x-powered-by")).toBeNull();
  }
});

it("shows INTERNAL_SERVER_ERROR with a request id and logs the details when the database is gone, at the gateway and at each subgraph", async () => {
  await database.stop();
  const targets = [
    { name: "gateway", url: hub.gatewayUrl, query: DATABASE_QUERIES.networks, headers: {} },
    ...(await Promise.all(
      Object.entries(DATABASE_QUERIES).map(async ([name, query]) => ({ name, url: hub.subgraphUrls[name], query, headers: await signedFor(name) })),
    )),
  ];
  for (const target of targets) {
    logs.length = 0;
    const response = await post(target.url, JSON.stringify({ query: target.query }), target.headers);
    const requestId = response.headers.get("x-request-id");
    expect({ target: target.name, text: response.text }).not.toEqual({ target: target.name, text: expect.stringMatching(LEAKS) });
    expect({ target: target.name, errors: response.json.errors.map(({ path: _path, locations: _locations, ...error }: any) => error) }).toEqual({
      target: target.name,
      errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }],
    });
    // the details are on the server, under the id the client was given (the gateway's are the subgraph's masked answer)
    const log = logs.find((line) => line.includes(requestId!));
    if (target.name !== "gateway") expect({ target: target.name, log }).toEqual({ target: target.name, log: expect.stringMatching(LEAKS) });
    else expect(log).toBeDefined();
  }
});
