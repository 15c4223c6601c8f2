import { newId } from "../../subgraphs/kit";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { DemoDevelopment } from "../../scripts/demo/development";
import { demoId, DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

/*
 * DOMAIN.md's questions through the gateway, asked by different callers: the answers differ exactly as
 * the visibility rules say (README "Security model", subgraphs/development/README.md "Access").
 */

type Caller = "anonymous" | { personId: string; organizationId: string; roles: PersonRole[] };

const ceiPeaCoordinator: Caller = {
  personId: "harvey",
  organizationId: DemoOrganizations.ceiPea,
  roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
};
const fannieLouHamerStaff: Caller = { personId: "nancy", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "STAFF", schoolId: DemoSchools.fannieLouHamer }] };
const landmarkStaff: Caller = { personId: "vivian", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "STAFF", schoolId: DemoSchools.landmark }] };
const ms538 = demoId("school:ms-538-crotona-middle-inquiry");
const ms538Staff: Caller = { personId: "ms538", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "STAFF", schoolId: ms538 }] };
const parkerStaff: Caller = { personId: "teri", organizationId: DemoOrganizations.cesNational, roles: [{ role: "STAFF", schoolId: DemoSchools.parker }] };
const questStaff: Caller = { personId: "quest", organizationId: DemoOrganizations.cesNational, roles: [{ role: "STAFF", schoolId: DemoSchools.quest }] };
const cesCoordinator: Caller = {
  personId: "ces",
  organizationId: DemoOrganizations.cesNational,
  roles: [{ role: "COORDINATOR", networkId: DemoNetworks.cesMentorSchools }],
};

