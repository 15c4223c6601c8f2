/**
 * The embedded server in its own process (the compiled `cli.js`), so its work never blocks the process
 * that started it: `npm start` runs the database this way next to the gateway and the subgraphs. The child
 * reports its connection string over IPC and stops when its parent goes away.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Credentials } from "./auth/credentials";
import type { EmbeddedMongo } from "./index";

export interface ProcessMessage {
  type: "listening";
  url: string;
  port: number;
  credentials: Credentials;
}

export interface EmbeddedMongoProcessOptions {
  port?: number;
  host?: string;
  dbpath?: string;
  /** The compiled CLI; default: `cli.js` beside this file, or `dist/embedded-mongo/cli.js` when running from sources. */
  cliPath?: string;
}

export interface EmbeddedMongoProcess extends EmbeddedMongo {
  readonly pid: number;
}

function defaultCliPath(): string {
  const beside = path.join(__dirname, "cli.js");
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, "..", "dist", "embedded-mongo", "cli.js");
}

export function spawnEmbeddedMongo(options: EmbeddedMongoProcessOptions = {}): Promise<EmbeddedMongoProcess> {
  const args = ["--port", String(options.port ?? 0), "--host", options.host ?? "127.0.0.1"];
  if (options.dbpath) args.push("--dbpath", options.dbpath);
  const child = fork(options.cliPath ?? defaultCliPath(), args, { stdio: ["ignore", "ignore", "pipe", "ipc"], execArgv: [] });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
    process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code, signal) => reject(new Error(`the embedded database exited (${signal ?? code}) before listening: ${errors.trim()}`)));
    child.once("error", reject);
    child.once("message", (message: ProcessMessage) => {
      if (message?.type !== "listening") return reject(new Error("unexpected message from the embedded database"));
      resolve({
        url: message.url,
        port: message.port,
        credentials: message.credentials,
        pid: child.pid!,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}
