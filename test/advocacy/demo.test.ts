import { CONSORTIUM_SCHOOL_IDS, DemoCampaigns, demoAdvocacySchoolIds, seedAdvocacyDemo } from "../../scripts/demo/advocacy";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { seedNetworksDemo } from "../../scripts/demo/networks";
import { advocacySubgraph } from "../../subgraphs/advocacy";
import { networksSubgraph } from "../../subgraphs/networks";
import type { Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";

const COLLECTIONS = ["campaigns", "endorsements", "campaign_actions", "campaign_milestones"];

let database: TestDatabase;
let advocacy: SubgraphUnderTest;
let networks: SubgraphUnderTest;
let countsAfterFirstRun: Record<string, number>;

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTIONS) counts[name] = await advocacy.db.collection(name).countDocuments();
  return counts;
}

beforeAll(async () => {
  database = await startTestDatabase();
  // fresh databases with the subgraphs' indexes (the unique endorsement index included)
  advocacy = await startSubgraphUnderTest(advocacySubgraph, database);
  networks = await startSubgraphUnderTest(networksSubgraph, database);
  await seedNetworksDemo(networks.db);
  await seedAdvocacyDemo(advocacy.db);
  countsAfterFirstRun = await countAll();
});

afterAll(async () => {
  await advocacy?.stop();
  await networks?.stop();
  await database?.stop();
});

describe("advocacy demo data", () => {
  it("fills every collection and changes nothing when seeded again", async () => {
    for (const name of COLLECTIONS) expect(countsAfterFirstRun[name]).toBeGreaterThan(0);
    const before = await advocacy.db.collection("campaign_actions").find().sort({ _id: 1 }).toArray();
    await seedAdvocacyDemo(advocacy.db);
    expect(await countAll()).toEqual(countsAfterFirstRun);
    expect(await advocacy.db.collection("campaign_actions").find().sort({ _id: 1 }).toArray()).toEqual(before);
  });

  it("refers only to schools, networks and organizations of the networks demo data", async () => {
    const schoolIds = demoAdvocacySchoolIds();
    const schools = await networks.db.collection<{ _id: string }>("schools").find({ _id: { $in: schoolIds } }).toArray();
    expect(schools.map((school) => school._id).sort()).toEqual([...schoolIds].sort());
    const campaigns = await advocacy.db.collection("campaigns").find().toArray();
    const endorsements = await advocacy.db.collection("endorsements").find().toArray();
    const networkIds = new Set([
      ...campaigns.map((campaign) => campaign.leadNetworkId as string),
      ...endorsements.filter((e) => e.endorserKind === "NETWORK").map((e) => e.endorserId as string),
    ]);
    const organizationIds = new Set([
      ...campaigns.map((campaign) => campaign.leadOrganizationId as string),
      ...endorsements.filter((e) => e.endorserKind === "ORGANIZATION").map((e) => e.endorserId as string),
    ]);
    for (const id of networkIds) expect(Object.values(DemoNetworks)).toContain(id);
    for (const id of organizationIds) expect(Object.values(DemoOrganizations)).toContain(id);
  });

  it("has the 28 Consortium schools endorse its assessment campaign, led by Urban Academy", async () => {
    expect(new Set(CONSORTIUM_SCHOOL_IDS).size).toBe(28);
    const members = await networks.db
      .collection("memberships")
      .find({ networkId: DemoNetworks.performanceStandardsConsortium, endDate: null })
      .toArray();
    expect(members.map((member) => member.schoolId).sort()).toEqual([...CONSORTIUM_SCHOOL_IDS].sort());
    const result = await advocacy.execute(
      `query($id: ID!) { campaign(id: $id) { title level status leadSchools { id } endorsementCounts { schools networks organizations } } }`,
      { id: DemoCampaigns.consortiumAssessment },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.campaign).toMatchObject({ level: "STATE", status: "ACTIVE", leadSchools: [{ id: DemoSchools.urbanAcademy }] });
    expect(result.data.campaign.endorsementCounts.schools).toBe(28);
    expect(result.data.campaign.endorsementCounts.networks).toBeGreaterThan(0);
  });

  it("gives the active state-level campaigns upcoming actions", async () => {
    const result = await advocacy.execute(`{ campaigns(level: STATE, status: [ACTIVE], first: 10) { edges { node { id nextActions { totalCount } } } } }`);
    const nodes = result.data.campaigns.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.id).sort()).toEqual([DemoCampaigns.consortiumAssessment, DemoCampaigns.nycStatePolicies].sort());
    for (const node of nodes) expect(node.nextActions.totalCount).toBeGreaterThan(0);
  });

  it("gives every visibility level some campaigns, and every record its campaign's owner and visibility", async () => {
    const campaigns = await advocacy.db.collection("campaigns").find().toArray();
    expect(new Set(campaigns.map((campaign) => campaign.visibility))).toEqual(new Set(["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"]));
    const byId = new Map(campaigns.map((campaign) => [campaign._id, campaign]));
    for (const name of ["endorsements", "campaign_actions", "campaign_milestones"]) {
      for (const record of await advocacy.db.collection(name).find().toArray()) {
        const campaign = byId.get(record.campaignId)!;
        expect({ owner: record.owner, visibility: record.visibility }).toEqual({ owner: campaign.owner, visibility: campaign.visibility });
      }
    }
    // anonymous callers see the PUBLIC ones; the Consortium's coordinators also their own draft and the alliance's
    const ids = async (access?: Access) =>
      (await advocacy.execute(`{ campaigns(first: 20) { edges { node { id } } } }`, {}, access)).data.campaigns.edges.map((edge: any) => edge.node.id).sort();
    const publicIds = campaigns.filter((campaign) => campaign.visibility === "PUBLIC").map((campaign) => campaign._id);
    expect(await ids()).toEqual([...publicIds].sort());
    const consortium = personAccess({
      organizationId: DemoOrganizations.performanceStandardsConsortium,
      managedNetworkIds: [DemoNetworks.performanceStandardsConsortium],
      memberNetworkIds: [DemoNetworks.performanceStandardsConsortium],
      alliedNetworkIds: { CAMPAIGNS: [DemoNetworks.cesMentorSchools, DemoNetworks.newEnglandSmallSchools] },
    });
    expect(await ids(consortium)).toEqual(
      [...publicIds, DemoCampaigns.consortiumRegentsResponse, DemoCampaigns.cesMultipleMeasures, DemoCampaigns.massachusettsPortfolios].sort(),
    );
  });

  it("covers the Houston and Portland campaigns of the seeds", async () => {
    const result = await advocacy.execute(
      `query($h: ID!, $p: ID!) { houston: campaign(id: $h) { level status leadSchools { id } milestones { edges { node { kind } } } } portland: campaign(id: $p) { level status jurisdiction } }`,
      { h: DemoCampaigns.houstonStudentCentered, p: DemoCampaigns.portlandFiscalClimate },
    );
    expect(result.data.houston).toMatchObject({ level: "LOCAL", status: "WON", leadSchools: [{ id: DemoSchools.quest }] });
    expect(result.data.houston.milestones.edges.map((edge: any) => edge.node.kind)).toContain("OUTCOME");
    expect(result.data.portland).toEqual({ level: "STATE", status: "LOST", jurisdiction: "Oregon" });
  });
});
