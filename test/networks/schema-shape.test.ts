import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  astFromValue,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";

/*
 * The networks and registry subgraphs' SDL as clients meet it: every list that can grow is a connection, a list
 * nested under a parent takes the same filter arguments (names, types, defaults) as the root list of its type,
 * and every type, field, argument and enum value is described.
 */

const SUBGRAPHS = ["networks", "registry"];

function subgraphSchema(name: string): GraphQLSchema {
  const sdl = readFileSync(join(__dirname, "../../schema", `${name}.graphql`), "utf8");
  const document = parse(sdl);
  // the federation directives are declared by @link, which a plain schema build does not read
  const directives = parse(`scalar FieldSet scalar link__Import directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
    directive @shareable repeatable on OBJECT | FIELD_DEFINITION directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
    directive @link(url: String, as: String, for: String, import: [link__Import]) repeatable on SCHEMA`);
  return buildASTSchema({ ...document, definitions: [...document.definitions, ...directives.definitions] }, { assumeValidSDL: true });
}

const ownTypes = (schema: GraphQLSchema) =>
  Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith("__") && !/^(join__|link__|_Service|_Entity|_Any|FieldSet)/.test(type.name));

/**
 * Lists whose length is bounded by something small and fixed: roles, scopes, ids inside grants, consent history, a check's
 * findings; and a mutation's report on the input it was given (an import's rows and errors: at most the file's rows).
 */
const BOUNDED_LISTS = new Set([
  "AccessGrants.schoolIds", "AccessGrants.managedNetworkIds", "AccessGrants.memberNetworkIds", "AccessGrants.allied", "AccessGrants.schoolMemberships",
  "AlliedNetworks.networkIds", "ApiKeyGrant.scopes", "ApiKey.scopes", "DataSharingAgreement.sharedKinds", "Network.focusAreas",
  "AllianceMember.acceptedBy", "AllianceMember.history", "Membership.history", "AgreementProposal.proposedBy", "AgreementProposal.acceptedBy",
  "AgreementProposal.history", "ConsentStep.networkIds", "Pathway.stages", "Pathway.transitions", "Viewer.roles", "Viewer.alliedData",
  "SupergraphVersion.breakingChanges", "SupergraphVersion.subgraphNames", "SupergraphRelease.subgraphs", "SubgraphCheck.compositionErrors",
  "SubgraphCheck.compositionHints", "SubgraphCheck.ownershipViolations", "SubgraphCheck.breakingChanges", "SubgraphCheck.warnings",
  "BreakingChange.operations", "Provenance.illustrativeFields", "SurveyInstrument.items", "SurveyItemResult.distribution",
  "OneRosterImport.rows", "OneRosterImport.errors", "OneRosterRowResult.changedFields",
]);

function isList(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(isNonNullType(field.type) ? field.type.ofType : field.type);
}

function argumentShape(argument: GraphQLArgument): string {
  const value = argument.defaultValue === undefined ? "" : ` = ${print(astFromValue(argument.defaultValue, argument.type)!)}`;
  return `${argument.name}: ${String(argument.type)}${value}`;
}

describe.each(SUBGRAPHS)("the %s subgraph's schema", (name) => {
  const schema = subgraphSchema(name);
  const objects = ownTypes(schema).filter(isObjectType);

  it("makes every list that can grow a connection (`first`, `after`, `totalCount`)", () => {
    const plain = objects.flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => isList(field) && !type.name.endsWith("Connection") && !BOUNDED_LISTS.has(`${type.name}.${field.name}`))
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(plain).toEqual([]);
    const connections = objects.flatMap((type) => Object.values(type.getFields()).filter((field) => getNamedType(field.type).name.endsWith("Connection")));
    for (const field of connections) {
      expect(field.args.map((argument) => argument.name)).toEqual(expect.arrayContaining(["first", "after"]));
      expect(Object.keys((getNamedType(field.type) as never as { getFields(): object }).getFields())).toContain("totalCount");
    }
  });

  it("gives a nested list the root list's filter arguments, with the same types and defaults, less its parent's id", () => {
    const query = schema.getQueryType()!;
    const rootByConnection = new Map(
      Object.values(query.getFields())
        .filter((field) => getNamedType(field.type).name.endsWith("Connection"))
        .map((field) => [getNamedType(field.type).name, field]),
    );
    const mismatches: string[] = [];
    for (const type of objects.filter((candidate) => candidate !== query)) {
      for (const field of Object.values(type.getFields())) {
        const root = rootByConnection.get(getNamedType(field.type).name);
        if (!root) continue;
        const nested = new Set(field.args.map(argumentShape));
        const parentId = `${type.name[0].toLowerCase()}${type.name.slice(1)}Id`;
        const missing = root.args.filter((argument) => !nested.has(argumentShape(argument)) && argument.name !== parentId);
        const extra = field.args.filter((argument) => !root.args.some((candidate) => argumentShape(candidate) === argumentShape(argument)));
        if (missing.length + extra.length > 0) {
          mismatches.push(`${type.name}.${field.name} vs Query.${root.name}: missing ${missing.map(argumentShape)}, extra ${extra.map(argumentShape)}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("describes every type, field, argument and enum value", () => {
    const undescribed: string[] = [];
    for (const type of ownTypes(schema)) {
      if (!type.description) undescribed.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith("_")) continue;
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const argument of "args" in field ? field.args : []) if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
    }
    expect(undescribed).toEqual([]);
  });
});
