import { seedNetworksDemo } from "../../scripts/demo/networks";
import { DemoNetworks, DemoSchools } from "../../scripts/demo/ids";
import { ANONYMOUS_ACCESS } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { DemoResources, seedResourcesDemo } from "../../scripts/demo/resources";
import { networksSubgraph } from "../../subgraphs/networks";
import { resourcesSubgraph } from "../../subgraphs/resources";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";

const COLLECTIONS = ["resources", "adoptions", "share_requests", "funding_awards"];
const LEVELS = ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"];
/** A coordinator of every demo network: sees every network's own records, and the schools' from NETWORK up. */
const everyNetwork = personAccess({ managedNetworkIds: Object.values(DemoNetworks), memberNetworkIds: Object.values(DemoNetworks) });

let database: TestDatabase;
let subgraph: SubgraphUnderTest;
let networks: SubgraphUnderTest;
let countsAfterFirstRun: Record<string, number>;

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTIONS) counts[name] = await subgraph.db.collection(name).countDocuments();
  return counts;
}

beforeAll(async () => {
  database = await startTestDatabase();
  // fresh databases with the subgraphs' indexes (unique adoptions, one open request), so seeding also proves it respects them
  subgraph = await startSubgraphUnderTest(resourcesSubgraph, database);
  networks = await startSubgraphUnderTest(networksSubgraph, database);
  await seedResourcesDemo(subgraph.db);
  await seedNetworksDemo(networks.db);
  countsAfterFirstRun = await countAll();
});

afterAll(async () => {
  await subgraph?.stop();
  await networks?.stop();
  await database?.stop();
});

