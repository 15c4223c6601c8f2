/** Compiles the hub into dist/ when the compiled output is missing or older than the sources (tests that run processes). */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const REPOSITORY = path.resolve(__dirname, "..", "..");
const SOURCES = ["config", "contracts", "embedded-mongo", "examples", "gateway", "scripts", "subgraphs", "schema"];

function newest(dir: string): number {
  let time = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return time;
}

export function ensureBuilt(entryPoint: string): string {
  const compiled = path.join(REPOSITORY, "dist", entryPoint);
  const sourcesChanged = Math.max(...SOURCES.map((dir) => newest(path.join(REPOSITORY, dir))));
  if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < sourcesChanged) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(REPOSITORY, "tsconfig.json")], { cwd: REPOSITORY, stdio: "pipe" });
    fs.utimesSync(compiled, new Date(), new Date());
  }
  return compiled;
}
