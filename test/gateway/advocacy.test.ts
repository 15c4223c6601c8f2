import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { DemoCampaigns } from "../../scripts/demo/advocacy";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/**
 * DOMAIN.md's questions 5, and the advocacy part of 1 and 6, each one query through the gateway (demo
 * data), asked by different callers: the answers differ exactly as the visibility rules say.
 */
let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

/** The headers of a person with a development token. */
async function as(personId: string, organizationId: string, roles: PersonRole[]): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, { personId, organizationId, roles })}` };
}
/** Harvey Newman: coordinator of CEI-PEA's School Leaders Network (allied with the Consortium, but not for campaigns). */
const ceiPeaCoordinator = () => as("harvey", DemoOrganizations.ceiPea, [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }]);
/** A coordinator of the Performance Standards Consortium (in the Essential Schools alliance, which shares campaigns). */
const consortiumCoordinator = () =>
  as("consortium-coordinator", DemoOrganizations.performanceStandardsConsortium, [{ role: "COORDINATOR", networkId: DemoNetworks.performanceStandardsConsortium }]);
/** Ann Cook: staff of Urban Academy, a Consortium school. */
const urbanAcademyStaff = () => as("ann", DemoOrganizations.performanceStandardsConsortium, [{ role: "STAFF", schoolId: DemoSchools.urbanAcademy }]);
/** Teri Schrader: staff of Parker, in the CES Mentor Schools and New England networks. */
const parkerStaff = () => as("teri", DemoOrganizations.cesNational, [{ role: "STAFF", schoolId: DemoSchools.parker }]);

/** The nodes of a connection. */
const nodesOf = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((edge) => edge.node);

describe("the gateway over HTTP, advocacy subgraph", () => {
  it("Q5: active state-level campaigns, how many schools and networks endorse each, and the next actions", async () => {
    const result = await hub.query(`{
      campaigns(level: STATE, status: [ACTIVE], first: 20) { totalCount edges { node {
        id title jurisdiction targetBody
        leadNetwork { name }
        endorsementCounts { schools networks organizations total }
        nextActions(first: 3) { edges { node { kind title date participants { __typename ... on School { name } } } } }
      } } }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.campaigns.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.id).sort()).toEqual([DemoCampaigns.consortiumAssessment, DemoCampaigns.nycStatePolicies].sort());
    const consortium = nodes.find((node: any) => node.id === DemoCampaigns.consortiumAssessment);
    expect(consortium.leadNetwork.name).toBe("New York Performance Standards Consortium");
    expect(consortium.endorsementCounts.schools).toBe(28);
    expect(consortium.endorsementCounts.networks).toBeGreaterThan(0);
    const next = nodesOf(consortium.nextActions);
    expect(next.length).toBeGreaterThan(0);
    const dates = next.map((action: any) => action.date);
    expect([...dates].sort()).toEqual(dates);
    // participants are schools resolved by the networks subgraph
    expect(next[0].participants.map((school: any) => school.name)).toContain("Urban Academy Laboratory High School");
  });

  it("Q5 by caller: alliance campaigns only for networks whose agreement shares campaigns", async () => {
    const Q5 = `{ campaigns(level: STATE, status: [ACTIVE], first: 20) { totalCount edges { node { id visibility nextActions(first: 3) { edges { node { title } } } } } } }`;
    const ids = async (headers?: Record<string, string>) => {
      const result = await hub.query(Q5, {}, headers);
      expect(result.errors).toBeUndefined();
      expect(result.data.campaigns.totalCount).toBe(result.data.campaigns.edges.length);
      return result.data.campaigns.edges.map((edge: any) => edge.node.id).sort();
    };
    const everyone = [DemoCampaigns.consortiumAssessment, DemoCampaigns.nycStatePolicies].sort();
    expect(await ids()).toEqual(everyone);
    // the Essential Schools alliance shares campaigns: the Consortium sees New England's Massachusetts campaign
    expect(await ids(await consortiumCoordinator())).toEqual([...everyone, DemoCampaigns.massachusettsPortfolios].sort());
    expect(await ids(await urbanAcademyStaff())).toEqual([...everyone, DemoCampaigns.massachusettsPortfolios].sort());
    // the Strategic Networking alliance does not: CEI-PEA sees what anonymous callers see
    expect(await ids(await ceiPeaCoordinator())).toEqual(everyone);
  });

  it("shows a network's own campaigns by visibility: PRIVATE to its managers, NETWORK to its members", async () => {
    const QUERY = `query($n: ID!) { network(id: $n) { ledCampaigns { edges { node { id visibility } } } } }`;
    const led = async (network: string, headers?: Record<string, string>) => {
      const result = await hub.query(QUERY, { n: network }, headers);
      expect(result.errors).toBeUndefined();
      return nodesOf(result.data.network.ledCampaigns).map((campaign: any) => campaign.id).sort();
    };
    const consortium = DemoNetworks.performanceStandardsConsortium;
    expect(await led(consortium)).toEqual([DemoCampaigns.consortiumAssessment]);
    expect(await led(consortium, await urbanAcademyStaff())).toEqual([DemoCampaigns.consortiumAssessment]);
    expect(await led(consortium, await consortiumCoordinator())).toEqual([DemoCampaigns.consortiumAssessment, DemoCampaigns.consortiumRegentsResponse].sort());
    expect(await led(consortium, await ceiPeaCoordinator())).toEqual([DemoCampaigns.consortiumAssessment]);
    const leaders = DemoNetworks.nycSchoolLeaders;
    expect(await led(leaders)).toEqual([DemoCampaigns.nycStatePolicies]);
    expect(await led(leaders, await consortiumCoordinator())).toEqual([DemoCampaigns.nycStatePolicies]);
    expect(await led(leaders, await ceiPeaCoordinator())).toEqual([DemoCampaigns.nycLocalPolicies, DemoCampaigns.nycStatePolicies].sort());
    // a campaign the caller may not see resolves to null, by id as through the entity
    const draft = `query($id: ID!) { campaign(id: $id) { title milestones { totalCount } nextActions { totalCount } } }`;
    expect((await hub.query(draft, { id: DemoCampaigns.consortiumRegentsResponse }, await urbanAcademyStaff())).data.campaign).toBeNull();
    const seen = await hub.query(draft, { id: DemoCampaigns.consortiumRegentsResponse }, await consortiumCoordinator());
    expect(seen.data.campaign.milestones.totalCount).toBe(1);
    expect(seen.data.campaign.nextActions.totalCount).toBe(1);
  });

  it("Q1 (advocacy part): a network's schools and the campaigns each endorses", async () => {
    const result = await hub.query(
      `query($id: ID!) { network(id: $id) { name schools(first: 50) { edges { node { name endorsedCampaigns { edges { node { id title status } } } } } } } }`,
      { id: DemoNetworks.performanceStandardsConsortium },
    );
    expect(result.errors).toBeUndefined();
    const schools = result.data.network.schools.edges.map((edge: any) => edge.node);
    expect(schools).toHaveLength(28);
    for (const school of schools) expect(nodesOf(school.endorsedCampaigns).map((campaign: any) => campaign.id)).toContain(DemoCampaigns.consortiumAssessment);
  });

  it("Q1 by caller: a NETWORK campaign shows under the network's schools only for its members", async () => {
    const QUERY = `query($id: ID!) { network(id: $id) { schools(first: 50) { edges { node { id endorsedCampaigns { edges { node { id } } } } } } } }`;
    const endorsing = async (headers?: Record<string, string>) => {
      const result = await hub.query(QUERY, { id: DemoNetworks.nycSchoolLeaders }, headers);
      expect(result.errors).toBeUndefined();
      return result.data.network.schools.edges.filter((edge: any) => nodesOf(edge.node.endorsedCampaigns).some((c: any) => c.id === DemoCampaigns.nycLocalPolicies)).length;
    };
    expect(await endorsing()).toBe(0);
    expect(await endorsing(await consortiumCoordinator())).toBe(0);
    // its eight member schools all endorse CEI-PEA's city campaign
    expect(await endorsing(await ceiPeaCoordinator())).toBe(8);
  });

  it("Q6 by caller: a school's profile shows alliance campaigns to the alliance only", async () => {
    const QUERY = `query($id: ID!) { school(id: $id) { name
      ledCampaigns { totalCount edges { node { id } } } endorsedCampaigns { totalCount edges { node { id } } } campaignEndorsements { totalCount edges { node { campaign { id } } } }
    } }`;
    const profile = async (headers?: Record<string, string>) => {
      const result = await hub.query(QUERY, { id: DemoSchools.parker }, headers);
      expect(result.errors).toBeUndefined();
      return result.data.school;
    };
    const anonymous = await profile();
    expect(anonymous.name).toMatch(/Parker/);
    const none = { totalCount: 0, edges: [] };
    expect(anonymous).toMatchObject({ ledCampaigns: none, endorsedCampaigns: none, campaignEndorsements: none });
    const alliance = [DemoCampaigns.cesMultipleMeasures, DemoCampaigns.massachusettsPortfolios].sort();
    for (const headers of [await parkerStaff(), await consortiumCoordinator()]) {
      const seen = await profile(headers);
      expect(nodesOf(seen.ledCampaigns).map((c: any) => c.id).sort()).toEqual(alliance);
      expect(nodesOf(seen.endorsedCampaigns).map((c: any) => c.id).sort()).toEqual(alliance);
      expect(seen.campaignEndorsements.totalCount).toBe(2);
    }
    expect(await profile(await ceiPeaCoordinator())).toMatchObject({ ledCampaigns: none, endorsedCampaigns: none, campaignEndorsements: none });
  });

  it("Q6 (advocacy part): a school's campaigns in its profile", async () => {
    const result = await hub.query(
      `query($id: ID!) { school(id: $id) {
        name
        memberships { edges { node { network { name } } } }
        ledCampaigns { edges { node { title status leadNetwork { name } } } }
        endorsedCampaigns { edges { node { title level } } }
        campaignEndorsements { edges { node { endorsedOn signatory campaign { title } } } }
      } }`,
      { id: DemoSchools.urbanAcademy },
    );
    expect(result.errors).toBeUndefined();
    const school = result.data.school;
    expect(school.name).toBe("Urban Academy Laboratory High School");
    expect(nodesOf(school.ledCampaigns)).toEqual([
      { title: "Performance-based assessment as an alternative to the Regents exams", status: "ACTIVE", leadNetwork: { name: "New York Performance Standards Consortium" } },
    ]);
    expect(nodesOf(school.endorsedCampaigns).map((campaign: any) => campaign.title)).toContain("Performance-based assessment as an alternative to the Regents exams");
    expect(nodesOf(school.campaignEndorsements)[0].signatory).toBe("Ann Cook");
  });

  it("shows who endorses a campaign, resolved across subgraphs, and what networks lead", async () => {
    const result = await hub.query(
      `query($id: ID!, $network: ID!) {
        campaign(id: $id) { title endorsements(first: 100, endorserKind: NETWORK) { edges { node { endorser { __typename ... on Network { name } } } } } }
        network(id: $network) { name ledCampaigns { edges { node { title } } } endorsedCampaigns { edges { node { title } } } }
      }`,
      { id: DemoCampaigns.consortiumAssessment, network: DemoNetworks.nycSchoolLeaders },
      await ceiPeaCoordinator(),
    );
    expect(result.errors).toBeUndefined();
    const endorsers = result.data.campaign.endorsements.edges.map((edge: any) => edge.node.endorser);
    expect(endorsers.every((endorser: any) => endorser.__typename === "Network" && typeof endorser.name === "string")).toBe(true);
    expect(nodesOf(result.data.network.ledCampaigns).map((campaign: any) => campaign.title)).toEqual([
      "City policies that support networked schools",
      "State support for school networks and after-school partnerships",
    ]);
    expect(nodesOf(result.data.network.endorsedCampaigns).map((campaign: any) => campaign.title)).toContain(
      "Performance-based assessment as an alternative to the Regents exams",
    );
  });

  it("lets each caller write only what its role allows", async () => {
    const ENDORSE = `mutation($c: ID!, $k: AdvocateKind!, $e: ID!) { endorseCampaign(input: { campaignId: $c, endorserKind: $k, endorserId: $e }) { id current } }`;
    const UPDATE = `mutation($id: ID!) { updateCampaign(id: $id, input: { targetDate: "2031-06-30" }) { targetDate } }`;
    const code = (result: { errors?: any[] }) => result.errors?.[0]?.extensions?.code;
    const ma = DemoCampaigns.massachusettsPortfolios;
    expect(code(await hub.query(ENDORSE, { c: ma, k: "SCHOOL", e: DemoSchools.urbanAcademy }))).toBe("UNAUTHENTICATED");
    // CEI-PEA cannot see the alliance campaign at all; Urban Academy's staff sees it and endorses it, but not for another school
    expect(code(await hub.query(ENDORSE, { c: ma, k: "NETWORK", e: DemoNetworks.nycSchoolLeaders }, await ceiPeaCoordinator()))).toBe("NOT_FOUND");
    expect(code(await hub.query(ENDORSE, { c: ma, k: "SCHOOL", e: DemoSchools.beacon }, await urbanAcademyStaff()))).toBe("FORBIDDEN");
    const endorsed = await hub.query(ENDORSE, { c: ma, k: "SCHOOL", e: DemoSchools.urbanAcademy }, await urbanAcademyStaff());
    expect(endorsed.errors).toBeUndefined();
    expect(endorsed.data.endorseCampaign.current).toBe(true);
    // only the lead network's coordinators change the campaign
    expect(code(await hub.query(UPDATE, { id: DemoCampaigns.consortiumAssessment }, await urbanAcademyStaff()))).toBe("FORBIDDEN");
    expect(code(await hub.query(UPDATE, { id: DemoCampaigns.consortiumAssessment }, await ceiPeaCoordinator()))).toBe("FORBIDDEN");
    const updated = await hub.query(UPDATE, { id: DemoCampaigns.consortiumAssessment }, await consortiumCoordinator());
    expect(updated.data.updateCampaign.targetDate).toBe("2031-06-30");
  });

  it("passes advocacy error codes through to the client", async () => {
    const result = await hub.query(`{ campaigns(first: 500) { totalCount } }`);
    expect(result.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
