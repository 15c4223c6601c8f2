import { loadConfig } from "../../config";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { gatewaySafeguards } from "../../gateway/plugins/settings";
import { createLogger } from "../../runtime/observability";
import { NO_GRANTS, startGatewayWithFakeSubgraphs, type FakeAnswer, type GatewayWithFakeSubgraphs, type SubgraphCall } from "../support/fake-subgraphs";

/**
 * The gateway's safeguards against a misbehaving world, with fake subgraphs that count requests and
 * fail on purpose: rate limit, timeouts, error masking, malformed bodies, introspection settings.
 */
const SCHOOL = `{ school(id: "s1") { name } }`;
const personHeaders = async (gateway: GatewayWithFakeSubgraphs, personId: string) => ({
  authorization: `Bearer ${await mintDevToken(gateway.keys.issuerPrivateKey, { personId, organizationId: "org-1", roles: [] })}`,
});
/** What an attacker could use: internal addresses, database messages, stack frames, file paths. */
const LEAKS = /mongodb:|E11000|MongoServerError|ECONNREFUSED|127\.0\.0\.1|localhost|https?:\/\/|\bat \S+:\d+|\/srv\/|stacktrace|exception/i;

async function withGateway(
  options: Parameters<typeof startGatewayWithFakeSubgraphs>[0],
  run: (gateway: GatewayWithFakeSubgraphs) => Promise<void>,
): Promise<void> {
  const gateway = await startGatewayWithFakeSubgraphs(options);
  try {
    await run(gateway);
  } finally {
    await gateway.stop();
  }
}

describe("rate limit per caller", () => {
  it("answers 429 with Retry-After once a caller used its requests, before any subgraph is called; other callers go on", async () => {
    await withGateway({ safeguards: { rateLimit: { requests: 3, windowMs: 60_000 } } }, async (gateway) => {
      for (let i = 0; i < 3; i++) expect((await gateway.post({ query: SCHOOL })).status).toBe(200);
      const callsBefore = gateway.calls.length;
      const refused = await gateway.post({ query: SCHOOL });
      expect(refused.status).toBe(429);
      expect(refused.json.errors[0].extensions.code).toBe("RATE_LIMITED");
      const retryAfter = Number(refused.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(gateway.calls.length).toBe(callsBefore);
      // a person is counted on their own
      const person = await personHeaders(gateway, "ada");
      for (let i = 0; i < 3; i++) expect((await gateway.post({ query: SCHOOL }, person)).status).toBe(200);
      expect((await gateway.post({ query: SCHOOL }, person)).status).toBe(429);
      expect((await gateway.post({ query: SCHOOL }, await personHeaders(gateway, "grace"))).status).toBe(200);
    });
  });

  it("refuses an address that keeps failing to sign in before its credentials are checked", async () => {
    await withGateway({ safeguards: { rateLimit: { requests: 3, windowMs: 60_000 } } }, async (gateway) => {
      for (let i = 0; i < 3; i++) expect((await gateway.post({ query: SCHOOL }, { "x-api-key": `hub_guess_${i}` })).status).toBe(401);
      const lookups = gateway.calls.length;
      expect(lookups).toBe(3);
      const refused = await gateway.post({ query: SCHOOL }, { "x-api-key": "hub_guess_3" });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await gateway.post({ query: SCHOOL }, await personHeaders(gateway, "ada"))).status).toBe(429);
      expect(gateway.calls.length).toBe(lookups);
    });
  });
});

describe("timeouts", () => {
  it("answers 504 REQUEST_TIMEOUT when a request is not answered in time", async () => {
    await withGateway({ answer: () => "hang", safeguards: { requestTimeoutMs: 300 } }, async (gateway) => {
      const response = await gateway.post({ query: SCHOOL });
      expect(response.status).toBe(504);
      expect(response.json.errors).toEqual([{ message: "The request took too long", extensions: { code: "REQUEST_TIMEOUT" } }]);
    });
  });

  it("answers 503 SUBGRAPH_UNAVAILABLE naming the networks subgraph when the access lookup does not answer, and calls nothing else", async () => {
    const answer = (call: SubgraphCall): FakeAnswer | undefined => (call.query.includes("accessGrants") ? "hang" : undefined);
    await withGateway({ answer: answer as (call: SubgraphCall) => FakeAnswer, safeguards: { accessLookupTimeoutMs: 200 } }, async (gateway) => {
      const response = await gateway.post({ query: SCHOOL }, await personHeaders(gateway, "ada"));
      expect(response.status).toBe(503);
      expect(response.json.errors).toEqual([
        { message: "The networks subgraph did not answer", extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "networks" } },
      ]);
      expect(gateway.calls.every((call) => call.query.includes("accessGrants"))).toBe(true);
    });
  });
});

