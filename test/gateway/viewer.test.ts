import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { DemoAlliances, DemoNetworks, DemoOrganizations } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/* `viewer` through the gateway: the answer follows the caller's token or API key, worked out by the gateway. */
let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const bearer = async (personId: string, organizationId: string, roles: Parameters<typeof mintDevToken>[1]["roles"]) => ({
  authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, { personId, organizationId, roles })}`,
});

const VIEWER = `{ viewer {
  principal { kind id } canWrite roles organization { id }
  memberNetworks(first: 100) { edges { node { id } } }
  managedNetworks(first: 100) { edges { node { id } } }
  alliedData { kind shares(first: 100) { edges { node { network { id } alliance { id } } } } }
} }`;

async function viewer(headers: Record<string, string> = {}) {
  const result = await hub.query(VIEWER, {}, headers);
  expect(result.errors).toBeUndefined();
  return result.data.viewer;
}

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id).sort();
const sharesOf = (answer: any, kind: string) => answer.alliedData.find((entry: any) => entry.kind === kind).shares.edges.map((edge: any) => edge.node);

describe("viewer through the gateway", () => {
  it("tells a coordinator who they are, which networks they belong to and manage, and what an alliance shares with them", async () => {
    const answer = await viewer(await bearer("harvey", DemoOrganizations.ceiPea, [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }]));
    expect(answer).toMatchObject({ principal: { kind: "PERSON", id: "harvey" }, canWrite: true, roles: ["NETWORK_MANAGER"], organization: { id: DemoOrganizations.ceiPea } });
    expect(ids(answer.managedNetworks)).toEqual([DemoNetworks.nycSchoolLeaders]);
    expect(ids(answer.memberNetworks)).toEqual([DemoNetworks.graduationImprovement, DemoNetworks.nycSchoolLeaders].sort());
    // the Houston network's join is still pending, so it shares nothing with them
    const through = (networkId: string) => ({ network: { id: networkId }, alliance: { id: DemoAlliances.strategicNetworkingInternational } });
    expect(sharesOf(answer, "EVENTS")).toEqual(
      expect.arrayContaining([through(DemoNetworks.cebeStrategicNetworking), through(DemoNetworks.performanceStandardsConsortium)]),
    );
    const named = answer.alliedData.flatMap((entry: any) => entry.shares.edges.map((edge: any) => edge.node.network.id));
    expect(named).not.toContain(DemoNetworks.houstonBeaconSchools);
    expect(named).not.toContain(DemoNetworks.nycSchoolLeaders);
    // the agreement does not share campaigns (the widening to campaigns is still a proposal)
    expect(sharesOf(answer, "CAMPAIGNS")).toEqual([]);
  });

  it("names an API key by its id and its organization, and says it cannot write", async () => {
    const admin = await bearer("admin", DemoOrganizations.ceiPea, [{ role: "ORG_ADMIN" }]);
    const created = await hub.query(
      `mutation($o: ID!) { createApiKey(input: { organizationId: $o, name: "Viewer portal", canWrite: false }) { secret apiKey { id } } }`,
      { o: DemoOrganizations.ceiPea },
      admin,
    );
    const { secret, apiKey } = created.data.createApiKey;
    const answer = await viewer({ "x-api-key": secret });
    expect(answer).toMatchObject({ principal: { kind: "API_KEY", id: apiKey.id }, canWrite: false, roles: [], organization: { id: DemoOrganizations.ceiPea } });
    expect(answer.managedNetworks.edges).toEqual([]);
  });

  it("answers an anonymous caller with empty lists", async () => {
    const answer = await viewer();
    expect(answer).toMatchObject({ principal: { kind: "ANONYMOUS", id: null }, canWrite: false, roles: [], organization: null, memberNetworks: { edges: [] } });
    expect(answer.alliedData.every((entry: any) => entry.shares.edges.length === 0)).toBe(true);
  });
});
