import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { Kind, parse, type DocumentNode, type GraphQLSchema, type StringValueNode } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { auditMutations } from "./audit";
import { BadUserInputError } from "./errors";
import { validateInput } from "./validation";

/** The Federation 2 features our subgraphs use; `@link` must precede the printed type-graphql schema. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])`;

/** `{ School: { __resolveReference } }`: entity resolution for the types this subgraph can resolve. */
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any, info: any) => unknown }>;

export interface SubgraphSchemaOptions {
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a root field, e.g. entities only reached through `_entities`. */
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
}

/**
 * `_entities` takes representations as free JSON (`_Any`), and their key fields become database filters:
 * every value in one must be a scalar (string, number, boolean, null), so no client can pass an operator
 * object (`{ "id": { "$ne": null } }`) or an array in place of an id.
 */
function checkRepresentation(representation: unknown): Record<string, unknown> {
  const fields = typeof representation === "object" && representation !== null && !Array.isArray(representation) ? Object.entries(representation) : null;
  const bad = fields?.find(([, value]) => value !== null && typeof value === "object");
  if (!fields || bad) throw new BadUserInputError("An entity representation holds scalar key fields only", bad ? `representations.${bad[0]}` : "representations");
  return representation as Record<string, unknown>;
}

const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: "What clients can read. Lists are connections (`first`, `after`); records a caller may not see are not there for them.",
  Mutation: "What clients can change. Every write checks the caller's role on its record; a refused write changes nothing.",
};

/** type-graphql names the root types without a description: every subgraph gives them the same one. */
function describeRootTypes(document: DocumentNode): DocumentNode {
  const definitions = document.definitions.map((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION && ROOT_DESCRIPTIONS[definition.name.value] && !definition.description
      ? { ...definition, description: { kind: Kind.STRING, value: ROOT_DESCRIPTIONS[definition.name.value], block: true } as StringValueNode }
      : definition,
  );
  return { ...document, definitions };
}

/** Builds a Federation 2 subgraph schema from type-graphql resolvers (directives kept, references wired). */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validateFn: validateInput,
    globalMiddlewares: [auditMutations],
    skipCheck: true, // entity-only subgraphs may have no Query type of their own
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    const __resolveReference: ReferenceResolvers[string]["__resolveReference"] = (representation, context, info) =>
      reference.__resolveReference(checkRepresentation(representation), context, info);
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({
    typeDefs: describeRootTypes(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`)),
    resolvers,
  });
}

/** The subgraph's SDL as the composer and the gateway see it (with `@link` and `@key`). */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
