import { newId } from "../../subgraphs/kit";
import { daysFromToday, errorCode, nodes, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const EVENT = `query($id: ID!) { event(id: $id) {
  title kind host { kind id school { id } network { id } } networks { id } startDate endDate format venue { name city }
  capacity confirmedSeats seatsLeft confirmedCount waitlistCount isFull status visibility
  registrations(first: 100) { totalCount edges { node { id status seats waitlistPosition } } }
} }`;

const CANCEL = `mutation($id: ID!) { cancelEventRegistration(id: $id) { id status } }`;

/** The event, with its (live) registrations as a list. */
async function event(id: string) {
  const { event } = await fixture.must(EVENT, { id });
  expect(event.registrations.totalCount).toBe(event.registrations.edges.length);
  return { ...event, registrations: nodes(event.registrations) };
}

describe("publishing events", () => {
  it("creates an event hosted by a network, offered to it and to others", async () => {
    const host = someId();
    const other = someId();
    const id = await fixture.createEvent({
      title: "NESSN Summer Institute",
      kind: "SUMMER_INSTITUTE",
      host: { kind: "NETWORK", id: host },
      networkIds: [other, host],
      startDate: daysFromToday(40),
      endDate: daysFromToday(44),
      format: "IN_PERSON",
      venue: { name: "Parker School", city: "Devens", region: "MA" },
      onlineUrl: null,
      focusAreas: ["Advisories", " performance-based  assessment ", "advisories"],
      capacity: 120,
    });
    const result = await event(id);
    expect(result).toMatchObject({
      kind: "SUMMER_INSTITUTE",
      host: { kind: "NETWORK", id: host, school: null, network: { id: host } },
      networks: [{ id: host }, { id: other }],
      format: "IN_PERSON",
      venue: { name: "Parker School", city: "Devens" },
      capacity: 120,
      seatsLeft: 120,
      confirmedSeats: 0,
      waitlistCount: 0,
      isFull: false,
      status: "SCHEDULED",
      visibility: "PUBLIC",
    });
    expect(result.endDate).toBe(daysFromToday(44));
    const detail = await fixture.must(`query($id: ID!) { event(id: $id) { focusAreas } }`, { id });
    expect(detail.event.focusAreas).toEqual(["Advisories", "performance-based assessment"]);
  });

  it("refuses an end before the start, a missing venue or link, and a zero capacity", async () => {
    const base = { title: "Bad", kind: "WORKSHOP", host: { kind: "SCHOOL", id: someId() }, capacity: 5 };
    const create = (input: Record<string, unknown>) =>
      fixture.execute(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input: { ...base, ...input } });
    const backwards = await create({ startDate: daysFromToday(5), endDate: daysFromToday(4), format: "ONLINE", onlineUrl: "https://x.org" });
    expect(errorCode(backwards)).toBe("BAD_USER_INPUT");
    expect(backwards.errors![0].extensions!.field).toBe("input.endDate");
    const noVenue = await create({ startDate: daysFromToday(5), format: "HYBRID", onlineUrl: "https://x.org" });
    expect(noVenue.errors![0].extensions!.field).toBe("input.venue");
    const noLink = await create({ startDate: daysFromToday(5), format: "ONLINE" });
    expect(noLink.errors![0].extensions!.field).toBe("input.onlineUrl");
    const zero = await create({ startDate: daysFromToday(5), format: "ONLINE", onlineUrl: "https://x.org", capacity: 0 });
    expect(zero.errors![0].extensions!.field).toBe("input.capacity");
  });

  it("lists events by start date, filtered by focus area (any capitalization), network and dates", async () => {
    const network = someId();
    const late = await fixture.createEvent({ networkIds: [network], startDate: daysFromToday(90), focusAreas: ["Technology integration"] });
    const early = await fixture.createEvent({ networkIds: [network], startDate: daysFromToday(10), focusAreas: ["technology   integration"] });
    await fixture.createEvent({ networkIds: [network], startDate: daysFromToday(20), focusAreas: ["literacy"] });
    const result = await fixture.must(
      `query($n: ID!) { events(networkId: $n, focusArea: "TECHNOLOGY INTEGRATION", first: 10) { totalCount edges { node { id } } } }`,
      { n: network },
    );
    expect(result.events.totalCount).toBe(2);
    expect(result.events.edges.map((edge: any) => edge.node.id)).toEqual([early, late]);
    const window = await fixture.must(`query($n: ID!, $to: LocalDate) { events(networkId: $n, to: $to, first: 10) { edges { node { id } } } }`, {
      n: network,
      to: daysFromToday(30),
    });
    expect(window.events.edges).toHaveLength(2);
  });

  it("shows a school's hosted events in a window, and a network's offered events", async () => {
    const school = someId();
    const network = someId();
    const inTerm = await fixture.createEvent({ host: { kind: "SCHOOL", id: school }, networkIds: [network], startDate: daysFromToday(15) });
    await fixture.createEvent({ host: { kind: "SCHOOL", id: school }, startDate: daysFromToday(200) });
    const result = await fixture.must(
      `query($reps: [_Any!]!, $to: LocalDate) { _entities(representations: $reps) {
        ... on School { events(to: $to) { totalCount edges { node { id host { school { id } } } } } }
        ... on Network { events { totalCount edges { node { id } } } }
      } }`,
      { reps: [{ __typename: "School", id: school }, { __typename: "Network", id: network }], to: daysFromToday(100) },
    );
    expect(result._entities[0].events).toEqual({ totalCount: 1, edges: [{ node: { id: inTerm, host: { school: { id: school } } } }] });
    expect(result._entities[1].events).toEqual({ totalCount: 1, edges: [{ node: { id: inTerm } }] });
  });
});