/**
 * Fake-subgraph answers that hold every lookup whose query mentions `field` until `answerWith` is called (later
 * lookups get that same answer at once); `arrived` resolves when the first one reaches the subgraph.
 */
function heldLookups(field: string) {
  let lookupArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (lookupArrived = resolve));
  let answerWith!: (answer: FakeAnswer) => void;
  const answered = new Promise<FakeAnswer>((resolve) => (answerWith = resolve));
  const answer = ((call: SubgraphCall) => {
    if (!call.query.includes(field)) return undefined;
    lookupArrived();
    return answered;
  }) as (call: SubgraphCall) => Promise<FakeAnswer>;
  return { answer, arrived, answerWith };
}

/** `count` requests at once, answered after the first lookup arrived and the others had time to reach the gateway. */
async function concurrentWhileHeld(held: ReturnType<typeof heldLookups>, send: () => ReturnType<GatewayWithFakeSubgraphs["post"]>, count: number, answer: FakeAnswer) {
  const responses = Promise.all(Array.from({ length: count }, send));
  await held.arrived;
  await new Promise((resolve) => setTimeout(resolve, 200));
  held.answerWith(answer);
  return responses;
}

describe("access lookups", () => {
  it("are shared by one caller's concurrent requests, and a failed one is asked again by the next request", async () => {
    const held = heldLookups("accessGrants");
    let failNext = true;
    const answer = (call: SubgraphCall) => (call.query.includes("accessGrants") && !failNext ? { body: NO_GRANTS } : held.answer(call));
    await withGateway({ answer: answer as (call: SubgraphCall) => Promise<FakeAnswer> }, async (gateway) => {
      const lookups = () => gateway.calls.filter((call) => call.query.includes("accessGrants")).length;
      const ada = await personHeaders(gateway, "ada");
      const send = () => gateway.post({ query: SCHOOL }, ada);

      const failed = await concurrentWhileHeld(held, send, 5, { status: 500, body: { errors: [{ message: "down" }] } });
      expect(failed.map((response) => response.status)).toEqual(Array(5).fill(500));
      expect(lookups()).toBe(1);

      failNext = false;
      const answered = await Promise.all(Array.from({ length: 5 }, send));
      expect(answered.map((response) => [response.status, response.json.errors])).toEqual(Array(5).fill([200, undefined]));
      expect(lookups()).toBe(2);
    });
  });

  it("of an API key are never remembered, but requests that arrive while their key is looked up share that lookup", async () => {
    const held = heldLookups("apiKeyGrant");
    const grant = { data: { apiKeyGrant: { keyId: "key-1", organizationId: "org-1", canWrite: false, scopes: [] } } };
    await withGateway({ answer: held.answer }, async (gateway) => {
      const keyLookups = () => gateway.calls.filter((call) => call.query.includes("apiKeyGrant")).length;
      const send = () => gateway.post({ query: SCHOOL }, { "x-api-key": "hub_partner_key" });
      const concurrent = await concurrentWhileHeld(held, send, 5, { body: grant });
      expect(concurrent.map((response) => response.status)).toEqual(Array(5).fill(200));
      expect(keyLookups()).toBe(1);
      expect((await send()).status).toBe(200);
      expect(keyLookups()).toBe(2);
    });
  });
});

