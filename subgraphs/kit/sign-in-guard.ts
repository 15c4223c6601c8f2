import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import type { GraphQLFieldResolver, GraphQLSchema } from "graphql";
import type { Access } from "./access";
import { assertSignedIn } from "./policy";

/**
 * Every write needs a caller: an anonymous mutation is refused (UNAUTHENTICATED) before its input is
 * validated or any record is read, so the answer never depends on the input.
 */
export function requireSignInForMutations(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>): void {
  const mutation = schema.getMutationType();
  if (!mutation) return;
  const mutationResolvers = (resolvers[mutation.name] ??= {}) as Record<string, GraphQLFieldResolver<unknown, { access: Access }>>;
  for (const [name, resolve] of Object.entries(mutationResolvers)) {
    mutationResolvers[name] = (source, args, context, info) => {
      assertSignedIn(context.access);
      return resolve(source, args, context, info);
    };
  }
}
