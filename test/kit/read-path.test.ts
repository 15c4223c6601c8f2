import { startNetworksFixture, type NetworksFixture } from "../networks/fixtures";

/**
 * The subgraphs' read path does each piece of work once: arguments a read passes for every parent are
 * validated once, yet an invalid value is refused every time, and writes are still checked and audited.
 */
let fixture: NetworksFixture;
let networkIds: string[];
beforeAll(async () => {
  fixture = await startNetworksFixture();
  const organizationId = await fixture.createOrganization();
  networkIds = [await fixture.createNetwork(organizationId), await fixture.createNetwork(organizationId)];
  for (const networkId of networkIds) await fixture.addMembership(await fixture.createSchool(), networkId);
});
afterAll(() => fixture.stop());

const SCHOOLS_OF = (first: number) => `query($a: ID!, $b: ID!) {
  a: network(id: $a) { schools(first: ${first}) { totalCount edges { node { name } } } }
  b: network(id: $b) { schools(first: ${first}) { totalCount edges { node { name } } } }
}`;

describe("argument validation on reads", () => {
  it("refuses an invalid value every time, nested per parent too, before and after the same field passed with a valid one", async () => {
    for (const first of [1000, 5, 1000, 0, 5]) {
      const result = await fixture.execute(SCHOOLS_OF(first), { a: networkIds[0], b: networkIds[1] });
      if (first === 5) {
        expect(result.errors).toBeUndefined();
        expect([result.data.a.schools.totalCount, result.data.b.schools.totalCount]).toEqual([1, 1]);
      } else {
        expect(result.errors!.map((error) => [error.extensions!.code, error.extensions!.field])).toEqual([
          ["BAD_USER_INPUT", "first"],
          ["BAD_USER_INPUT", "first"],
        ]);
      }
    }
    for (const query of [`{ schools(first: 1000) { totalCount } }`, `{ schools(first: 3) { totalCount } }`, `{ schools(first: 1000) { totalCount } }`]) {
      const result = await fixture.execute(query);
      expect(result.errors?.[0].extensions!.code).toBe(query.includes("1000") ? "BAD_USER_INPUT" : undefined);
    }
  });

  it("checks a write's input every time, and audits each write", async () => {
    const invalid = `mutation { createOrganization(input: { name: "", kind: NONPROFIT }) { id } }`;
    for (let i = 0; i < 2; i++) {
      const result = await fixture.execute(invalid);
      expect(result.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
    }
    const organizationId = await fixture.createOrganization("Audited Organization");
    const log = await fixture.execute(
      `query($o: ID!) { organization(id: $o) { auditLog(first: 10) { edges { node { operation entityType } } } } }`,
      { o: organizationId },
      { ...fixture.admin, organizationId, organizationAdmin: true },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data.organization.auditLog.edges.map(({ node }: any) => node)).toContainEqual({ operation: "createOrganization", entityType: "Organization" });
  });
});
