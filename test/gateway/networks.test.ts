import { newId } from "../../subgraphs/kit";
import { DemoNetworks, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

describe("the gateway over HTTP, networks subgraph", () => {
  it("answers health checks on every service", async () => {
    for (const url of [hub.gatewayUrl, ...Object.values(hub.subgraphUrls)]) {
      const response = await fetch(url.replace(/\/graphql$/, "/health"));
      expect(response.status).toBe(200);
    }
  });

  it("lists a network's schools with their memberships (demo data)", async () => {
    const result = await hub.query(
      `query($id: ID!) { network(id: $id) { name organization { name } schools(first: 50) { totalCount edges { node { name memberships { edges { node { role network { name } } } } } } } } }`,
      { id: DemoNetworks.performanceStandardsConsortium },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.network.schools.totalCount).toBe(28);
    const names = result.data.network.schools.edges.map((edge: any) => edge.node.name);
    expect(names).toContain("Humanities Preparatory Academy");
    expect([...names].sort((a: string, b: string) => a.localeCompare(b))).toEqual(names);
  });

  it("finds schools by locale and state", async () => {
    const result = await hub.query(`{ schools(locale: RURAL, first: 100) { edges { node { name locale location { region } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.schools.edges.length).toBeGreaterThan(0);
    expect(result.data.schools.edges.every((edge: any) => edge.node.locale === "RURAL")).toBe(true);
  });

  it("shows a school's networks and a mentor pairing from the seeds", async () => {
    const result = await hub.query(`query($id: ID!) { school(id: $id) { name networks { edges { node { name } } } memberships { edges { node { role } } } } }`, { id: DemoSchools.parker });
    expect(result.data.school.name).toMatch(/Parker/);
    expect(result.data.school.memberships.edges.map((edge: any) => edge.node.role)).toContain("MENTOR_SCHOOL");
  });

  it("passes error codes through to the client", async () => {
    const anonymous = await hub.query(`mutation { proposeMembership(input: { schoolId: "${newId()}", networkId: "${newId()}" }) { id } }`);
    expect(anonymous.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    const invalid = await hub.query(`{ schools(first: 0) { totalCount } }`);
    expect(invalid.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
