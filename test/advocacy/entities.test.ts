import { entityId, startAdvocacyFixture, type AdvocacyFixture } from "./fixtures";

let fixture: AdvocacyFixture;
beforeAll(async () => {
  fixture = await startAdvocacyFixture();
});
afterAll(() => fixture.stop());

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on Campaign { id title }
  ... on Endorsement { id endorserKind campaign { id } }
  ... on CampaignAction { id title }
  ... on CampaignMilestone { id title }
} }`;

const ADVOCATES = `query($representations: [_Any!]!, $status: [CampaignStatus!]) { _entities(representations: $representations) {
  __typename
  ... on School { id ledCampaigns(status: $status) { ...Titles } endorsedCampaigns(status: $status) { ...Titles } campaignEndorsements { edges { node { campaign { title } } } } }
  ... on Network { id ledCampaigns(status: $status) { ...Titles } endorsedCampaigns(status: $status) { ...Titles } }
  ... on Organization { id ledCampaigns(status: $status) { ...Titles } endorsedCampaigns(status: $status) { ...Titles } }
} }
fragment Titles on CampaignConnection { edges { node { title } } }`;

/** An entity with each of its connections replaced by the list of its nodes, to compare lists. */
function withNodes(entity: Record<string, any>) {
  return Object.fromEntries(Object.entries(entity).map(([field, value]) => [field, value?.edges ? value.edges.map((edge: any) => edge.node) : value]));
}

describe("entity resolution of the advocacy types", () => {
  it("resolves campaigns, endorsements, actions and milestones by id, null for unknown ids", async () => {
    const campaignId = await fixture.createCampaign({ title: "Entities campaign" });
    const endorsementId = await fixture.endorse(campaignId, "SCHOOL", entityId());
    const actionId = await fixture.logAction(campaignId, { title: "Entities action" });
    const milestone = await fixture.must(
      `mutation($campaignId: ID!) { recordCampaignMilestone(input: { campaignId: $campaignId, title: "Entities milestone", date: "2024-04-01" }) { id } }`,
      { campaignId },
    );
    const milestoneId = milestone.recordCampaignMilestone.id;
    const result = await fixture.subgraph.execute(ENTITIES, {
      representations: [
        { __typename: "CampaignMilestone", id: milestoneId },
        { __typename: "Campaign", id: campaignId },
        { __typename: "Campaign", id: entityId() },
        { __typename: "Endorsement", id: endorsementId },
        { __typename: "CampaignAction", id: actionId },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { __typename: "CampaignMilestone", id: milestoneId, title: "Entities milestone" },
      { __typename: "Campaign", id: campaignId, title: "Entities campaign" },
      null,
      { __typename: "Endorsement", id: endorsementId, endorserKind: "SCHOOL", campaign: { id: campaignId } },
      { __typename: "CampaignAction", id: actionId, title: "Entities action" },
    ]);
  });
});

describe("schools, networks and organizations carry their campaigns", () => {
  const school = entityId();
  const organization = entityId();
  const stranger = entityId();
  let network: string;

  beforeAll(async () => {
    network = fixture.coordinatedNetwork();
    const regents = await fixture.createCampaign({ title: "A Regents alternatives", leadNetworkId: network, leadSchoolIds: [school], leadOrganizationId: organization });
    const budget = await fixture.createCampaign({ title: "B State budget", leadNetworkId: fixture.coordinatedNetwork() });
    const calendar = await fixture.createCampaign({ title: "C Admissions calendar", leadNetworkId: network });
    await fixture.changeStatus(calendar, "WON");
    const withdrawn = await fixture.createCampaign({ title: "D Withdrawn from", leadNetworkId: fixture.coordinatedNetwork() });
    await fixture.endorse(budget, "SCHOOL", school, { endorsedOn: "2024-02-01" });
    await fixture.endorse(regents, "SCHOOL", school, { endorsedOn: "2024-03-01" });
    await fixture.endorse(budget, "NETWORK", network);
    await fixture.endorse(budget, "ORGANIZATION", organization);
    const id = await fixture.endorse(withdrawn, "SCHOOL", school, { endorsedOn: "2024-01-01" });
    await fixture.must(`mutation($id: ID!) { withdrawEndorsement(id: $id) { id } }`, { id });
  });

  it("resolves each kind with the campaigns it leads and currently endorses", async () => {
    const result = await fixture.subgraph.execute(ADVOCATES, {
      representations: [
        { __typename: "School", id: school },
        { __typename: "Network", id: network },
        { __typename: "Organization", id: organization },
        { __typename: "School", id: stranger },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map(withNodes)).toEqual([
      {
        __typename: "School",
        id: school,
        ledCampaigns: [{ title: "A Regents alternatives" }],
        // by title, as `campaigns` lists them
        endorsedCampaigns: [{ title: "A Regents alternatives" }, { title: "B State budget" }],
        campaignEndorsements: [{ campaign: { title: "B State budget" } }, { campaign: { title: "A Regents alternatives" } }],
      },
      {
        __typename: "Network",
        id: network,
        ledCampaigns: [{ title: "A Regents alternatives" }, { title: "C Admissions calendar" }],
        endorsedCampaigns: [{ title: "B State budget" }],
      },
      { __typename: "Organization", id: organization, ledCampaigns: [{ title: "A Regents alternatives" }], endorsedCampaigns: [{ title: "B State budget" }] },
      { __typename: "School", id: stranger, ledCampaigns: [], endorsedCampaigns: [], campaignEndorsements: [] },
    ]);
  });

  it("filters them by status", async () => {
    const result = await fixture.subgraph.execute(ADVOCATES, { representations: [{ __typename: "Network", id: network }], status: ["WON"] });
    expect(withNodes(result.data._entities[0]).ledCampaigns).toEqual([{ title: "C Admissions calendar" }]);
  });

  it("keeps withdrawn endorsements on request", async () => {
    const result = await fixture.subgraph.execute(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on School { campaignEndorsements(includeWithdrawn: true) { totalCount edges { node { current campaign { title } } } } } } }`,
      { representations: [{ __typename: "School", id: school }] },
    );
    expect(result.data._entities[0].campaignEndorsements.totalCount).toBe(3);
    expect(withNodes(result.data._entities[0]).campaignEndorsements).toEqual([
      { current: false, campaign: { title: "D Withdrawn from" } },
      { current: true, campaign: { title: "B State budget" } },
      { current: true, campaign: { title: "A Regents alternatives" } },
    ]);
  });
});
