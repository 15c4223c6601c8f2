import { createRepositories } from "../../subgraphs/development/repositories";
import { createServices } from "../../subgraphs/development/context";
import { DevelopmentOwnerKind, EventFormat, EventKind, EventRegistrantKind, MentorshipActivityDirection, MentorshipActivityKind, NeedPriority, PeerReviewFindingsAccess } from "../../subgraphs/development/enums";
import { Visibility } from "../../subgraphs/kit";
import { daysFromToday, someId, startDevelopmentFixture, writer, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
let services: ReturnType<typeof createServices>;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
  services = createServices(createRepositories(fixture.subgraph.db));
});
afterAll(() => fixture.stop());

/** Runs `task` for 0..count-1, a few at a time. */
async function times(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += 20) await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, j) => task(i + j)));
}

/** A network with `size` schools, each with every kind of development record (built through the services). */
async function networkWithSchools(size: number): Promise<{ networkId: string; schoolIds: string[]; educatorIds: string[] }> {
  const networkId = someId();
  const schoolIds = Array.from({ length: size }, someId);
  const educatorIds = Array.from({ length: size }, someId);
  const area = (i: number) => `focus ${i % 7}`;
  await times(size, async (i) => {
    const schoolId = schoolIds[i];
    const partner = schoolIds[(i + 1) % size];
    const event = await services.events.create(writer, {
      title: `Event ${i}`,
      kind: EventKind.WORKSHOP,
      host: { kind: DevelopmentOwnerKind.SCHOOL, id: schoolId },
      networkIds: [networkId],
      startDate: daysFromToday(5 + i),
      endDate: null,
      format: EventFormat.ONLINE,
      onlineUrl: "https://example.org",
      venue: null,
      focusAreas: [area(i)],
      capacity: 5,
      visibility: Visibility.PUBLIC,
    });
    await services.registrations.register(writer, {
      eventId: event.id,
      registrantKind: EventRegistrantKind.EDUCATOR,
      educatorId: educatorIds[i],
      schoolId,
      seats: 1,
    });
    await services.needs.record(writer, { schoolId, networkIds: [networkId], focusArea: area(i), priority: NeedPriority.HIGH, visibility: Visibility.NETWORK });
    await services.mentorships.setCapacity(writer, schoolId, 2);
    const mentorship = await services.mentorships.start(writer, {
      mentorSchoolId: schoolId,
      partnerSchoolId: partner,
      networkId,
      focusAreas: ["advisories"],
      startDate: daysFromToday(-30),
      visibility: Visibility.NETWORK,
    });
    await services.mentorships.logActivity(writer, mentorship.id, {
      kind: MentorshipActivityKind.VISIT,
      direction: MentorshipActivityDirection.MENTOR_TO_PARTNER,
      date: daysFromToday(-1),
      summary: "Visit",
    });
    await services.peerReviews.plan(writer, {
      hostSchoolId: schoolId,
      networkId,
      title: `Review ${i}`,
      focusQuestions: ["What works?"],
      startDate: daysFromToday(-3),
      endDate: daysFromToday(-1),
      visitingTeam: [{ schoolId: partner, educatorId: educatorIds[(i + 1) % size] }],
      findingsAccess: PeerReviewFindingsAccess.REVIEW_TEAM,
      visibility: Visibility.NETWORK,
    });
    await services.learningCommunities.form(writer, {
      name: `Community ${i}`,
      jobAlike: "Teachers",
      owner: { kind: DevelopmentOwnerKind.NETWORK, id: networkId },
      focusAreas: [],
      members: [{ schoolId, educatorId: educatorIds[i], role: "MEMBER" as never }],
      visibility: Visibility.NETWORK,
    });
    await services.improvementCycles.start(writer, {
      title: `Cycle ${i}`,
      owner: { kind: DevelopmentOwnerKind.SCHOOL, id: schoolId },
      networkId,
      schoolIds: [],
      aim: "Raise the graduation rate",
      measures: [],
      visibility: Visibility.NETWORK,
    });
  });
  return { networkId, schoolIds, educatorIds };
}

