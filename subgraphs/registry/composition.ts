import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { parse, type GraphQLSchema } from "graphql";

/** A subgraph as composition sees it. */
export interface SubgraphSource {
  name: string;
  routingUrl: string;
  sdl: string;
}

/** A composer's error or hint, with its code (e.g. `INVALID_FIELD_SHARING`, `INCONSISTENT_DESCRIPTION`). */
export interface CompositionMessage {
  code: string;
  message: string;
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; hints: CompositionMessage[] }
  | { ok: false; errors: CompositionMessage[]; hints: CompositionMessage[] };

/** Composes subgraphs with @apollo/composition; an SDL that does not parse is a composition error too. */
export function composeSubgraphs(subgraphs: SubgraphSource[]): CompositionOutcome {
  const services = [];
  for (const subgraph of subgraphs) {
    try {
      services.push({ name: subgraph.name, url: subgraph.routingUrl, typeDefs: parse(subgraph.sdl) });
    } catch (error) {
      return { ok: false, errors: [{ code: "INVALID_GRAPHQL", message: `[${subgraph.name}] ${(error as Error).message}` }], hints: [] };
    }
  }
  const result = composeServices(services);
  const hints = (result.hints ?? []).map((hint) => ({ code: hint.definition.code, message: hint.message }));
  if (result.errors) {
    return { ok: false, errors: result.errors.map((error) => ({ code: String(error.extensions.code ?? "COMPOSITION_ERROR"), message: error.message })), hints };
  }
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trim()}\n`, hints };
}

/** The schema clients see (no join/link machinery, no @inaccessible elements). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