async function headers(caller: Caller): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  return { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, caller)}` };
}

/** The nodes of a connection page. */
const nodes = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((edge) => edge.node);

async function ask(caller: Caller, text: string, variables: Record<string, unknown> = {}) {
  const result = await hub.query(text, variables, await headers(caller));
  expect(result.errors).toBeUndefined();
  return result.data;
}

const COMMON_NEEDS = `query($id: ID!, $first: Int) { network(id: $id) {
  name
  commonNeeds(first: $first) { edges { node {
    focusArea schoolCount schools { edges { node { name } } }
    upcomingEvents { edges { node { title startDate seatsLeft waitlistCount isFull visibility host { kind network { name } school { name } } } } }
  } } }
} }`;

/** A network's common needs, each with its upcoming events, as lists. */
const needsOf = (data: any) => nodes(data.network.commonNeeds).map((need: any) => ({ ...need, upcomingEvents: nodes(need.upcomingEvents) }));

describe("the gateway over HTTP, development subgraph (demo data)", () => {
  it("question 3: a network's common needs, ranked, and the upcoming events that address them with seats left (its coordinator)", async () => {
    const data = await ask(ceiPeaCoordinator, COMMON_NEEDS, { id: DemoNetworks.nycSchoolLeaders, first: 3 });
    const { name } = data.network;
    const commonNeeds = needsOf(data);
    expect(name).toMatch(/CEI-PEA/);
    expect(commonNeeds.map((need: any) => [need.focusArea, need.schoolCount])).toEqual([
      ["Literacy", 5],
      ["Technology integration", 4],
      ["English language learners", 3],
    ]);
    // school names come from the networks subgraph
    expect(nodes(commonNeeds[0].schools).map((school: any) => school.name)).toContain("Fannie Lou Hamer Freedom High School");
    const literacyEvents = commonNeeds[0].upcomingEvents;
    expect(literacyEvents.map((event: any) => event.startDate)).toEqual([...literacyEvents.map((event: any) => event.startDate)].sort());
    expect(literacyEvents[0]).toMatchObject({ seatsLeft: 0, waitlistCount: 2, isFull: true, host: { kind: "NETWORK", network: { name } } });
    expect(literacyEvents[1]).toMatchObject({ seatsLeft: 14, isFull: false, host: { kind: "SCHOOL", school: { name: "Fannie Lou Hamer Freedom High School" } } });
    // the webinar is shared with the network's alliance: its members see it
    expect(commonNeeds[2].upcomingEvents.map((event: any) => [event.title, event.visibility])).toEqual([["Meeting the needs of English language learners", "ALLIANCE"]]);
  });

  it("question 3 differs by caller: anonymous callers count only public needs and see only public events", async () => {
    const data = await ask("anonymous", COMMON_NEEDS, { id: DemoNetworks.nycSchoolLeaders, first: 10 });
    const commonNeeds = needsOf(data);
    expect(commonNeeds.map((need: any) => [need.focusArea, need.schoolCount])).toEqual([
      ["Literacy", 2],
      ["English language learners", 1],
      ["Technology integration", 1],
    ]);
    expect(commonNeeds[0].upcomingEvents).toHaveLength(2);
    expect(commonNeeds[1].upcomingEvents).toEqual([]);
    // a school's private need counts for its own staff only, not even for the network's coordinator
    const areas = async (caller: Caller) =>
      needsOf(await ask(caller, COMMON_NEEDS, { id: DemoNetworks.nycSchoolLeaders, first: 10 })).map((need: any) => need.focusArea);
    expect(await areas(ms538Staff)).toContain("Students with disabilities");
    expect(await areas(ceiPeaCoordinator)).not.toContain("Students with disabilities");
  });

  it("shares needs across an alliance exactly when its agreement covers needs", async () => {
    const rural = async (caller: Caller) =>
      nodes((await ask(caller, `query($id: ID!) { network(id: $id) { commonNeeds { edges { node { focusArea schoolCount } } } } }`, { id: DemoNetworks.nwRise })).network.commonNeeds).find(
        (need: any) => need.focusArea === "Rural student engagement",
      );
    // CEI-PEA's networks are in the Strategic Networking alliance with NW RISE, which shares needs
    expect(await rural(ceiPeaCoordinator)).toEqual({ focusArea: "Rural student engagement", schoolCount: 4 });
    // the Essential Schools alliance does not share needs, and NW RISE is not in it
    expect(await rural(cesCoordinator)).toBeUndefined();
    expect(await rural("anonymous")).toBeUndefined();
  });

  it("question 4: a mentor school's current partners, remaining capacity and last visits, as each caller may see them", async () => {
    const QUERY = `query($parker: ID!, $quest: ID!) {
      parker: school(id: $parker) {
        name
        mentorCapacity { capacity activePartners remaining }
        mentorships(role: MENTOR, status: ACTIVE) { edges { node { partnerSchool { name location { city region } } focusAreas startDate activities(first: 2) { edges { node { date kind summary } } } } } }
      }
      quest: school(id: $quest) {
        mentorCapacity { activePartners remaining acceptingPartners }
        mentorships(role: MENTOR) { totalCount edges { node { status visibility partnerSchool { name } endReason endNote } } }
      }
    }`;
    const variables = { parker: DemoSchools.parker, quest: DemoSchools.quest };
    // the Parker-Leominster partnership is public, and so is a mentor school's stated capacity
    const anonymous = await ask("anonymous", QUERY, variables);
    expect(anonymous.parker.mentorCapacity).toEqual({ capacity: 3, activePartners: 1, remaining: 2 });
    expect(nodes(anonymous.parker.mentorships)).toHaveLength(1);
    const [leominster] = nodes(anonymous.parker.mentorships);
    expect(leominster.partnerSchool).toEqual({ name: "Leominster High School", location: { city: "Leominster", region: "MA" } });
    const visits = nodes(leominster.activities);
    expect(visits).toHaveLength(2);
    expect(visits[0].date > visits[1].date).toBe(true);
    // Quest's active mentorship is not public: its counts do not reveal it, only that Quest takes partners
    expect(anonymous.quest).toEqual({ mentorCapacity: { activePartners: 0, remaining: null, acceptingPartners: true }, mentorships: { totalCount: 0, edges: [] } });

    // the CES mentor schools' coordinator sees the Quest-North Star story (shared with the alliance)
    const coordinator = await ask(cesCoordinator, QUERY, variables);
    expect(coordinator.quest.mentorships.totalCount).toBe(1);
    expect(nodes(coordinator.quest.mentorships)[0]).toMatchObject({ status: "ENDED", visibility: "ALLIANCE", endReason: "FUNDING_ENDED", partnerSchool: { name: "North Star Academy" } });
    expect(nodes(coordinator.quest.mentorships)[0].endNote).toMatch(/CSRD/);
    // Quest's own staff also see the private Humble Ridge partnership
    const staff = await ask(questStaff, QUERY, variables);
    expect(nodes(staff.quest.mentorships).map((m: any) => [m.partnerSchool.name, m.visibility]).sort()).toEqual([
      ["Humble Ridge High School", "PRIVATE"],
      ["North Star Academy", "ALLIANCE"],
    ]);
  });

  // The resources and advocacy parts of the profile (resources, campaigns) belong to those subgraphs' gateway tests.
  const PROFILE = `query($id: ID!) { school(id: $id) {
    name
    memberships { totalCount edges { node { role network { name } } } }
    pathways { edges { node { name } } }
    needs { edges { node { focusArea priority } } }
    mentorships { edges { node { status mentorSchool { name } } } }
    peerReviews(readableOnly: true) { edges { node {
      role
      review { title startDate endDate hostSchool { name } visitingSchools { name } visitingTeam { role educator { name } } }
      findings { kind text }
    } } }
    learningCommunities { edges { node { name members { edges { node { educator { name } school { name } } } } } } }
    events(first: 100) { edges { node { title } } }
    eventRegistrations { edges { node { event { title } } } }
  } }`;

  it("question 6: a school's profile across subgraphs, with the peer reviews it may read (as its staff)", async () => {
    const school = (await ask(fannieLouHamerStaff, PROFILE, { id: DemoSchools.fannieLouHamer })).school;
    expect(school.name).toBe("Fannie Lou Hamer Freedom High School");
    expect(school.memberships.totalCount).toBeGreaterThan(0);
    expect(nodes(school.needs).map((need: any) => need.focusArea).sort()).toEqual(["English language learners", "Literacy"]);
    const [review] = nodes(school.peerReviews);
    expect(review.role).toBe("HOST");
    expect(review.review).toMatchObject({ startDate: "2003-05-12", endDate: "2003-05-16", hostSchool: { name: school.name } });
    expect(review.review.visitingSchools.map((s: any) => s.name)).toContain("Middle College High School at LaGuardia Community College");
    expect(review.review.visitingTeam.map((member: any) => member.educator?.name)).toContain("Cece Cunningham");
    expect(review.findings.length).toBeGreaterThan(0);
    expect(nodes(school.learningCommunities).map((c: any) => c.name)).toContain("Goldman Sachs cluster school leaders");
    expect(nodes(school.events).map((event: any) => event.title)).toContain("Visitation day: literacy in every class at Fannie Lou Hamer");
  });

  it("question 6 differs by caller: an anonymous caller sees the school's public records only", async () => {
    const school = (await ask("anonymous", PROFILE, { id: DemoSchools.fannieLouHamer })).school;
    expect(school.name).toBe("Fannie Lou Hamer Freedom High School");
    expect(nodes(school.needs).map((need: any) => need.focusArea)).toEqual(["Literacy"]);
    expect(nodes(school.peerReviews)).toEqual([]);
    expect(nodes(school.learningCommunities)).toEqual([]);
    expect(nodes(school.events).map((event: any) => event.title)).toContain("Visitation day: literacy in every class at Fannie Lou Hamer");
    // registrations follow their event: the alliance's webinar is not among them
    expect(nodes(school.eventRegistrations).map((r: any) => r.event.title)).not.toContain("Meeting the needs of English language learners");
    const staff = (await ask(fannieLouHamerStaff, PROFILE, { id: DemoSchools.fannieLouHamer })).school;
    expect(nodes(staff.eventRegistrations).map((r: any) => r.event.title)).toContain("Meeting the needs of English language learners");
  });

  it("shows a review's findings only to whom the host shares them with", async () => {
    const REVIEW = `query($id: ID!) { peerReview(id: $id) { title findingsCount findings { kind } } }`;
    const id = DemoDevelopment.fannieLouHamerReview;
    // the visiting team reads them: the host shares them with the team
    const visitor = await ask(landmarkStaff, `query($id: ID!) { school(id: $id) { peerReviews { edges { node { role mayReadFindings findings { kind } } } } } }`, { id: DemoSchools.landmark });
    const [visit, ...others] = nodes(visitor.school.peerReviews);
    expect(others).toHaveLength(0);
    expect(visit).toMatchObject({ role: "VISITOR", mayReadFindings: true });
    expect(visit.findings.length).toBeGreaterThan(0);
    expect((await ask(landmarkStaff, REVIEW, { id })).peerReview.findingsCount).toBe(5);
    // an allied school (the Essential Schools alliance shares peer reviews) learns the review took place, not what it found
    expect((await ask(parkerStaff, REVIEW, { id })).peerReview).toEqual({ title: "Critical friends review of Fannie Lou Hamer Freedom High School", findingsCount: null, findings: null });
    expect((await ask(parkerStaff, `query($id: ID!) { school(id: $id) { peerReviews { totalCount } } }`, { id: DemoSchools.parker })).school.peerReviews).toEqual({ totalCount: 0 });
    // outside the alliance, nothing
    expect((await ask("anonymous", REVIEW, { id })).peerReview).toBeNull();
    expect((await ask(ceiPeaCoordinator, REVIEW, { id })).peerReview).toBeNull();
  });

  it("keeps a network's private event to its coordinators, and counts only what each caller sees", async () => {
    const QUERY = `query($id: ID!) { event(id: $id) { title visibility } events(first: 100) { totalCount edges { node { title } } } }`;
    const id = DemoDevelopment.ceiPeaPlanningDay;
    const coordinator = await ask(ceiPeaCoordinator, QUERY, { id });
    const staff = await ask(fannieLouHamerStaff, QUERY, { id });
    const anonymous = await ask("anonymous", QUERY, { id });
    expect(coordinator.event).toEqual({ title: "Network planning day: next year's workshop calendar", visibility: "PRIVATE" });
    expect(staff.event).toBeNull();
    expect(anonymous.event).toBeNull();
    const titles = (data: any) => data.events.edges.map((edge: any) => edge.node.title);
    expect(titles(coordinator)).toContain("Network planning day: next year's workshop calendar");
    expect(titles(staff)).not.toContain("Network planning day: next year's workshop calendar");
    // the counts agree with the lists: the ALLIANCE webinar and NETWORK retreat count for the network's staff, not for anonymous callers
    for (const data of [coordinator, staff, anonymous]) expect(data.events.totalCount).toBe(titles(data).length);
    expect(titles(staff)).toEqual(expect.arrayContaining(["Meeting the needs of English language learners", "Technology in the classroom: a retreat for school leaders"]));
    expect(titles(anonymous)).not.toContain("Meeting the needs of English language learners");
    expect(titles(anonymous)).not.toContain("Technology in the classroom: a retreat for school leaders");
  });

  it("lets a school's staff register its team, and refuses others", async () => {
    const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { status seats school { name } event { title } } }`;
    const retreat = demoId("event:cei-pea-technology-retreat");
    const input = { eventId: retreat, registrantKind: "SCHOOL", schoolId: DemoSchools.fannieLouHamer, seats: 2 };
    const refused = async (caller: Caller) => (await hub.query(REGISTER, { input }, await headers(caller))).errors?.[0]?.extensions?.code;
    expect(await refused("anonymous")).toBe("UNAUTHENTICATED");
    // another school of the network sees the retreat but does not act for Fannie Lou Hamer
    expect(await refused(ms538Staff)).toBe("FORBIDDEN");
    // outside the network the retreat does not exist
    expect(await refused(parkerStaff)).toBe("BAD_USER_INPUT");
    const registered = await ask(fannieLouHamerStaff, REGISTER, { input });
    expect(registered.registerForEvent).toEqual({
      status: "CONFIRMED",
      seats: 2,
      school: { name: "Fannie Lou Hamer Freedom High School" },
      event: { title: "Technology in the classroom: a retreat for school leaders" },
    });
  });

  it("passes the subgraph's error codes through to the client", async () => {
    const REGISTER = `mutation { registerForEvent(input: { eventId: "${newId()}", registrantKind: SCHOOL, schoolId: "${DemoSchools.fannieLouHamer}" }) { id } }`;
    expect((await hub.query(REGISTER)).errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    const missing = await hub.query(REGISTER, {}, await headers(fannieLouHamerStaff));
    expect(missing.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.eventId" });
    const invalid = await hub.query(`{ events(first: 0) { totalCount } }`);
    expect(invalid.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
