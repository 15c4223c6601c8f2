import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { auditMutations } from "./audit";
import { BadUserInputError } from "./errors";
import { checkIdArguments } from "./id-arguments";
import { requireSignInForMutations } from "./sign-in-guard";
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

/** The same words in every subgraph (type-graphql cannot describe root types), so the composed ones read as one. */
const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: "What clients can ask. Records the caller may not see are absent: lookups answer null, lists and counts leave them out.",
  Mutation: "What clients can change. Every write needs a signed-in caller (UNAUTHENTICATED otherwise) and changes nothing when refused.",
};

function describeRootTypes(schema: GraphQLSchema): void {
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[type.name];
  }
}

/** Builds a Federation 2 subgraph schema from type-graphql resolvers (directives kept, references wired). */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validateFn: validateInput,
    skipCheck: true, // entity-only subgraphs may have no Query type of their own
  });
  describeRootTypes(schema);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  checkIdArguments(schema, resolvers);
  // audited here rather than as a global middleware, which would make every field of every read asynchronous
  const mutations = (resolvers.Mutation ?? {}) as Record<string, GraphQLFieldResolver<unknown, any>>;
  for (const [field, resolve] of Object.entries(mutations)) {
    mutations[field] = (root, args, context, info) => auditMutations({ root, args, context, info }, async () => resolve(root, args, context, info));
  }
  requireSignInForMutations(schema, resolvers);
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    const __resolveReference: ReferenceResolvers[string]["__resolveReference"] = (representation, context, info) =>
      reference.__resolveReference(checkRepresentation(representation), context, info);
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers,
  });
}

/** The subgraph's SDL as the composer and the gateway see it (with `@link` and `@key`). */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
