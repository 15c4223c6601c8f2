import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";
import { personAccess, SYSTEM_ACCESS } from "../support/access";
import { startNetworksFixture, type NetworksFixture } from "./fixtures";

/*
 * `viewer` answers from the access the gateway forwarded: it names the caller's own grants and nothing more, and an
 * alliance shows up only once its join was accepted.
 */
let fixture: NetworksFixture;
let home: string;
let homeNetwork: string;
let homeSecondNetwork: string;
let allyNetwork: string;
let pendingOrganization: string;
let pendingNetwork: string;
let school: string;
let otherSchool: string;
let alliance: string;

const GRANTS = `query($o: ID!, $s: [ID!]!, $c: [ID!]!, $admin: Boolean!) { accessGrants(organizationId: $o, schoolIds: $s, coordinatedNetworkIds: $c, organizationAdmin: $admin) {
  schoolIds managedNetworkIds memberNetworkIds allied { kind networkIds } schoolMemberships { schoolId networkId } } }`;

/** A person's access as the gateway works it out (accepted relations only), from the roles their token states. */
async function grantedAccess(personId: string, organizationId: string, roles: { schoolIds?: string[]; coordinated?: string[]; admin?: boolean }): Promise<Access> {
  const result = await fixture.execute(GRANTS, { o: organizationId, s: roles.schoolIds ?? [], c: roles.coordinated ?? [], admin: roles.admin ?? false }, SYSTEM_ACCESS);
  expect(result.errors).toBeUndefined();
  const { allied, ...grants } = result.data.accessGrants;
  const alliedNetworkIds = Object.fromEntries(allied.map((entry: { kind: string; networkIds: string[] }) => [entry.kind, entry.networkIds]));
  return personAccess({ personId, organizationId, organizationAdmin: roles.admin ?? false, ...grants, alliedNetworkIds });
}

const VIEWER = `query($first: Int, $after: String) { viewer {
  principal { kind id } canWrite roles organization { id name }
  schools(first: $first, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } }
  memberNetworks(first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
  managedNetworks(first: $first, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
  alliedData { kind shares(first: $first) { totalCount edges { node { network { id name } alliance { id name } } } } }
} }`;

async function viewer(access: Access, variables: Record<string, unknown> = {}) {
  const result = await fixture.execute(VIEWER, variables, access);
  expect(result.errors).toBeUndefined();
  return result.data.viewer;
}

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);
const sharesOf = (answer: any, kind: string) => answer.alliedData.find((entry: any) => entry.kind === kind).shares.edges.map((edge: any) => edge.node);

beforeAll(async () => {
  fixture = await startNetworksFixture();
  pendingOrganization = await fixture.createOrganization("Pending Organization");
  pendingNetwork = await fixture.createNetwork(pendingOrganization, "Pending Network");
  const ally = await fixture.createOrganization("Ally Organization");
  allyNetwork = await fixture.createNetwork(ally, "Ally Network");
  home = await fixture.createOrganization("Home Organization");
  homeNetwork = await fixture.createNetwork(home, "Home Network");
  homeSecondNetwork = await fixture.createNetwork(home, "Home Second Network");
  school = await fixture.createSchool({ name: "Home School" });
  otherSchool = await fixture.createSchool({ name: "Other School" });
  await fixture.addMembership(school, homeNetwork);
  const formed = await fixture.execute(
    `mutation($input: FormAllianceInput!) { formAlliance(input: $input) { id } }`,
    { input: { name: "Viewer Alliance", scope: "NATIONAL", formedOn: "2024-01-15", networkIds: [homeNetwork, allyNetwork], agreement: { sharedKinds: ["RESOURCES", "EVENTS"] } } },
  );
  expect(formed.errors).toBeUndefined();
  alliance = formed.data.formAlliance.id;
  // a join asked by the joining network alone stays pending until the members accept it
  const pendingCoordinator = personAccess({ personId: "pending-coordinator", organizationId: pendingOrganization, managedNetworkIds: [pendingNetwork] });
  const joined = await fixture.execute(`mutation($a: ID!, $n: ID!) { joinAlliance(allianceId: $a, networkId: $n) { status } }`, { a: alliance, n: pendingNetwork }, pendingCoordinator);
  expect(joined.data?.joinAlliance.status).toBe("PENDING");
});
afterAll(() => fixture.stop());

