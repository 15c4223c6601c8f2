import "reflect-metadata";
import path from "node:path";
import { mkdirSync } from "node:fs";
import { subgraphs } from "../subgraphs/registry";
import { startHub } from "./hub";

/**
 * `npm start`: the whole hub on this machine. Uses MONGODB_URL when set, otherwise the embedded
 * database with its data under ./data/db. Loads the demo data on first start (idempotent).
 */
async function main(): Promise<void> {
  const dbpath = path.resolve(process.env.HUB_DATA_DIR ?? "data/db");
  if (!process.env.MONGODB_URL) mkdirSync(dbpath, { recursive: true });
  const hub = await startHub({
    mongoUrl: process.env.MONGODB_URL,
    dbpath,
    demoData: process.env.DEMO_DATA !== "false",
    host: process.env.HOST ?? "127.0.0.1",
    gatewayPort: Number(process.env.GATEWAY_PORT ?? 4000),
    subgraphPorts: Object.fromEntries(
      subgraphs.map((definition) => [definition.name, Number(process.env[definition.portVariable] ?? definition.defaultPort)]),
    ),
  });
  console.log(`
School-network federation hub is running.
  Gateway      ${hub.gatewayUrl}
${Object.entries(hub.subgraphUrls)
  .map(([name, url]) => `  ${name.padEnd(12)} ${url}`)
  .join("\n")}
  Database     ${process.env.MONGODB_URL ? "MONGODB_URL" : `embedded, data in ${dbpath}`}
Press Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    hub.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
