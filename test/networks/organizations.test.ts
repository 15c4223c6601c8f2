import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

describe("organizations and networks", () => {
  it("creates an organization with its networks and filters networks by focus area", async () => {
    const organizationId = await fixture.createOrganization("CEI-PEA");
    const created = await fixture.execute(
      `mutation($o: ID!) { createNetwork(input: { name: "Graduation Improvement Network", organizationId: $o, scope: REGIONAL,
        focusAreas: ["graduation", "postsecondary"], aim: "Raise on-track rates from 60% to 80% by 2027", primaryStrategy: LEARN_TO_IMPROVE }) {
        id aim primaryStrategy organization { name } } }`,
      { o: organizationId },
    );
    expect(created.data.createNetwork).toMatchObject({ primaryStrategy: "LEARN_TO_IMPROVE", organization: { name: "CEI-PEA" } });
    const byFocus = await fixture.execute(`{ networks(focusArea: "postsecondary") { edges { node { name } } } }`);
    expect(byFocus.data.networks.edges).toEqual([{ node: { name: "Graduation Improvement Network" } }]);
    const organization = await fixture.execute(`query($o: ID!) { organization(id: $o) { networks { totalCount } } }`, { o: organizationId });
    expect(organization.data.organization.networks.totalCount).toBe(1);
  });

  it("refuses a network of an unknown or archived organization", async () => {
    const organizationId = await fixture.createOrganization();
    await fixture.execute(`mutation($o: ID!) { archiveOrganization(id: $o) { id } }`, { o: organizationId });
    const result = await fixture.execute(
      `mutation($o: ID!) { createNetwork(input: { name: "Orphan Network", organizationId: $o, scope: LOCAL }) { id } }`,
      { o: organizationId },
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.organizationId");
  });

  it("validates input: a bad website is BAD_USER_INPUT naming the field", async () => {
    const result = await fixture.execute(`mutation { createOrganization(input: { name: "X Org", kind: FUNDER, website: "not a url" }) { id } }`);
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.website");
  });

  it("updates only the fields given", async () => {
    const organizationId = await fixture.createOrganization("Houston A+ Challenge");
    const result = await fixture.execute(
      `mutation($o: ID!) { updateOrganization(id: $o, input: { description: "Formerly the Houston Annenberg Challenge" }) { name description } }`,
      { o: organizationId },
    );
    expect(result.data.updateOrganization).toEqual({ name: "Houston A+ Challenge", description: "Formerly the Houston Annenberg Challenge" });
  });
});
