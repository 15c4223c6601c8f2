/** `npm run db -- --port N [--dbpath DIR] [--host H]`: the embedded server in the foreground (flags override HUB_DB_PORT, HUB_DB_PATH, HOST). */
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { startEmbeddedMongo } from "./index";

async function main(): Promise<void> {
  const config = loadConfig("db");
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: String(config.HUB_DB_PORT) },
      host: { type: "string", default: config.HOST },
      dbpath: { type: "string", ...(config.HUB_DB_PATH ? { default: config.HUB_DB_PATH } : {}) },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log("Usage: npm run db -- [--port N] [--host H] [--dbpath DIR]\n  --port 0 picks a free port; without --dbpath data is kept in memory only.");
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const server = await startEmbeddedMongo({ port, host: values.host, dbpath: values.dbpath });
  console.log(`embedded-mongo listening: ${server.url}`);
  console.log(values.dbpath ? `data directory: ${values.dbpath} (journaled)` : "data: in memory (use --dbpath DIR to keep it)");
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
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
}

main().catch((e: unknown) => {
  console.error(`embedded-mongo: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