describe("viewer", () => {
  it("names a school's staff, their organization, school, networks and what an alliance shares with them", async () => {
    const access = await grantedAccess("staff-person", home, { schoolIds: [school, otherSchool] });
    const answer = await viewer(access);
    expect(answer).toMatchObject({
      principal: { kind: "PERSON", id: "staff-person" },
      canWrite: true,
      roles: ["SCHOOL_STAFF"],
      organization: { id: home, name: "Home Organization" },
      managedNetworks: { totalCount: 0, edges: [] },
    });
    // the school without an accepted membership in the organization's networks is not theirs
    expect(ids(answer.schools)).toEqual([school]);
    expect(ids(answer.memberNetworks).sort()).toEqual([homeNetwork, homeSecondNetwork].sort());
    const share = [{ network: { id: allyNetwork, name: "Ally Network" }, alliance: { id: alliance, name: "Viewer Alliance" } }];
    expect(sharesOf(answer, "RESOURCES")).toEqual(share);
    expect(sharesOf(answer, "EVENTS")).toEqual(share);
    expect(sharesOf(answer, "CAMPAIGNS")).toEqual([]);
    expect(answer.alliedData.map((entry: any) => entry.kind)).toEqual([
      "SCHOOL_PROFILES", "RESOURCES", "EVENTS", "NEEDS", "PEER_REVIEWS", "MENTORSHIPS", "IMPROVEMENT_CYCLES", "CAMPAIGNS",
    ]);
  });

  it("pages an admin's managed networks and lists their roles", async () => {
    const access = await grantedAccess("home-admin", home, { admin: true });
    const first = await viewer(access, { first: 1 });
    expect(first.roles).toEqual(["ORGANIZATION_ADMIN", "NETWORK_MANAGER"]);
    expect(first.managedNetworks).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await viewer(access, { first: 1, after: first.managedNetworks.pageInfo.endCursor });
    expect([...ids(first.managedNetworks), ...ids(second.managedNetworks)].sort()).toEqual([homeNetwork, homeSecondNetwork].sort());
    expect(second.managedNetworks.pageInfo.hasNextPage).toBe(false);
  });

  it("counts only accepted alliance joins: a pending member shares nothing and sees nothing shared", async () => {
    const pending = await grantedAccess("pending-admin", pendingOrganization, { admin: true });
    expect(pending.alliedNetworkIds).toEqual({});
    expect((await viewer(pending)).alliedData.every((entry: any) => entry.shares.totalCount === 0)).toBe(true);
    // even an access that still names the pending network (e.g. cached before a change) does not make it appear
    const stale = await grantedAccess("home-admin", home, { admin: true });
    stale.alliedNetworkIds = { ...stale.alliedNetworkIds, RESOURCES: [...(stale.alliedNetworkIds.RESOURCES ?? []), pendingNetwork] };
    expect(sharesOf(await viewer(stale), "RESOURCES").map((entry: any) => entry.network.id)).toEqual([allyNetwork]);
  });

  it("names nothing the forwarded access does not grant", async () => {
    const narrower = personAccess({ personId: "narrow", organizationId: home, memberNetworkIds: [homeNetwork], alliedNetworkIds: { EVENTS: [allyNetwork] } });
    const answer = await viewer(narrower);
    expect(sharesOf(answer, "RESOURCES")).toEqual([]);
    expect(sharesOf(answer, "EVENTS").map((entry: any) => entry.network.id)).toEqual([allyNetwork]);
    expect(answer.schools.totalCount).toBe(0);
    expect(answer.roles).toEqual([]);
  });

  it("names an API key by its id", async () => {
    const key: Access = { ...ANONYMOUS_ACCESS, principal: { kind: "API_KEY", keyId: "key-1" }, organizationId: home, memberNetworkIds: [homeNetwork] };
    const answer = await viewer(key);
    expect(answer).toMatchObject({ principal: { kind: "API_KEY", id: "key-1" }, canWrite: false, roles: [], organization: { id: home } });
    expect(ids(answer.memberNetworks)).toEqual([homeNetwork]);
  });

  it.each([
    ["an anonymous caller", ANONYMOUS_ACCESS],
    ["the gateway's own principal, which is never shown", SYSTEM_ACCESS],
  ])("answers %s as anonymous with empty lists", async (_, access) => {
    const answer = await viewer(access);
    expect(answer).toMatchObject({
      principal: { kind: "ANONYMOUS", id: null },
      canWrite: false,
      roles: [],
      organization: null,
      schools: { totalCount: 0, edges: [] },
      memberNetworks: { totalCount: 0, edges: [] },
      managedNetworks: { totalCount: 0, edges: [] },
    });
    expect(answer.alliedData.every((entry: any) => entry.shares.totalCount === 0)).toBe(true);
  });

  it("refuses a page size out of range", async () => {
    const result = await fixture.execute(VIEWER, { first: 101 }, ANONYMOUS_ACCESS);
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  });
});

