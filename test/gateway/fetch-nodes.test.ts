import { Supergraph, operationFromDocument } from "@apollo/federation-internals";
import { QueryPlanner, type PlanNode } from "@apollo/query-planner";
import { parse } from "graphql";
import { MongoClient, type CommandStartedEvent, type Db, type Document } from "mongodb";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { newId, subgraphDatabaseName } from "../../subgraphs/kit";
import { openKey } from "../../subgraphs/networks/membership/membership.repository";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * The read path costs one database command per fetch node of the query plan: whatever the number of schools on
 * the page and in the network, each subgraph answers each fetch of the cross-subgraph network overview
 * (DOMAIN.md question 1) with one command (the network with its page of schools, pages, nested pages and their
 * counts together), and policies add none.
 */

const OPERATIONS = path.resolve(__dirname, "..", "..", "operations");
const QUERY = readFileSync(path.join(OPERATIONS, "NetworkOverview.graphql"), "utf8");
const { networkId: DEMO_NETWORK, termStart, termEnd } = JSON.parse(readFileSync(path.join(OPERATIONS, "NetworkOverview.variables.json"), "utf8"));
const SUBGRAPHS = ["networks", "resources", "development", "advocacy"];

/** Fetch nodes of the query's plan, by subgraph. */
function fetchesBySubgraph(): Map<string, number> {
  const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_PATH, "utf8"));
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operationFromDocument(supergraph.schema, parse(QUERY), { operationName: "NetworkOverview" }));
  const fetches = new Map<string, number>();
  const visit = (node: PlanNode | undefined): void => {
    if (!node) return;
    if (node.kind === "Fetch") fetches.set(node.serviceName, (fetches.get(node.serviceName) ?? 0) + 1);
    else if (node.kind === "Sequence" || node.kind === "Parallel") node.nodes.forEach(visit);
    else if (node.kind === "Flatten") visit(node.node);
    else throw new Error(`Unexpected plan node ${node.kind}`);
  };
  visit(plan.node as PlanNode | undefined);
  return fetches;
}

/** Every command the hub's own database clients send (driver command monitoring), as "subgraph collection command". */
const commands: string[] = [];
const connect = MongoClient.prototype.connect;
let prefix = "";
beforeAll(() => {
  jest.spyOn(MongoClient.prototype, "connect").mockImplementation(function (this: MongoClient) {
    // the services do not ask the driver for command events (runtime/observability/mongo-commands.ts): the test does
    (this as MongoClient & { monitorCommands: boolean }).monitorCommands = true;
    this.on("commandStarted", (event: CommandStartedEvent) => {
      if (!prefix || !event.databaseName.startsWith(prefix)) return;
      const target = event.command[event.commandName];
      commands.push(`${event.databaseName.slice(prefix.length)} ${typeof target === "string" ? target : ""} ${event.commandName}`);
    });
    return connect.call(this);
  });
});
afterAll(() => jest.restoreAllMocks());

let hub: HubUnderTest;
/** The test's own client, for seeding: its commands are not watched. */
let client: MongoClient;
beforeAll(async () => {
  hub = await startHub({ demoData: true });
  prefix = hub.databasePrefix;
  client = new MongoClient(hub.mongoUrl);
  await connect.call(client);
}, 120_000);
afterAll(async () => {
  await client?.close();
  await hub?.stop();
});

function database(subgraph: string): Db {
  return client.db(subgraphDatabaseName(subgraph, hub.databasePrefix));
}

