import { MongoClient, type Db } from "mongodb";

/** Each subgraph owns one database, as it would own its own deployment in production. */
export function subgraphDatabaseName(subgraph: string, prefix = process.env.MONGODB_DB_PREFIX ?? "hub_"): string {
  return `${prefix}${subgraph}`;
}

export async function connectMongo(url: string): Promise<MongoClient> {
  const client = new MongoClient(url, { appName: "school-network-hub" });
  await client.connect();
  return client;
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.command({ ping: 1 });
}
