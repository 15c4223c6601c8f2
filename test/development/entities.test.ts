import { daysFromToday, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

describe("entity resolution (_entities)", () => {
  it("resolves its own entities by id, in the order asked, null for unknown ids", async () => {
    const eventId = await fixture.createEvent({ title: "Visitation day", kind: "VISITATION_DAY" });
    const registrationId = (await fixture.register(eventId)).data!.registerForEvent.id;
    const needId = await fixture.recordNeed(someId(), [someId()], "Advisories");
    const mentor = someId();
    await fixture.setMentorCapacity(mentor, 1);
    const mentorshipId = (await fixture.startMentorship(mentor, someId())).data!.startMentorship.id;
    const reviewId = (
      await fixture.must(`mutation($input: PlanPeerReviewInput!) { planPeerReview(input: $input) { id } }`, {
        input: { hostSchoolId: someId(), title: "Review", focusQuestions: ["Literacy?"], startDate: daysFromToday(1), endDate: daysFromToday(5), visitingTeam: [{ schoolId: someId() }] },
      })
    ).planPeerReview.id;
    const result = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        __typename
        ... on Event { title }
        ... on EventRegistration { registrationStatus: status }
        ... on Need { focusArea }
        ... on Mentorship { mentorshipStatus: status }
        ... on PeerReview { title }
        ... on School { id }
      } }`,
      {
        reps: [
          { __typename: "PeerReview", id: reviewId },
          { __typename: "Event", id: "unknown" },
          { __typename: "Event", id: eventId },
          { __typename: "EventRegistration", id: registrationId },
          { __typename: "Need", id: needId },
          { __typename: "Mentorship", id: mentorshipId },
          { __typename: "School", id: "any-school" },
        ],
      },
    );
    expect(result._entities).toEqual([
      { __typename: "PeerReview", title: "Review" },
      null,
      { __typename: "Event", title: "Visitation day" },
      { __typename: "EventRegistration", registrationStatus: "CONFIRMED" },
      { __typename: "Need", focusArea: "Advisories" },
      { __typename: "Mentorship", mentorshipStatus: "ACTIVE" },
      { __typename: "School", id: "any-school" },
    ]);
  });

  it("batches many representations into one query per type", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await fixture.createEvent());
    fixture.subgraph.commands.reset();
    const result = await fixture.must(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Event { id } } }`, {
      reps: ids.map((id) => ({ __typename: "Event", id })),
    });
    expect(result._entities.map((entity: any) => entity.id)).toEqual(ids);
    expect(fixture.subgraph.commands.byName()).toEqual({ find: 1 });
  });

  it("extends School, Network and Educator without a database call for the stubs", async () => {
    fixture.subgraph.commands.reset();
    const result = await fixture.must(`query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on School { id } ... on Network { id } ... on Educator { id } } }`, {
      reps: [
        { __typename: "School", id: "s" },
        { __typename: "Network", id: "n" },
        { __typename: "Educator", id: "e" },
      ],
    });
    expect(result._entities).toEqual([
      { __typename: "School", id: "s" },
      { __typename: "Network", id: "n" },
      { __typename: "Educator", id: "e" },
    ]);
    expect(fixture.subgraph.commands.total).toBe(0);
  });
});