/** A copy of the demo network with `size` schools: copies of its schools, each with the resources, events and endorsements of the original. */
async function networkWithSchools(size: number): Promise<string> {
  const [networks, resources, development, advocacy] = SUBGRAPHS.map(database);
  const network = (await networks.collection("networks").findOne({ _id: DEMO_NETWORK as never }))!;
  const networkId = newId();
  await networks.collection("networks").insertOne({ ...network, _id: networkId as never, name: `${network.name} (${size})` });
  const memberships = await networks.collection("memberships").find({ networkId: DEMO_NETWORK, status: "ACCEPTED" }).toArray();
  const originals = memberships.map((membership) => membership.schoolId as string);
  const schools = new Map((await networks.collection("schools").find({ _id: { $in: originals as never[] } }).toArray()).map((school) => [school._id as unknown as string, school]));
  const copies = Array.from({ length: size }, (_, i) => ({ membership: memberships[i % memberships.length], schoolId: newId(), i }));
  await networks.collection("schools").insertMany(
    copies.map(({ membership, schoolId, i }) => {
      const { ncesId: _unique, ...school } = schools.get(membership.schoolId)!;
      return { ...school, _id: schoolId as never, name: `${school.name} ${i}` };
    }),
  );
  await networks.collection("memberships").insertMany(
    copies.map(({ membership, schoolId, i }) => ({ ...membership, _id: newId() as never, schoolId, networkId, schoolName: `${membership.schoolName} ${i}`, openKey: openKey(schoolId, networkId) })),
  );
  const copyOwned = async (db: Db, collection: string, field: string, set: (document: Document, schoolId: string) => Document) => {
    const owned = await db.collection(collection).find({ [field]: { $in: originals } }).toArray();
    const documents = copies.flatMap(({ membership, schoolId }) =>
      owned.filter((document) => field.split(".").reduce((value, key) => value?.[key], document as Document) === membership.schoolId).map((document) => ({ ...set(document, schoolId), _id: newId() as never })),
    );
    if (documents.length > 0) await db.collection(collection).insertMany(documents);
  };
  await copyOwned(resources, "resources", "owner.schoolId", (document, schoolId) => ({ ...document, owner: { ...document.owner, schoolId } }));
  await copyOwned(development, "events", "owner.id", (document, schoolId) => ({ ...document, owner: { ...document.owner, id: schoolId } }));
  await copyOwned(advocacy, "endorsements", "endorserId", (document, schoolId) => ({ ...document, endorserId: schoolId }));
  return networkId;
}

/** Commands per subgraph and collection for one run of the query, after a first run (the gateway's per-caller access lookup is cached). */
async function commandsOfOneRun(networkId: string, first: number, headers: Record<string, string>): Promise<Map<string, number>> {
  const variables = { networkId, termStart, termEnd, first };
  const warm = await hub.query(QUERY, variables, headers);
  expect(warm.errors).toBeUndefined();
  commands.length = 0;
  const result = await hub.query(QUERY, variables, headers);
  expect(result.errors).toBeUndefined();
  expect(result.data.network.schools.edges.length).toBe(Math.min(first, result.data.network.schools.totalCount));
  const counts = new Map<string, number>();
  for (const command of commands.filter((entry) => SUBGRAPHS.includes(entry.split(" ")[0]))) counts.set(command, (counts.get(command) ?? 0) + 1);
  return counts;
}

describe("database commands of the cross-subgraph network overview", () => {
  const fetches = fetchesBySubgraph();

  let small: string;
  let large: string;
  beforeAll(async () => {
    small = await networkWithSchools(10);
    large = await networkWithSchools(300);
  });

  it.each([
    ["an anonymous caller", false],
    ["an admin of the network's organization", true],
  ])("are one per fetch node, the same for 10 and for 300 schools, for %s", async (_caller, signedIn) => {
    const organizationId = (await database("networks").collection("networks").findOne({ _id: small as never }))!.organizationId as string;
    const headers: Record<string, string> = signedIn
      ? { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, { personId: "fetch-nodes", organizationId, roles: [{ role: "ORG_ADMIN" }] })}` }
      : {};
    const runs = [await commandsOfOneRun(small, 10, headers), await commandsOfOneRun(large, 100, headers), await commandsOfOneRun(large, 20, headers)];
    for (const run of runs) {
      const bySubgraph = new Map<string, number>();
      for (const [key, count] of run) bySubgraph.set(key.split(" ")[0], (bySubgraph.get(key.split(" ")[0]) ?? 0) + count);
      expect(bySubgraph).toEqual(fetches);
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });
});
