import { ANONYMOUS_ACCESS } from "../../subgraphs/kit";
import { personAccess, SYSTEM_ACCESS } from "../support/access";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
let organizationId: string;
let networkA: string;
let networkB: string;
let schoolA: string;
beforeAll(async () => {
  fixture = await startNetworksFixture();
  organizationId = await fixture.createOrganization("CEI-PEA");
  networkA = await fixture.createNetwork(organizationId, "Network A");
  networkB = await fixture.createNetwork(organizationId, "Network B");
  schoolA = await fixture.createSchool({ name: "School A" });
  await fixture.addMembership(schoolA, networkA);
});
afterAll(() => fixture.stop());

const coordinatorOfB = () => personAccess({ organizationId, managedNetworkIds: [networkB], memberNetworkIds: [networkB] });
const staffOfA = () => personAccess({ organizationId, schoolIds: [schoolA], memberNetworkIds: [networkA] });
const ADD = `mutation($input: MembershipInput!) { proposeMembership(input: $input) { id status } }`;

describe("who may write the directory", () => {
  it("refuses anonymous and read-only callers, and stores nothing", async () => {
    const before = await fixture.subgraph.db.collection("schools").countDocuments();
    const input = { name: "Sneaky School", level: "HIGH", lowestGrade: 9, highestGrade: 12, location: { country: "US" } };
    const CREATE = `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`;
    expect(errorCode(await fixture.execute(CREATE, { input }, ANONYMOUS_ACCESS))).toBe("UNAUTHENTICATED");
    expect(errorCode(await fixture.execute(CREATE, { input }, { ...personAccess(), canWrite: false }))).toBe("FORBIDDEN");
    expect(await fixture.subgraph.db.collection("schools").countDocuments()).toBe(before);
  });

  it("lets only a network's managers propose schools to it, and the proposal waits for the school", async () => {
    const school = await fixture.createSchool();
    expect(errorCode(await fixture.execute(ADD, { input: { schoolId: school, networkId: networkA } }, coordinatorOfB()))).toBe("FORBIDDEN");
    const proposed = await fixture.execute(ADD, { input: { schoolId: school, networkId: networkB } }, coordinatorOfB());
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.proposeMembership.status).toBe("PENDING");
  });

  it("lets a school's staff edit it and end its membership, but not another school", async () => {
    const other = await fixture.createSchool({ name: "Other School" });
    const UPDATE = `mutation($id: ID!) { updateSchool(id: $id, input: { enrollment: 410 }) { enrollment } }`;
    expect((await fixture.execute(UPDATE, { id: schoolA }, staffOfA())).data.updateSchool.enrollment).toBe(410);
    expect(errorCode(await fixture.execute(UPDATE, { id: other }, staffOfA()))).toBe("FORBIDDEN");
    const school = await fixture.createSchool();
    const membershipId = await fixture.addMembership(school, networkA);
    const END = `mutation($id: ID!) { endMembership(id: $id) { endDate } }`;
    expect(errorCode(await fixture.execute(END, { id: membershipId }, staffOfA()))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(ADD, { input: { schoolId: schoolA, networkId: networkB } }, staffOfA()))).toBe("FORBIDDEN");
  });

  it("lets only an organization's admins create its networks", async () => {
    const CREATE = `mutation($o: ID!) { createNetwork(input: { name: "Rogue Network", organizationId: $o, scope: LOCAL }) { id } }`;
    expect(errorCode(await fixture.execute(CREATE, { o: organizationId }, coordinatorOfB()))).toBe("FORBIDDEN");
    const elsewhere = personAccess({ organizationId: "another-organization", organizationAdmin: true });
    expect(errorCode(await fixture.execute(CREATE, { o: organizationId }, elsewhere))).toBe("FORBIDDEN");
  });
});