/** A connection's selection: its count and nodes with `fields`. */
const page = (fields: string, args = "") => `${args ? `(${args})` : ""} { totalCount edges { node { ${fields} } } }`;

const SCHOOLS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on School {
    id
    events${page(`title seatsLeft host { kind } networks { id } registrations${page("status waitlistPosition educator { id } event { title }")}`)}
    eventRegistrations${page("status event { title }")}
    needs${page("focusArea networks { id }")}
    mentorships${page(`partnerSchool { id } activities${page("date mentorship { id }", "first: 3")}`)}
    mentorCapacity { remaining activePartners }
    peerReviews${page("role mayReadFindings review { title visitingTeam { school { id } } }")}
    learningCommunities${page(`name memberCount schools { edges { node { id } } } members${page("educator { id } community { name }")}`)}
    improvementCycles${page("title previousCycle { id }")}
  }
  ... on Educator { id eventRegistrations${page("status")} learningCommunities${page("name")} peerReviews${page("title")} }
} }`;

const NETWORK = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Network {
  events${page(`title registrations${page("status")}`)}
  commonNeeds${page(`focusArea schoolCount schools { edges { node { id } } } upcomingEvents${page("title seatsLeft", "first: 20")}`, "first: 50")}
  mentorships${page(`mentorSchool { id } activities${page("date")}`)}
  peerReviews${page("title")}
  learningCommunities${page(`name members${page("school { id }")}`)}
  improvementCycles${page("title")}
} } }`;

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

/**
 * What a query may cost whatever the number of parents: each nested connection one command for its pages
 * and one for its counts (all parents at once), plus one per batched lookup it needs besides (`extra`).
 */
const budget = (query: string, extra: number) => 2 * (query.match(/totalCount/g) ?? []).length + extra;

describe("N+1 is designed out", () => {
  let small: Awaited<ReturnType<typeof networkWithSchools>>;
  let large: typeof small;
  beforeAll(async () => {
    small = await networkWithSchools(10);
    large = await networkWithSchools(100);
  }, 120_000);

  it("sends the same number of database commands for 10 and for 100 schools and educators", async () => {
    const counts: number[] = [];
    for (const { schoolIds, educatorIds } of [small, large]) {
      const reps = [...schoolIds.map((id) => ({ __typename: "School", id })), ...educatorIds.map((id) => ({ __typename: "Educator", id }))];
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(SCHOOLS, { reps });
      expect(result.errors).toBeUndefined();
      const first = result.data!._entities[0];
      expect(nodes(first.events)).toHaveLength(1);
      expect(nodes(first.events)[0].registrations.totalCount).toBe(1);
      expect(first.mentorships.totalCount).toBe(2);
      expect(nodes(first.peerReviews).map((entry: any) => entry.role).sort()).toEqual(["HOST", "VISITOR"]);
      expect(nodes(first.learningCommunities)).toHaveLength(1);
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
    // lookups: the memberships behind School's and Educator's communities, events, mentorships and communities
    // by id, mentor capacities and the active mentorships counted for them, current members, waitlists
    expect(counts[0]).toBeLessThanOrEqual(budget(SCHOOLS, 9));
  });

  it("sends the same number of commands for a network with 10 and with 100 events, needs and schools", async () => {
    const counts: number[] = [];
    for (const { networkId } of [small, large]) {
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(NETWORK, { reps: [{ __typename: "Network", id: networkId }] });
      expect(result.errors).toBeUndefined();
      const network = result.data!._entities[0];
      expect(network.commonNeeds.totalCount).toBe(7);
      expect(nodes(network.commonNeeds)[0].upcomingEvents.totalCount).toBeGreaterThan(0);
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
    // lookups: the open needs the ranking is computed from
    expect(counts[0]).toBeLessThanOrEqual(budget(NETWORK, 1));
  });
});
