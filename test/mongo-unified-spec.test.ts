/**
 * MongoDB's unified-format CRUD, index- and collection-management tests (MONGO_UNIFIED_SPEC_DIR or
 * <repo>/../shared/mongo-unified-spec) through the official driver against the embedded server (or
 * MONGODB_URL): one jest test per case; cases for other topologies, versions or features are jest skips.
 */
import fs from "node:fs";
import path from "node:path";
import { loadSpecFiles, runCase, skipReason } from "../embedded-mongo/spec/unified";
import { describeTarget } from "./support/server-description";
import { startTestDatabase, type TestDatabase } from "./support/database";

const specDir = process.env.MONGO_UNIFIED_SPEC_DIR ?? path.resolve(__dirname, "..", "..", "shared", "mongo-unified-spec");
const FOLDERS = ["crud", "index-management", "collection-management"];

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
