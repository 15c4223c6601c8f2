import { MongoClient, type CommandStartedEvent } from "mongodb";
import { loadConfig } from "../../config";
import { connectMongo, mongoClientOptions } from "../../subgraphs/kit/database";
import { startTestDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(() => database.stop());

describe("the services' MongoDB client", () => {
  it("sends every write with majority write concern", async () => {
    // the services' options, with the driver's command events on for the test to read
    const client = await new MongoClient(database.url, { ...mongoClientOptions(database.url), monitorCommands: true }).connect();
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

/*
 * Retryable writes need a replica set (or a sharded cluster): a standalone server, as the embedded one is,
 * has no oplog to recognise a retried write, so the driver sends none and never retries. Run with
 * MONGODB_URL=mongodb://…/?replicaSet=rs0 (or an Atlas mongodb+srv:// string) to check them.
 */
const external = loadConfig("test").MONGODB_URL;
const replicaSetUrl = external && (/[?&]replicaSet=/i.test(external) || external.startsWith("mongodb+srv://")) ? external : undefined;
const onReplicaSet = replicaSetUrl ? describe : describe.skip;

onReplicaSet(`retryable writes${replicaSetUrl ? "" : " (skipped: MONGODB_URL does not name a replica set; the embedded server is standalone)"}`, () => {
  it("the server is a replica set member, as the connection string says", async () => {
    const client = await connectMongo(replicaSetUrl!);
    try {
      const hello = await client.db("admin").command({ hello: 1 });
      expect(hello.setName ?? hello.msg).toEqual(expect.any(String));
    } finally {
      await client.close();
    }
  });

  it("sends every single-document write as a retryable write (session and transaction number), with majority write concern", async () => {
    const client = await connectMongo(replicaSetUrl!);
    const started: CommandStartedEvent[] = [];
    client.on("commandStarted", (event) => started.push(event));
    try {
      const collection = client.db(database.uniqueDbName("retryable")).collection("things");
      await collection.insertOne({ name: "one" });
      await collection.updateOne({ name: "one" }, { $set: { seen: true } });
      await collection.findOneAndUpdate({ name: "one" }, { $set: { seen: false } });
      await collection.deleteOne({ name: "one" });
      await collection.db.dropDatabase();
    } finally {
      await client.close();
    }
    const writes = started.filter((event) => ["insert", "update", "findAndModify", "delete"].includes(event.commandName));
    expect(writes.map((event) => event.commandName)).toEqual(["insert", "update", "findAndModify", "delete"]);
    for (const write of writes) {
      expect(write.command.lsid).toBeDefined();
      expect(write.command.txnNumber).toBeDefined();
      expect(write.command.writeConcern).toEqual({ w: "majority" });
    }
  });
});
