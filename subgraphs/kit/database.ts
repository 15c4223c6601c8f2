import { MongoClient, type Db, type MongoClientOptions } from "mongodb";

/** The default database prefix (MONGODB_DB_PREFIX). */
export const DEFAULT_DATABASE_PREFIX = "hub_";

/** Each subgraph owns one database, as it would own its own deployment in production. */
export function subgraphDatabaseName(subgraph: string, prefix = DEFAULT_DATABASE_PREFIX): string {
  return `${prefix}${subgraph}`;
}

/**
 * Write safety on a replica set: a write is acknowledged once a majority of members have it (it survives
 * a failover) and is retried once on a transient error (retryable writes, where the server supports
 * them); reads go to the primary, so a read after an acknowledged write sees it. `w` and `retryWrites`
 * given in the connection string win; the read preference does not, as the services rely on it.
 */
export function mongoClientOptions(url: string): MongoClientOptions {
  const given = new Set(
    (url.split("?")[1] ?? "")
      .split("&")
      .map((pair) => pair.split("=")[0].toLowerCase())
      .filter(Boolean),
  );
  return {
    appName: "school-network-hub",
    readPreference: "primary",
    ...(given.has("w") ? {} : { writeConcern: { w: "majority" } }),
    ...(given.has("retrywrites") ? {} : { retryWrites: true }),
  };
}

export async function connectMongo(url: string): Promise<MongoClient> {
  const client = new MongoClient(url, mongoClientOptions(url));
  await client.connect();
  return client;
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.command({ ping: 1 });
}