describe("educator contact details", () => {
  it("are visible to the educator's school and its networks' coordinators only", async () => {
    const created = await fixture.execute(
      `mutation($s: ID!) { createEducator(input: { name: "Teri Schrader", role: SCHOOL_LEADER, schoolId: $s, contact: { email: "teri@example.org" } }) { id } }`,
      { s: schoolA },
    );
    const QUERY = `query($id: ID!) { educator(id: $id) { name contact { email } } }`;
    const id = created.data.createEducator.id;
    const as = async (access: any) => (await fixture.execute(QUERY, { id }, access)).data.educator;
    expect(await as(ANONYMOUS_ACCESS)).toEqual({ name: "Teri Schrader", contact: null });
    expect(await as(coordinatorOfB())).toEqual({ name: "Teri Schrader", contact: null });
    expect(await as(staffOfA())).toEqual({ name: "Teri Schrader", contact: { email: "teri@example.org" } });
    // the coordinators of a network the school accepted membership in (as the gateway forwards it) read them
    const acceptedBy = (networkId: string) => personAccess({ organizationId, managedNetworkIds: [networkId], schoolMemberships: [{ schoolId: schoolA, networkId }] });
    expect(await as(acceptedBy(networkA))).toEqual({ name: "Teri Schrader", contact: { email: "teri@example.org" } });
    // a membership the school has not accepted gives nothing
    expect(await as(personAccess({ organizationId, managedNetworkIds: [networkA] }))).toEqual({ name: "Teri Schrader", contact: null });
  });
});

describe("access grants (asked by the gateway)", () => {
  const GRANTS = `query($o: ID!, $s: [ID!]!, $c: [ID!]!, $admin: Boolean!) { accessGrants(organizationId: $o, schoolIds: $s, coordinatedNetworkIds: $c, organizationAdmin: $admin) {
    schoolIds managedNetworkIds memberNetworkIds allied { kind networkIds } schoolMemberships { schoolId networkId } } }`;

  it("answers the gateway only", async () => {
    expect(errorCode(await fixture.execute(GRANTS, { o: organizationId, s: [], c: [], admin: true }))).toBe("FORBIDDEN");
  });

  it("grants roles only inside the issuer's organization, and alliance sharing by kind", async () => {
    const otherOrganization = await fixture.createOrganization("Education Northwest");
    const nwRise = await fixture.createNetwork(otherOrganization, "NW RISE");
    const outsider = await fixture.createNetwork(otherOrganization, "Outsider");
    await fixture.execute(
      `mutation($n: [ID!]!) { formAlliance(input: { name: "Rural-urban", scope: NATIONAL, networkIds: $n, agreement: { sharedKinds: [RESOURCES] } }) { id } }`,
      { n: [networkA, nwRise] },
    );
    const result = await fixture.execute(GRANTS, { o: organizationId, s: [schoolA], c: [networkB, outsider], admin: false }, SYSTEM_ACCESS);
    expect(result.errors).toBeUndefined();
    const grants = result.data.accessGrants;
    expect(grants.schoolIds).toEqual([schoolA]);
    expect(grants.managedNetworkIds).toEqual([networkB]);
    expect([...grants.memberNetworkIds].sort()).toEqual([networkA, networkB].sort());
    expect(grants.allied).toHaveLength(1);
    expect(grants.allied[0].kind).toBe("RESOURCES");
    expect([...grants.allied[0].networkIds].sort()).toEqual([networkA, nwRise].sort());
    // the staff's school in networkA; networkB (coordinated) has no accepted members
    expect(grants.schoolMemberships).toEqual([{ schoolId: schoolA, networkId: networkA }]);
  });
});

describe("API keys", () => {
  it("are created by organization admins, stored as a hash, verified and revoked", async () => {
    const admin = personAccess({ organizationId, organizationAdmin: true });
    const created = await fixture.execute(
      `mutation($o: ID!) { createApiKey(input: { organizationId: $o, name: "Portal", canWrite: false }) { secret apiKey { id prefix canWrite } } }`,
      { o: organizationId },
      admin,
    );
    const { secret, apiKey } = created.data.createApiKey;
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const stored = await fixture.subgraph.db.collection("api_keys").findOne({ _id: apiKey.id });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const GRANT = `query($k: String!) { apiKeyGrant(key: $k) { keyId organizationId canWrite } }`;
    expect((await fixture.execute(GRANT, { k: secret }, SYSTEM_ACCESS)).data.apiKeyGrant).toEqual({ keyId: apiKey.id, organizationId, canWrite: false });
    expect((await fixture.execute(GRANT, { k: `${secret}x` }, SYSTEM_ACCESS)).data.apiKeyGrant).toBeNull();
    expect(errorCode(await fixture.execute(GRANT, { k: secret }, admin))).toBe("FORBIDDEN");
    await fixture.execute(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, admin);
    expect((await fixture.execute(GRANT, { k: secret }, SYSTEM_ACCESS)).data.apiKeyGrant).toBeNull();
  });

  it("cannot be managed by others", async () => {
    const CREATE = `mutation($o: ID!) { createApiKey(input: { organizationId: $o, name: "Mine" }) { secret } }`;
    expect(errorCode(await fixture.execute(CREATE, { o: organizationId }, coordinatorOfB()))).toBe("FORBIDDEN");
    const otherAdmin = personAccess({ organizationId: "another-organization", organizationAdmin: true });
    expect(errorCode(await fixture.execute(CREATE, { o: organizationId }, otherAdmin))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(`query($o: ID!) { apiKeys(organizationId: $o) { edges { node { id } } } }`, { o: organizationId }, otherAdmin))).toBe("FORBIDDEN");
  });
});

