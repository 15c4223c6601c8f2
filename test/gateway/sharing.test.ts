import { setTimeout as sleep } from "node:timers/promises";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { DemoCampaigns } from "../../scripts/demo/advocacy";
import { DemoAlliances, DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/** Short, so the test can wait it out; the default is 30 seconds. */
const CACHE_TTL_MS = 500;

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub({ accessCacheTtlMs: CACHE_TTL_MS });
});
afterAll(() => hub.stop());

async function as(organizationId: string, roles: PersonRole[]) {
  const token = await mintDevToken(hub.keys.issuerPrivateKey, { personId: `person-${roles.length}`, organizationId, roles });
  return { authorization: `Bearer ${token}` };
}

const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id title } }`;

describe("sharing follows alliances and memberships, within the access cache's bound", () => {
  it("stops showing an alliance-shared campaign once the network leaves the alliance", async () => {
    const consortium = await as(DemoOrganizations.performanceStandardsConsortium, [
      { role: "COORDINATOR", networkId: DemoNetworks.performanceStandardsConsortium },
    ]);
    const ceiPea = await as(DemoOrganizations.ceiPea, [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }]);
    const anonymous = await hub.query(CAMPAIGN, { id: DemoCampaigns.massachusettsPortfolios });
    expect(anonymous.data.campaign).toBeNull();
    expect((await hub.query(CAMPAIGN, { id: DemoCampaigns.massachusettsPortfolios }, ceiPea)).data.campaign).toBeNull();
    expect((await hub.query(CAMPAIGN, { id: DemoCampaigns.massachusettsPortfolios }, consortium)).data.campaign.id).toBe(
      DemoCampaigns.massachusettsPortfolios,
    );

    const left = await hub.query(
      `mutation($a: ID!, $n: ID!) { leaveAlliance(allianceId: $a, networkId: $n) { id } }`,
      { a: DemoAlliances.essentialSchoolsAlliance, n: DemoNetworks.performanceStandardsConsortium },
      consortium,
    );
    expect(left.errors).toBeUndefined();
    await sleep(CACHE_TTL_MS + 100);
    expect((await hub.query(CAMPAIGN, { id: DemoCampaigns.massachusettsPortfolios }, consortium)).data.campaign).toBeNull();
  });

  it("stops showing a network-only campaign to a school's staff once its membership ends", async () => {
    const coordinator = await as(DemoOrganizations.cebe, [{ role: "COORDINATOR", networkId: DemoNetworks.cebeStrategicNetworking }]);
    const created = await hub.query(
      `mutation($n: ID!) { createCampaign(input: { title: "Members-only draft", policyGoal: "Portfolio diplomas", level: STATE,
        jurisdiction: "Ohio", targetBody: "State Board of Education", leadNetworkId: $n, visibility: NETWORK }) { id } }`,
      { n: DemoNetworks.cebeStrategicNetworking },
      coordinator,
    );
    expect(created.errors).toBeUndefined();
    const campaignId = created.data.createCampaign.id;
    // Federal Hocking's staff speak for CES National (a network of theirs has the school); the school is also in CEBE's network
    const staff = await as(DemoOrganizations.cesNational, [{ role: "STAFF", schoolId: DemoSchools.federalHocking }]);
    const memberships = await hub.query(`query($id: ID!) { school(id: $id) { memberships(status: ACCEPTED) { edges { node { id network { id } } } } } }`, { id: DemoSchools.federalHocking });
    const inCebe = memberships.data.school.memberships.edges.map((edge: any) => edge.node).find((m: any) => m.network.id === DemoNetworks.cebeStrategicNetworking);
    expect(inCebe).toBeDefined();

    const outsider = await as(DemoOrganizations.educationNorthwest, [{ role: "ORG_ADMIN" }]);
    expect((await hub.query(CAMPAIGN, { id: campaignId }, outsider)).data.campaign).toBeNull();
    expect((await hub.query(CAMPAIGN, { id: campaignId }, staff)).data.campaign.id).toBe(campaignId);
    expect((await hub.query(`mutation($id: ID!) { endMembership(id: $id) { endDate } }`, { id: inCebe.id }, coordinator)).errors).toBeUndefined();
    await sleep(CACHE_TTL_MS + 100);
    const after = await hub.query(CAMPAIGN, { id: campaignId }, staff);
    expect(after.data.campaign).toBeNull();
  });
});