describe("resources demo data", () => {
  it("fills every collection", () => {
    for (const name of COLLECTIONS) expect(countsAfterFirstRun[name]).toBeGreaterThan(0);
  });

  it("changes nothing when seeded a second time", async () => {
    const before = await subgraph.db.collection("share_requests").find().sort({ _id: 1 }).toArray();
    await seedResourcesDemo(subgraph.db);
    expect(await countAll()).toEqual(countsAfterFirstRun);
    expect(await subgraph.db.collection("share_requests").find().sort({ _id: 1 }).toArray()).toEqual(before);
  });

  it("refers only to schools, networks and organizations of the networks demo data", async () => {
    const ids = async (collection: string) => new Set((await networks.db.collection(collection).find({}, { projection: { _id: 1 } }).toArray()).map((doc) => String(doc._id)));
    const schools = await ids("schools");
    const networkIds = await ids("networks");
    const organizations = await ids("organizations");
    // a school publishes through a network it belongs (or belonged) to
    const memberships = new Set((await networks.db.collection("memberships").find().toArray()).map((m) => `${m.schoolId}:${m.networkId}`));
    for (const resource of await subgraph.db.collection("resources").find().toArray()) {
      const { networkId, schoolId } = resource.owner;
      expect({ resource: resource.title, network: networkIds.has(networkId) }).toEqual({ resource: resource.title, network: true });
      if (schoolId) expect({ resource: resource.title, member: memberships.has(`${schoolId}:${networkId}`) }).toEqual({ resource: resource.title, member: true });
      expect(resource.networkIds[0]).toBe(networkId);
      for (const id of resource.coDeveloperSchoolIds) expect({ resource: resource.title, coDeveloper: schools.has(id) }).toEqual({ resource: resource.title, coDeveloper: true });
      for (const id of resource.networkIds) expect({ resource: resource.title, network: networkIds.has(id) }).toEqual({ resource: resource.title, network: true });
      for (const id of [...resource.coDeveloperNetworkIds, ...resource.proposedCoDeveloperNetworkIds]) expect({ resource: resource.title, credited: networkIds.has(id) }).toEqual({ resource: resource.title, credited: true });
      for (const id of resource.proposedCoDeveloperSchoolIds) expect({ resource: resource.title, credited: schools.has(id) }).toEqual({ resource: resource.title, credited: true });
      if (resource.adaptedFromId) {
        // an adaptation names a demo original and carries a copy of its owner, as publishResource stores it
        const original = await subgraph.db.collection("resources").findOne({ _id: resource.adaptedFromId });
        expect({ resource: resource.title, originalOwner: resource.adaptedFromOwner }).toEqual({ resource: resource.title, originalOwner: original?.owner });
      }
    }
    for (const adoption of await subgraph.db.collection("adoptions").find().toArray()) expect(schools.has(adoption.schoolId)).toBe(true);
    for (const request of await subgraph.db.collection("share_requests").find().toArray()) expect(schools.has(request.requesterSchoolId)).toBe(true);
    for (const award of await subgraph.db.collection("funding_awards").find().toArray()) {
      expect(award.owner).toEqual({ networkId: expect.any(String), schoolId: null });
      expect(networkIds.has(award.owner.networkId)).toBe(true);
      if (award.funderOrganizationId) expect(organizations.has(award.funderOrganizationId)).toBe(true);
    }
  });

  it("has records at every visibility level, adoptions that follow their resource, and private share requests", async () => {
    const resources = await subgraph.db.collection("resources").find().toArray();
    const levels = (docs: any[]) => new Set(docs.map((doc) => doc.visibility));
    expect(levels(resources)).toEqual(new Set(LEVELS));
    expect(levels(resources.filter((doc) => doc.owner.schoolId))).toEqual(new Set(LEVELS));
    expect(levels(await subgraph.db.collection("funding_awards").find().toArray())).toEqual(new Set(LEVELS));
    const byId = new Map(resources.map((doc) => [String(doc._id), doc]));
    for (const adoption of await subgraph.db.collection("adoptions").find().toArray()) {
      const resource = byId.get(adoption.resourceId)!;
      expect({ owner: adoption.owner, visibility: adoption.visibility }).toEqual({ owner: resource.owner, visibility: resource.visibility });
    }
    for (const request of await subgraph.db.collection("share_requests").find().toArray()) {
      expect({ owner: request.owner, visibility: request.visibility }).toEqual({ owner: byId.get(request.resourceId)!.owner, visibility: "PRIVATE" });
    }
  });

  it("shows anonymous callers the public records only, and a network's coordinators its own", async () => {
    const QUERY = `{ resources(first: 100) { totalCount edges { node { visibility } } } fundingAwards(first: 100) { totalCount edges { node { visibility } } } }`;
    const anonymous = await subgraph.execute(QUERY, {}, ANONYMOUS_ACCESS);
    const publicResources = await subgraph.db.collection("resources").countDocuments({ visibility: "PUBLIC" });
    expect(anonymous.data.resources.totalCount).toBe(publicResources);
    expect(new Set(anonymous.data.resources.edges.map((edge: any) => edge.node.visibility))).toEqual(new Set(["PUBLIC"]));
    expect(new Set(anonymous.data.fundingAwards.edges.map((edge: any) => edge.node.visibility))).toEqual(new Set(["PUBLIC"]));
    const coordinator = await subgraph.execute(QUERY, {}, everyNetwork);
    // everything but the PRIVATE records of schools
    const hidden = await subgraph.db.collection("resources").countDocuments({ visibility: "PRIVATE", "owner.schoolId": { $ne: null } });
    expect(hidden).toBeGreaterThan(0);
    expect(coordinator.data.resources.totalCount).toBe((await subgraph.db.collection("resources").countDocuments()) - hidden);
    expect(coordinator.data.fundingAwards.totalCount).toBe(await subgraph.db.collection("funding_awards").countDocuments());
  });

  it("follows the subgraph's rules: no school adopts or asks for what it developed", async () => {
    const resources = new Map((await subgraph.db.collection("resources").find().toArray()).map((doc) => [String(doc._id), doc]));
    const developers = (id: string) => {
      const resource = resources.get(id)!;
      return [...resource.coDeveloperSchoolIds, ...(resource.owner.schoolId ? [resource.owner.schoolId] : [])];
    };
    for (const adoption of await subgraph.db.collection("adoptions").find().toArray()) expect(developers(adoption.resourceId)).not.toContain(adoption.schoolId);
    for (const request of await subgraph.db.collection("share_requests").find().toArray()) {
      expect(developers(request.resourceId)).not.toContain(request.requesterSchoolId);
    }
  });

  it("tells seed 002's joint practice development: a practice adapted over two generations, its original's owner seeing every version", async () => {
    const staffOfFederalHocking = personAccess({ schoolIds: [DemoSchools.federalHocking], memberNetworkIds: [DemoNetworks.cesMentorSchools, DemoNetworks.cebeStrategicNetworking] });
    const QUERY = `query($id: ID!) { resource(id: $id) { adaptations { edges { node { id lineage { id } adaptations { edges { node { id lineage { id } } } } } } } } }`;
    const result = await subgraph.execute(QUERY, { id: DemoResources.studentWorkProtocol }, staffOfFederalHocking);
    expect(result.errors).toBeUndefined();
    const adaptations = result.data.resource.adaptations.edges.map((edge: any) => edge.node);
    expect(adaptations.map((node: any) => node.id).sort()).toEqual([DemoResources.northfieldJointPracticeProtocol, DemoResources.prairieRidgePilotNotes].sort());
    const northfield = adaptations.find((node: any) => node.id === DemoResources.northfieldJointPracticeProtocol);
    expect(northfield.adaptations.edges.map((edge: any) => edge.node)).toEqual([
      { id: DemoResources.aurinkorinnePhenomenonProtocol, lineage: [{ id: DemoResources.northfieldJointPracticeProtocol }, { id: DemoResources.studentWorkProtocol }] },
    ]);
    const anonymous = await subgraph.execute(QUERY, { id: DemoResources.studentWorkProtocol }, ANONYMOUS_ACCESS);
    expect(anonymous.data.resource.adaptations.edges).toEqual([]);
  });

  it("tells the seeds' stories through the API", async () => {
    const result = await subgraph.execute(
      `query($parker: ID!, $leominster: ID!, $nwRise: ID!, $cities: ID!, $nsi: ID!) {
        parker: resource(id: $parker) { title kind adoptions { edges { node { school { id } adaptationNote } } } }
        nwRise: resources(networkId: $nwRise, kinds: [CURRICULUM, SHARED_STAFF]) { edges { node { id kind } } }
        search: searchResources(text: "protocols looking at student work", lowestGrade: 9, highestGrade: 12, first: 5) { edges { node { id } } }
        _entities(representations: [{ __typename: "School", id: $leominster }, { __typename: "Network", id: $cities }, { __typename: "Network", id: $nsi }]) {
          ... on School { resourceAdoptions { edges { node { resource { id } } } } }
          ... on Network { fundingTotals { currency amount } fundingAwards { edges { node { kind amount startDate } } } }
        }
      }`,
      { parker: DemoResources.parkerAdvisoryGuide, leominster: DemoSchools.leominster, nwRise: DemoNetworks.nwRise, cities: DemoNetworks.nycSchoolLeaders, nsi: DemoNetworks.graduationImprovement },
      everyNetwork,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.parker.adoptions.edges[0].node).toMatchObject({ school: { id: DemoSchools.leominster }, adaptationNote: expect.stringMatching(/in-service/) });
    expect(result.data.nwRise.edges.map((edge: any) => edge.node.id)).toEqual(
      expect.arrayContaining([DemoResources.nwRiseAppliedLearning, DemoResources.sharedCounselors]),
    );
    expect(result.data.search.edges[0].node.id).toBe(DemoResources.studentWorkProtocol);
    expect(result.data._entities[0].resourceAdoptions.edges.map((edge: any) => edge.node.resource.id)).toEqual([DemoResources.parkerAdvisoryGuide, DemoResources.consortiumPerformanceTasks]);
    // CEI-PEA's networks: "private funding and government grants in excess of $24 million", "more than $1 million a year" in kind
    const awards = [...result.data._entities[1].fundingAwards.edges, ...result.data._entities[2].fundingAwards.edges].map((edge: any) => edge.node);
    const grants = awards.filter((award: any) => award.kind !== "IN_KIND").reduce((sum: number, award: any) => sum + award.amount, 0);
    expect(grants).toBeGreaterThan(24_000_000);
    for (const award of awards.filter((award: any) => award.kind === "IN_KIND")) expect(award.amount).toBeGreaterThan(1_000_000);
    expect(result.data._entities[1].fundingTotals).toEqual([{ currency: "USD", amount: expect.any(Number) }]);
  });
});