it("refuses an educator of no school or network, whom nobody would keep", async () => {
  const CREATE = `mutation { createEducator(input: { name: "Floating Coach", role: COACH }) { id } }`;
  const before = await fixture.subgraph.db.collection("educators").countDocuments();
  expect(errorCode(await fixture.execute(CREATE))).toBe("BAD_USER_INPUT");
  expect(await fixture.subgraph.db.collection("educators").countDocuments()).toBe(before);
});

describe("audit log", () => {
  it("records every write with who and what, readable by the organization's admins only", async () => {
    const school = await fixture.createSchool({ name: "Audited School" });
    await fixture.addMembership(school, networkA);
    const admin = personAccess({ organizationId, organizationAdmin: true, personId: "auditor" });
    const QUERY = `query($o: ID!) { organization(id: $o) { auditLog(first: 100) { totalCount edges { node { operation subgraph entityType actor { kind id } changes } } } } }`;
    const result = await fixture.execute(QUERY, { o: organizationId }, admin);
    expect(result.errors).toBeUndefined();
    const addition = result.data.organization.auditLog.edges.find(
      (edge: any) => edge.node.operation === "proposeMembership" && edge.node.changes.input.schoolId === school,
    );
    expect(addition.node).toMatchObject({ subgraph: "networks", entityType: "Membership", actor: { kind: "PERSON", id: "test-person" } });
    expect(errorCode(await fixture.execute(QUERY, { o: organizationId }, coordinatorOfB()))).toBe("FORBIDDEN");
  });

  it("shows a network's admins no arguments of writes to a school's PRIVATE records in it, which they cannot read", async () => {
    const admin = personAccess({ organizationId, organizationAdmin: true, personId: "auditor" });
    const written = (entityId: string, schoolId: string | null, visibility: string | null) =>
      fixture.subgraph.audit.record({
        operation: "recordNeed",
        actor: { principal: { kind: "PERSON", personId: "staff-elsewhere" }, organizationId: "another-organization" },
        entity: { type: "Need", id: entityId },
        owner: { organizationId: null, networkId: networkA, schoolId },
        visibility,
        changes: { input: { description: `about ${entityId}` } },
      });
    await written("school-private", schoolA, "PRIVATE");
    await written("school-network", schoolA, "NETWORK");
    await written("network-private", null, "PRIVATE");
    const QUERY = `query($o: ID!) { organization(id: $o) { auditLog(first: 100) { edges { node { entityId } } } } }`;
    const seen = (await fixture.execute(QUERY, { o: organizationId }, admin)).data.organization.auditLog.edges.map((edge: any) => edge.node.entityId);
    expect(seen).toEqual(expect.arrayContaining(["school-network", "network-private"]));
    expect(seen).not.toContain("school-private");
  });

  it("pages newest first by timestamp cursors", async () => {
    const admin = personAccess({ organizationId, organizationAdmin: true });
    const PAGE = `query($o: ID!, $after: String) { organization(id: $o) { auditLog(first: 2, after: $after) { totalCount edges { node { id at } } pageInfo { endCursor hasNextPage } } } }`;
    const seen: Array<{ id: string; at: string }> = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = (await fixture.execute(PAGE, { o: organizationId, after }, admin)).data.organization.auditLog;
      total = page.totalCount;
      seen.push(...page.edges.map((edge: any) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(total);
    expect(seen.map((entry) => entry.at)).toEqual([...seen.map((entry) => entry.at)].sort().reverse());
  });
});
