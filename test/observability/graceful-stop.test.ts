import { loadConfig } from "../../config";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import http from "node:http";
import { MongoClient } from "mongodb";
import { generateHubKeys } from "../../gateway/auth/keys";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../subgraphs/kit/access";
import { runSubgraph } from "../../subgraphs/kit/subgraph";
import { networksSubgraph } from "../../subgraphs/networks";
import { startTestDatabase } from "../support/database";
import { startSubgraphServer, type RunningServer } from "../../subgraphs/kit/server";

/** A service whose one field answers when the test says so: a request held in flight. */
async function startSlowService(shutdownTimeoutMs: number) {
  let entered!: () => void;
  const inFlight = new Promise<void>((resolve) => (entered = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: "Query",
      fields: {
        slow: {
          type: GraphQLString,
          resolve: async () => {
            entered();
            await released;
            return "finished";
          },
        },
      },
    }),
  });
  const server = await startSubgraphServer({
    name: "slow",
    schema,
    port: 0,
    verifyAccess: async () => ANONYMOUS_ACCESS,
    context: async () => ({}),
    checkDatabase: async () => {},
    shutdownTimeoutMs,
  });
  return { server, inFlight, release };
}

/** One request on a connection of its own (no pooled keep-alive socket hides a refused connection). */
function post(url: string, body: unknown): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent: false, headers: { "content-type": "application/json" } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
}

/** Tries new connections until one is refused; a connection accepted just before the listener closed may be reset instead. */
async function untilRefused(url: string): Promise<void> {
  for (;;) {
    const code = await new Promise<string | undefined>((resolve) => {
      http.get(url, { agent: false }, (response) => {
        response.resume();
        resolve(undefined);
      }).on("error", (error: NodeJS.ErrnoException) => resolve(error.code));
    });
    if (code === "ECONNREFUSED") return;
    if (code !== "ECONNRESET" && code !== undefined) throw new Error(`unexpected ${code}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("graceful stop", () => {
  let server: RunningServer | undefined;
  let release: (() => void) | undefined;
  afterEach(async () => {
    release?.();
    await server?.stop();
  });

  it("refuses new connections, finishes the request in flight, then stops", async () => {
    const slow = await startSlowService(30_000);
    ({ server, release } = slow);
    const answer = post(server.url, { query: "{ slow }" });
    await slow.inFlight;
    let stopped = false;
    const stopping = server.stop().then(() => (stopped = true));
    await untilRefused(server.url.replace(/\/graphql$/, "/health"));
    expect(stopped).toBe(false);
    slow.release();
    expect(await answer).toEqual({ status: 200, body: { data: { slow: "finished" } } });
    await stopping;
    expect(stopped).toBe(true);
    server = undefined;
  });

  it("cuts a request still running when the bound is reached", async () => {
    const slow = await startSlowService(100);
    ({ server, release } = slow);
    const outcome = post(server.url, { query: "{ slow }" }).then(
      () => "answered",
      (error: NodeJS.ErrnoException) => error.code,
    );
    await slow.inFlight;
    await server.stop();
    server = undefined;
    expect(await outcome).toBe("ECONNRESET");
    slow.release();
  });
});

describe("a subgraph's stop", () => {
  // on a shared real server other clients' connections come and go: the count says nothing there
  const counting = loadConfig("test").MONGODB_URL ? it.skip : it;

  counting("closes its database connections once it has stopped serving", async () => {
    const database = await startTestDatabase();
    const observer = await new MongoClient(database.url).connect();
    const connections = async () => ((await observer.db("admin").command({ serverStatus: 1 })).connections as { current: number }).current;
    try {
      const before = await connections();
      const keys = await generateHubKeys();
      const subgraph = await runSubgraph(networksSubgraph, {
        mongoUrl: database.url,
        databasePrefix: database.uniqueDbName("stop"),
        gatewayPublicKey: keys.gatewayPublicKey,
      });
      const response = await fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json", [ACCESS_HEADER]: await signAccessToken(ANONYMOUS_ACCESS, "networks", keys.gatewayPrivateKey) },
        body: JSON.stringify({ query: "{ networks(first: 1) { totalCount } }" }),
      });
      expect(await response.json()).toEqual({ data: { networks: { totalCount: 0 } } });
      expect(await connections()).toBeGreaterThan(before);
      await subgraph.stop();
      // the server sees a closed socket a moment after the client closed it
      let after = await connections();
      for (let attempt = 0; attempt < 100 && after > before; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        after = await connections();
      }
      expect(after).toBe(before);
    } finally {
      await observer.close();
      await database.stop();
    }
  });
});
