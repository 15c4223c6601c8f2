import { execFileSync } from "node:child_process";
import path from "node:path";
import { commandNames } from "../../embedded-mongo/commands/dispatch";
import { SERVER_VERSION } from "../../embedded-mongo/commands/handshake";
import type { ServerDescription } from "../../embedded-mongo/spec/unified";

/** Which cases apply is decided before any test runs, so a real server is asked in a child process. */
export function describeTarget(): ServerDescription {
  const url = process.env.MONGODB_URL;
  if (!url) return { version: SERVER_VERSION, topology: "single", commands: new Set(commandNames()), auth: false };
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      `const { MongoClient } = require("mongodb");
       (async () => { const c = await new MongoClient(process.argv[1]).connect(); const a = c.db("admin");
         const b = await a.command({ buildInfo: 1 }); const h = await a.command({ hello: 1 });
         const l = await a.command({ listCommands: 1 }).catch(() => ({ commands: {} }));
         console.log(JSON.stringify({ version: b.version, topology: h.msg === "isdbgrid" ? "sharded" : h.setName ? "replicaset" : "single", commands: Object.keys(l.commands) }));
         await c.close(); })();`,
      url,
    ],
    { encoding: "utf8", cwd: path.resolve(__dirname, "..", "..") },
  );
  const d = JSON.parse(out) as { version: string; topology: ServerDescription["topology"]; commands: string[] };
  return { version: d.version, topology: d.topology, commands: new Set(d.commands), auth: /@/.test(url) };
}

