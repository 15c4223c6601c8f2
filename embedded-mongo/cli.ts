/** `npm run db -- --port N [--dbpath DIR] [--host H]`: the embedded server in the foreground (flags override HUB_DB_PORT, HUB_DB_PATH, HOST). */
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { CREDENTIALS_FILE } from "./auth/credentials";
import { startEmbeddedMongo } from "./index";
import type { ProcessMessage } from "./process";

async function main(): Promise<void> {
  const config = loadConfig("db");
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: String(config.HUB_DB_PORT) },
      host: { type: "string", default: config.HOST },
      dbpath: { type: "string", ...(config.HUB_DB_PATH ? { default: config.HUB_DB_PATH } : {}) },
      "regex-time-limit-ms": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "Usage: npm run db -- [--port N] [--host H] [--dbpath DIR] [--regex-time-limit-ms MS]\n" +
        "  --port 0 picks a free port; without --dbpath data is kept in memory only.\n" +
        "  Clients authenticate (SCRAM-SHA-256) with the credential in the printed connection string: generated\n" +
        `  per start in memory, kept in DIR/${CREDENTIALS_FILE} (owner-only) with --dbpath.`,
    );
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const regexLimit = values["regex-time-limit-ms"] === undefined ? undefined : Number(values["regex-time-limit-ms"]);
  if (regexLimit !== undefined && !(Number.isInteger(regexLimit) && regexLimit >= 0)) throw new Error(`Invalid --regex-time-limit-ms ${values["regex-time-limit-ms"]}`);
  const server = await startEmbeddedMongo({ port, host: values.host, dbpath: values.dbpath, regexTimeLimitMs: regexLimit });
  console.log(`embedded-mongo listening: ${server.url}`);
  console.log(
    values.dbpath
      ? `data directory: ${values.dbpath} (journaled; credential in ${path.join(values.dbpath, CREDENTIALS_FILE)})`
      : "data: in memory (use --dbpath DIR to keep it); credential generated for this run",
  );
  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${reason}: stopping`);
    server.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  if (process.send) {
    // Started by spawnEmbeddedMongo: report the connection string, and stop when the parent is gone.
    const ready: ProcessMessage = { type: "listening", url: server.url, port: server.port, credentials: server.credentials };
    process.send(ready);
    process.on("disconnect", () => stop("parent gone"));
  }
}

main().catch((e: unknown) => {
  console.error(`embedded-mongo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
