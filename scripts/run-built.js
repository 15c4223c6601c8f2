#!/usr/bin/env node
// Runs a compiled script (dist/scripts/<name>.js), building first only when dist/ is missing or older
// than the sources: `npm run token` answers at once instead of recompiling the project every time.
// Plain JavaScript so it runs before anything is compiled.
"use strict";
const { execFileSync } = require("node:child_process");
const { readdirSync, statSync } = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const SOURCES = ["embedded-mongo", "gateway", "subgraphs", "scripts", "examples"];

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
const sourcesChanged = Math.max(statSync(path.join(root, "tsconfig.json")).mtimeMs, ...SOURCES.map((dir) => newestSource(path.join(root, dir))));
// tsc rewrites every output file on each build, so any one of them dates the last build
if (builtAt(target) < sourcesChanged) {
  process.stderr.write("Building the hub (TypeScript → dist/; about a minute the first time)…\n");
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json")], { stdio: "inherit", cwd: root });
  } catch {
    process.exit(1);
  }
}
process.argv = [process.argv[0], target, ...args];
require(target);
