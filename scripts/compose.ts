import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { readSupergraphConfig, SUPERGRAPH_PATH } from "../contracts/supergraph-config";
import { builtInDefinitions, printSubgraphSdls } from "../subgraphs/definitions";
import { composeSubgraphs } from "../subgraphs/registry/composition";

/**
 * Reads supergraph.yaml, writes each built-in subgraph's schema file from its code and composes them into
 * schema/supergraph.graphql. `--check` writes nothing and fails when the committed files differ.
 */
export async function composeBuiltIns(): Promise<Array<[file: string, content: string]>> {
  const config = readSupergraphConfig();
  const sdls = await printSubgraphSdls(builtInDefinitions(config.subgraphs));
  const outcome = composeSubgraphs(config.subgraphs.map((subgraph) => ({ name: subgraph.name, routingUrl: subgraph.routingUrl, sdl: sdls[subgraph.name] })));
  if (!outcome.ok) throw new Error(`Composition failed:\n${outcome.errors.map((error) => `  - ${error.code}: ${error.message}`).join("\n")}`);
  return [...config.subgraphs.map((subgraph): [string, string] => [subgraph.schemaFile, sdls[subgraph.name]]), [SUPERGRAPH_PATH, outcome.supergraphSdl]];
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const files = await composeBuiltIns();
  const stale = files.filter(([file, content]) => readOrEmpty(file) !== content).map(([file]) => file);
  if (check) {
    if (stale.length > 0) {
      console.error(`Schema files out of date (run npm run compose):\n${stale.join("\n")}`);
      process.exit(1);
    }
    console.log("Schema files match the code.");
    return;
  }
  for (const [file, content] of files) writeFileSync(file, content);
  console.log(stale.length > 0 ? `Updated:\n${stale.join("\n")}` : "Schema files already up to date.");
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
