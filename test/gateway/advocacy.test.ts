import { DemoCampaigns } from "../../scripts/demo/advocacy";
import { DemoNetworks, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/** DOMAIN.md's questions 5, and the advocacy part of 1 and 6, each one query through the gateway (demo data). */
let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

describe("the gateway over HTTP, advocacy subgraph", () => {
  it("Q5: active state-level campaigns, how many schools and networks endorse each, and the next actions", async () => {
    const result = await hub.query(`{
      campaigns(level: STATE, status: [ACTIVE], first: 20) { totalCount edges { node {
        id title jurisdiction targetBody
        leadNetwork { name }
        endorsementCounts { schools networks organizations total }
        nextActions(first: 3) { kind title date participants { __typename ... on School { name } } }
      } } }
    }`);
    expect(result.errors).toBeUndefined();
    const nodes = result.data.campaigns.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.id).sort()).toEqual([DemoCampaigns.consortiumAssessment, DemoCampaigns.nycStatePolicies].sort());
    const consortium = nodes.find((node: any) => node.id === DemoCampaigns.consortiumAssessment);
    expect(consortium.leadNetwork.name).toBe("New York Performance Standards Consortium");
    expect(consortium.endorsementCounts.schools).toBe(28);
    expect(consortium.endorsementCounts.networks).toBeGreaterThan(0);
    expect(consortium.nextActions.length).toBeGreaterThan(0);
    const dates = consortium.nextActions.map((action: any) => action.date);
    expect([...dates].sort()).toEqual(dates);
    // participants are schools resolved by the networks subgraph
    expect(consortium.nextActions[0].participants.map((school: any) => school.name)).toContain("Urban Academy Laboratory High School");
  });

  it("Q1 (advocacy part): a network's schools and the campaigns each endorses", async () => {
    const result = await hub.query(
      `query($id: ID!) { network(id: $id) { name schools(first: 50) { edges { node { name endorsedCampaigns { id title status } } } } } }`,
      { id: DemoNetworks.performanceStandardsConsortium },
    );
    expect(result.errors).toBeUndefined();
    const schools = result.data.network.schools.edges.map((edge: any) => edge.node);
    expect(schools).toHaveLength(28);
    for (const school of schools) expect(school.endorsedCampaigns.map((campaign: any) => campaign.id)).toContain(DemoCampaigns.consortiumAssessment);
  });

  it("Q6 (advocacy part): a school's campaigns in its profile", async () => {
    const result = await hub.query(
      `query($id: ID!) { school(id: $id) {
        name
        memberships { network { name } }
        ledCampaigns { title status leadNetwork { name } }
        endorsedCampaigns { title level }
        campaignEndorsements { endorsedOn signatory campaign { title } }
      } }`,
      { id: DemoSchools.urbanAcademy },
    );
    expect(result.errors).toBeUndefined();
    const school = result.data.school;
    expect(school.name).toBe("Urban Academy Laboratory High School");
    expect(school.ledCampaigns).toEqual([
      { title: "Performance-based assessment as an alternative to the Regents exams", status: "ACTIVE", leadNetwork: { name: "New York Performance Standards Consortium" } },
    ]);
    expect(school.endorsedCampaigns.map((campaign: any) => campaign.title)).toContain("Performance-based assessment as an alternative to the Regents exams");
    expect(school.campaignEndorsements[0].signatory).toBe("Ann Cook");
  });

  it("shows who endorses a campaign, resolved across subgraphs, and what networks lead", async () => {
    const result = await hub.query(
      `query($id: ID!, $network: ID!) {
        campaign(id: $id) { title endorsements(first: 100, endorserKind: NETWORK) { edges { node { endorser { __typename ... on Network { name } } } } } }
        network(id: $network) { name ledCampaigns { title } endorsedCampaigns { title } }
      }`,
      { id: DemoCampaigns.consortiumAssessment, network: DemoNetworks.nycSchoolLeaders },
    );
    expect(result.errors).toBeUndefined();
    const endorsers = result.data.campaign.endorsements.edges.map((edge: any) => edge.node.endorser);
    expect(endorsers.every((endorser: any) => endorser.__typename === "Network" && typeof endorser.name === "string")).toBe(true);
    expect(result.data.network.ledCampaigns.map((campaign: any) => campaign.title)).toEqual([
      "City policies that support networked schools",
      "State support for school networks and after-school partnerships",
    ]);
    expect(result.data.network.endorsedCampaigns.map((campaign: any) => campaign.title)).toContain(
      "Performance-based assessment as an alternative to the Regents exams",
    );
  });

  it("passes advocacy error codes through to the client", async () => {
    const result = await hub.query(`{ campaigns(first: 500) { totalCount } }`);
    expect(result.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
