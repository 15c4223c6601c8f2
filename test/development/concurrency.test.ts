import { errorCode, nodes, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const EVENT = `query($id: ID!) { event(id: $id) { capacity confirmedSeats seatsLeft confirmedCount waitlistCount
  registrations(first: 100) { edges { node { id status waitlistPosition } } } } }`;

/** What the database holds for an event's registrations, by status (not what the API says). */
async function storedStatuses(eventId: string): Promise<Record<string, number>> {
  const docs = await fixture.subgraph.db.collection("event_registrations").find({ eventId }).toArray();
  const counts: Record<string, number> = {};
  for (const doc of docs) counts[doc.status] = (counts[doc.status] ?? 0) + 1;
  return counts;
}

describe("registrations never exceed capacity under simultaneous requests", () => {
  it("confirms exactly 10 of 50 simultaneous registrations for 10 seats and waitlists 40", async () => {
    const id = await fixture.createEvent({ capacity: 10 });
    const results = await Promise.all(Array.from({ length: 50 }, () => fixture.register(id)));
    expect(results.filter((result) => result.errors)).toEqual([]);
    const statuses = results.map((result) => result.data!.registerForEvent.status);
    expect(statuses.filter((status) => status === "CONFIRMED")).toHaveLength(10);
    expect(statuses.filter((status) => status === "WAITLISTED")).toHaveLength(40);

    expect(await storedStatuses(id)).toEqual({ CONFIRMED: 10, WAITLISTED: 40 });
    const event = (await fixture.must(EVENT, { id })).event;
    expect(event).toMatchObject({ confirmedSeats: 10, seatsLeft: 0, confirmedCount: 10, waitlistCount: 40 });
    const positions = nodes(event.registrations).filter((r: any) => r.status === "WAITLISTED").map((r: any) => r.waitlistPosition);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("keeps the count exact when cancellations and registrations race, and fills freed seats from the waitlist", async () => {
    const id = await fixture.createEvent({ capacity: 10 });
    const first = await Promise.all(Array.from({ length: 30 }, () => fixture.register(id)));
    const confirmed = first.filter((r) => r.data!.registerForEvent.status === "CONFIRMED").map((r) => r.data!.registerForEvent.id);
    const waiting = first.filter((r) => r.data!.registerForEvent.status === "WAITLISTED").map((r) => r.data!.registerForEvent.id);
    expect(confirmed).toHaveLength(10);

    // 5 confirmed and 5 waitlisted registrants leave while 20 more arrive, all at once
    const cancel = (registrationId: string) =>
      fixture.execute(`mutation($id: ID!) { cancelEventRegistration(id: $id) { status } }`, { id: registrationId });
    const raced = await Promise.all([
      ...confirmed.slice(0, 5).map(cancel),
      ...waiting.slice(0, 5).map(cancel),
      ...Array.from({ length: 20 }, () => fixture.register(id)),
    ]);
    expect(raced.filter((result) => result.errors)).toEqual([]);

    expect(await storedStatuses(id)).toEqual({ CONFIRMED: 10, WAITLISTED: 30, CANCELLED: 10 });
    const event = (await fixture.must(EVENT, { id })).event;
    expect(event).toMatchObject({ confirmedSeats: 10, seatsLeft: 0, confirmedCount: 10, waitlistCount: 30 });
    // the seats freed went to those who waited longest: everyone waitlisted in the first round who stayed
    const stillWaitingFromFirstRound = waiting.slice(5).filter((registrationId) =>
      nodes(event.registrations).some((r: any) => r.id === registrationId && r.status === "WAITLISTED"),
    );
    expect(stillWaitingFromFirstRound).toHaveLength(waiting.length - 5 - 5);
  });

  it("lets only one of several simultaneous registrations of the same educator through", async () => {
    const id = await fixture.createEvent({ capacity: 10 });
    const educatorId = someId();
    const results = await Promise.all(Array.from({ length: 10 }, () => fixture.register(id, { educatorId })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(9);
    expect(await storedStatuses(id)).toEqual({ CONFIRMED: 1 });
    expect((await fixture.must(EVENT, { id })).event).toMatchObject({ confirmedSeats: 1, seatsLeft: 9, waitlistCount: 0 });
  });
});

describe("a mentor school never takes more partners than its capacity", () => {
  it("accepts exactly 3 of 20 simultaneous requests when its capacity is 3", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 3);
    const results = await Promise.all(Array.from({ length: 20 }, () => fixture.startMentorship(mentor, someId())));
    expect(results.filter((result) => !result.errors)).toHaveLength(3);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(17);
    expect(await fixture.subgraph.db.collection("mentorships").countDocuments({ mentorSchoolId: mentor, status: "ACTIVE" })).toBe(3);
    const capacity = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { mentorCapacity { capacity activePartners remaining } } } }`,
      { reps: [{ __typename: "School", id: mentor }] },
    );
    expect(capacity._entities[0].mentorCapacity).toEqual({ capacity: 3, activePartners: 3, remaining: 0 });
  });

  it("frees a place when a mentorship ends, and fills it once under simultaneous requests", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 2);
    const started = await Promise.all([fixture.startMentorship(mentor, someId()), fixture.startMentorship(mentor, someId())]);
    await fixture.must(`mutation($id: ID!) { endMentorship(id: $id, input: { reason: FUNDING_ENDED }) { status } }`, {
      id: started[0].data!.startMentorship.id,
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => fixture.startMentorship(mentor, someId())));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(await fixture.subgraph.db.collection("mentorships").countDocuments({ mentorSchoolId: mentor, status: "ACTIVE" })).toBe(2);
  });

  it("keeps one active mentorship per pair under simultaneous requests, and the place of the refused ones", async () => {
    const mentor = someId();
    const partner = someId();
    await fixture.setMentorCapacity(mentor, 5);
    const results = await Promise.all(Array.from({ length: 8 }, () => fixture.startMentorship(mentor, partner)));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const capacity = await fixture.subgraph.db.collection("mentor_capacities").findOne({ schoolId: mentor });
    expect(capacity).toMatchObject({ capacity: 5, activeCount: 1, openSlots: 4 });
  });

  it("does not lower a capacity below the active partners, even while they are being added", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 4);
    const lower = `mutation($s: ID!, $c: Int!) { setMentorCapacity(schoolId: $s, capacity: $c) { capacity activePartners remaining } }`;
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => fixture.startMentorship(mentor, someId())),
      fixture.execute(lower, { s: mentor, c: 2 }),
    ]);
    const started = results.slice(0, 4).filter((result) => !result.errors).length;
    const stored = await fixture.subgraph.db.collection("mentor_capacities").findOne({ schoolId: mentor });
    expect(stored!.activeCount).toBe(started);
    expect(stored!.activeCount).toBeLessThanOrEqual(stored!.capacity);
    expect(stored!.openSlots).toBe(stored!.capacity - stored!.activeCount);
  });
});
