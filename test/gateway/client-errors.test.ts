import {
  getNamedType,
  GraphQLID,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { DemoNetworks, DemoOrganizations } from "../../scripts/demo/ids";
import { newId } from "../../subgraphs/kit";
import { loadSupergraphApiSchema } from "../support/supergraph-schema";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * The codes a client branches on, for every operation of the supergraph: an anonymous write is
 * UNAUTHENTICATED (whatever its input), and an id argument that cannot be an id is BAD_USER_INPUT naming
 * the argument (not NOT_FOUND, which would read as "that record is gone"). Operations are generated from
 * the schema, so a new field is covered without a new row.
 */

let hub: HubUnderTest;
let schema: GraphQLSchema;
beforeAll(async () => {
  [hub, schema] = await Promise.all([startHub(), loadSupergraphApiSchema()]);
});
afterAll(() => hub?.stop());

const SCALAR_VALUES: Record<string, unknown> = {
  ID: "",
  String: "x",
  Int: 1,
  Float: 1,
  Boolean: true,
  LocalDate: "2026-01-15",
  DateTimeISO: "2026-01-15T00:00:00.000Z",
  JSON: {},
};

/** A value of `type` that passes GraphQL's own coercion: required fields filled, ids well formed. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type)]));
  }
  if (type === GraphQLID) return newId();
  if (isScalarType(type) && type.name in SCALAR_VALUES) return SCALAR_VALUES[type.name];
  throw new Error(`No sample value for ${type.toString()}: add one to SCALAR_VALUES`);
}

const required = (argument: GraphQLArgument) => isNonNullType(argument.type) && argument.defaultValue === undefined;

/** `field` called with `values` for its arguments, selecting `__typename` of whatever it returns. */
function operation(kind: "query" | "mutation", field: GraphQLField<unknown, unknown>, values: Record<string, unknown>) {
  const args = field.args.filter((argument) => argument.name in values);
  const declarations = args.map((argument) => `$${argument.name}: ${argument.type.toString()}`).join(", ");
  const passed = args.map((argument) => `${argument.name}: $${argument.name}`).join(", ");
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? "" : " { __typename }";
  return `${kind}${declarations ? `(${declarations})` : ""} { ${field.name}${passed ? `(${passed})` : ""}${selection} }`;
}

function codes(response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

describe("anonymous writes", () => {
  it("every mutation answers UNAUTHENTICATED to an anonymous caller, before looking at its input", async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(50);
    const answers: Record<string, unknown[]> = {};
    for (const field of mutations) {
      const values = Object.fromEntries(field.args.filter(required).map((argument) => [argument.name, sampleValue(argument.type)]));
      answers[field.name] = codes(await hub.query(operation("mutation", field, values), values));
    }
    const expected = Object.fromEntries(mutations.map((field) => [field.name, ["UNAUTHENTICATED"]]));
    expect(answers).toEqual(expected);
  });
});

/** The path of the first ID inside `type` (an argument's own type or a field of its input object), if any. */
function idPath(type: GraphQLInputType, path: string, seen = new Set<string>()): { path: string; value: unknown } | null {
  if (isNonNullType(type)) return idPath(type.ofType, path, seen);
  if (isListType(type)) {
    const inner = idPath(type.ofType, `${path}.0`, seen);
    return inner && { path: inner.path, value: [inner.value] };
  }
  if (type === GraphQLID) return { path, value: "not-an-id" };
  if (!isInputObjectType(type) || seen.has(type.name)) return null;
  seen.add(type.name);
  for (const field of Object.values(type.getFields())) {
    if (field.name === "ncesId") continue;
    const inner = idPath(field.type, `${path}.${field.name}`, seen);
    if (inner) return { path: inner.path, value: { ...(sampleValue(type) as object), [field.name]: inner.value } };
  }
  return null;
}

describe("malformed ids", () => {
  it("every query field taking an id answers BAD_USER_INPUT naming the argument when the id is malformed", async () => {
    const fields = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.some((argument) => argument.name !== "ncesId" && idPath(argument.type, argument.name)));
    expect(fields.length).toBeGreaterThan(20);
    const answers: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const field of fields) {
      const argument = field.args.find((candidate) => candidate.name !== "ncesId" && idPath(candidate.type, candidate.name))!;
      const malformed = idPath(argument.type, argument.name)!;
      const values = { ...Object.fromEntries(field.args.filter(required).map((other) => [other.name, sampleValue(other.type)])), [argument.name]: malformed.value };
      const response = await hub.query(operation("query", field, values), values);
      answers[field.name] = (response.errors ?? []).map((error) => ({ code: error.extensions?.code, field: error.extensions?.field }));
      expected[field.name] = [{ code: "BAD_USER_INPUT", field: malformed.path }];
    }
    expect(answers).toEqual(expected);
  });

  it("a well-formed id of no record is still an ordinary miss", async () => {
    const missing = await hub.query(`query($id: ID!) { school(id: $id) { name } }`, { id: newId() });
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ school: null });
  });

  it("checks the ids inside a signed-in caller's mutation input, and changes nothing", async () => {
    const token = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "harvey",
      organizationId: DemoOrganizations.ceiPea,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
    });
    const headers = { authorization: `Bearer ${token}` };
    const PROPOSE = `mutation($input: MembershipInput!) { proposeMembership(input: $input) { id } }`;
    const LIST = `query($n: ID!) { memberships(networkId: $n, first: 100) { totalCount } }`;
    const before = await hub.query(LIST, { n: DemoNetworks.nycSchoolLeaders }, headers);
    const refused = await hub.query(PROPOSE, { input: { schoolId: "nope", networkId: DemoNetworks.nycSchoolLeaders } }, headers);
    expect(refused.errors!.map((error) => [error.extensions?.code, error.extensions?.field])).toEqual([["BAD_USER_INPUT", "input.schoolId"]]);
    expect(await hub.query(LIST, { n: DemoNetworks.nycSchoolLeaders }, headers)).toEqual(before);
  });
});
