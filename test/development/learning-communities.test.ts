import { errorCode, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const FORM = `mutation($input: FormLearningCommunityInput!) { formLearningCommunity(input: $input) {
  id name jobAlike owner { kind network { id } } network { id } memberCount schools { edges { node { id } } } members { totalCount edges { node { role school { id } educator { id } } } }
} }`;
const JOIN = `mutation($c: ID!, $m: LearningCommunityMemberInput!) { joinLearningCommunity(communityId: $c, member: $m) { id role } }`;

describe("learning communities", () => {
  it("forms a job-alike group across schools with its founding members", async () => {
    const network = someId();
    const [s1, s2] = [someId(), someId()];
    const [e1, e2] = [someId(), someId()];
    const result = await fixture.must(FORM, {
      input: {
        name: "Rural science teachers",
        jobAlike: "Science teachers",
        owner: { kind: "NETWORK", id: network },
        focusAreas: ["Applied learning"],
        formedOn: "2015-09-01",
        members: [
          { schoolId: s1, educatorId: e1, role: "FACILITATOR" },
          { schoolId: s2, educatorId: e2 },
        ],
      },
    });
    expect(result.formLearningCommunity).toMatchObject({
      jobAlike: "Science teachers",
      owner: { kind: "NETWORK", network: { id: network } },
      network: { id: network },
      memberCount: 2,
      schools: { edges: [{ node: { id: s1 } }, { node: { id: s2 } }] },
      members: {
        totalCount: 2,
        edges: [
          { node: { role: "FACILITATOR", school: { id: s1 }, educator: { id: e1 } } },
          { node: { role: "MEMBER", school: { id: s2 }, educator: { id: e2 } } },
        ],
      },
    });
  });

  it("refuses a member twice, also at formation; lets members leave and rejoin", async () => {
    const school = someId();
    const educator = someId();
    const duplicate = await fixture.execute(FORM, {
      input: { name: "Principals", jobAlike: "Principals", owner: { kind: "SCHOOL", id: school }, members: [{ schoolId: school, educatorId: educator }, { schoolId: school, educatorId: educator }] },
    });
    expect(duplicate.errors![0].extensions!.field).toBe("input.members.1");
    const id = (await fixture.must(FORM, { input: { name: "Principals", jobAlike: "Principals", owner: { kind: "SCHOOL", id: school } } })).formLearningCommunity.id;
    const member = (await fixture.must(JOIN, { c: id, m: { schoolId: school, educatorId: educator } })).joinLearningCommunity;
    expect(errorCode(await fixture.execute(JOIN, { c: id, m: { schoolId: someId(), educatorId: educator } }))).toBe("CONFLICT");
    const leave = `mutation($id: ID!) { leaveLearningCommunity(memberId: $id) { leftOn } }`;
    await fixture.must(leave, { id: member.id });
    expect(errorCode(await fixture.execute(leave, { id: member.id }))).toBe("CONFLICT");
    await fixture.must(JOIN, { c: id, m: { schoolId: school, educatorId: educator } });
    const community = await fixture.must(`query($id: ID!) { learningCommunity(id: $id) { memberCount members(includeLeft: true) { totalCount } current: members { totalCount } } }`, { id });
    expect(community.learningCommunity.memberCount).toBe(1);
    expect(community.learningCommunity.members.totalCount).toBe(2);
    expect(community.learningCommunity.current.totalCount).toBe(1);
  });

  it("carries communities on School, Network and Educator", async () => {
    const network = someId();
    const school = someId();
    const educator = someId();
    const id = (
      await fixture.must(FORM, {
        input: {
          name: "Counselors",
          jobAlike: "Counselors",
          owner: { kind: "NETWORK", id: network },
          focusAreas: ["Advising"],
          members: [{ schoolId: school, educatorId: educator }, { schoolId: school, educatorId: someId() }],
        },
      })
    ).formLearningCommunity.id;
    const result = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on School { learningCommunities { totalCount edges { node { id } } } other: learningCommunities(focusArea: "Literacy") { totalCount } }
        ... on Network { learningCommunities { totalCount edges { node { id } } } other: learningCommunities(focusArea: "Literacy") { totalCount } }
        ... on Educator { learningCommunities { totalCount edges { node { id } } } other: learningCommunities(focusArea: "Literacy") { totalCount } }
      } }`,
      { reps: [{ __typename: "School", id: school }, { __typename: "Network", id: network }, { __typename: "Educator", id: educator }] },
    );
    // once per school, however many of its educators belong; the filters of the root list apply
    const once = { learningCommunities: { totalCount: 1, edges: [{ node: { id } }] }, other: { totalCount: 0 } };
    expect(result._entities).toEqual([once, once, once]);
    const list = await fixture.must(`query($n: ID!) { learningCommunities(networkId: $n, first: 5) { totalCount } }`, { n: network });
    expect(list.learningCommunities.totalCount).toBe(1);
  });
});
