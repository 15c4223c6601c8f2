import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLID,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { BadUserInputError } from "./errors";
import { isRecordId } from "./repository";

/** ID arguments that carry identifiers other systems assign (an NCES school id), not the hub's record ids. */
const EXTERNAL_IDS = new Set(["ncesId"]);

/** The first malformed record id in `value` (of `type`), as an argument path; null when every id is well formed. */
function malformedId(type: GraphQLInputType, value: unknown, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return malformedId(type.ofType, value, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      const found = malformedId(type.ofType, item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (EXTERNAL_IDS.has(field.name)) continue;
      const found = malformedId(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`);
      if (found) return found;
    }
    return null;
  }
  return type === GraphQLID && !isRecordId(String(value)) ? path : null;
}

function holdsIds(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named === GraphQLID) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => !EXTERNAL_IDS.has(field.name) && holdsIds(field.type, seen));
}

/** Fields only the gateway calls (`@inaccessible`): they pass on what a token claims, where a malformed id simply matches nothing. */
function isInternal(field: GraphQLField<unknown, unknown>): boolean {
  return field.astNode?.directives?.some((directive) => directive.name.value === "inaccessible") ?? false;
}

/**
 * A malformed id can name no record: the field answers BAD_USER_INPUT naming the argument, instead of a
 * NOT_FOUND that reads as "that record is gone". Only fields clients call that take ids are wrapped, so
 * other fields run with no added work.
 */
export function checkIdArguments(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (isInternal(field)) continue;
      const idArguments = field.args.filter((argument) => !EXTERNAL_IDS.has(argument.name) && holdsIds(argument.type));
      if (idArguments.length === 0) continue;
      const typeResolvers = (resolvers[type.name] ??= {}) as Record<string, unknown>;
      const existing = typeResolvers[field.name];
      const resolve = (typeof existing === "function" ? existing : ((existing as { resolve?: unknown })?.resolve ?? defaultFieldResolver)) as GraphQLFieldResolver<unknown, unknown>;
      const checked: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        for (const argument of idArguments) {
          const path = malformedId(argument.type, args[argument.name], argument.name);
          if (path) throw new BadUserInputError(`${path} is not a well-formed id`, path);
        }
        return resolve(source, args, context, info);
      };
      typeResolvers[field.name] = typeof existing === "object" && existing !== null ? { ...existing, resolve: checked } : checked;
    }
  }
}
