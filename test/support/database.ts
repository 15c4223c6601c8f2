import { randomBytes } from "node:crypto";
import { loadConfig } from "../../config";
import { startEmbeddedMongo } from "../../embedded-mongo";

/** Uses MONGODB_URL when set (a real MongoDB), otherwise starts an in-memory embedded server on a free port. */
export interface TestDatabase {
  url: string;
  /** a database name unique to this call, so tests never collide on a shared real server */
  uniqueDbName(prefix: string): string;
  stop(): Promise<void>;
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const run = randomBytes(4).toString("hex");
  let counter = 0;
  const uniqueDbName = (prefix: string): string => {
    const clean = prefix.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 30) || "db";
    return `${clean}_${run}_${++counter}`;
  };
  const external = loadConfig("test").MONGODB_URL;
  if (external) {
    return { url: external, uniqueDbName, stop: async () => {} };
  }
  const server = await startEmbeddedMongo();
  return { url: server.url, uniqueDbName, stop: () => server.stop() };
}
