import { startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

/** Every node of a nested connection, one page of `first` at a time, following `endCursor`. */
async function walk(query: string, variables: Record<string, unknown>, pick: (data: any) => any): Promise<string[]> {
  const names: string[] = [];
  for (let after: string | null = null, more = true; more; ) {
    const result = await fixture.execute(query, { ...variables, after });
    expect(result.errors).toBeUndefined();
    const page = pick(result.data);
    names.push(...page.edges.map((edge: any) => edge.node.name));
    [more, after] = [page.pageInfo.hasNextPage, page.pageInfo.endCursor];
  }
  return names;
}

describe("nested connections", () => {
  it("page a school's networks and memberships with sealed cursors, filtered as their root lists are", async () => {
    const organizationId = await fixture.createOrganization();
    const networks = [await fixture.createNetwork(organizationId, "Gamma"), await fixture.createNetwork(organizationId, "Alpha"), await fixture.createNetwork(organizationId, "Beta")];
    const schoolId = await fixture.createSchool();
    for (const networkId of networks) await fixture.addMembership(schoolId, networkId);
    const NETWORKS = `query($id: ID!, $after: String) { school(id: $id) { networks(first: 1, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } } }`;
    expect(await walk(NETWORKS, { id: schoolId }, (data) => data.school.networks)).toEqual(["Alpha", "Beta", "Gamma"]);

    const forged = await fixture.execute(NETWORKS, { id: schoolId, after: "eyJ4IjoxfQ.AAAA" });
    expect(forged.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");

    const filtered = await fixture.execute(
      `query($id: ID!, $n: ID!) { school(id: $id) { memberships(networkId: $n, status: ACCEPTED) { totalCount } ended: memberships(status: ENDED) { totalCount } } }`,
      { id: schoolId, n: networks[0] },
    );
    expect(filtered.data.school).toEqual({ memberships: { totalCount: 1 }, ended: { totalCount: 0 } });
  });

  it("page a network's schools by name, with the `schools` query's filters", async () => {
    const organizationId = await fixture.createOrganization();
    const networkId = await fixture.createNetwork(organizationId);
    for (const [name, locale] of [["Cedar School", "RURAL"], ["Aspen School", "CITY"], ["Birch School", "RURAL"]]) {
      await fixture.addMembership(await fixture.createSchool({ name, locale }), networkId);
    }
    const SCHOOLS = `query($id: ID!, $after: String) { network(id: $id) { schools(first: 2, after: $after, locale: RURAL) { edges { node { name } } pageInfo { hasNextPage endCursor } } } }`;
    expect(await walk(SCHOOLS, { id: networkId }, (data) => data.network.schools)).toEqual(["Birch School", "Cedar School"]);
  });
});