describe("registrations and the waitlist", () => {
  it("confirms until capacity, then waitlists in order and moves the waitlist up on cancellation", async () => {
    const id = await fixture.createEvent({ capacity: 2 });
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await fixture.register(id)).data!.registerForEvent);
    expect(results.map((r) => r.status)).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED", "WAITLISTED", "WAITLISTED"]);
    expect(results.map((r) => r.waitlistPosition)).toEqual([null, null, 1, 2, 3]);
    expect(await event(id)).toMatchObject({ seatsLeft: 0, isFull: true, confirmedCount: 2, waitlistCount: 3 });

    // a waitlisted registrant leaves: the others move up a place
    await fixture.must(CANCEL, { id: results[3].id });
    // a confirmed registrant leaves: the first in line takes the seat
    const cancelled = await fixture.must(CANCEL, { id: results[0].id });
    expect(cancelled.cancelEventRegistration.status).toBe("CANCELLED");
    const after = await event(id);
    expect(after).toMatchObject({ seatsLeft: 0, confirmedSeats: 2, confirmedCount: 2, waitlistCount: 1 });
    const byId = new Map(after.registrations.map((r: any) => [r.id, r]));
    expect(byId.get(results[2].id)).toMatchObject({ status: "CONFIRMED", waitlistPosition: null });
    expect(byId.get(results[4].id)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(byId.has(results[0].id)).toBe(false);
    const all = await fixture.must(`query($id: ID!) { event(id: $id) { registrations(status: CANCELLED) { edges { node { id } } } } }`, { id });
    expect(nodes(all.event.registrations).map((r) => r.id).sort()).toEqual([results[0].id, results[3].id].sort());
    const everyOne = await fixture.must(`query($id: ID!) { event(id: $id) { registrations(includeCancelled: true) { totalCount } } }`, { id });
    expect(everyOne.event.registrations.totalCount).toBe(5);
  });

  it("refuses a second live registration of the same educator, and a second cancellation", async () => {
    const id = await fixture.createEvent();
    const educatorId = someId();
    const first = await fixture.register(id, { educatorId });
    const again = await fixture.register(id, { educatorId });
    expect(errorCode(again)).toBe("CONFLICT");
    await fixture.must(CANCEL, { id: first.data!.registerForEvent.id });
    expect(errorCode(await fixture.execute(CANCEL, { id: first.data!.registerForEvent.id }))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(CANCEL, { id: newId() }))).toBe("NOT_FOUND");
    // once cancelled, the educator may register again
    expect((await fixture.register(id, { educatorId })).data!.registerForEvent.status).toBe("CONFIRMED");
    expect(await event(id)).toMatchObject({ confirmedSeats: 1, seatsLeft: 9 });
  });

  it("lets a school register a team; the waitlist is first come, first served", async () => {
    const id = await fixture.createEvent({ capacity: 10 });
    const team = await fixture.register(id, { registrantKind: "SCHOOL", schoolId: someId(), educatorId: null, seats: 8 });
    expect(team.data!.registerForEvent).toMatchObject({ status: "CONFIRMED", seats: 8 });
    const big = await fixture.register(id, { registrantKind: "SCHOOL", schoolId: someId(), educatorId: null, seats: 3 });
    expect(big.data!.registerForEvent.status).toBe("WAITLISTED");
    // two seats are free, but a newcomer does not jump the queue
    const small = await fixture.register(id);
    expect(small.data!.registerForEvent).toMatchObject({ status: "WAITLISTED", waitlistPosition: 2 });
    // freeing the team's seats confirms both, in order
    await fixture.must(CANCEL, { id: team.data!.registerForEvent.id });
    const after = await event(id);
    expect(after).toMatchObject({ confirmedSeats: 4, seatsLeft: 6, waitlistCount: 0 });
  });

  it("checks the registrant and the seats", async () => {
    const id = await fixture.createEvent({ capacity: 5 });
    const noEducator = await fixture.register(id, { educatorId: null });
    expect(noEducator.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.educatorId" });
    const educatorTeam = await fixture.register(id, { seats: 2 });
    expect(educatorTeam.errors![0].extensions!.field).toBe("input.seats");
    const tooMany = await fixture.register(id, { registrantKind: "SCHOOL", schoolId: someId(), seats: 6 });
    expect(tooMany.errors![0].extensions!.field).toBe("input.seats");
    const unknown = await fixture.register(newId());
    expect(unknown.errors![0].extensions!.field).toBe("input.eventId");
    expect(await event(id)).toMatchObject({ confirmedSeats: 0, waitlistCount: 0 });
  });

  it("raises capacity to move the waitlist up, and refuses to drop it below the confirmed seats", async () => {
    const id = await fixture.createEvent({ capacity: 1 });
    await fixture.register(id);
    await fixture.register(id);
    const update = `mutation($id: ID!, $c: Int!) { updateEvent(id: $id, input: { capacity: $c }) { capacity seatsLeft waitlistCount } }`;
    expect(errorCode(await fixture.execute(update, { id, c: 0 }))).toBe("BAD_USER_INPUT");
    const raised = await fixture.must(update, { id, c: 3 });
    expect(raised.updateEvent).toEqual({ capacity: 3, seatsLeft: 1, waitlistCount: 0 });
    const lowered = await fixture.execute(update, { id, c: 1 });
    expect(errorCode(lowered)).toBe("CONFLICT");
    expect(await event(id)).toMatchObject({ capacity: 3, confirmedSeats: 2 });
  });

  it("refuses a capacity a waiting team could never fit in", async () => {
    const id = await fixture.createEvent({ capacity: 10 });
    await fixture.register(id, { registrantKind: "SCHOOL", schoolId: someId(), educatorId: null, seats: 4 });
    await fixture.register(id, { registrantKind: "SCHOOL", schoolId: someId(), educatorId: null, seats: 8 });
    const update = `mutation($id: ID!, $c: Int!) { updateEvent(id: $id, input: { capacity: $c }) { capacity } }`;
    expect(errorCode(await fixture.execute(update, { id, c: 6 }))).toBe("CONFLICT");
    expect((await fixture.must(update, { id, c: 12 })).updateEvent.capacity).toBe(12);
    expect(await event(id)).toMatchObject({ confirmedSeats: 12, seatsLeft: 0, waitlistCount: 0 });
  });

  it("refuses registrations for a cancelled or past event", async () => {
    const id = await fixture.createEvent();
    await fixture.must(`mutation($id: ID!) { cancelEvent(id: $id) { status } }`, { id });
    expect(errorCode(await fixture.register(id))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(`mutation($id: ID!) { cancelEvent(id: $id) { status } }`, { id }))).toBe("CONFLICT");
    const past = await fixture.createEvent({ startDate: daysFromToday(-10), endDate: daysFromToday(-9) });
    expect(errorCode(await fixture.register(past))).toBe("CONFLICT");
  });

  it("lists an event's registrations as a connection, and a school's and an educator's registrations", async () => {
    const id = await fixture.createEvent({ capacity: 1 });
    const school = someId();
    const educator = someId();
    await fixture.register(id, { educatorId: educator, schoolId: school });
    await fixture.register(id, { registrantKind: "SCHOOL", schoolId: school, educatorId: null });
    const page = await fixture.must(`query($id: ID!) { eventRegistrations(eventId: $id, first: 1) { totalCount pageInfo { hasNextPage } edges { node { status } } } }`, { id });
    expect(page.eventRegistrations).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { status: "CONFIRMED" } }] });
    const entities = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on School { eventRegistrations { edges { node { registrantKind status event { id } } } } }
        ... on Educator { eventRegistrations { edges { node { status school { id } educator { id } } } } }
      } }`,
      { reps: [{ __typename: "School", id: school }, { __typename: "Educator", id: educator }] },
    );
    expect(nodes(entities._entities[0].eventRegistrations).map((r) => r.registrantKind)).toEqual(["EDUCATOR", "SCHOOL"]);
    expect(nodes(entities._entities[1].eventRegistrations)).toEqual([{ status: "CONFIRMED", school: { id: school }, educator: { id: educator } }]);
  });
});
