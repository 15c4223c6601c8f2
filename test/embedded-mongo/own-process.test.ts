/**
 * Under `npm start` the embedded database runs in its own process: its work (here a runaway regular
 * expression held until its maxTimeMS) never blocks the gateway, and its files and credential stay its own.
 */
import { MongoClient } from "mongodb";
import { startHub, type RunningHub } from "../../scripts/hub";
import type { AnyDoc } from "./helpers";
import { ensureCompiledCli } from "./cli-process";

jest.setTimeout(120_000);

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm start's database in its own process", () => {
  let hub: RunningHub | undefined;
  let client: MongoClient;

  beforeAll(async () => {
    ensureCompiledCli();
    hub = await startHub({ databaseProcess: true });
    client = await new MongoClient(hub.mongoUrl).connect();
  });

  afterAll(async () => {
    await client?.close();
    await hub?.stop();
  });

  it("runs in another process, with a credential", async () => {
    const status = await client.db("admin").command({ serverStatus: 1 });
    expect(Number(status.pid)).not.toBe(process.pid);
    expect(alive(Number(status.pid))).toBe(true);
    const anonymous = new MongoClient(hub!.mongoUrl.replace(/\/\/[^@]*@/, "//"));
    await expect(anonymous.db("hub_networks").collection("networks").findOne({})).rejects.toMatchObject({ code: 13 });
    await anonymous.close();
  });

  it("keeps the gateway answering while the database is busy", async () => {
    const coll = client.db("busy").collection<AnyDoc>("things");
    await coll.insertOne({ s: "a".repeat(40) + "!" });
    const order: string[] = [];
    const busy = coll
      .find({ s: { $regex: "^(a|aa)+$", $options: "i" } }, { maxTimeMS: 3000 })
      .toArray()
      .then(
        () => order.push("database: answered"),
        (e: { code?: number }) => order.push(`database: error ${e.code}`),
      );
    await new Promise((resolve) => setTimeout(resolve, 100)); // the find is on the wire
    const response = await fetch(hub!.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
    order.push("gateway: answered");
    await busy;
    expect(order).toEqual(["gateway: answered", "database: error 50"]);
  });

  it("stops with the hub", async () => {
    const pid = Number((await client.db("admin").command({ serverStatus: 1 })).pid);
    await client.close();
    await hub!.stop();
    hub = undefined;
    expect(alive(pid)).toBe(false);
  });
});
