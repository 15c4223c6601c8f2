/**
 * MongoDB's unified-format CRUD, index- and collection-management tests (MONGO_UNIFIED_SPEC_DIR or
 * <repo>/../shared/mongo-unified-spec) through the official driver against the embedded server (or
 * MONGODB_URL): one jest test per case; cases for other topologies, versions or features are jest skips.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVER_VERSION } from "../embedded-mongo/commands/handshake";
import { commandNames } from "../embedded-mongo/commands/dispatch";
import { loadSpecFiles, runCase, skipReason, type ServerDescription } from "../embedded-mongo/spec/unified";
import { startTestDatabase, type TestDatabase } from "./support/database";

const specDir = process.env.MONGO_UNIFIED_SPEC_DIR ?? path.resolve(__dirname, "..", "..", "shared", "mongo-unified-spec");
const FOLDERS = ["crud", "index-management", "collection-management"];

/** Which cases apply is decided before any test runs, so a real server is asked in a child process. */
function describeTarget(): ServerDescription {
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
    { encoding: "utf8", cwd: path.resolve(__dirname, "..") },
  );
  const d = JSON.parse(out) as { version: string; topology: ServerDescription["topology"]; commands: string[] };
  return { version: d.version, topology: d.topology, commands: new Set(d.commands), auth: /@/.test(url) };
}

if (!fs.existsSync(specDir)) {
  if (process.env.CI) {
    test("MongoDB unified spec folder is present", () => {
      throw new Error(`unified spec tests not found at ${specDir} (set MONGO_UNIFIED_SPEC_DIR)`);
    });
  } else {
    test.skip(`MongoDB unified spec tests not found at ${specDir}: conformance skipped`, () => undefined);
  }
} else {
  const target = describeTarget();
  let database: TestDatabase;

  beforeAll(async () => {
    database = await startTestDatabase();
  });

  afterAll(async () => {
    await database?.stop();
  });

  for (const folder of FOLDERS.filter((f) => fs.existsSync(path.join(specDir, f)))) {
    for (const spec of loadSpecFiles(path.join(specDir, folder))) {
      describe(`${folder}/${spec.file}`, () => {
        for (const t of spec.tests) {
          const reason = skipReason(spec, t, target);
          if (reason) {
            it.skip(`${t.description} (${reason})`, () => undefined);
            continue;
          }
          it(t.description, async () => {
            const result = await runCase(database.url, spec, t);
            if (result.status === "failed") throw new Error(result.reason);
          });
        }
      });
    }
  }
}
