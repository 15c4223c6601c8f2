import { startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

/** A network with `size` schools, each also in a second network. */
async function networkWithSchools(size: number): Promise<string> {
  const organizationId = await fixture.createOrganization();
  const networkId = await fixture.createNetwork(organizationId);
  const otherId = await fixture.createNetwork(organizationId);
  for (let i = 0; i < size; i++) {
    const schoolId = await fixture.createSchool();
    await fixture.addMembership(schoolId, networkId);
    await fixture.addMembership(schoolId, otherId, { role: "HUB_SCHOOL" });
  }
  return networkId;
}

const QUERY = `query($id: ID!) { network(id: $id) {
  name organization { name }
  schools(first: 100) { totalCount edges { node {
    name
    pathways { totalCount edges { node { name } } }
    memberships { totalCount edges { node { role network { name organization { name networks { totalCount } } } } } }
    networks { totalCount edges { node { name alliances { totalCount edges { node { name members { totalCount } } } } } } }
  } } }
} }`;

describe("N+1 is designed out", () => {
  it("sends the same number of database commands for 10 and for 100 schools, fewer than one per school", async () => {
    const small = await networkWithSchools(10);
    const large = await networkWithSchools(100);
    const counts: number[] = [];
    for (const id of [small, large]) {
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(QUERY, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data.network.schools.edges[0].node.memberships.totalCount).toBe(2);
      expect(result.data.network.schools.edges[0].node.networks.totalCount).toBe(2);
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[1]).toBeLessThan(100);
  });
});
