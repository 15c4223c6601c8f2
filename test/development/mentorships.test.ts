import { newId } from "../../subgraphs/kit";
import { daysFromToday, errorCode, nodes, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const LOG = `mutation($id: ID!, $input: LogMentorshipActivityInput!) { logMentorshipActivity(mentorshipId: $id, input: $input) { id date kind direction } }`;
const END = `mutation($id: ID!, $input: EndMentorshipInput!) { endMentorship(id: $id, input: $input) { status endDate endReason endNote } }`;

const MENTOR_VIEW = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School {
  mentorCapacity { capacity activePartners remaining }
  mentorships(role: MENTOR, status: ACTIVE) { totalCount edges { node { partnerSchool { id } focusAreas activities(first: 2) { edges { node { date kind summary } } } } } }
} } }`;

describe("mentorships", () => {
  it("needs a stated capacity, and refuses a school mentoring itself", async () => {
    const mentor = someId();
    const unstated = await fixture.startMentorship(mentor, someId());
    expect(errorCode(unstated)).toBe("CONFLICT");
    expect(unstated.errors![0].message).toMatch(/setMentorCapacity/);
    await fixture.setMentorCapacity(mentor, 1);
    const self = await fixture.startMentorship(mentor, mentor);
    expect(self.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partnerSchoolId" });
    const future = await fixture.startMentorship(mentor, someId(), { startDate: daysFromToday(3) });
    expect(future.errors![0].extensions!.field).toBe("input.startDate");
    expect((await fixture.subgraph.db.collection("mentor_capacities").findOne({ schoolId: mentor }))!.activeCount).toBe(0);
  });

  it("shows a mentor school's current partners, remaining capacity and last visits", async () => {
    const mentor = someId();
    const [partner, former] = [someId(), someId()];
    await fixture.setMentorCapacity(mentor, 3);
    const id = (await fixture.startMentorship(mentor, partner, { focusAreas: ["Advisories", "senior exhibitions"], startDate: daysFromToday(-100) })).data!
      .startMentorship.id;
    const ended = (await fixture.startMentorship(mentor, former, { startDate: daysFromToday(-400) })).data!.startMentorship.id;
    await fixture.must(END, { id: ended, input: { reason: "FUNDING_ENDED", note: "The grant that paid for travel ran out.", endDate: daysFromToday(-30) } });
    await fixture.must(LOG, { id, input: { kind: "WORKSHOP", date: daysFromToday(-90), summary: "In-service day on advisories", participantCount: 10 } });
    await fixture.must(LOG, { id, input: { kind: "VISIT", date: daysFromToday(-10), direction: "PARTNER_TO_MENTOR", summary: "Partner teachers observed advisories" } });
    await fixture.must(LOG, { id, input: { kind: "EXCHANGE", date: daysFromToday(-40), summary: "Shared exhibition rubrics" } });

    const view = (await fixture.must(MENTOR_VIEW, { reps: [{ __typename: "School", id: mentor }] }))._entities[0];
    expect(view.mentorCapacity).toEqual({ capacity: 3, activePartners: 1, remaining: 2 });
    expect(view.mentorships.totalCount).toBe(1);
    expect(nodes(view.mentorships).map((m) => ({ ...m, activities: nodes(m.activities) }))).toEqual([
      {
        partnerSchool: { id: partner },
        focusAreas: ["Advisories", "senior exhibitions"],
        activities: [
          { date: daysFromToday(-10), kind: "VISIT", summary: "Partner teachers observed advisories" },
          { date: daysFromToday(-40), kind: "EXCHANGE", summary: "Shared exhibition rubrics" },
        ],
      },
    ]);
    const partnerView = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { mentorships { edges { node { status mentorSchool { id } endReason endNote } } } } } }`,
      { reps: [{ __typename: "School", id: former }] },
    );
    expect(nodes(partnerView._entities[0].mentorships)).toEqual([
      { status: "ENDED", mentorSchool: { id: mentor }, endReason: "FUNDING_ENDED", endNote: "The grant that paid for travel ran out." },
    ]);
  });

  it("ends a mentorship once, within its period, and frees the mentor's place", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 1);
    const id = (await fixture.startMentorship(mentor, someId(), { startDate: daysFromToday(-20) })).data!.startMentorship.id;
    expect(errorCode(await fixture.startMentorship(mentor, someId()))).toBe("CONFLICT");
    const early = await fixture.execute(END, { id, input: { reason: "DISTANCE", endDate: daysFromToday(-30) } });
    expect(early.errors![0].extensions!.field).toBe("input.endDate");
    const result = await fixture.must(END, { id, input: { reason: "DISTANCE" } });
    expect(result.endMentorship).toMatchObject({ status: "ENDED", endDate: daysFromToday(0), endReason: "DISTANCE" });
    expect(errorCode(await fixture.execute(END, { id, input: { reason: "OTHER" } }))).toBe("CONFLICT");
    expect((await fixture.startMentorship(mentor, someId())).errors).toBeUndefined();
  });

  it("logs activities only within the mentorship and not in the future", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 2);
    const id = (await fixture.startMentorship(mentor, someId(), { startDate: daysFromToday(-10) })).data!.startMentorship.id;
    const before = await fixture.execute(LOG, { id, input: { kind: "VISIT", date: daysFromToday(-11), summary: "Too early" } });
    expect(before.errors![0].extensions!.field).toBe("input.date");
    const future = await fixture.execute(LOG, { id, input: { kind: "VISIT", date: daysFromToday(1), summary: "Not yet" } });
    expect(future.errors![0].extensions!.field).toBe("input.date");
    expect(errorCode(await fixture.execute(LOG, { id: newId(), input: { kind: "VISIT", summary: "Nobody" } }))).toBe("NOT_FOUND");
    const today = await fixture.must(LOG, { id, input: { kind: "CALL", summary: "Planning call" } });
    expect(today.logMentorshipActivity).toMatchObject({ date: daysFromToday(0), direction: "MENTOR_TO_PARTNER" });
  });

  it("changes a capacity, never below the active partners", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 2);
    await fixture.startMentorship(mentor, someId());
    await fixture.startMentorship(mentor, someId());
    const set = `mutation($s: ID!, $c: Int!) { setMentorCapacity(schoolId: $s, capacity: $c) { capacity activePartners remaining } }`;
    expect(errorCode(await fixture.execute(set, { s: mentor, c: 1 }))).toBe("CONFLICT");
    expect((await fixture.must(set, { s: mentor, c: 4 })).setMentorCapacity).toEqual({ capacity: 4, activePartners: 2, remaining: 2 });
    expect(errorCode(await fixture.execute(set, { s: mentor, c: -1 }))).toBe("BAD_USER_INPUT");
  });

  it("lists mentorships by mentor, status and focus area", async () => {
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 5);
    await fixture.startMentorship(mentor, someId(), { focusAreas: ["Interdisciplinary curriculum"] });
    await fixture.startMentorship(mentor, someId(), { focusAreas: ["advisories"] });
    const list = await fixture.must(`query($m: ID!) { mentorships(mentorSchoolId: $m, status: ACTIVE, focusArea: "interdisciplinary CURRICULUM", first: 5) { totalCount } }`, {
      m: mentor,
    });
    expect(list.mentorships.totalCount).toBe(1);
  });
});
