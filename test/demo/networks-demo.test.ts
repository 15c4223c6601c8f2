import { seedNetworksDemo } from "../../scripts/demo/networks";
import { DemoAlliances, DemoConsent, DemoEducators, DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { networksSubgraph } from "../../subgraphs/networks";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";

const COLLECTIONS = ["organizations", "networks", "schools", "memberships", "alliances", "alliance_members", "agreement_proposals", "educators", "pathways"];

let database: TestDatabase;
let subgraph: SubgraphUnderTest;
let countsAfterFirstRun: Record<string, number>;

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTIONS) counts[name] = await subgraph.db.collection(name).countDocuments();
  return counts;
}

beforeAll(async () => {
  database = await startTestDatabase();
  // A fresh database with the subgraph's indexes (unique openKey / ncesId), so seeding also proves it respects them.
  subgraph = await startSubgraphUnderTest(networksSubgraph, database);
  await seedNetworksDemo(subgraph.db);
  countsAfterFirstRun = await countAll();
});

afterAll(async () => {
  await subgraph?.stop();
  await database?.stop();
});

describe("networks demo data", () => {
  it("fills every collection", () => {
    for (const name of COLLECTIONS) expect(countsAfterFirstRun[name]).toBeGreaterThan(0);
  });

  it("changes nothing when seeded a second time", async () => {
    const before = await subgraph.db.collection("memberships").find().sort({ _id: 1 }).toArray();
    await seedNetworksDemo(subgraph.db);
    expect(await countAll()).toEqual(countsAfterFirstRun);
    expect(await subgraph.db.collection("memberships").find().sort({ _id: 1 }).toArray()).toEqual(before);
  });

  it.each([
    ["organizations", DemoOrganizations],
    ["networks", DemoNetworks],
    ["schools", DemoSchools],
    ["alliances", DemoAlliances],
    ["educators", DemoEducators],
  ] as const)("creates every id of ids.ts in %s", async (collection, ids) => {
    const expected = Object.values(ids) as string[];
    const found = await subgraph.db.collection<{ _id: string }>(collection).find({ _id: { $in: expected } }).toArray();
    expect(found.map((doc) => doc._id).sort()).toEqual([...expected].sort());
  });

  it("gives the Performance Standards Consortium its 28 open memberships", async () => {
    const open = await subgraph.db
      .collection("memberships")
      .countDocuments({ networkId: DemoNetworks.performanceStandardsConsortium, endDate: null, openKey: { $exists: true } });
    expect(open).toBe(28);
    // Through the subgraph's API too: the network's schools, paged in name order.
    const result = await subgraph.execute(`query($id: ID!) { network(id: $id) { schools(first: 50) { edges { node { name } } } } }`, {
      id: DemoNetworks.performanceStandardsConsortium,
    });
    expect(result.errors).toBeUndefined();
    const names: string[] = result.data.network.schools.edges.map((edge: { node: { name: string } }) => edge.node.name);
    expect(names).toHaveLength(28);
    expect(names).toContain("Humanities Preparatory Academy");
  });

  it("keeps the seed's mentor pairings and North Star's ended membership", async () => {
    const memberships = subgraph.db.collection("memberships");
    expect(await memberships.findOne({ schoolId: DemoSchools.parker, networkId: DemoNetworks.newEnglandSmallSchools })).toMatchObject({
      role: "MENTOR_SCHOOL",
      openKey: `${DemoSchools.parker}:${DemoNetworks.newEnglandSmallSchools}`,
    });
    expect(await memberships.findOne({ schoolId: DemoSchools.middleCollege, networkId: DemoNetworks.nycCluster })).toMatchObject({ role: "MENTOR_SCHOOL" });
    const northStar = await memberships.findOne({ schoolId: DemoSchools.northStar, networkId: DemoNetworks.cesMentorSchools });
    expect(northStar?.endDate).toBe("2003-06-30");
    expect(northStar).not.toHaveProperty("openKey");
  });

  it("has the seeds' relations accepted (or ended) and one pending relation of each kind", async () => {
    const db = subgraph.db;
    const statuses = async (collection: string) => (await db.collection(collection).distinct("status")).sort();
    expect(await statuses("memberships")).toEqual(["ACCEPTED", "ENDED", "PENDING"]);
    expect(await db.collection("memberships").find({ status: "PENDING" }).map((doc) => [doc._id, doc.initiatedBy]).toArray()).toEqual(
      expect.arrayContaining([
        [DemoConsent.membershipProposal, "NETWORK"],
        [DemoConsent.membershipRequest, "SCHOOL"],
      ]),
    );
    expect(await db.collection("memberships").countDocuments({ status: "PENDING" })).toBe(2);
    expect(await db.collection("alliance_members").find({ status: "PENDING" }).map((doc) => doc._id).toArray()).toEqual([DemoConsent.allianceJoin]);
    expect(await db.collection("agreement_proposals").find({ status: "PENDING" }).map((doc) => doc._id).toArray()).toEqual([DemoConsent.agreementProposal]);
  });
});
