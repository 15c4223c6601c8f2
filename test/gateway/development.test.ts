import { DemoNetworks, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

async function query(text: string, variables: Record<string, unknown> = {}) {
  const result = await hub.query(text, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe("the gateway over HTTP, development subgraph (demo data)", () => {
  it("question 3: a network's common needs, ranked, and the upcoming events that address them with seats left", async () => {
    const data = await query(
      `query($id: ID!) { network(id: $id) {
        name
        commonNeeds(first: 3) {
          focusArea schoolCount schools { name }
          upcomingEvents { title startDate seatsLeft waitlistCount isFull host { kind network { name } school { name } } }
        }
      } }`,
      { id: DemoNetworks.nycSchoolLeaders },
    );
    const { name, commonNeeds } = data.network;
    expect(name).toMatch(/CEI-PEA/);
    expect(commonNeeds.map((need: any) => [need.focusArea, need.schoolCount])).toEqual([
      ["Literacy", 5],
      ["Technology integration", 4],
      ["English language learners", 3],
    ]);
    // school names come from the networks subgraph
    expect(commonNeeds[0].schools.map((school: any) => school.name)).toContain("Fannie Lou Hamer Freedom High School");
    const literacyEvents = commonNeeds[0].upcomingEvents;
    expect(literacyEvents.map((event: any) => event.startDate)).toEqual([...literacyEvents.map((event: any) => event.startDate)].sort());
    expect(literacyEvents[0]).toMatchObject({ seatsLeft: 0, waitlistCount: 2, isFull: true, host: { kind: "NETWORK", network: { name } } });
    expect(literacyEvents[1]).toMatchObject({ seatsLeft: 14, isFull: false, host: { kind: "SCHOOL", school: { name: "Fannie Lou Hamer Freedom High School" } } });
  });

  it("question 4: a mentor school's current partners, remaining capacity and last visits", async () => {
    const data = await query(
      `query($parker: ID!, $quest: ID!) {
        parker: school(id: $parker) {
          name
          mentorCapacity { capacity activePartners remaining }
          mentorships(role: MENTOR) { partnerSchool { name location { city region } } focusAreas startDate activities(latest: 2) { date kind summary } }
        }
        quest: school(id: $quest) {
          mentorCapacity { remaining }
          mentorships(role: MENTOR, includeEnded: true) { status partnerSchool { name } endReason endNote }
        }
      }`,
      { parker: DemoSchools.parker, quest: DemoSchools.quest },
    );
    expect(data.parker.mentorCapacity).toEqual({ capacity: 3, activePartners: 1, remaining: 2 });
    expect(data.parker.mentorships).toHaveLength(1);
    const [leominster] = data.parker.mentorships;
    expect(leominster.partnerSchool).toEqual({ name: "Leominster High School", location: { city: "Leominster", region: "MA" } });
    expect(leominster.activities).toHaveLength(2);
    expect(leominster.activities[0].date > leominster.activities[1].date).toBe(true);
    const northStar = data.quest.mentorships.find((m: any) => m.partnerSchool.name === "North Star Academy");
    expect(northStar).toMatchObject({ status: "ENDED", endReason: "FUNDING_ENDED" });
    expect(northStar.endNote).toMatch(/CSRD/);
    expect(data.quest.mentorCapacity.remaining).toBe(1);
  });

  // The resources and advocacy parts of the profile (resources, campaigns) belong to those subgraphs' gateway tests.
  it("question 6: a school's profile across subgraphs, with the peer reviews it may read", async () => {
    const data = await query(
      `query($id: ID!) { school(id: $id) {
        name
        memberships { role network { name } }
        pathways { name }
        needs { focusArea priority }
        mentorships(includeEnded: true) { status mentorSchool { name } }
        peerReviews(readableOnly: true) {
          role
          review { title startDate endDate hostSchool { name } visitingSchools { name } visitingTeam { role educator { name } } }
          findings { kind text }
        }
        learningCommunities { name members { educator { name } school { name } } }
        events(from: "2000-01-01") { title }
        eventRegistrations { event { title } }
      } }`,
      { id: DemoSchools.fannieLouHamer },
    );
    const school = data.school;
    expect(school.name).toBe("Fannie Lou Hamer Freedom High School");
    expect(school.memberships.length).toBeGreaterThan(0);
    expect(school.needs.map((need: any) => need.focusArea)).toContain("Literacy");
    const [review] = school.peerReviews;
    expect(review.role).toBe("HOST");
    expect(review.review).toMatchObject({ startDate: "2003-05-12", endDate: "2003-05-16", hostSchool: { name: school.name } });
    expect(review.review.visitingSchools.map((s: any) => s.name)).toContain("Middle College High School at LaGuardia Community College");
    expect(review.review.visitingTeam.map((member: any) => member.educator?.name)).toContain("Cece Cunningham");
    expect(review.findings.length).toBeGreaterThan(0);
    expect(school.learningCommunities.map((c: any) => c.name)).toContain("Goldman Sachs cluster school leaders");
    expect(school.events.map((event: any) => event.title)).toContain("Visitation day: literacy in every class at Fannie Lou Hamer");
  });

  it("shows a visiting school the review's findings only because the host shares them with the team", async () => {
    const data = await query(
      `query($visitor: ID!, $outsider: ID!) {
        visitor: school(id: $visitor) { peerReviews { role mayReadFindings findings { kind } } }
        outsider: school(id: $outsider) { peerReviews { role } }
      }`,
      { visitor: DemoSchools.landmark, outsider: DemoSchools.parker },
    );
    expect(data.visitor.peerReviews).toHaveLength(1);
    expect(data.visitor.peerReviews[0]).toMatchObject({ role: "VISITOR", mayReadFindings: true });
    expect(data.outsider.peerReviews).toEqual([]);
  });

  it("passes the subgraph's error codes through to the client", async () => {
    const missing = await hub.query(`mutation { registerForEvent(input: { eventId: "missing", registrantKind: SCHOOL, schoolId: "x" }) { id } }`);
    expect(missing.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.eventId" });
    const invalid = await hub.query(`{ events(first: 0) { totalCount } }`);
    expect(invalid.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
