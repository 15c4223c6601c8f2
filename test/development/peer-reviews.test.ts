import { personAccess } from "../support/access";
import { daysFromToday, errorCode, nodes, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

/** A person on the staff of one school. */
const staffOf = (schoolId: string) => personAccess({ schoolIds: [schoolId] });

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const PLAN = `mutation($input: PlanPeerReviewInput!) { planPeerReview(input: $input) { id status findingsAccess owner: hostSchool { id } } }`;
const RECORD = `mutation($id: ID!, $findings: [PeerReviewFindingInput!]!) { recordPeerReviewFindings(id: $id, findings: $findings) { findingsCount } }`;
const PARTICIPATIONS = `query($reps: [_Any!]!, $readable: Boolean) { _entities(representations: $reps) { ... on School {
  id peerReviews(readableOnly: $readable) { totalCount edges { node { role mayReadFindings findings { kind text } review { id title hostSchool { id } } } } }
} } }`;

async function plan(host: string, team: string[], extra: Record<string, unknown> = {}) {
  const result = await fixture.execute(PLAN, {
    input: {
      hostSchoolId: host,
      title: "Critical friends review",
      focusQuestions: ["How does the school raise literacy standards?", "How do advisories support it?"],
      startDate: daysFromToday(-5),
      endDate: daysFromToday(-1),
      visitingTeam: team.map((schoolId) => ({ schoolId, role: "principal" })),
      ...extra,
    },
  });
  return result;
}

async function participations(schoolIds: string[], readableOnly = false) {
  const data = await fixture.must(PARTICIPATIONS, { reps: schoolIds.map((id) => ({ __typename: "School", id })), readable: readableOnly });
  return data._entities.map((school: any) => {
    expect(school.peerReviews.totalCount).toBe(school.peerReviews.edges.length);
    return nodes(school.peerReviews);
  });
}

describe("peer reviews", () => {
  it("plans a review by a visiting team from other schools, records findings and completes it", async () => {
    const host = someId();
    const [v1, v2] = [someId(), someId()];
    const planned = await plan(host, [v1, v2, v1]);
    const id = planned.data!.planPeerReview.id;
    expect(planned.data!.planPeerReview).toMatchObject({ status: "PLANNED", findingsAccess: "HOST_ONLY", owner: { id: host } });
    expect(errorCode(await fixture.execute(`mutation($id: ID!) { completePeerReview(id: $id) { id } }`, { id }))).toBe("CONFLICT");
    await fixture.must(RECORD, {
      id,
      findings: [
        { kind: "STRENGTH", focusQuestion: 0, text: "Students read and discuss texts in every class." },
        { kind: "COOL_FEEDBACK", focusQuestion: 1, text: "Advisories rarely touch reading." },
      ],
    });
    const outOfRange = await fixture.execute(RECORD, { id, findings: [{ kind: "QUESTION", focusQuestion: 5, text: "A third question?" }] });
    expect(outOfRange.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "findings.0.focusQuestion" });
    const completed = await fixture.must(`mutation($id: ID!) { completePeerReview(id: $id) { status completedAt findingsCount visitingSchools { id } } }`, { id });
    expect(completed.completePeerReview).toMatchObject({ status: "COMPLETED", findingsCount: 2, visitingSchools: [{ id: v1 }, { id: v2 }] });
  });

  it("refuses the host on its own visiting team, and findings before the visit", async () => {
    const host = someId();
    const onTeam = await plan(host, [someId(), host]);
    expect(onTeam.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.visitingTeam.1.schoolId" });
    const future = await plan(host, [someId()], { startDate: daysFromToday(10), endDate: daysFromToday(14) });
    const id = future.data!.planPeerReview.id;
    expect(errorCode(await fixture.execute(RECORD, { id, findings: [{ kind: "STRENGTH", text: "Too early" }] }))).toBe("CONFLICT");
    const backwards = await plan(host, [someId()], { startDate: daysFromToday(3), endDate: daysFromToday(1) });
    expect(backwards.errors![0].extensions!.field).toBe("input.endDate");
  });

  it("lets the host decide who reads the findings", async () => {
    const host = someId();
    const visitor = someId();
    const reader = someId();
    const outsider = someId();
    const id = (await plan(host, [visitor])).data!.planPeerReview.id;
    await fixture.must(RECORD, { id, findings: [{ kind: "WARM_FEEDBACK", text: "A clear focus on literacy." }] });
    const findings = (rows: any[]) => rows.map((row) => row.find((entry: any) => entry.review.id === id));

    // host only: the host reads them, the visitor takes part without reading, others see nothing
    let [hostView, visitorView, readerView] = findings(await participations([host, visitor, reader]));
    expect(hostView).toMatchObject({ role: "HOST", mayReadFindings: true, findings: [{ kind: "WARM_FEEDBACK" }] });
    expect(visitorView).toMatchObject({ role: "VISITOR", mayReadFindings: false, findings: null });
    expect(readerView).toBeUndefined();
    const top = `query($id: ID!) { peerReview(id: $id) { findings { text } findingsCount findingsReaders { id } } }`;
    expect((await fixture.must(top, { id }, staffOf(visitor))).peerReview).toEqual({ findings: null, findingsCount: null, findingsReaders: [] });
    expect((await fixture.must(top, { id }, staffOf(host))).peerReview.findings).toEqual([{ text: "A clear focus on literacy." }]);

    // the review team, and one named school
    const setAccess = `mutation($id: ID!, $access: PeerReviewFindingsAccess!, $readers: [ID!]) {
      setPeerReviewFindingsAccess(id: $id, access: $access, readerSchoolIds: $readers) { findingsAccess } }`;
    await fixture.must(setAccess, { id, access: "REVIEW_TEAM", readers: [reader] });
    [hostView, visitorView, readerView] = findings(await participations([host, visitor, reader]));
    expect(visitorView).toMatchObject({ role: "VISITOR", mayReadFindings: true });
    expect(readerView).toMatchObject({ role: "READER", mayReadFindings: true, findings: [{ text: "A clear focus on literacy." }] });
    for (const school of [visitor, reader]) {
      expect((await fixture.must(top, { id }, staffOf(school))).peerReview).toEqual({
        findings: [{ text: "A clear focus on literacy." }],
        findingsCount: 1,
        findingsReaders: [{ id: reader }],
      });
    }
    // an outsider does not see the review at all (it is shared with no network)
    expect((await fixture.must(top, { id }, staffOf(outsider))).peerReview).toBeNull();
    const [outsiderReviews] = await participations([outsider], true);
    expect(outsiderReviews).toEqual([]);

    // public: anyone who sees the review reads them
    await fixture.must(setAccess, { id, access: "PUBLIC", readers: [] });
    expect((await fixture.must(top, { id }, staffOf(visitor))).peerReview.findings).toEqual([{ text: "A clear focus on literacy." }]);
    const refused = await fixture.execute(setAccess, { id, access: "HOST_ONLY", readers: [host] });
    expect(refused.errors![0].extensions!.field).toBe("readerSchoolIds.0");
  });

  it("filters a school's reviews to those it may read", async () => {
    const host = someId();
    const visitor = someId();
    const readable = (await plan(host, [visitor], { findingsAccess: "REVIEW_TEAM" })).data!.planPeerReview.id;
    await plan(host, [visitor]);
    const [all] = await participations([visitor]);
    expect(all).toHaveLength(2);
    const [mayRead] = await participations([visitor], true);
    expect(mayRead.map((entry: any) => entry.review.id)).toEqual([readable]);
  });

  it("lists reviews by host and visiting school, and an educator's reviews as a team member", async () => {
    const host = someId();
    const visitor = someId();
    const educator = someId();
    await plan(host, [visitor]);
    await fixture.execute(PLAN, {
      input: {
        hostSchoolId: host,
        title: "Second review",
        focusQuestions: ["What changed since the first?"],
        startDate: daysFromToday(-2),
        endDate: daysFromToday(-1),
        visitingTeam: [{ schoolId: visitor, educatorId: educator, role: "literacy coach" }],
      },
    });
    const list = await fixture.must(`query($h: ID!, $v: ID!) { peerReviews(hostSchoolId: $h, visitingSchoolId: $v, first: 10) { totalCount } }`, { h: host, v: visitor });
    expect(list.peerReviews.totalCount).toBe(2);
    const educatorView = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Educator { peerReviews { edges { node { title visitingTeam { role educator { id } school { id } } } } } } } }`,
      { reps: [{ __typename: "Educator", id: educator }] },
    );
    expect(nodes(educatorView._entities[0].peerReviews)).toEqual([
      { title: "Second review", visitingTeam: [{ role: "literacy coach", educator: { id: educator }, school: { id: visitor } }] },
    ]);
  });
});
