import { parse, type GraphQLSchema } from "graphql";
import { DEFAULT_OPERATION_LIMITS } from "../../gateway/plugins/operation-limits";
import { operationCost } from "../../gateway/plugins/operation-cost";
import { startGatewayWithFakeSubgraphs, type GatewayWithFakeSubgraphs } from "../support/fake-subgraphs";
import { loadSupergraphApiSchema } from "../support/supergraph-schema";

/**
 * Oversized operations are refused before any subgraph is called: the subgraphs are fakes that count
 * what reaches them. That the DOMAIN.md questions pass under the default limits is shown by the other
 * gateway tests, which ask them all through a gateway with its defaults.
 */
let gateway: GatewayWithFakeSubgraphs;
beforeAll(async () => {
  gateway = await startGatewayWithFakeSubgraphs();
});
afterAll(() => gateway.stop());
beforeEach(() => {
  gateway.calls.length = 0;
});

const SCHOOL = `school(id: "s1") { name }`;
const repeat = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i)).join(" ");
/** `levels` nested pathways, each a school's pathways and their stages' schools: five levels of depth per step. */
const nested = (levels: number): string => (levels === 0 ? "name" : `pathways(first: 1) { edges { node { stages { school { ${nested(levels - 1)} } } } } }`);
const WIDE_AND_DEEP = `{ networks(first: 100) { edges { node { schools(first: 100) { edges { node { name memberships { edges { node { network { name } } } } } } } } } } }`;

async function expectRefused(body: unknown, limit: string) {
  const response = await gateway.post(body);
  expect(response.status).toBe(400);
  expect(response.json.errors).toHaveLength(1);
  expect(response.json.errors[0].extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit });
  expect(response.json.errors[0].message).toMatch(/limit of \d+ exceeded/);
  expect(response.json.data).toBeUndefined();
  expect(gateway.calls).toEqual([]);
}

describe("operation limits at the gateway", () => {
  it("lets an operation within the limits reach the subgraphs (so the counts below can tell)", async () => {
    const response = await gateway.post({ query: `{ ${SCHOOL} }` });
    expect(response.status).toBe(200);
    expect(gateway.calls.map((call) => call.subgraph)).toEqual(["networks"]);
  });

  it("refuses an operation nested deeper than the limit", async () => {
    // school > (pathways > edges > node > stages > school) x 2 > name: depth 12, the limit
    const atLimit = `{ school(id: "s1") { ${nested(2)} } }`;
    expect((await gateway.post({ query: atLimit })).json.errors?.[0]?.extensions?.code).not.toBe("OPERATION_TOO_COMPLEX");
    gateway.calls.length = 0;
    await expectRefused({ query: `{ school(id: "s1") { ${nested(3)} } }` }, "depth");
  });

  it("refuses the same over-deep operation every time it is sent (its verdict is kept per parsed document)", async () => {
    const tooDeep = { query: `{ school(id: "s1") { ${nested(3)} } }` };
    await expectRefused(tooDeep, "depth");
    await expectRefused(tooDeep, "depth");
  });

  it("refuses more aliases than the limit", async () => {
    await expectRefused({ query: `{ ${repeat(DEFAULT_OPERATION_LIMITS.maxAliases + 1, (i) => `s${i}: ${SCHOOL}`)} }` }, "aliases");
  });

  it("refuses more directives than the limit", async () => {
    await expectRefused({ query: `{ school(id: "s1") { ${repeat(DEFAULT_OPERATION_LIMITS.maxDirectives + 1, () => "name @skip(if: false)")} } }` }, "directives");
  });

  it("refuses more tokens than the limit before parsing, by POST and by GET", async () => {
    const query = `{ school(id: "s1") { ${repeat(DEFAULT_OPERATION_LIMITS.maxTokens, () => "name")} } }`;
    await expectRefused({ query }, "tokens");
    // a refused text is not remembered as checked: sent again, it is refused again
    await expectRefused({ query }, "tokens");
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent(query)}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions).toMatchObject({ code: "OPERATION_TOO_COMPLEX", limit: "tokens" });
    expect(gateway.calls).toEqual([]);
  });

  it("refuses a small query whose lists multiply past the cost limit, counting `first` from variables", async () => {
    await expectRefused({ query: WIDE_AND_DEEP }, "cost");
    const PAGED = `query($n: Int) { networks(first: $n) { edges { node { schools(first: $n) { edges { node { name memberships { edges { node { network { name } } } } } } } } } } }`;
    await expectRefused({ query: PAGED, variables: { n: 100 } }, "cost");
    const small = await gateway.post({ query: PAGED, variables: { n: 2 } });
    expect(small.json.errors?.[0]?.extensions?.code).not.toBe("OPERATION_TOO_COMPLEX");
    expect(gateway.calls.length).toBeGreaterThan(0);
  });
});

describe("operation cost", () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await loadSupergraphApiSchema();
  });
  const cost = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    return operationCost(schema, document, document.definitions.find((d) => d.kind === "OperationDefinition") as any, variables, 10);
  };

  it("counts the objects a connection may return: itself, then `first` edges and nodes", () => {
    expect(cost(`{ networks(first: 5) { totalCount edges { node { name } } } }`)).toBe(1 + 5 + 5);
  });

  it("grows with `first`, multiplying through nested lists", () => {
    const query = (first: number) => `{ networks(first: ${first}) { edges { node { schools(first: ${first}) { edges { node { name } } } } } } }`;
    expect(cost(query(10))).toBeGreaterThan(cost(query(5)) * 3);
    expect(cost(query(100))).toBeGreaterThan(100 * 100);
    const threeLevels = `{ networks(first: 100) { edges { node { schools(first: 100) { edges { node { memberships { edges { node { network { name } } } } } } } } } } }`;
    expect(cost(threeLevels)).toBeGreaterThan(DEFAULT_OPERATION_LIMITS.maxCost);
  });

  it("uses the argument's default when `first` is not given, and variables when it is", () => {
    expect(cost(`{ networks { edges { node { name } } } }`)).toBe(cost(`{ networks(first: 20) { edges { node { name } } } }`));
    expect(cost(`query($n: Int) { networks(first: $n) { edges { node { name } } } }`, { n: 7 })).toBe(1 + 7 + 7);
  });

  it("counts a fragment each time it is spread, without re-walking it (fragments doubling 40 times stay cheap to measure)", () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join("\n");
    const query = `{ ...F0 }\n${fragments}\nfragment F40 on Query { school(id: "s1") { name } }`;
    expect(cost(query)).toBe(2 ** 40);
  });
});
