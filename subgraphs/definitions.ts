import { MongoClient } from "mongodb";
import type { SubgraphConfig } from "../contracts/supergraph-config";
import { AuditTrail, printSubgraphSdl, type SubgraphDefinition } from "./kit";

/**
 * The code of a built-in subgraph listed in supergraph.yaml: `subgraphs/<name>/index.ts` exports its
 * definition. The list itself is configuration; only the processes that run or print built-ins load code.
 */
export function subgraphDefinition(name: string): SubgraphDefinition<any> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exports = require(`./${name}`) as Record<string, unknown>;
  const definition = Object.values(exports).find(
    (value): value is SubgraphDefinition<any> => typeof value === "object" && value !== null && (value as SubgraphDefinition).name === name,
  );
  if (!definition) throw new Error(`subgraphs/${name} exports no subgraph definition named "${name}"`);
  return definition;
}

export function builtInDefinitions(subgraphs: SubgraphConfig[]): SubgraphDefinition<any>[] {
  return subgraphs.map((subgraph) => subgraphDefinition(subgraph.name));
}

/** Each subgraph's SDL as its code builds it (no database needed), by name. */
export async function printSubgraphSdls(definitions: SubgraphDefinition<any>[]): Promise<Record<string, string>> {
  // never connected: building a schema only wires repositories to collection handles
  const unconnected = new MongoClient("mongodb://127.0.0.1:9").db("compose");
  const sdls: Record<string, string> = {};
  for (const definition of definitions) {
    const instance = await definition.create(unconnected, new AuditTrail(unconnected, definition.name));
    sdls[definition.name] = printSubgraphSdl(instance.schema);
  }
  return sdls;
}
