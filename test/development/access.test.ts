import { ANONYMOUS_ACCESS, newId, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { daysFromToday, errorCode, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

/*
 * Adversarial tests of who sees and changes what in the development subgraph. Organization B owns, in
 * its network NB, one record of each visibility of every type: events, learning communities and
 * improvement cycles owned by the network; needs, peer reviews and mentorships owned by its schools;
 * with their children (registrations, mentorship activities, community memberships). People of
 * organization A, allied networks and B's own people try every path: lookups by id (with aliases and
 * fragments), root lists and their counts, `_entities` of every development type, the fields added to
 * School, Network and Educator, and every mutation. Accesses are built as the gateway would forward them.
 */

let fixture: DevelopmentFixture;
const id = () => newId();

// organization A: network NA with school SA
const orgA = id();
const NA = id();
const SA = id();
// organization B: networks NB (owns the records) and NB2; schools of NB
const orgB = id();
const NB = id();
const NB2 = id();
const SB = id(); // owns the school records
const SB2 = id();
const SB3 = id();
const SB4 = id();
const SR = id(); // registers for events, belongs to communities
const T = id(); // the visiting team's school
const E = id(); // an educator of SR (registrant, community member) and of T (visiting team)
const PARTNERS = { PRIVATE: id(), NETWORK: id(), ALLIANCE: id(), PUBLIC: id() };
// a network of another organization that B offers events to and shares needs with
const NE = id();

// accepted memberships, as the gateway forwards those touching the caller: SA in NA; B's schools in NB
const inNA = [{ schoolId: SA, networkId: NA }];
const inNB = (...schools: string[]) => schools.map((schoolId) => ({ schoolId, networkId: NB }));
const personOfA = personAccess({ personId: "a-teacher", organizationId: orgA, memberNetworkIds: [NA] });
const coordinatorOfA = personAccess({ personId: "a-coordinator", organizationId: orgA, managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: inNA });
const adminOfA = personAccess({ personId: "a-admin", organizationId: orgA, organizationAdmin: true, managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: inNA });
const staffOfSA = personAccess({ personId: "a-staff", organizationId: orgA, schoolIds: [SA], memberNetworkIds: [NA], schoolMemberships: inNA });
const memberOfB = personAccess({ personId: "b-teacher", organizationId: orgB, memberNetworkIds: [NB, NB2] });
const staffOfSB = personAccess({ personId: "b-staff", organizationId: orgB, schoolIds: [SB], memberNetworkIds: [NB, NB2], schoolMemberships: inNB(SB) });
const staffOfBSchools = personAccess({ personId: "b-principals", organizationId: orgB, schoolIds: [SB, SB2, SB3, SB4], memberNetworkIds: [NB, NB2], schoolMemberships: inNB(SB, SB2, SB3, SB4) });
// staff of SR who also coordinates NB, so sees NB's private events too
const staffOfSR = personAccess({ personId: "r-staff", organizationId: orgB, schoolIds: [SR], managedNetworkIds: [NB], memberNetworkIds: [NB, NB2], schoolMemberships: inNB(SB, SB2, SB3, SB4, SR) });
const coordinatorOfB = personAccess({ personId: "b-coordinator", organizationId: orgB, managedNetworkIds: [NB], memberNetworkIds: [NB, NB2], schoolMemberships: inNB(SB, SB2, SB3, SB4, SR) });
const coordinatorOfNB2 = personAccess({ personId: "b2-coordinator", organizationId: orgB, managedNetworkIds: [NB2], memberNetworkIds: [NB, NB2] });
const adminOfB = personAccess({ personId: "b-admin", organizationId: orgB, organizationAdmin: true, managedNetworkIds: [NB, NB2], memberNetworkIds: [NB, NB2], schoolMemberships: inNB(SB, SB2, SB3, SB4, SR) });
const readOnlyKeyOfB: Access = { ...ANONYMOUS_ACCESS, principal: { kind: "API_KEY", keyId: "b-key" }, organizationId: orgB, memberNetworkIds: [NB, NB2] };
const readOnlyCoordinatorOfB: Access = { ...coordinatorOfB, canWrite: false };
const DEVELOPMENT_KINDS = { EVENTS: [NB], NEEDS: [NB], PEER_REVIEWS: [NB], MENTORSHIPS: [NB], IMPROVEMENT_CYCLES: [NB] };
const alliedForDevelopment = personAccess({ personId: "c", organizationId: id(), managedNetworkIds: [id()], alliedNetworkIds: DEVELOPMENT_KINDS });
const alliedForOtherKinds = personAccess({
  personId: "d",
  organizationId: id(),
  alliedNetworkIds: { RESOURCES: [NB], CAMPAIGNS: [NB], SCHOOL_PROFILES: [NB] },
});
const memberOfNE = personAccess({ personId: "e-teacher", organizationId: id(), memberNetworkIds: [NE] });

const VISIBILITIES = ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"] as const;
type Level = (typeof VISIBILITIES)[number];
const ALL: Level[] = [...VISIBILITIES];
const NAP: Level[] = ["NETWORK", "ALLIANCE", "PUBLIC"];
const AP: Level[] = ["ALLIANCE", "PUBLIC"];
const P: Level[] = ["PUBLIC"];

/**
 * Who sees which of B's records: `network` for the records NB owns (events, communities, cycles, and
 * their children), `school` for those SB owns (needs, peer reviews, mentorships, activities). A
 * school's PRIVATE records are its staff's; a network's PRIVATE records its managers'.
 */
const CALLERS: Array<{ name: string; access: Access; network: Level[]; school: Level[] }> = [
  { name: "anonymous", access: ANONYMOUS_ACCESS, network: P, school: P },
  { name: "a person of organization A", access: personOfA, network: P, school: P },
  { name: "a coordinator in organization A", access: coordinatorOfA, network: P, school: P },
  { name: "an admin of organization A", access: adminOfA, network: P, school: P },
  { name: "staff of a school of organization A", access: staffOfSA, network: P, school: P },
  { name: "a network allied with NB by an agreement without development kinds", access: alliedForOtherKinds, network: P, school: P },
  { name: "a network allied with NB by an agreement sharing development kinds", access: alliedForDevelopment, network: AP, school: AP },
  { name: "a member of B's networks", access: memberOfB, network: NAP, school: NAP },
  { name: "a read-only API key of organization B", access: readOnlyKeyOfB, network: NAP, school: NAP },
  { name: "a coordinator of B's other network", access: coordinatorOfNB2, network: NAP, school: NAP },
  { name: "staff of the owning school", access: staffOfSB, network: NAP, school: ALL },
  { name: "a coordinator of the owning network", access: coordinatorOfB, network: ALL, school: NAP },
  { name: "an admin of organization B", access: adminOfB, network: ALL, school: NAP },
];

type Kind = "event" | "learningCommunity" | "improvementCycle" | "need" | "peerReview" | "mentorship";
const records = Object.fromEntries(
  ["event", "learningCommunity", "improvementCycle", "need", "peerReview", "mentorship", "registration", "educatorRegistration", "activity"].map(
    (kind) => [kind, {} as Record<Level, string>],
  ),
) as Record<Kind | "registration" | "educatorRegistration" | "activity", Record<Level, string>>;
const NEED_SCHOOLS: Record<Level, string> = { PRIVATE: SB, NETWORK: SB2, ALLIANCE: SB3, PUBLIC: SB4 };

/** Each type: how to look one up, a root list narrowed to B's records, its GraphQL type, and who owns it. */
const TYPES: Array<{ kind: Kind; lookup: string; list: string; typename: string; owner: "network" | "school" }> = [
  { kind: "event", lookup: "event", list: `events(hostId: "${NB}", first: 50)`, typename: "Event", owner: "network" },
  { kind: "learningCommunity", lookup: "learningCommunity", list: `learningCommunities(networkId: "${NB}", first: 50)`, typename: "LearningCommunity", owner: "network" },
  { kind: "improvementCycle", lookup: "improvementCycle", list: `improvementCycles(networkId: "${NB}", first: 50)`, typename: "ImprovementCycle", owner: "network" },
  { kind: "need", lookup: "need", list: `needs(networkId: "${NB}", first: 50)`, typename: "Need", owner: "school" },
  { kind: "peerReview", lookup: "peerReview", list: `peerReviews(hostSchoolId: "${SB}", first: 50)`, typename: "PeerReview", owner: "school" },
  { kind: "mentorship", lookup: "mentorship", list: `mentorships(mentorSchoolId: "${SB}", first: 50)`, typename: "Mentorship", owner: "school" },
];

async function run(query: string, variables: Record<string, unknown>, access: Access) {
  return fixture.execute(query, variables, access);
}

async function must(query: string, variables: Record<string, unknown>, access: Access) {
  const result = await run(query, variables, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const sorted = (ids: Array<string | undefined>) => ids.filter((value): value is string => Boolean(value)).sort();
const idsOf = (list: Array<{ id: string }> | null | undefined) => sorted((list ?? []).map((item) => item.id));
/** The nodes of a connection holding all of them; its count must agree. */
function nodes<T>(connection: { totalCount: number; edges: Array<{ node: T }> }): T[] {
  expect(connection.totalCount).toBe(connection.edges.length);
  return connection.edges.map((edge) => edge.node);
}
const pick = (byLevel: Record<Level, string>, levels: Level[]) => sorted(levels.map((level) => byLevel[level]));

beforeAll(async () => {
  fixture = await startDevelopmentFixture();
  await must(`mutation { setMentorCapacity(schoolId: "${SB}", capacity: 10, networkId: "${NB}") { capacity } }`, {}, staffOfSB);
  for (const visibility of VISIBILITIES) {
    const event = await must(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          title: `B ${visibility} workshop`,
          kind: "WORKSHOP",
          host: { kind: "NETWORK", id: NB },
          startDate: daysFromToday(30),
          format: "ONLINE",
          onlineUrl: "https://example.org/b",
          focusAreas: ["Literacy"],
          capacity: 20,
          visibility,
        },
      },
      coordinatorOfB,
    );
    records.event[visibility] = event.createEvent.id;
    const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id } }`;
    // a school's team, registered by the coordinators of the event's network; an educator, by themselves
    records.registration[visibility] = (
      await must(REGISTER, { input: { eventId: event.createEvent.id, registrantKind: "SCHOOL", schoolId: SR, seats: 3 } }, coordinatorOfB)
    ).registerForEvent.id;
    records.educatorRegistration[visibility] = (
      await must(REGISTER, { input: { eventId: event.createEvent.id, registrantKind: "EDUCATOR", educatorId: E, schoolId: SR } }, staffOfSR)
    ).registerForEvent.id;

    records.learningCommunity[visibility] = (
      await must(
        `mutation($input: FormLearningCommunityInput!) { formLearningCommunity(input: $input) { id } }`,
        {
          input: {
            name: `B ${visibility} job-alike group`,
            jobAlike: "Literacy coaches",
            owner: { kind: "NETWORK", id: NB },
            members: [{ schoolId: SR, educatorId: E }],
            visibility,
          },
        },
        coordinatorOfB,
      )
    ).formLearningCommunity.id;

    records.improvementCycle[visibility] = (
      await must(
        `mutation($input: StartImprovementCycleInput!) { startImprovementCycle(input: $input) { id } }`,
        { input: { title: `B ${visibility} cycle`, owner: { kind: "NETWORK", id: NB }, aim: "Raise the graduation rate", visibility } },
        coordinatorOfB,
      )
    ).startImprovementCycle.id;

    records.need[visibility] = (
      await must(
        `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`,
        { input: { schoolId: NEED_SCHOOLS[visibility], networkIds: [NB], focusArea: "Literacy", visibility } },
        staffOfBSchools,
      )
    ).recordNeed.id;

    const review = await must(
      `mutation($input: PlanPeerReviewInput!) { planPeerReview(input: $input) { id } }`,
      {
        input: {
          hostSchoolId: SB,
          networkId: NB,
          title: `B ${visibility} review`,
          focusQuestions: ["How does literacy show in student work?"],
          startDate: daysFromToday(-5),
          endDate: daysFromToday(-1),
          visitingTeam: [{ schoolId: T, educatorId: E }],
          visibility,
        },
      },
      staffOfSB,
    );
    records.peerReview[visibility] = review.planPeerReview.id;
    await must(
      `mutation($id: ID!) { recordPeerReviewFindings(id: $id, findings: [{ kind: COOL_FEEDBACK, text: "Hidden finding" }]) { id } }`,
      { id: review.planPeerReview.id },
      staffOfSB,
    );

    const mentorship = await must(
      `mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { id } }`,
      { input: { mentorSchoolId: SB, partnerSchoolId: PARTNERS[visibility], networkId: NB, focusAreas: ["Advisories"], startDate: daysFromToday(-30), visibility } },
      staffOfSB,
    );
    records.mentorship[visibility] = mentorship.startMentorship.id;
    records.activity[visibility] = (
      await must(
        `mutation($id: ID!) { logMentorshipActivity(mentorshipId: $id, input: { kind: VISIT, summary: "Visited advisories" }) { id } }`,
        { id: mentorship.startMentorship.id },
        staffOfSB,
      )
    ).logMentorshipActivity.id;
  }
});
afterAll(() => fixture.stop());

describe("reading B's records of every type and visibility", () => {
  for (const type of TYPES) {
    describe(type.typename, () => {
      for (const caller of CALLERS) {
        it(`${caller.name} sees exactly what its visibility allows, through lookups, aliases, fragments, the root list, its count and _entities`, async () => {
          const lookups = VISIBILITIES.map((level) => `${level}: ${type.lookup}(id: "${records[type.kind][level]}") { ...Fields }`).join("\n");
          const data = await must(
            `query($reps: [_Any!]!) {
              ${lookups}
              list: ${type.list} { totalCount edges { node { ...Fields } } }
              _entities(representations: $reps) { ...Fields }
            }
            fragment Fields on ${type.typename} { id }`,
            { reps: VISIBILITIES.map((level) => ({ __typename: type.typename, id: records[type.kind][level] })) },
            caller.access,
          );
          const levels = caller[type.owner];
          for (const level of VISIBILITIES) {
            expect({ level, found: data[level] }).toEqual({ level, found: levels.includes(level) ? { id: records[type.kind][level] } : null });
          }
          expect(data.list.totalCount).toBe(levels.length);
          expect(sorted(data.list.edges.map((edge: any) => edge.node.id))).toEqual(pick(records[type.kind], levels));
          expect(data._entities.map((entity: any) => entity?.id ?? null)).toEqual(
            VISIBILITIES.map((level) => (levels.includes(level) ? records[type.kind][level] : null)),
          );
        });
      }
    });
  }
});

/** A nested connection's selection: every node's id, and the count (which must not count hidden records either). */
const C = "(first: 100) { totalCount edges { node { id } } }";

const NESTED = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Network {
    events${C}
    peerReviews${C}
    mentorships${C}
    learningCommunities${C}
    improvementCycles${C}
    commonNeeds(first: 100) { totalCount edges { node { focusArea schoolCount highPriorityCount schools { totalCount edges { node { id } } } upcomingEvents${C} } } }
  }
  ... on School {
    needs${C}
    peerReviews(first: 100) { totalCount edges { node { review { id } } } }
    mentorships${C}
    eventRegistrations${C}
    learningCommunities${C}
  }
  ... on Educator { eventRegistrations${C} learningCommunities${C} peerReviews${C} }
} }`;

describe("reading through School, Network and Educator (nested paths, counts and rankings)", () => {
  for (const caller of CALLERS) {
    it(`${caller.name} finds only what it may see under B's network, schools and educator`, async () => {
      const reps = [
        { __typename: "Network", id: NB },
        ...[SB, SB2, SB3, SB4, SR].map((schoolId) => ({ __typename: "School", id: schoolId })),
        { __typename: "Educator", id: E },
      ];
      const [network, sb, sb2, sb3, sb4, sr, educator] = (await must(NESTED, { reps }, caller.access))._entities;
      const { network: net, school } = caller;
      expect(idsOf(nodes(network.events))).toEqual(pick(records.event, net));
      expect(idsOf(nodes(network.learningCommunities))).toEqual(pick(records.learningCommunity, net));
      expect(idsOf(nodes(network.improvementCycles))).toEqual(pick(records.improvementCycle, net));
      expect(idsOf(nodes(network.peerReviews))).toEqual(pick(records.peerReview, school));
      expect(idsOf(nodes(network.mentorships))).toEqual(pick(records.mentorship, school));
      // the ranking counts only the needs the caller may see, and names only their schools
      const [commonNeed, ...others] = nodes<any>(network.commonNeeds);
      expect(others).toHaveLength(0);
      expect(commonNeed).toMatchObject({ focusArea: "Literacy", schoolCount: school.length });
      expect(idsOf(nodes(commonNeed.schools))).toEqual(pick(NEED_SCHOOLS, school));
      expect(idsOf(nodes(commonNeed.upcomingEvents))).toEqual(pick(records.event, net));

      expect(idsOf([sb, sb2, sb3, sb4].flatMap((s: any) => nodes<any>(s.needs)))).toEqual(pick(records.need, school));
      expect(sorted(nodes<any>(sb.peerReviews).map((entry) => entry.review.id))).toEqual(pick(records.peerReview, school));
      expect(idsOf(nodes(sb.mentorships))).toEqual(pick(records.mentorship, school));
      // children follow their parent: registrations their event, memberships their community
      expect(idsOf(nodes(sr.eventRegistrations))).toEqual(sorted([...pick(records.registration, net), ...pick(records.educatorRegistration, net)]));
      expect(idsOf(nodes(sr.learningCommunities))).toEqual(pick(records.learningCommunity, net));
      expect(idsOf(nodes(educator.eventRegistrations))).toEqual(pick(records.educatorRegistration, net));
      expect(idsOf(nodes(educator.learningCommunities))).toEqual(pick(records.learningCommunity, net));
      expect(idsOf(nodes(educator.peerReviews))).toEqual(pick(records.peerReview, school));
    });
  }

  for (const caller of CALLERS) {
    it(`${caller.name} resolves child records (registrations, activities) only with their parent`, async () => {
      const regs = [...VISIBILITIES.map((level) => records.registration[level]), ...VISIBILITIES.map((level) => records.educatorRegistration[level])];
      const lookups = regs.map((registrationId, i) => `r${i}: eventRegistration(id: "${registrationId}") { id }`).join("\n");
      const counts = VISIBILITIES.map((level) => `${level}: eventRegistrations(eventId: "${records.event[level]}") { totalCount edges { node { id } } }`).join("\n");
      const data = await must(
        `query($reps: [_Any!]!) {
          ${lookups}
          ${counts}
          _entities(representations: $reps) { ... on EventRegistration { id } ... on MentorshipActivity { id mentorship { id } } }
        }`,
        {
          reps: [
            ...regs.map((registrationId) => ({ __typename: "EventRegistration", id: registrationId })),
            ...VISIBILITIES.map((level) => ({ __typename: "MentorshipActivity", id: records.activity[level] })),
          ],
        },
        caller.access,
      );
      const visibleRegistration = (i: number) => caller.network.includes(VISIBILITIES[i % 4]);
      regs.forEach((registrationId, i) => expect(data[`r${i}`]).toEqual(visibleRegistration(i) ? { id: registrationId } : null));
      for (const level of VISIBILITIES) {
        const visible = caller.network.includes(level);
        expect(data[level].totalCount).toBe(visible ? 2 : 0);
        expect(data[level].edges).toHaveLength(visible ? 2 : 0);
      }
      const entities = data._entities;
      regs.forEach((registrationId, i) => expect(entities[i]).toEqual(visibleRegistration(i) ? { id: registrationId } : null));
      VISIBILITIES.forEach((level, i) =>
        expect(entities[regs.length + i]).toEqual(
          caller.school.includes(level) ? { id: records.activity[level], mentorship: { id: records.mentorship[level] } } : null,
        ),
      );
    });
  }
});

describe("children are read through their own policy, on every parent path and count", () => {
  /*
   * A child (registration, activity, membership) carries a copy of what its parent's policy reads, and every
   * read of it goes through that copy inside the query. Should the copy hide a child that its parent shows
   * (a visibility change half applied: the services narrow children first), no parent path and no count
   * may show it: here the copies of children of B's PUBLIC records are made PRIVATE behind the API's back.
   */
  const CHILDREN = `query($event: ID!, $mentorship: ID!, $community: ID!, $registration: ID!, $reps: [_Any!]!) {
    event(id: $event) { registrations(first: 100, includeCancelled: true) { totalCount edges { node { id waitlistPosition } } } }
    eventRegistrations(eventId: $event, first: 100) { totalCount edges { node { id } } }
    eventRegistration(id: $registration) { id }
    mentorship(id: $mentorship) { activities(first: 100) { totalCount edges { node { id } } } }
    learningCommunity(id: $community) { memberCount schools { totalCount edges { node { id } } } members(first: 100, includeLeft: true) { totalCount edges { node { id } } } }
    _entities(representations: $reps) {
      ... on School { eventRegistrations(first: 100) { totalCount edges { node { id } } } learningCommunities(first: 100) { totalCount edges { node { id } } } }
      ... on Educator { eventRegistrations(first: 100) { totalCount edges { node { id } } } learningCommunities(first: 100) { totalCount edges { node { id } } } }
    }
  }`;
  const db = () => fixture.subgraph.db;
  const setVisibility = async (visibility: string) => {
    await db().collection("event_registrations").updateOne({ _id: records.educatorRegistration.PUBLIC as never }, { $set: { visibility } });
    await db().collection("mentorship_activities").updateOne({ _id: records.activity.PUBLIC as never }, { $set: { visibility } });
    await db().collection("learning_community_members").updateMany({ communityId: records.learningCommunity.PUBLIC }, { $set: { visibility } });
  };
  const read = (access: Access) =>
    must(
      CHILDREN,
      {
        event: records.event.PUBLIC,
        mentorship: records.mentorship.PUBLIC,
        community: records.learningCommunity.PUBLIC,
        registration: records.educatorRegistration.PUBLIC,
        reps: [
          { __typename: "School", id: SR },
          { __typename: "Educator", id: E },
        ],
      },
      access,
    );
  beforeAll(() => setVisibility("PRIVATE"));
  afterAll(() => setVisibility("PUBLIC"));

  for (const [name, access] of [["anonymous", ANONYMOUS_ACCESS], ["a member of B's networks", memberOfB], ["a person of organization A", personOfA]] as const) {
    it(`${name} finds no hidden child under a parent it sees, nor counts it`, async () => {
      const data = await read(access);
      const hidden = [records.educatorRegistration.PUBLIC, records.activity.PUBLIC];
      expect(idsOf(nodes(data.event.registrations))).toEqual([records.registration.PUBLIC]);
      expect(idsOf(nodes(data.eventRegistrations))).toEqual([records.registration.PUBLIC]);
      expect(data.eventRegistration).toBeNull();
      expect(nodes(data.mentorship.activities)).toEqual([]);
      expect(data.learningCommunity).toEqual({ memberCount: 0, schools: { totalCount: 0, edges: [] }, members: { totalCount: 0, edges: [] } });
      const [school, educator] = data._entities;
      expect(idsOf(nodes(school.eventRegistrations))).not.toContain(records.educatorRegistration.PUBLIC);
      expect(idsOf(nodes(school.learningCommunities))).not.toContain(records.learningCommunity.PUBLIC);
      expect(idsOf(nodes(educator.eventRegistrations))).not.toContain(records.educatorRegistration.PUBLIC);
      expect(idsOf(nodes(educator.learningCommunities))).not.toContain(records.learningCommunity.PUBLIC);
      for (const id of hidden) expect(JSON.stringify(data)).not.toContain(id);
    });
  }

  it("shows them to those the copy lets read them: the owning network's coordinators, the owning school's staff", async () => {
    expect(idsOf(nodes((await read(staffOfSB)).mentorship.activities))).toEqual([records.activity.PUBLIC]);
    const data = await read(coordinatorOfB);
    expect(idsOf(nodes(data.event.registrations))).toEqual(sorted([records.registration.PUBLIC, records.educatorRegistration.PUBLIC]));
    expect(data.learningCommunity).toMatchObject({ memberCount: 1, schools: { totalCount: 1, edges: [{ node: { id: SR } }] }, members: { totalCount: 1 } });
    expect(idsOf(nodes(data._entities[1].learningCommunities))).toContain(records.learningCommunity.PUBLIC);
  });

  it("counts a waitlist position among the waiting registrations the caller may read", async () => {
    const event = (
      await must(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        { input: { title: "One seat", kind: "WORKSHOP", host: { kind: "NETWORK", id: NB }, startDate: daysFromToday(30), format: "ONLINE", onlineUrl: "https://example.org/one", capacity: 1, visibility: "PUBLIC" } },
        coordinatorOfB,
      )
    ).createEvent.id;
    const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status } }`;
    const register = async (schoolId: string) =>
      (await must(REGISTER, { input: { eventId: event, registrantKind: "SCHOOL", schoolId } }, coordinatorOfB)).registerForEvent;
    expect((await register(SB)).status).toBe("CONFIRMED");
    const hiddenAhead = await register(SB2);
    const waiting = await register(SB3);
    expect([hiddenAhead.status, waiting.status]).toEqual(["WAITLISTED", "WAITLISTED"]);
    await db().collection("event_registrations").updateOne({ _id: hiddenAhead.id as never }, { $set: { visibility: "PRIVATE" } });
    const POSITION = `query($id: ID!) { eventRegistration(id: $id) { waitlistPosition } }`;
    expect((await must(POSITION, { id: waiting.id }, ANONYMOUS_ACCESS)).eventRegistration).toEqual({ waitlistPosition: 1 });
    expect((await must(POSITION, { id: waiting.id }, coordinatorOfB)).eventRegistration).toEqual({ waitlistPosition: 2 });
  });
});

describe("alliances share exactly the kinds their agreement names", () => {
  const LOOKUP = () => `{
    event: event(id: "${records.event.ALLIANCE}") { id }
    community: learningCommunity(id: "${records.learningCommunity.ALLIANCE}") { id }
    cycle: improvementCycle(id: "${records.improvementCycle.ALLIANCE}") { id }
    need: need(id: "${records.need.ALLIANCE}") { id }
    review: peerReview(id: "${records.peerReview.ALLIANCE}") { id }
    mentorship: mentorship(id: "${records.mentorship.ALLIANCE}") { id }
    networkOnly: event(id: "${records.event.NETWORK}") { id }
  }`;
  const seen = async (access: Access) =>
    Object.entries(await must(LOOKUP(), {}, access))
      .filter(([, value]) => value !== null)
      .map(([key]) => key)
      .sort();

  it("shows an ally of NB the ALLIANCE records of each kind its agreement shares, and no other", async () => {
    const ally = (kinds: Record<string, string[]>) => personAccess({ organizationId: id(), memberNetworkIds: [id()], alliedNetworkIds: kinds });
    expect(await seen(ally({ EVENTS: [NB] }))).toEqual(["community", "event"]);
    expect(await seen(ally({ NEEDS: [NB] }))).toEqual(["need"]);
    expect(await seen(ally({ PEER_REVIEWS: [NB] }))).toEqual(["review"]);
    expect(await seen(ally({ MENTORSHIPS: [NB] }))).toEqual(["mentorship"]);
    expect(await seen(ally({ IMPROVEMENT_CYCLES: [NB] }))).toEqual(["cycle"]);
    // allied with another network: nothing of NB's
    expect(await seen(ally({ EVENTS: [NB2], NEEDS: [NB2], PEER_REVIEWS: [NB2], MENTORSHIPS: [NB2], IMPROVEMENT_CYCLES: [NB2] }))).toEqual([]);
    // once the alliance ends, the gateway forwards an access without it: nothing either
    expect(await seen(ally({}))).toEqual([]);
  });
});

describe("records offered to or shared with other networks, and records a school takes part in", () => {
  it("shows a NETWORK event offered to another network, and a need shared with it, to that network's members", async () => {
    const event = (
      await must(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            title: "B offers NE a retreat",
            kind: "RETREAT",
            host: { kind: "NETWORK", id: NB },
            networkIds: [NE],
            startDate: daysFromToday(40),
            format: "ONLINE",
            onlineUrl: "https://example.org/retreat",
            focusAreas: ["Assessment"],
            capacity: 10,
            visibility: "NETWORK",
          },
        },
        coordinatorOfB,
      )
    ).createEvent.id;
    const need = (
      await must(
        `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`,
        { input: { schoolId: SB2, networkIds: [NB, NE], focusArea: "Assessment", visibility: "NETWORK" } },
        staffOfBSchools,
      )
    ).recordNeed.id;
    const QUERY = `query($reps: [_Any!]!) {
      event(id: "${event}") { id }
      need(id: "${need}") { id }
      _entities(representations: $reps) { ... on Network { events { edges { node { id } } } commonNeeds { edges { node { focusArea schoolCount upcomingEvents { edges { node { id } } } } } } } }
    }`;
    const reps = [{ __typename: "Network", id: NE }];
    const asMember = await must(QUERY, { reps }, memberOfNE);
    expect(asMember).toEqual({
      event: { id: event },
      need: { id: need },
      _entities: [
        {
          events: { edges: [{ node: { id: event } }] },
          commonNeeds: { edges: [{ node: { focusArea: "Assessment", schoolCount: 1, upcomingEvents: { edges: [{ node: { id: event } }] } } }] },
        },
      ],
    });
    for (const outsider of [personOfA, alliedForDevelopment, ANONYMOUS_ACCESS]) {
      expect(await must(QUERY, { reps }, outsider)).toEqual({ event: null, need: null, _entities: [{ events: { edges: [] }, commonNeeds: { edges: [] } }] });
    }
  });

  it("shows PRIVATE records to the staff of the schools that take part in them", async () => {
    const partnerStaff = personAccess({ organizationId: id(), schoolIds: [PARTNERS.PRIVATE] });
    const teamStaff = personAccess({ organizationId: id(), schoolIds: [T] });
    const cycleSchool = id();
    const cycle = (
      await must(
        `mutation($input: StartImprovementCycleInput!) { startImprovementCycle(input: $input) { id } }`,
        { input: { title: "Private pilot", owner: { kind: "NETWORK", id: NB }, schoolIds: [cycleSchool], aim: "Raise attendance", visibility: "PRIVATE" } },
        coordinatorOfB,
      )
    ).startImprovementCycle.id;
    const QUERY = `{ mentorship(id: "${records.mentorship.PRIVATE}") { id } peerReview(id: "${records.peerReview.PRIVATE}") { id } improvementCycle(id: "${cycle}") { id } }`;
    expect(await must(QUERY, {}, partnerStaff)).toEqual({ mentorship: { id: records.mentorship.PRIVATE }, peerReview: null, improvementCycle: null });
    expect(await must(QUERY, {}, teamStaff)).toEqual({ mentorship: null, peerReview: { id: records.peerReview.PRIVATE }, improvementCycle: null });
    expect(await must(QUERY, {}, personAccess({ organizationId: id(), schoolIds: [cycleSchool] }))).toEqual({
      mentorship: null,
      peerReview: null,
      improvementCycle: { id: cycle },
    });
  });
});

describe("peer review findings are read only as the host school decides", () => {
  // SF hosts a PUBLIC review (everyone sees that it took place) with team school TF and educator EF
  const SF = id();
  const TF = id();
  const EF = id();
  const SECRET = "Secret finding: the math department resists the literacy focus";
  const staffOfSF = personAccess({ personId: "f-staff", organizationId: orgB, schoolIds: [SF], memberNetworkIds: [NB] });
  const staffOfTF = personAccess({ personId: "tf-staff", organizationId: id(), schoolIds: [TF] });
  let review: string;

  const READ_EVERYWHERE = `query($id: ID!, $reps: [_Any!]!) {
    peerReview(id: $id) { findingsCount findings { text } }
    alias: peerReview(id: $id) { ...Findings }
    peerReviews(hostSchoolId: "${SF}", first: 10) { edges { node { ...Findings } } }
    _entities(representations: $reps) {
      ... on PeerReview { ...Findings }
      ... on School { peerReviews { edges { node { findings { text } review { ...Findings } } } } }
      ... on Network { peerReviews { edges { node { ...Findings } } } }
      ... on Educator { peerReviews { edges { node { ...Findings } } } }
    }
  }
  fragment Findings on PeerReview { id findingsCount findings { text } }`;

  /** Whether `access` finds the findings (or their count) anywhere it can look. */
  async function readsFindings(access: Access): Promise<boolean> {
    const reps = [
      { __typename: "PeerReview", id: review },
      { __typename: "School", id: SF },
      { __typename: "School", id: TF },
      { __typename: "School", id: SA },
      { __typename: "Network", id: NB },
      { __typename: "Educator", id: EF },
    ];
    const data = await must(READ_EVERYWHERE, { id: review, reps }, access);
    expect(data.peerReview).not.toBeNull(); // the review itself is public
    const text = JSON.stringify(data);
    const counted = /"findingsCount":\d/.test(text);
    expect(counted).toBe(text.includes(SECRET));
    return text.includes(SECRET);
  }

  const OTHERS: Array<[string, Access]> = [
    ["anonymous", ANONYMOUS_ACCESS],
    ["staff of a school of A", staffOfSA],
    ["the visiting team's staff", staffOfTF],
    ["a coordinator of the host's network", coordinatorOfB],
    ["an admin of the host's organization", adminOfB],
    ["a member of the host's network", memberOfB],
  ];

  beforeAll(async () => {
    review = (
      await must(
        `mutation($input: PlanPeerReviewInput!) { planPeerReview(input: $input) { id } }`,
        {
          input: {
            hostSchoolId: SF,
            networkId: NB,
            title: "Public review, private findings",
            focusQuestions: ["Where does literacy show?"],
            startDate: daysFromToday(-3),
            endDate: daysFromToday(-1),
            visitingTeam: [{ schoolId: TF, educatorId: EF }],
            visibility: "PUBLIC",
          },
        },
        staffOfSF,
      )
    ).planPeerReview.id;
    const recorded = await must(
      `mutation($id: ID!, $text: String!) { recordPeerReviewFindings(id: $id, findings: [{ kind: COOL_FEEDBACK, text: $text }]) { findingsCount findings { text } } }`,
      { id: review, text: SECRET },
      staffOfSF,
    );
    expect(recorded.recordPeerReviewFindings).toEqual({ findingsCount: 1, findings: [{ text: SECRET }] });
  });

  it("keeps HOST_ONLY findings to the host's staff, on every path", async () => {
    expect(await readsFindings(staffOfSF)).toBe(true);
    for (const [name, access] of OTHERS) expect({ name, reads: await readsFindings(access) }).toEqual({ name, reads: false });
  });

  it("lets only the host's staff decide, and shares with the team and the named schools exactly", async () => {
    const SET = `mutation($id: ID!, $access: PeerReviewFindingsAccess!, $readers: [ID!]) {
      setPeerReviewFindingsAccess(id: $id, access: $access, readerSchoolIds: $readers) { findingsAccess } }`;
    for (const access of [coordinatorOfB, adminOfB, staffOfTF, staffOfSA, ANONYMOUS_ACCESS]) {
      expect(errorCode(await run(SET, { id: review, access: "PUBLIC", readers: [] }, access))).toBe(access === ANONYMOUS_ACCESS ? "UNAUTHENTICATED" : "FORBIDDEN");
    }
    expect(await readsFindings(staffOfTF)).toBe(false);

    await must(SET, { id: review, access: "REVIEW_TEAM", readers: [] }, staffOfSF);
    expect(await readsFindings(staffOfTF)).toBe(true);
    expect(await readsFindings(staffOfSA)).toBe(false);
    expect(await readsFindings(coordinatorOfB)).toBe(false);

    await must(SET, { id: review, access: "HOST_ONLY", readers: [SA] }, staffOfSF);
    expect(await readsFindings(staffOfSA)).toBe(true);
    expect(await readsFindings(staffOfTF)).toBe(false);
    expect(await readsFindings(adminOfB)).toBe(false);

    await must(SET, { id: review, access: "PUBLIC", readers: [] }, staffOfSF);
    for (const [name, access] of OTHERS) expect({ name, reads: await readsFindings(access) }).toEqual({ name, reads: true });
    await must(SET, { id: review, access: "HOST_ONLY", readers: [] }, staffOfSF);
  });

  it("lets nobody but the host's staff record findings, and keeps their text out of the audit log", async () => {
    const RECORD = `mutation($id: ID!) { recordPeerReviewFindings(id: $id, findings: [{ kind: STRENGTH, text: "Planted" }]) { findingsCount } }`;
    for (const access of [coordinatorOfB, adminOfB, staffOfTF, readOnlyCoordinatorOfB, ANONYMOUS_ACCESS]) {
      expect(errorCode(await run(RECORD, { id: review }, access))).toBe(access === ANONYMOUS_ACCESS ? "UNAUTHENTICATED" : "FORBIDDEN");
    }
    const stored = await fixture.subgraph.db.collection("peer_reviews").findOne({ _id: review as never });
    expect(stored!.findings.map((finding: any) => finding.text)).toEqual([SECRET]);
    const entries = await fixture.subgraph.audit.entries.find({ operation: "recordPeerReviewFindings" }).toArray();
    expect(entries.length).toBeGreaterThan(0);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
    expect(JSON.stringify(entries)).not.toContain("Hidden finding");
    expect(entries.find((entry) => entry.entity.id === review)).toMatchObject({
      owner: { networkId: NB, schoolId: SF },
      changes: { findings: [{ kind: "COOL_FEEDBACK" }] },
    });
  });
});

describe("writes", () => {
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
  async function snapshot(): Promise<string> {
    const all: Record<string, unknown> = {};
    for (const name of COLLECTIONS) all[name] = await fixture.subgraph.db.collection(name).find().sort({ _id: 1 }).toArray();
    all.audit = await fixture.subgraph.audit.entries.countDocuments();
    return JSON.stringify(all);
  }

  const apiKeyWithSchool: Access = { ...personAccess({ organizationId: orgA, schoolIds: [SA] }), principal: { kind: "API_KEY", keyId: "a-key" } };
  const eventInput = (host: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    title: "Sneaky workshop",
    kind: "WORKSHOP",
    host,
    startDate: daysFromToday(20),
    format: "ONLINE",
    onlineUrl: "https://example.org/sneaky",
    capacity: 5,
    ...extra,
  });

  it("refuses anonymous, read-only, other organizations' and wrong school's or network's callers, and changes nothing", async () => {
    const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
    const UPDATE_EVENT = `mutation($id: ID!) { updateEvent(id: $id, input: { title: "Taken over", visibility: PUBLIC }) { id } }`;
    const CANCEL_EVENT = `mutation($id: ID!) { cancelEvent(id: $id) { id } }`;
    const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id } }`;
    const CANCEL_REGISTRATION = `mutation($id: ID!) { cancelEventRegistration(id: $id) { id } }`;
    const RECORD_NEED = `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`;
    const UPDATE_NEED = `mutation($id: ID!) { updateNeed(id: $id, input: { priority: LOW }) { id } }`;
    const CLOSE_NEED = `mutation($id: ID!) { closeNeed(id: $id, status: WITHDRAWN) { id } }`;
    const PLAN = `mutation($input: PlanPeerReviewInput!) { planPeerReview(input: $input) { id } }`;
    const COMPLETE = `mutation($id: ID!) { completePeerReview(id: $id) { id } }`;
    const CANCEL_REVIEW = `mutation($id: ID!) { cancelPeerReview(id: $id) { id } }`;
    const CAPACITY = `mutation($s: ID!, $n: ID) { setMentorCapacity(schoolId: $s, capacity: 1, networkId: $n) { capacity } }`;
    const START_MENTORSHIP = `mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { id } }`;
    const END_MENTORSHIP = `mutation($id: ID!) { endMentorship(id: $id, input: { reason: OTHER }) { id } }`;
    const LOG = `mutation($id: ID!) { logMentorshipActivity(mentorshipId: $id, input: { kind: CALL, summary: "Fake call" }) { id } }`;
    const FORM = `mutation($input: FormLearningCommunityInput!) { formLearningCommunity(input: $input) { id } }`;
    const JOIN = `mutation($c: ID!, $s: ID!) { joinLearningCommunity(communityId: $c, member: { schoolId: $s }) { id } }`;
    const START_CYCLE = `mutation($input: StartImprovementCycleInput!) { startImprovementCycle(input: $input) { id } }`;
    const UPDATE_CYCLE = `mutation($id: ID!) { updateImprovementCycle(id: $id, input: { changeIdea: "Sabotage" }) { id } }`;
    const ADVANCE = `mutation($id: ID!) { advanceImprovementCycle(id: $id, to: DO) { id } }`;
    const member = (await must(`{ learningCommunity(id: "${records.learningCommunity.PUBLIC}") { members { edges { node { id } } } } }`, {}, coordinatorOfB))
      .learningCommunity.members.edges[0].node.id;
    const LEAVE = `mutation($id: ID!) { leaveLearningCommunity(memberId: $id) { id } }`;

    const attempts: Array<[string, string, Record<string, unknown>, Access, string]> = [
      // creating for B's network or schools
      ["anonymous creates an event", CREATE_EVENT, { input: eventInput({ kind: "NETWORK", id: NB }) }, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      ["a read-only coordinator creates an event", CREATE_EVENT, { input: eventInput({ kind: "NETWORK", id: NB }) }, readOnlyCoordinatorOfB, "FORBIDDEN"],
      ["A's coordinator creates an event for NB", CREATE_EVENT, { input: eventInput({ kind: "NETWORK", id: NB }) }, coordinatorOfA, "FORBIDDEN"],
      ["A's admin creates an event for NB", CREATE_EVENT, { input: eventInput({ kind: "NETWORK", id: NB }) }, adminOfA, "FORBIDDEN"],
      ["NB2's coordinator creates an event for NB", CREATE_EVENT, { input: eventInput({ kind: "NETWORK", id: NB }) }, coordinatorOfNB2, "FORBIDDEN"],
      ["a school's staff creates an event for its network", CREATE_EVENT, { input: eventInput({ kind: "NETWORK", id: NB }) }, staffOfSB, "FORBIDDEN"],
      ["a coordinator creates an event for a school of its network", CREATE_EVENT, { input: eventInput({ kind: "SCHOOL", id: SB }, { networkIds: [NB] }) }, coordinatorOfB, "FORBIDDEN"],
      ["A's staff creates an event for B's school", CREATE_EVENT, { input: eventInput({ kind: "SCHOOL", id: SB }) }, staffOfSA, "FORBIDDEN"],
      ["a coordinator creates an event for its organization", CREATE_EVENT, { input: eventInput({ kind: "ORGANIZATION", id: orgB }, { networkIds: [NB] }) }, coordinatorOfB, "FORBIDDEN"],
      ["B's admin creates an event for B in A's network", CREATE_EVENT, { input: eventInput({ kind: "ORGANIZATION", id: orgB }, { networkIds: [NA] }) }, adminOfB, "FORBIDDEN"],
      ["A's admin creates an event for B", CREATE_EVENT, { input: eventInput({ kind: "ORGANIZATION", id: orgB }, { networkIds: [NB] }) }, adminOfA, "FORBIDDEN"],
      // changing B's events: FORBIDDEN when visible, NOT_FOUND when not
      ["A's coordinator updates B's public event", UPDATE_EVENT, { id: records.event.PUBLIC }, coordinatorOfA, "FORBIDDEN"],
      ["a school's staff updates its network's event", UPDATE_EVENT, { id: records.event.PUBLIC }, staffOfSB, "FORBIDDEN"],
      ["a read-only key updates an event", UPDATE_EVENT, { id: records.event.PUBLIC }, readOnlyKeyOfB, "FORBIDDEN"],
      ["anonymous cancels an event", CANCEL_EVENT, { id: records.event.PUBLIC }, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      ["NB2's coordinator cancels NB's event", CANCEL_EVENT, { id: records.event.NETWORK }, coordinatorOfNB2, "FORBIDDEN"],
      ["A's coordinator cancels B's private event", CANCEL_EVENT, { id: records.event.PRIVATE }, coordinatorOfA, "NOT_FOUND"],
      ["A's coordinator updates B's network-only event", UPDATE_EVENT, { id: records.event.NETWORK }, coordinatorOfA, "NOT_FOUND"],
      // registrations
      ["anonymous registers a team", REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "SCHOOL", schoolId: SA } }, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      ["A's staff registers B's school", REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "SCHOOL", schoolId: SB } }, staffOfSA, "FORBIDDEN"],
      ["A's coordinator registers a school for B's event", REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "SCHOOL", schoolId: SA } }, coordinatorOfA, "FORBIDDEN"],
      ["NB2's coordinator registers a school for NB's event", REGISTER, { input: { eventId: records.event.NETWORK, registrantKind: "SCHOOL", schoolId: SB2 } }, coordinatorOfNB2, "FORBIDDEN"],
      ["A's staff registers an educator of B's school", REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "EDUCATOR", educatorId: id(), schoolId: SB } }, staffOfSA, "FORBIDDEN"],
      ["a coordinator registers an educator", REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "EDUCATOR", educatorId: id(), schoolId: SB } }, coordinatorOfB, "FORBIDDEN"],
      ["an API key registers an educator", REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "EDUCATOR", educatorId: id(), schoolId: SA } }, apiKeyWithSchool, "FORBIDDEN"],
      ["A's staff registers for B's private event", REGISTER, { input: { eventId: records.event.PRIVATE, registrantKind: "SCHOOL", schoolId: SA } }, staffOfSA, "BAD_USER_INPUT"],
      ["A's staff cancels B's registration", CANCEL_REGISTRATION, { id: records.registration.PUBLIC }, staffOfSA, "FORBIDDEN"],
      ["A's coordinator cancels a registration for B's private event", CANCEL_REGISTRATION, { id: records.registration.PRIVATE }, coordinatorOfA, "NOT_FOUND"],
      // needs
      ["a coordinator records a need for a school", RECORD_NEED, { input: { schoolId: SB, networkIds: [NB], focusArea: "Fake need" } }, coordinatorOfB, "FORBIDDEN"],
      ["A's staff records a need for B's school", RECORD_NEED, { input: { schoolId: SB, networkIds: [NB], focusArea: "Fake need" } }, staffOfSA, "FORBIDDEN"],
      ["anonymous records a need", RECORD_NEED, { input: { schoolId: SA, networkIds: [NA], focusArea: "Fake need" } }, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      ["another school's staff updates a need", UPDATE_NEED, { id: records.need.PUBLIC }, staffOfSB, "FORBIDDEN"],
      ["a coordinator closes a school's need", CLOSE_NEED, { id: records.need.NETWORK }, coordinatorOfB, "FORBIDDEN"],
      ["a coordinator closes a school's private need", CLOSE_NEED, { id: records.need.PRIVATE }, coordinatorOfB, "NOT_FOUND"],
      // peer reviews
      ["a coordinator plans a school's review", PLAN, { input: { hostSchoolId: SB, title: "Fake", focusQuestions: ["Why?"], startDate: daysFromToday(1), endDate: daysFromToday(2), visitingTeam: [{ schoolId: T }] } }, coordinatorOfB, "FORBIDDEN"],
      ["A's staff plans B's school's review", PLAN, { input: { hostSchoolId: SB, title: "Fake", focusQuestions: ["Why?"], startDate: daysFromToday(1), endDate: daysFromToday(2), visitingTeam: [{ schoolId: SA }] } }, staffOfSA, "FORBIDDEN"],
      ["A's admin completes B's review", COMPLETE, { id: records.peerReview.PUBLIC }, adminOfA, "FORBIDDEN"],
      ["a coordinator cancels a school's review", CANCEL_REVIEW, { id: records.peerReview.PUBLIC }, coordinatorOfB, "FORBIDDEN"],
      ["a coordinator cancels a school's private review", CANCEL_REVIEW, { id: records.peerReview.PRIVATE }, coordinatorOfB, "NOT_FOUND"],
      // mentorships
      ["A's staff sets B's school's capacity", CAPACITY, { s: SB, n: null }, staffOfSA, "FORBIDDEN"],
      ["A's coordinator sets B's school's capacity from its network", CAPACITY, { s: SB, n: NA }, coordinatorOfA, "FORBIDDEN"],
      ["anonymous sets a capacity", CAPACITY, { s: SB, n: NB }, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      ["NB2's coordinator sets the capacity of NB's school", CAPACITY, { s: SB, n: NB2 }, coordinatorOfNB2, "FORBIDDEN"],
      ["a coordinator starts a school's mentorship", START_MENTORSHIP, { input: { mentorSchoolId: SB, partnerSchoolId: id(), networkId: NB, focusAreas: ["x"] } }, coordinatorOfB, "FORBIDDEN"],
      ["A's staff starts B's school's mentorship", START_MENTORSHIP, { input: { mentorSchoolId: SB, partnerSchoolId: SA, focusAreas: ["x"] } }, staffOfSA, "FORBIDDEN"],
      ["A's staff ends B's mentorship", END_MENTORSHIP, { id: records.mentorship.PUBLIC }, staffOfSA, "FORBIDDEN"],
      ["the partner's staff logs on the mentor's record", LOG, { id: records.mentorship.PUBLIC }, personAccess({ schoolIds: [PARTNERS.PUBLIC] }), "FORBIDDEN"],
      ["A's coordinator logs on B's private mentorship", LOG, { id: records.mentorship.PRIVATE }, coordinatorOfA, "NOT_FOUND"],
      // learning communities
      ["a school's staff forms a community for its network", FORM, { input: { name: "Fake", jobAlike: "Fakes", owner: { kind: "NETWORK", id: NB } } }, staffOfSB, "FORBIDDEN"],
      ["A's coordinator forms a community for NB", FORM, { input: { name: "Fake", jobAlike: "Fakes", owner: { kind: "NETWORK", id: NB } } }, coordinatorOfA, "FORBIDDEN"],
      ["A's staff adds B's school to a community", JOIN, { c: records.learningCommunity.PUBLIC, s: SB }, staffOfSA, "FORBIDDEN"],
      ["A's staff joins B's private community", JOIN, { c: records.learningCommunity.PRIVATE, s: SA }, staffOfSA, "NOT_FOUND"],
      ["A's staff removes B's member", LEAVE, { id: member }, staffOfSA, "FORBIDDEN"],
      // improvement cycles
      ["a school's staff starts a cycle for its network", START_CYCLE, { input: { title: "Fake", owner: { kind: "NETWORK", id: NB }, aim: "Fake aim" } }, staffOfSB, "FORBIDDEN"],
      ["a coordinator starts a cycle for a school", START_CYCLE, { input: { title: "Fake", owner: { kind: "SCHOOL", id: SB }, aim: "Fake aim" } }, coordinatorOfB, "FORBIDDEN"],
      ["A's coordinator updates B's cycle", UPDATE_CYCLE, { id: records.improvementCycle.PUBLIC }, coordinatorOfA, "FORBIDDEN"],
      ["a read-only coordinator advances a cycle", ADVANCE, { id: records.improvementCycle.PUBLIC }, readOnlyCoordinatorOfB, "FORBIDDEN"],
      ["A's coordinator updates B's private cycle", UPDATE_CYCLE, { id: records.improvementCycle.PRIVATE }, coordinatorOfA, "NOT_FOUND"],
    ];

    const before = await snapshot();
    for (const [name, query, variables, access, code] of attempts) {
      const result = await run(query, variables, access);
      expect({ name, code: errorCode(result), data: result.data ?? null }).toEqual({ name, code, data: null });
    }
    expect(await snapshot()).toBe(before);
  });

  it("lets each role do what the rules give it", async () => {
    const REGISTER = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status } }`;
    const CANCEL = `mutation($id: ID!) { cancelEventRegistration(id: $id) { status } }`;
    // a school's staff registers its team, and an educator themselves, for another organization's public event
    const team = (await must(REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "SCHOOL", schoolId: SA, seats: 2 } }, staffOfSA)).registerForEvent;
    const self = (await must(REGISTER, { input: { eventId: records.event.PUBLIC, registrantKind: "EDUCATOR", educatorId: id(), schoolId: SA } }, staffOfSA)).registerForEvent;
    expect([team.status, self.status]).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect((await must(CANCEL, { id: self.id }, staffOfSA)).cancelEventRegistration.status).toBe("CANCELLED");
    // the coordinators of the event's network register a school of theirs, and cancel others' registrations
    expect((await must(REGISTER, { input: { eventId: records.event.NETWORK, registrantKind: "SCHOOL", schoolId: SB2 } }, coordinatorOfB)).registerForEvent.status).toBe(
      "CONFIRMED",
    );
    expect((await must(CANCEL, { id: team.id }, coordinatorOfB)).cancelEventRegistration.status).toBe("CANCELLED");

    // a mentor school's capacity: its staff, or the coordinators of a network the school accepted (SB accepted NB only)
    const CAPACITY = `mutation($s: ID!, $c: Int!, $n: ID) { setMentorCapacity(schoolId: $s, capacity: $c, networkId: $n) { capacity } }`;
    expect((await must(CAPACITY, { s: SB, c: 12, n: null }, coordinatorOfB)).setMentorCapacity.capacity).toBe(12);
    expect((await must(CAPACITY, { s: SB, c: 11, n: NB }, staffOfSB)).setMentorCapacity.capacity).toBe(11);
    // naming a network the school has not accepted is refused, and grants nothing
    expect(errorCode(await run(CAPACITY, { s: SB, c: 10, n: NB2 }, staffOfSB))).toBe("BAD_USER_INPUT");
    expect(errorCode(await run(CAPACITY, { s: SB, c: 10, n: NB2 }, coordinatorOfNB2))).toBe("FORBIDDEN");
    expect(errorCode(await run(CAPACITY, { s: SB, c: 10, n: NA }, coordinatorOfA))).toBe("FORBIDDEN");

    // a school's staff joins its educator to a community it can see, and takes them out again
    const joined = (
      await must(`mutation($c: ID!, $s: ID!) { joinLearningCommunity(communityId: $c, member: { schoolId: $s, educatorId: "${id()}" }) { id } }`, {
        c: records.learningCommunity.PUBLIC,
        s: SA,
      }, staffOfSA)
    ).joinLearningCommunity.id;
    expect((await must(`mutation($id: ID!) { leaveLearningCommunity(memberId: $id) { leftOn } }`, { id: joined }, staffOfSA)).leaveLearningCommunity.leftOn).toBeTruthy();

    // an organization's admins host events in its networks
    const hosted = await must(
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { host { kind organization { id } } networks { id } } }`,
      { input: eventInput({ kind: "ORGANIZATION", id: orgB }, { networkIds: [NB] }) },
      adminOfB,
    );
    expect(hosted.createEvent).toEqual({ host: { kind: "ORGANIZATION", organization: { id: orgB } }, networks: [{ id: NB }] });
    const noNetwork = await run(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: eventInput({ kind: "ORGANIZATION", id: orgB }) }, adminOfB);
    expect(noNetwork.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.networkIds" });
  });
});
