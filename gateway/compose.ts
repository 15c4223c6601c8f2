import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { MongoClient } from "mongodb";
import path from "node:path";
import { HUB_VARIABLES, SUBGRAPH_VARIABLES, type HubSubgraphName } from "../config";
import { AuditTrail, printSubgraphSdl, type SubgraphDefinition } from "../subgraphs/kit";

/** The checkout's root, whether this runs from sources (ts-jest) or from compiled output in dist/. */
const ROOT = ((parent) => (path.basename(parent) === "dist" ? path.dirname(parent) : parent))(path.resolve(__dirname, ".."));

export const SCHEMA_DIR = path.join(ROOT, "schema");

export interface Composition {
  /** Each subgraph's SDL, by subgraph name. */
  subgraphSdls: Record<string, string>;
  supergraphSdl: string;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`Composition failed:\n${messages.map((message) => `  - ${message}`).join("\n")}`);
  }
}

/** The URL a subgraph has in the committed supergraph: its `<NAME>_URL` default, which the gateway's configuration overrides. */
export function defaultSubgraphUrl(definition: SubgraphDefinition): string {
  const variable = SUBGRAPH_VARIABLES[definition.name as HubSubgraphName];
  if (!variable) throw new Error(`Subgraph ${definition.name} has no URL variable in config/variables.ts`);
  return HUB_VARIABLES[variable.url].default;
}

/** Builds every subgraph's schema (no database needed) and composes them into the supergraph. */
export async function composeSupergraph(definitions: SubgraphDefinition[]): Promise<Composition> {
  // never connected: building a schema only wires repositories to collection handles
  const unconnected = new MongoClient("mongodb://127.0.0.1:9").db("compose");
  const subgraphSdls: Record<string, string> = {};
  for (const definition of definitions) {
    const instance = await definition.create(unconnected, new AuditTrail(unconnected, definition.name));
    subgraphSdls[definition.name] = printSubgraphSdl(instance.schema);
  }
  const result = composeServices(
    definitions.map((definition) => ({
      name: definition.name,
      url: defaultSubgraphUrl(definition),
      typeDefs: parse(subgraphSdls[definition.name]),
    })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return { subgraphSdls, supergraphSdl: `${result.supergraphSdl.trim()}\n` };
}

export function subgraphSchemaPath(name: string): string {
  return path.join(SCHEMA_DIR, `${name}.graphql`);
}

export const SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");
