#!/usr/bin/env node
// Runs a compiled script (dist/scripts/<name>.js), building first only when dist/ is missing or older
// than the sources: `npm run token` answers at once instead of recompiling the project every time.
// Plain JavaScript so it runs before anything is compiled.
"use strict";
const { execFileSync } = require("node:child_process");
const { existsSync, readdirSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const SOURCES = ["config", "contracts", "runtime", "embedded-mongo", "gateway", "subgraphs", "scripts", "examples"];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function builtAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const [name, ...args] = process.argv.slice(2);
const target = path.join(root, "dist", "scripts", `${name}.js`);
// the sources a build compiled, as of its start (a file saved during the build is newer); without this
// stamp (after `npm run build`), the target's own date: tsc rewrites every output file on each build
const stamp = path.join(root, "dist", ".sources-built");
const sourcesChanged = () => Math.max(statSync(path.join(root, "tsconfig.json")).mtimeMs, ...SOURCES.map((dir) => newestSource(path.join(root, dir))));
const built = builtAt(target) === 0 ? 0 : existsSync(stamp) ? Number(readFileSync(stamp, "utf8")) : builtAt(target);
const current = sourcesChanged();
if (built < current) {
  process.stderr.write("Building the hub (TypeScript → dist/; about a minute the first time)…\n");
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")], { stdio: "inherit", cwd: root });
  } catch {
    process.exit(1);
  }
  writeFileSync(stamp, String(current));
}
// run as the main module, as `node dist/scripts/<name>.js` would: scripts that are also imported (by
// tests) start only when `require.main === module`
process.argv = [process.argv[0], target, ...args];
require("node:module").runMain();
