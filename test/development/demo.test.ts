import { DemoDevelopment, seedDevelopmentDemo } from "../../scripts/demo/development";
import { DemoNetworks, DemoSchools } from "../../scripts/demo/ids";
import { seedNetworksDemo } from "../../scripts/demo/networks";
import { developmentSubgraph } from "../../subgraphs/development";
import { networksSubgraph } from "../../subgraphs/networks";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";
import { personAccess } from "../support/access";

/** A coordinator of every demo network: reads the networks' own records, and what their schools share with them. */
const member = personAccess({ managedNetworkIds: Object.values(DemoNetworks), memberNetworkIds: Object.values(DemoNetworks) });

const COLLECTIONS = [
  "events",
  "event_registrations",
  "needs",
  "peer_reviews",
  "mentorships",
  "mentorship_activities",
  "mentor_capacities",
  "learning_communities",
  "learning_community_members",
  "improvement_cycles",
];

let database: TestDatabase;
let subgraph: SubgraphUnderTest;
let networks: SubgraphUnderTest;
let countsAfterFirstRun: Record<string, number>;

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTIONS) counts[name] = await subgraph.db.collection(name).countDocuments();
  return counts;
}

async function must(query: string, variables: Record<string, unknown> = {}) {
  const result = await subgraph.execute(query, variables, member);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

beforeAll(async () => {
  database = await startTestDatabase();
  // fresh databases with the subgraphs' unique indexes, so seeding also proves it respects them
  subgraph = await startSubgraphUnderTest(developmentSubgraph, database);
  networks = await startSubgraphUnderTest(networksSubgraph, database);
  await seedDevelopmentDemo(subgraph.db);
  await seedNetworksDemo(networks.db);
  countsAfterFirstRun = await countAll();
});

afterAll(async () => {
  await subgraph?.stop();
  await networks?.stop();
  await database?.stop();
});

describe("development demo data", () => {
  it("fills every collection and changes nothing when seeded a second time", async () => {
    for (const name of COLLECTIONS) expect(countsAfterFirstRun[name]).toBeGreaterThan(0);
    const before = await subgraph.db.collection("events").find().sort({ _id: 1 }).toArray();
    await seedDevelopmentDemo(subgraph.db);
    expect(await countAll()).toEqual(countsAfterFirstRun);
    expect(await subgraph.db.collection("events").find().sort({ _id: 1 }).toArray()).toEqual(before);
  });

  it("gives every type with visibility records at each level, so that answers differ by caller", async () => {
    const ALL = ["ALLIANCE", "NETWORK", "PRIVATE", "PUBLIC"];
    const expected: Record<string, string[]> = {
      events: ALL,
      needs: ALL,
      learning_communities: ALL,
      mentorships: ["ALLIANCE", "PRIVATE", "PUBLIC"],
      improvement_cycles: ["ALLIANCE", "PRIVATE", "PUBLIC"],
      peer_reviews: ["ALLIANCE"],
    };
    for (const [name, levels] of Object.entries(expected)) {
      expect({ name, levels: (await subgraph.db.collection(name).distinct("visibility")).sort() }).toEqual({ name, levels });
    }
  });

  it("refers only to schools, networks and educators the networks demo data creates", async () => {
    const ids = { schools: new Set<string>(), networks: new Set<string>(), educators: new Set<string>() };
    const add = (set: Set<string>, id: unknown) => typeof id === "string" && set.add(id);
    const all = async (name: string) => subgraph.db.collection(name).find().toArray();
    for (const event of await all("events")) {
      event.networkIds.forEach((id: string) => add(ids.networks, id));
      add(event.owner.kind === "SCHOOL" ? ids.schools : ids.networks, event.owner.id);
    }
    for (const registration of await all("event_registrations")) {
      add(ids.schools, registration.schoolId);
      add(ids.educators, registration.educatorId);
    }
    for (const need of await all("needs")) {
      add(ids.schools, need.schoolId);
      need.networkIds.forEach((id: string) => add(ids.networks, id));
    }
    for (const review of await all("peer_reviews")) {
      add(ids.schools, review.hostSchoolId);
      add(ids.networks, review.networkId);
      review.visitingTeam.forEach((member: any) => (add(ids.schools, member.schoolId), add(ids.educators, member.educatorId)));
    }
    for (const mentorship of await all("mentorships")) {
      [mentorship.mentorSchoolId, mentorship.partnerSchoolId].forEach((id) => add(ids.schools, id));
      add(ids.networks, mentorship.networkId);
    }
    for (const member of await all("learning_community_members")) {
      add(ids.schools, member.schoolId);
      add(ids.educators, member.educatorId);
    }
    for (const cycle of await all("improvement_cycles")) {
      cycle.schoolIds.forEach((id: string) => add(ids.schools, id));
      add(ids.networks, cycle.networkId);
    }
    for (const [collection, wanted] of [["schools", ids.schools], ["networks", ids.networks], ["educators", ids.educators]] as const) {
      const found = await networks.db.collection(collection).countDocuments({ _id: { $in: [...wanted] as never[] } });
      expect({ collection, found }).toEqual({ collection, found: wanted.size });
    }
  });

  it("keeps event counters and mentor capacities in step with the records", async () => {
    for (const event of await subgraph.db.collection("events").find().toArray()) {
      const registrations = await subgraph.db.collection("event_registrations").find({ eventId: event._id }).toArray();
      const confirmed = registrations.filter((r) => r.status === "CONFIRMED");
      expect(event.confirmedSeats).toBe(confirmed.reduce((sum, r) => sum + r.seats, 0));
      expect(event.seatsLeft).toBe(event.capacity - event.confirmedSeats);
      expect(event.waitlistCount).toBe(registrations.filter((r) => r.status === "WAITLISTED").length);
    }
    for (const capacity of await subgraph.db.collection("mentor_capacities").find().toArray()) {
      const active = await subgraph.db.collection("mentorships").countDocuments({ mentorSchoolId: capacity.schoolId, status: "ACTIVE" });
      expect(capacity).toMatchObject({ activeCount: active, openSlots: capacity.capacity - active });
    }
  });

  it("tells the seeds' stories: the Parker-Leominster partnership, and how North Star and Quest ended", async () => {
    const data = await must(
      `query($a: ID!, $b: ID!) {
        a: mentorship(id: $a) { status focusAreas activities(first: 100) { totalCount edges { node { kind summary participantCount } } } }
        b: mentorship(id: $b) { status endReason endDate partnerSchool { id } }
      }`,
      { a: DemoDevelopment.parkerLeominster, b: DemoDevelopment.questNorthStar },
    );
    expect(data.a.status).toBe("ACTIVE");
    expect(data.a.activities.totalCount).toBe(data.a.activities.edges.length);
    expect(data.a.activities.edges.at(-1).node).toMatchObject({ kind: "WORKSHOP", participantCount: 10 });
    expect(data.b).toEqual({ status: "ENDED", endReason: "FUNDING_ENDED", endDate: "2003-06-30", partnerSchool: { id: DemoSchools.northStar } });
    const review = await must(`query($id: ID!) { peerReview(id: $id) { startDate endDate status visitingSchools { id } hostSchool { id } } }`, {
      id: DemoDevelopment.fannieLouHamerReview,
    });
    expect(review.peerReview).toMatchObject({ startDate: "2003-05-12", endDate: "2003-05-16", status: "COMPLETED", hostSchool: { id: DemoSchools.fannieLouHamer } });
    expect(review.peerReview.visitingSchools).toHaveLength(5);
    const jobAlike = await must(`query($n: ID!) { learningCommunities(networkId: $n, first: 10) { totalCount } }`, { n: DemoNetworks.nwRise });
    expect(jobAlike.learningCommunities.totalCount).toBe(3);
  });

  it("gives the CEI-PEA network ranked common needs with upcoming events, one full", async () => {
    const data = await must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Network { commonNeeds(first: 3) { edges { node { focusArea schoolCount upcomingEvents { edges { node { title seatsLeft waitlistCount } } } } } } } } }`,
      { reps: [{ __typename: "Network", id: DemoNetworks.nycSchoolLeaders }] },
    );
    const needs = data._entities[0].commonNeeds.edges.map((edge: any) => ({ ...edge.node, upcomingEvents: edge.node.upcomingEvents.edges.map((e: any) => e.node) }));
    expect(needs.map((need: any) => [need.focusArea, need.schoolCount])).toEqual([
      ["Literacy", 5],
      ["Technology integration", 4],
      ["English language learners", 3],
    ]);
    expect(needs[0].upcomingEvents.map((event: any) => [event.seatsLeft, event.waitlistCount])).toEqual([
      [0, 2],
      [14, 0],
    ]);
  });
});
