import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { generateClientTypes, GENERATED_TYPES } from "../examples/client/codegen";

/** Writes the example client's generated types; `--check` writes nothing and fails when they are out of date. */
async function main(): Promise<void> {
  const generated = await generateClientTypes();
  const current = existsSync(GENERATED_TYPES) ? readFileSync(GENERATED_TYPES, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== generated) throw new Error(`${GENERATED_TYPES} is out of date (run npm run codegen)`);
    console.log(`${GENERATED_TYPES} matches the operations and the supergraph.`);
    return;
  }
  writeFileSync(GENERATED_TYPES, generated);
  console.log(current === generated ? `${GENERATED_TYPES} already up to date.` : `Wrote ${GENERATED_TYPES}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
