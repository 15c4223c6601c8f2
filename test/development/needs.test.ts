import { daysFromToday, errorCode, nodes, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const COMMON_NEEDS = `query($reps: [_Any!]!, $first: Int, $after: String, $min: Int) { _entities(representations: $reps) { ... on Network {
  commonNeeds(first: $first, after: $after, minSchools: $min) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { focusArea schoolCount highPriorityCount schools { edges { node { id } } } upcomingEvents { edges { node { id title seatsLeft startDate } } } } }
  }
} } }`;

async function commonNeedsPage(networkId: string, variables: Record<string, unknown> = {}) {
  const data = await fixture.must(COMMON_NEEDS, { reps: [{ __typename: "Network", id: networkId }], ...variables });
  return data._entities[0].commonNeeds;
}

/** A network's ranked common needs (one page), each with its upcoming events as a list. */
async function commonNeeds(networkId: string, variables: Record<string, unknown> = {}) {
  return nodes(await commonNeedsPage(networkId, variables)).map((need) => ({ ...need, upcomingEvents: nodes(need.upcomingEvents) }));
}

describe("professional-development needs", () => {
  it("records a school's need once per focus area (any capitalization)", async () => {
    const school = someId();
    const network = someId();
    const id = await fixture.recordNeed(school, [network], "New literacy approaches", { priority: "HIGH", description: "Reading across subjects" });
    const again = await fixture.execute(`mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`, {
      input: { schoolId: school, networkIds: [network], focusArea: "new  LITERACY approaches" },
    });
    expect(errorCode(again)).toBe("CONFLICT");
    const need = await fixture.must(`query($id: ID!) { need(id: $id) { focusArea priority status visibility school { id } networks { id } } }`, { id });
    expect(need.need).toEqual({
      focusArea: "New literacy approaches",
      priority: "HIGH",
      status: "OPEN",
      visibility: "NETWORK",
      school: { id: school },
      networks: [{ id: network }],
    });
    // once addressed, the school may name it again
    const closed = await fixture.must(`mutation($id: ID!) { closeNeed(id: $id, status: ADDRESSED) { status closedAt } }`, { id });
    expect(closed.closeNeed.status).toBe("ADDRESSED");
    expect(errorCode(await fixture.execute(`mutation($id: ID!) { closeNeed(id: $id, status: WITHDRAWN) { status } }`, { id }))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(`mutation($id: ID!) { closeNeed(id: $id, status: OPEN) { status } }`, { id }))).toBe("BAD_USER_INPUT");
    await fixture.recordNeed(school, [network], "new literacy approaches");
  });

  it("ranks a network's common needs by how many schools share them, then by high priority", async () => {
    const network = someId();
    const elsewhere = someId();
    const [a, b, c, d] = [someId(), someId(), someId(), someId()];
    await fixture.recordNeed(a, [network], "Technology integration");
    await fixture.recordNeed(b, [network, elsewhere], "technology integration", { priority: "HIGH" });
    await fixture.recordNeed(c, [network], "Technology Integration");
    await fixture.recordNeed(a, [network], "Literacy");
    await fixture.recordNeed(b, [network], "literacy");
    await fixture.recordNeed(c, [network], "English language learners", { priority: "HIGH" });
    await fixture.recordNeed(d, [network], "Advisories");
    await fixture.recordNeed(d, [elsewhere], "Literacy");
    const withdrawn = await fixture.recordNeed(d, [network], "Special education");
    await fixture.must(`mutation($id: ID!) { closeNeed(id: $id, status: WITHDRAWN) { id } }`, { id: withdrawn });

    const ranked = await commonNeeds(network);
    expect(ranked.map((need: any) => [need.focusArea, need.schoolCount, need.highPriorityCount])).toEqual([
      ["Technology integration", 3, 1],
      ["Literacy", 2, 0],
      ["English language learners", 1, 1],
      ["Advisories", 1, 0],
    ]);
    expect(nodes(ranked[1].schools).map((school: any) => school.id).sort()).toEqual([a, b].sort());
    expect((await commonNeeds(network, { first: 1 })).map((need: any) => need.focusArea)).toEqual(["Technology integration"]);
    expect((await commonNeeds(network, { min: 2 })).map((need: any) => need.focusArea)).toEqual(["Technology integration", "Literacy"]);
    // pages follow the ranking, counted over all pages; a cursor is sealed
    const first = await commonNeedsPage(network, { first: 2 });
    expect(first).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const second = await commonNeedsPage(network, { first: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...nodes(first), ...nodes(second)].map((need) => need.focusArea)).toEqual(ranked.map((need: any) => need.focusArea));
    const forged = await fixture.execute(COMMON_NEEDS, { reps: [{ __typename: "Network", id: network }], after: first.pageInfo.endCursor.replace(/^./, "x") });
    expect(errorCode(forged)).toBe("BAD_USER_INPUT");
    // a tie on schools goes to the need rated high priority
    expect((await commonNeeds(elsewhere)).map((need: any) => [need.focusArea, need.schoolCount, need.highPriorityCount])).toEqual([
      ["technology integration", 1, 1],
      ["Literacy", 1, 0],
    ]);
  });

  it("shows the upcoming events offered to the network that address each need, soonest first, with seats left", async () => {
    const network = someId();
    const school = someId();
    await fixture.recordNeed(school, [network], "Performance-based assessment");
    const later = await fixture.createEvent({ networkIds: [network], focusAreas: ["performance-based assessment"], startDate: daysFromToday(60), capacity: 30 });
    const sooner = await fixture.createEvent({ networkIds: [network], focusAreas: ["Performance-Based Assessment", "advisories"], startDate: daysFromToday(7), capacity: 2 });
    await fixture.register(sooner);
    // not upcoming, not offered to the network, cancelled, or about something else: left out
    await fixture.createEvent({ networkIds: [network], focusAreas: ["performance-based assessment"], startDate: daysFromToday(-3) });
    await fixture.createEvent({ networkIds: [someId()], focusAreas: ["performance-based assessment"], startDate: daysFromToday(5) });
    const cancelled = await fixture.createEvent({ networkIds: [network], focusAreas: ["performance-based assessment"], startDate: daysFromToday(9) });
    await fixture.must(`mutation($id: ID!) { cancelEvent(id: $id) { id } }`, { id: cancelled });
    await fixture.createEvent({ networkIds: [network], focusAreas: ["literacy"], startDate: daysFromToday(4) });

    const [need] = await commonNeeds(network);
    expect(need.upcomingEvents.map((event: any) => [event.id, event.seatsLeft])).toEqual([
      [sooner, 1],
      [later, 30],
    ]);
    await fixture.register(sooner);
    const withSeats = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Network { commonNeeds { edges { node { upcomingEvents(withSeatsOnly: true) { totalCount edges { node { id } } } } } } } } }`,
      { reps: [{ __typename: "Network", id: network }] },
    );
    expect(nodes(withSeats._entities[0].commonNeeds)[0].upcomingEvents).toEqual({ totalCount: 1, edges: [{ node: { id: later } }] });
  });

  it("lists a school's open needs and pages needs by network", async () => {
    const network = someId();
    const school = someId();
    await fixture.recordNeed(school, [network], "Advisories");
    await fixture.recordNeed(school, [network], "Senior exhibitions");
    const other = await fixture.recordNeed(someId(), [network], "Advisories");
    await fixture.must(`mutation($id: ID!) { updateNeed(id: $id, input: { priority: HIGH }) { priority } }`, { id: other });
    const schoolNeeds = await fixture.must(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { needs { edges { node { focusArea } } } closed: needs(includeClosed: true, focusArea: "advisories") { totalCount } } } }`, {
      reps: [{ __typename: "School", id: school }],
    });
    expect(nodes(schoolNeeds._entities[0].needs).map((need) => need.focusArea)).toEqual(["Advisories", "Senior exhibitions"]);
    expect(schoolNeeds._entities[0].closed.totalCount).toBe(1);
    const page = await fixture.must(`query($n: ID!) { needs(networkId: $n, focusArea: "ADVISORIES", first: 1) { totalCount pageInfo { hasNextPage endCursor } } }`, {
      n: network,
    });
    expect(page.needs).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
  });
});
