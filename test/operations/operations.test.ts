import { Supergraph } from "@apollo/federation-internals";
import { getOperationAST, getVariableValues, parse, validate, type GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { manifestOf, OPERATIONS_MANIFEST_PATH, readOperations } from "../../gateway/operations";

/** What clients see: the supergraph without its federation machinery and @inaccessible fields. */
const apiSchema: GraphQLSchema = Supergraph.build(readFileSync(SUPERGRAPH_PATH, "utf8")).apiSchema().toGraphQLJSSchema();
const operations = readOperations();

describe("the operations folder", () => {
  it("answers every DOMAIN.md question, in order, before the writes", () => {
    expect(operations.slice(0, 6).map((operation) => operation.question)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(operations.filter((operation) => getOperationAST(parse(operation.body))?.operation === "mutation").length).toBeGreaterThanOrEqual(5);
  });

  it.each(operations.map((operation) => [operation.name, operation] as const))("%s is valid against the supergraph, with valid example variables", (name, operation) => {
    const document = parse(operation.body);
    expect(validate(apiSchema, document).map((error) => error.message)).toEqual([]);
    const definition = getOperationAST(document);
    expect(definition?.name?.value).toBe(name);
    expect(operation.variables).toBeDefined();
    const coerced = getVariableValues(apiSchema, definition!.variableDefinitions ?? [], operation.variables!);
    expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
    // no example variable the operation does not declare
    const declared = (definition!.variableDefinitions ?? []).map((variable) => variable.variable.name.value);
    expect(Object.keys(operation.variables!).filter((key) => !declared.includes(key))).toEqual([]);
  });

  it("has an up-to-date manifest with sha256 ids (run `npm run operations` after changing an operation)", () => {
    expect(JSON.parse(readFileSync(OPERATIONS_MANIFEST_PATH, "utf8"))).toEqual(manifestOf(operations));
  });
});
