import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { manifestOf, OPERATIONS_DIR, OPERATIONS_MANIFEST_PATH, readOperations } from "../gateway/operations";

/**
 * Writes the trusted-documents manifest (Apollo's persisted-query manifest format, sha256 ids) of the
 * `.graphql` files in a folder: `operations/` by default, or a client app's own with `--dir` and `--out`.
 * `--check` writes nothing and fails when the manifest differs from the files.
 */
function main(): void {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const dir = path.resolve(option("--dir") ?? OPERATIONS_DIR);
  const out = path.resolve(option("--out") ?? (option("--dir") ? path.join(dir, "manifest.json") : OPERATIONS_MANIFEST_PATH));
  const manifest = `${JSON.stringify(manifestOf(readOperations(dir)), null, 2)}\n`;
  const current = readOrEmpty(out);
  if (args.includes("--check")) {
    if (current !== manifest) {
      console.error(`${out} is out of date (run npm run operations)`);
      process.exit(1);
    }
    console.log(`${out} matches the operations.`);
    return;
  }
  writeFileSync(out, manifest);
  console.log(current === manifest ? `${out} already up to date.` : `Wrote ${out}`);
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

main();
