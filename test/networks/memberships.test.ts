import { newId } from "../../subgraphs/kit";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
let organizationId: string;
beforeAll(async () => {
  fixture = await startNetworksFixture();
  organizationId = await fixture.createOrganization();
});
afterAll(() => fixture.stop());

const ADD = `mutation($input: MembershipInput!) { proposeMembership(input: $input) { id role startDate endDate active status school { id } network { id } } }`;
const END = `mutation($id: ID!, $endDate: LocalDate) { endMembership(id: $id, endDate: $endDate) { id endDate active } }`;

describe("memberships", () => {
  it("adds a school to a network with a role, visible from both sides (the caller speaks for both, so it is accepted at once)", async () => {
    const networkId = await fixture.createNetwork(organizationId);
    const schoolId = await fixture.createSchool();
    const added = await fixture.execute(ADD, { input: { schoolId, networkId, role: "MENTOR_SCHOOL", startDate: "2023-09-01" } });
    expect(added.errors).toBeUndefined();
    expect(added.data.proposeMembership).toMatchObject({ role: "MENTOR_SCHOOL", active: true, endDate: null, status: "ACCEPTED", school: { id: schoolId } });
    const school = await fixture.execute(`query($id: ID!) { school(id: $id) { networks { edges { node { id } } } memberships { edges { node { role } } } } }`, { id: schoolId });
    expect(school.data.school).toEqual({ networks: { edges: [{ node: { id: networkId } }] }, memberships: { edges: [{ node: { role: "MENTOR_SCHOOL" } }] } });
    const network = await fixture.execute(
      `query($id: ID!) { network(id: $id) { schools { totalCount edges { node { id } } } memberships(role: MENTOR_SCHOOL) { totalCount } } }`,
      { id: networkId },
    );
    expect(network.data.network).toEqual({ schools: { totalCount: 1, edges: [{ node: { id: schoolId } }] }, memberships: { totalCount: 1 } });
  });

  it("refuses a duplicate active membership, also when requests race", async () => {
    const networkId = await fixture.createNetwork(organizationId);
    const schoolId = await fixture.createSchool();
    const attempts = await Promise.all(Array.from({ length: 8 }, () => fixture.execute(ADD, { input: { schoolId, networkId } })));
    expect(attempts.filter((result) => !result.errors)).toHaveLength(1);
    expect(attempts.every((result) => !result.errors || errorCode(result) === "CONFLICT")).toBe(true);
    expect(await fixture.subgraph.db.collection("memberships").countDocuments({ schoolId, networkId })).toBe(1);
  });

  it("names the missing school or network as bad input and stores nothing", async () => {
    const networkId = await fixture.createNetwork(organizationId);
    const before = await fixture.subgraph.db.collection("memberships").countDocuments();
    const result = await fixture.execute(ADD, { input: { schoolId: "000000000000000000000000", networkId } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.schoolId");
    expect(await fixture.subgraph.db.collection("memberships").countDocuments()).toBe(before);
  });

  it("ends a membership; dates out of order are refused and change nothing", async () => {
    const networkId = await fixture.createNetwork(organizationId);
    const schoolId = await fixture.createSchool();
    const id = await fixture.addMembership(schoolId, networkId, { startDate: "2022-09-01" });
    const backwards = await fixture.execute(END, { id, endDate: "2021-06-30" });
    expect(errorCode(backwards)).toBe("BAD_USER_INPUT");
    expect((await fixture.subgraph.db.collection("memberships").findOne({ _id: id as any }))!.endDate).toBeNull();
    const ended = await fixture.execute(END, { id, endDate: "2024-06-30" });
    expect(ended.data.endMembership).toEqual({ id, endDate: "2024-06-30", active: false });
    expect(errorCode(await fixture.execute(END, { id, endDate: "2024-07-30" }))).toBe("CONFLICT");
    const network = await fixture.execute(
      `query($id: ID!) { network(id: $id) { schools { totalCount } ended: memberships(status: ENDED) { totalCount } all: memberships { totalCount } } }`,
      { id: networkId },
    );
    expect(network.data.network).toEqual({ schools: { totalCount: 0 }, ended: { totalCount: 1 }, all: { totalCount: 1 } });
  });

  it("lets a school rejoin after its membership ended, but not overlapping it", async () => {
    const networkId = await fixture.createNetwork(organizationId);
    const schoolId = await fixture.createSchool();
    const id = await fixture.addMembership(schoolId, networkId, { startDate: "2020-09-01" });
    await fixture.execute(END, { id, endDate: "2022-06-30" });
    const overlapping = await fixture.execute(ADD, { input: { schoolId, networkId, startDate: "2022-01-01" } });
    expect(errorCode(overlapping)).toBe("CONFLICT");
    const rejoined = await fixture.execute(ADD, { input: { schoolId, networkId, startDate: "2023-09-01" } });
    expect(rejoined.errors).toBeUndefined();
  });

  it("answers NOT_FOUND when ending an unknown membership", async () => {
    expect(errorCode(await fixture.execute(END, { id: newId() }))).toBe("NOT_FOUND");
  });

  it("keeps a network's schools in name order after a school is renamed", async () => {
    const networkId = await fixture.createNetwork(organizationId);
    const a = await fixture.createSchool({ name: "Alpha School" });
    const b = await fixture.createSchool({ name: "Bravo School" });
    await fixture.addMembership(a, networkId);
    await fixture.addMembership(b, networkId);
    await fixture.execute(`mutation($id: ID!) { updateSchool(id: $id, input: { name: "Zulu School" }) { id } }`, { id: a });
    const result = await fixture.execute(`query($id: ID!) { network(id: $id) { schools { edges { node { name } } } } }`, { id: networkId });
    expect(result.data.network.schools.edges.map((edge: any) => edge.node.name)).toEqual(["Bravo School", "Zulu School"]);
  });
});