describe("error masking at the gateway", () => {
  const LEAKY_ERROR = {
    message: "MongoServerError: E11000 duplicate key error collection: hub_networks.schools (mongodb://10.0.0.5:27017)",
    extensions: { code: "INTERNAL_SERVER_ERROR", exception: { stacktrace: ["Error: at insert (/srv/hub/dist/subgraphs/kit/repository.js:10:5)"] } },
  };
  const failures: Record<string, FakeAnswer> = {
    "a database error with a stack": { body: { data: { school: null }, errors: [LEAKY_ERROR] } },
    "an error without a code": { body: { data: { school: null }, errors: [{ message: "connect ECONNREFUSED 127.0.0.1:27017" }] } },
    "an HTML error page": { status: 502, body: "<html><body>502 Bad Gateway at http://10.0.0.7:4001/graphql</body></html>" },
    "a safe code carried by a transport failure": { status: 401, body: { errors: [{ message: "at http://10.0.0.7:4001", extensions: { code: "UNAUTHENTICATED" } }] } },
  };

  for (const mode of ["development", "production"]) {
    it(`shows INTERNAL_SERVER_ERROR with the request id and logs the details, or SUBGRAPH_UNAVAILABLE for a failed fetch (NODE_ENV=${mode})`, async () => {
      const logs: string[] = [];
      const logger = createLogger({ service: "gateway", level: "error", destination: { write: (line: string) => void logs.push(line) } });
      const safeguards = gatewaySafeguards(loadConfig("start", { NODE_ENV: mode }));
      let failure: FakeAnswer = "hang";
      await withGateway({ answer: () => failure, safeguards, logger }, async (gateway) => {
        for (const [name, answer] of Object.entries(failures)) {
          failure = answer;
          logs.length = 0;
          const response = await gateway.post({ query: SCHOOL });
          const requestId = response.headers.get("x-request-id");
          expect({ name, text: response.text }).not.toEqual({ name, text: expect.stringMatching(LEAKS) });
          const withoutPaths = response.json.errors.map(({ path: _path, ...error }: any) => error);
          if (typeof answer === "object" && "status" in answer && answer.status! >= 300) {
            // a failed fetch is the subgraph not answering: named, nothing of the failure shown
            expect({ name, errors: withoutPaths }).toEqual({
              name,
              errors: [{ message: "The networks subgraph did not answer", extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "networks" } }],
            });
            continue;
          }
          expect({ name, errors: withoutPaths }).toEqual({
            name,
            errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }],
          });
          expect(logs.some((line) => line.includes(requestId!))).toBe(true);
        }
      });
    });
  }

  it("lets errors with a known code and a safe message through unchanged", async () => {
    const notFound = { message: "School s1 was not found", path: ["school"], extensions: { code: "NOT_FOUND", typeName: "School", id: "s1" } };
    const unavailable = { message: "The resources subgraph did not answer", path: ["school"], extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: "resources" } };
    let error: object = notFound;
    await withGateway({ answer: () => ({ body: { data: { school: null }, errors: [error] } }) }, async (gateway) => {
      for (const safe of [notFound, unavailable]) {
        error = safe;
        const response = await gateway.post({ query: SCHOOL });
        expect(response.json.errors).toEqual([{ ...safe, extensions: { ...safe.extensions, serviceName: "networks" } }]);
      }
    });
  });

  it("answers malformed and oversized JSON and unknown paths with a JSON error, never an HTML page, and sends no x-powered-by", async () => {
    await withGateway({}, async (gateway) => {
      const malformed = await gateway.post('{"query": "{ school(id: \\"s1\\") { name } }"');
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get("content-type")).toMatch(/^application\/json/);
      expect(malformed.json).toEqual({ errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      const oversized = await gateway.post({ query: SCHOOL, variables: { padding: "x".repeat(2 * 1024 * 1024) } });
      expect(oversized.status).toBe(413);
      expect(oversized.json.errors[0].extensions.code).toBe("BAD_REQUEST");
      const unknownPath = await fetch(new URL("/nothing-here", gateway.url));
      expect(unknownPath.status).toBe(404);
      expect(await unknownPath.json()).toEqual({ errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] });
      expect(unknownPath.headers.get("x-powered-by")).toBeNull();
      for (const response of [malformed, oversized, await gateway.post({ query: SCHOOL })]) {
        expect(response.headers.get("x-powered-by")).toBeNull();
        expect(response.text).not.toMatch(LEAKS);
      }
      expect(gateway.calls.length).toBe(1);
    });
  });
});

describe("introspection and field suggestions", () => {
  const INTROSPECTION = `{ __schema { queryType { name } } }`;
  const TYPO = `{ school(id: "s1") { nme } }`;

  /** A gateway configured as the entry points configure it: through the loader, NODE_ENV included. */
  async function ask(safeguards: { introspection?: boolean }, nodeEnv: string) {
    let result: { introspection: any; typo: any } | undefined;
    await withGateway({ safeguards: { ...gatewaySafeguards(loadConfig("start", { NODE_ENV: nodeEnv })), ...safeguards } }, async (gateway) => {
      result = { introspection: (await gateway.post({ query: INTROSPECTION })).json, typo: (await gateway.post({ query: TYPO })).json };
    });
    return result!;
  }

  it("are off by default under NODE_ENV=production", async () => {
    const { introspection, typo } = await ask({}, "production");
    expect(introspection.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(introspection.data).toBeUndefined();
    expect(typo.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(typo.errors[0].message).toMatch(/nme/);
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
  });

  it("are on otherwise, and either way when configured", async () => {
    for (const [safeguards, nodeEnv] of [[{}, "development"], [{ introspection: true }, "production"]] as const) {
      const { introspection, typo } = await ask(safeguards, nodeEnv);
      expect(introspection.data.__schema.queryType.name).toBe("Query");
      expect(typo.errors[0].message).toMatch(/Did you mean "name"/);
    }
    const { introspection } = await ask({ introspection: false }, "development");
    expect(introspection.errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
