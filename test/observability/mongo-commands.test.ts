import { MongoClient } from "mongodb";
import { connectMongo } from "../../subgraphs/kit/database";
import { observeMongoCommands } from "../../runtime/observability/mongo-commands";
import { startTestDatabase, type TestDatabase } from "../support/database";

/*
 * The metrics and traces hear of every command a service's client sends (its name, database and outcome)
 * without the driver's command monitoring, and only for the clients observed.
 */

let database: TestDatabase;
const clients: MongoClient[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await database?.stop();
});

async function observedClient() {
  const client = await connectMongo(database.url);
  clients.push(client);
  const heard: string[] = [];
  observeMongoCommands(client, {
    started(commandName, databaseName) {
      heard.push(`${databaseName} ${commandName} sent`);
      return (failed) => heard.push(`${databaseName} ${commandName} ${failed ? "failed" : "answered"}`);
    },
  });
  return { client, heard };
}

describe("observed MongoDB commands", () => {
  it("are heard by name, database and outcome, a db.command by its own name", async () => {
    const { client, heard } = await observedClient();
    const db = client.db(database.uniqueDbName("observed"));
    await db.collection("items").insertOne({ name: "one" });
    await db.collection("items").find({}).toArray();
    await db.command({ ping: 1 });
    await expect(db.command({ noSuchCommand: 1 })).rejects.toThrow();
    const name = db.databaseName;
    expect(heard).toEqual([
      `${name} insert sent`,
      `${name} insert answered`,
      `${name} find sent`,
      `${name} find answered`,
      `${name} ping sent`,
      `${name} ping answered`,
      `${name} noSuchCommand sent`,
      `${name} noSuchCommand failed`,
    ]);
  });

  it("are heard only by the observers of the client that sent them", async () => {
    const first = await observedClient();
    const second = await observedClient();
    const unobserved = await connectMongo(database.url);
    clients.push(unobserved);
    await first.client.db(database.uniqueDbName("first")).command({ ping: 1 });
    await unobserved.db(database.uniqueDbName("unobserved")).command({ ping: 1 });
    expect(first.heard.filter((line) => line.endsWith("ping answered"))).toHaveLength(1);
    expect(second.heard).toEqual([]);
  });
});
