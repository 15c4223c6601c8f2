import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { Kind, parse, print, type DirectiveNode, type DocumentNode, type FieldDefinitionNode } from "graphql";
import { apiSchemaOf, type CompositionMessage } from "./composition";

const ROOT_TYPES = new Set(["Query", "Mutation", "Subscription"]);
/** Kinds of types whose definitions merge across subgraphs: redefining another's changes it for everyone. */
const MERGED_KINDS = new Set<string>([
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.UNION_TYPE_EXTENSION,
]);

interface TypeFields {
  /** Fields this subgraph resolves (not `@external`). */
  owned: Set<string>;
  /** Fields in this subgraph's `@key`s for the type. */
  keyFields: Set<string>;
  overrides: Array<{ field: string; from: string }>;
  kinds: Set<string>;
}

/** Per type: what a subgraph's SDL defines. */
function typesOf(document: DocumentNode): Map<string, TypeFields> {
  const types = new Map<string, TypeFields>();
  for (const definition of document.definitions) {
    if (!("name" in definition) || !definition.name || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const name = definition.name.value;
    const entry = types.get(name) ?? { owned: new Set(), keyFields: new Set(), overrides: [], kinds: new Set() };
    types.set(name, entry);
    entry.kinds.add(definition.kind);
    const directives = ("directives" in definition ? definition.directives : undefined) ?? [];
    for (const key of directives.filter((directive) => directive.name.value === "key")) {
      for (const field of keyFieldNames(key)) entry.keyFields.add(field);
    }
    const fields = ("fields" in definition ? (definition.fields as readonly FieldDefinitionNode[] | undefined) : undefined) ?? [];
    for (const field of fields) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const fieldDirectives = field.directives ?? [];
      if (!fieldDirectives.some((directive) => directive.name.value === "external")) entry.owned.add(field.name.value);
      const override = fieldDirectives.find((directive) => directive.name.value === "override");
      const from = override?.arguments?.find((argument) => argument.name.value === "from")?.value;
      if (from?.kind === Kind.STRING) entry.overrides.push({ field: field.name.value, from: from.value });
    }
  }
  return types;
}

/** The top-level field names of a `@key(fields: "…")` selection. */
function keyFieldNames(key: DirectiveNode): string[] {
  const fields = key.arguments?.find((argument) => argument.name.value === "fields")?.value;
  if (fields?.kind !== Kind.STRING) return [];
  const selection = parse(`{ ${fields.value} }`).definitions[0];
  return selection.kind === Kind.OPERATION_DEFINITION ? selection.selectionSet.selections.flatMap((node) => (node.kind === Kind.FIELD ? [node.name.value] : [])) : [];
}

/**
 * What a partner's subgraph may not do to the others: take over a field another subgraph resolves
 * (redefining it, or `@override` from another subgraph), add root fields shadowing theirs, or redefine
 * their enums, inputs and unions (which merge for every client). Extending shared entities (their keys
 * included) and adding its own types is fine.
 */
export function ownershipViolations(name: string, sdl: string, others: Array<{ name: string; sdl: string }>): CompositionMessage[] {
  let proposed: Map<string, TypeFields>;
  try {
    proposed = typesOf(parse(sdl));
  } catch {
    return []; // composition reports the syntax error
  }
  const otherTypes = others.map((other) => ({ name: other.name, types: typesOf(parse(other.sdl)) }));
  const violations: CompositionMessage[] = [];
  for (const [typeName, fields] of proposed) {
    for (const { field, from } of fields.overrides) {
      if (from !== name) violations.push({ code: "OVERRIDE_FORBIDDEN", message: `${typeName}.${field} overrides the ${from} subgraph's field` });
    }
    for (const other of otherTypes) {
      const theirs = other.types.get(typeName);
      if (!theirs) continue;
      if ([...fields.kinds].some((kind) => MERGED_KINDS.has(kind))) {
        violations.push({ code: "TYPE_OWNED_ELSEWHERE", message: `${typeName} is defined by the ${other.name} subgraph` });
        continue;
      }
      for (const field of fields.owned) {
        if (!theirs.owned.has(field)) continue;
        if (ROOT_TYPES.has(typeName)) {
          violations.push({ code: "ROOT_FIELD_SHADOWED", message: `${typeName}.${field} shadows the ${other.name} subgraph's root field` });
        } else if (!(fields.keyFields.has(field) && theirs.keyFields.has(field))) {
          violations.push({ code: "FIELD_OWNED_ELSEWHERE", message: `${typeName}.${field} is resolved by the ${other.name} subgraph` });
        }
      }
    }
  }
  return violations;
}

export interface SchemaChange {
  code: string;
  message: string;
  /** The schema coordinate the change touches (`School.engagement`, or a type). */
  coordinate: string;
}

/** Changes between two supergraphs' API schemas that can break a client (graphql-inspector's BREAKING). */
export async function breakingChanges(currentSupergraph: string, proposedSupergraph: string): Promise<SchemaChange[]> {
  const changes = await diff(apiSchemaOf(currentSupergraph), apiSchemaOf(proposedSupergraph));
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ code: change.type, message: change.message, coordinate: (change.path ?? "").split(".").slice(0, 2).join(".") }));
}

/** A stable form of an SDL, to tell a real change from a re-publish. */
export function normalizedSdl(sdl: string): string {
  try {
    return print(parse(sdl));
  } catch {
    return sdl;
  }
}
