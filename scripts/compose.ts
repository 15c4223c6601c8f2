import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { composeSupergraph, CompositionError, SUPERGRAPH_PATH, subgraphSchemaPath } from "../gateway/compose";
import { subgraphs } from "../subgraphs/registry";

/**
 * Writes schema/<subgraph>.graphql and schema/supergraph.graphql from the code.
 * `--check` writes nothing and fails when the committed files differ from what the code produces.
 */
async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const { subgraphSdls, supergraphSdl } = await composeSupergraph(subgraphs);
  const files: Array<[string, string]> = [
    ...Object.entries(subgraphSdls).map(([name, sdl]): [string, string] => [subgraphSchemaPath(name), sdl]),
    [SUPERGRAPH_PATH, supergraphSdl],
  ];
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

main().catch((error) => {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
});
