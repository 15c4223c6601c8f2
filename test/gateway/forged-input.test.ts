import { EJSON } from "bson";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../subgraphs/kit/access";
import { DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * A client controls every cursor and every `_entities` representation it sends. None of them may put a
 * query operator, an object or an array where the hub expects a scalar: each forged value is refused
 * with BAD_USER_INPUT, through the gateway and directly at the subgraphs.
 */

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const LISTS = {
  networks: `query($after: String) { networks(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`,
  schools: `query($after: String) { schools(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`,
  resources: `query($after: String) { resources(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`,
  campaigns: `query($after: String) { campaigns(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`,
  events: `query($after: String) { events(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`,
} as const;

const base64url = (text: string) => Buffer.from(text).toString("base64url");

/** Cursors an attacker can make from a genuine one: operators, objects, arrays, wrong types, tampering. */
function forgeries(genuine: string): Record<string, string> {
  const [payload, mac] = genuine.split(".");
  const values = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown[];
  const resigned = (forged: unknown) => `${base64url(JSON.stringify(forged))}.${mac}`;
  return {
    "the old unsigned format with $regex": base64url(EJSON.stringify([{ $regex: "^(a+)+$" }, "x"])),
    "the old unsigned format with $gte": base64url(EJSON.stringify([{ $gte: "" }, { $gte: "" }])),
    "$regex in place of a value": resigned(values.map(() => ({ $regex: ".*" }))),
    "$gte in place of a value": resigned(values.map(() => ["s", { $gte: "" }])),
    "an array in place of a value": resigned(values.map(() => ["s", ["a", "b"]])),
    "a number tagged as a string": resigned(values.map(() => ["s", 1])),
    "an unknown tag": resigned(values.map(() => ["r", "^a"])),
    "a value changed, signature kept": resigned(values.map(() => ["s", "zzzz"])),
    "one value too many": resigned([...values, ["z"]]),
    "no signature": payload,
    "a signature from another key": `${payload}.${Buffer.alloc(32, 7).toString("base64url")}`,
    "not base64": "%%%.%%%",
  };
}

async function genuineCursor(query: string): Promise<string> {
  const result = await hub.query(query, {});
  expect(result.errors).toBeUndefined();
  const cursor = Object.values(result.data as Record<string, { pageInfo: { endCursor: string | null } }>)[0].pageInfo.endCursor;
  expect(typeof cursor).toBe("string");
  return cursor!;
}

describe("page cursors through the gateway", () => {
  it.each(Object.entries(LISTS))("%s: a genuine cursor pages on, every forged one is BAD_USER_INPUT", async (_name, query) => {
    const genuine = await genuineCursor(query);
    expect((await hub.query(query, { after: genuine })).errors).toBeUndefined();
    for (const [how, cursor] of Object.entries(forgeries(genuine))) {
      const result = await hub.query(query, { after: cursor });
      expect({ how, code: result.errors?.[0]?.extensions?.code, field: result.errors?.[0]?.extensions?.field }).toEqual({
        how,
        code: "BAD_USER_INPUT",
        field: "after",
      });
    }
  });

  it("a cursor from one list is refused by a list sorted otherwise", async () => {
    const fromNetworks = await genuineCursor(LISTS.networks);
    const fromEvents = await genuineCursor(LISTS.events);
    expect((await hub.query(LISTS.events, { after: fromNetworks })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await hub.query(LISTS.networks, { after: fromEvents })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("at a subgraph reached directly with the gateway's signature", () => {
  const post = async (subgraph: string, query: string, variables: Record<string, unknown> = {}) => {
    const token = await signAccessToken(ANONYMOUS_ACCESS, subgraph, hub.keys.gatewayPrivateKey);
    const response = await fetch(hub.subgraphUrls[subgraph], {
      method: "POST",
      headers: { "content-type": "application/json", [ACCESS_HEADER]: token },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> };
  };

  it("forged cursors are BAD_USER_INPUT", async () => {
    const first = await post("resources", LISTS.resources);
    const genuine = first.data.resources.pageInfo.endCursor as string;
    for (const [how, cursor] of Object.entries(forgeries(genuine))) {
      const result = await post("resources", LISTS.resources, { after: cursor });
      expect({ how, code: result.errors?.[0]?.extensions?.code }).toEqual({ how, code: "BAD_USER_INPUT" });
    }
  });

  it("entity representations with operator objects or arrays as keys are BAD_USER_INPUT", async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on School { name } } }`;
    const genuine = await post("networks", ENTITIES, { r: [{ __typename: "School", id: DemoSchools.parker }] });
    expect(genuine.data._entities[0].name).toMatch(/Parker/);
    for (const representation of [
      { __typename: "School", id: { $ne: null } },
      { __typename: "School", id: { $regex: ".*" } },
      { __typename: "School", id: [DemoSchools.parker] },
      { __typename: "School", ncesId: { $gt: "" } },
    ]) {
      const result = await post("networks", ENTITIES, { r: [representation] });
      expect({ representation, code: result.errors?.[0]?.extensions?.code, data: result.data?._entities?.[0] ?? null }).toEqual({
        representation,
        code: "BAD_USER_INPUT",
        data: null,
      });
    }
    const resources = await post("resources", `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Resource { title } } }`, {
      r: [{ __typename: "Resource", id: { $ne: null } }],
    });
    expect(resources.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
