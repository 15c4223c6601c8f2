/** `npm run config:docs`: writes README.md's configuration table from config/variables.ts (`--check`: fails when it differs). */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withConfigurationTable } from "../config/docs";
import { ROOT } from "../config/variables";

const readmePath = path.join(ROOT, "README.md");
const readme = readFileSync(readmePath, "utf8");
const generated = withConfigurationTable(readme);
if (process.argv.includes("--check")) {
  if (generated !== readme) {
    console.error("README.md's configuration table differs from config/variables.ts: run npm run config:docs");
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, generated);
}
