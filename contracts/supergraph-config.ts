import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

/** One subgraph of a supergraph config: where the gateway reaches it and the file holding its SDL. */
export interface SubgraphConfig {
  name: string;
  routingUrl: string;
  /** Absolute path of the SDL file. */
  schemaFile: string;
}

export interface SupergraphConfig {
  federationVersion: string;
  subgraphs: SubgraphConfig[];
}

/** The checkout's root (the folder with package.json), from sources (ts-jest) or from compiled output in dist/. */
export const ROOT = ((start: string) => {
  let folder = start;
  while (!existsSync(path.join(folder, "package.json")) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
})(__dirname);

export const SUPERGRAPH_CONFIG_PATH = path.join(ROOT, "supergraph.yaml");
/** The committed composition of the built-in subgraphs. */
export const SUPERGRAPH_PATH = path.join(ROOT, "schema", "supergraph.graphql");

const NAME = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * Reads a supergraph config in Rover's format (`federation_version`, `subgraphs: <name>: routing_url,
 * schema: file`). Schema files are relative to the config file, as Rover reads them.
 */
export function readSupergraphConfig(file = SUPERGRAPH_CONFIG_PATH): SupergraphConfig {
  const raw = parse(readFileSync(file, "utf8")) as { federation_version?: unknown; subgraphs?: Record<string, any> };
  const federationVersion = String(raw?.federation_version ?? "");
  if (!/^=?2(\.|$)/.test(federationVersion)) throw new Error(`${file}: federation_version must be 2.x, got "${federationVersion}"`);
  const subgraphs = Object.entries(raw.subgraphs ?? {}).map(([name, entry]): SubgraphConfig => {
    if (!NAME.test(name)) throw new Error(`${file}: subgraph name "${name}" must be lowercase letters, digits and dashes`);
    const routingUrl = entry?.routing_url;
    const schemaFile = entry?.schema?.file;
    if (typeof routingUrl !== "string" || typeof schemaFile !== "string") {
      throw new Error(`${file}: subgraph "${name}" needs routing_url and schema.file`);
    }
    return { name, routingUrl, schemaFile: path.resolve(path.dirname(file), schemaFile) };
  });
  if (subgraphs.length === 0) throw new Error(`${file}: no subgraphs`);
  return { federationVersion, subgraphs };
}
