import type { CommandStartedEvent } from "mongodb";
import { connectMongo } from "../../subgraphs/kit/database";
import { startTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database.stop());

describe("the services' MongoDB client", () => {
  it("sends every write with majority write concern", async () => {
    const client = await connectMongo(database.url);
    const started: CommandStartedEvent[] = [];
    client.on("commandStarted", (event) => started.push(event));
    try {
      const collection = client.db(database.uniqueDbName("write_concern")).collection("things");
      await collection.insertOne({ name: "one" });
      await collection.updateOne({ name: "one" }, { $set: { seen: true } });
      await collection.deleteOne({ name: "one" });
    } finally {
      await client.close();
    }
    const writes = started.filter((event) => ["insert", "update", "delete"].includes(event.commandName));
    expect(writes.map((event) => event.commandName)).toEqual(["insert", "update", "delete"]);
    for (const write of writes) expect(write.command.writeConcern).toEqual({ w: "majority" });
  });
});
