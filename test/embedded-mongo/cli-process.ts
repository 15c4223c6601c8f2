/** Runs the compiled embedded server CLI (dist/embedded-mongo/cli.js) as a child process. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const repo = path.resolve(__dirname, "..", "..");
export const cliPath = path.join(repo, "dist", "embedded-mongo", "cli.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith(".ts") || entry.name.endsWith(".json")) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Compiles embedded-mongo/ into dist/ when the compiled CLI is missing or older than the sources. */
export function ensureCompiledCli(): void {
  const src = path.join(repo, "embedded-mongo");
  if (fs.existsSync(cliPath) && fs.statSync(cliPath).mtimeMs >= newestSource(src)) return;
  const tsc = require.resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", path.join(src, "tsconfig.json")], { cwd: repo, stdio: "pipe" });
  fs.utimesSync(cliPath, new Date(), new Date());
}

export interface CliServer {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI and resolves once it prints its connection string (rejects if it exits first). */
export function startCli(args: string[]): Promise<CliServer> {
  const child = spawn(process.execPath, [cliPath, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const m = /(mongodb:\/\/[^\s]+)/.exec(out);
      if (m) resolve({ child, url: m[1], output: () => out, exited });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    void exited.then(({ code }) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
  });
}

/** Runs the CLI expecting it to fail at startup; returns its exit code and output. */
export function runCliToExit(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [cliPath, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output: out })));
}
