import { asEndorser, entityId, errorCode, isoDate, startAdvocacyFixture, type AdvocacyFixture } from "./fixtures";

let fixture: AdvocacyFixture;
beforeAll(async () => {
  fixture = await startAdvocacyFixture();
});
afterAll(() => fixture.stop());

const ENDORSE = `mutation($input: EndorseCampaignInput!) { endorseCampaign(input: $input) { id endorserKind endorsedOn statement signatory current endorser { __typename ... on School { id } ... on Network { id } ... on Organization { id } } campaign { id } } }`;
const WITHDRAW = `mutation($id: ID!, $input: WithdrawEndorsementInput) { withdrawEndorsement(id: $id, input: $input) { id current withdrawnOn withdrawalReason } }`;
const COUNTS = `query($id: ID!) { campaign(id: $id) { endorsementCounts { schools networks organizations total } } }`;

async function counts(campaignId: string) {
  return (await fixture.must(COUNTS, { id: campaignId })).campaign.endorsementCounts;
}

describe("endorsing a campaign", () => {
  it("signs on schools, networks and organizations and counts them by kind", async () => {
    const campaignId = await fixture.createCampaign();
    const schoolId = entityId();
    const result = await fixture.must(ENDORSE, {
      input: { campaignId, endorserKind: "SCHOOL", endorserId: schoolId, endorsedOn: "2024-02-01", statement: "We share the agenda.", signatory: "Ann Cook" },
    });
    expect(result.endorseCampaign).toMatchObject({
      endorserKind: "SCHOOL",
      endorsedOn: "2024-02-01",
      statement: "We share the agenda.",
      signatory: "Ann Cook",
      current: true,
      endorser: { __typename: "School", id: schoolId },
      campaign: { id: campaignId },
    });
    await fixture.endorse(campaignId, "SCHOOL", entityId());
    await fixture.endorse(campaignId, "NETWORK", entityId());
    await fixture.endorse(campaignId, "ORGANIZATION", entityId());
    expect(await counts(campaignId)).toEqual({ schools: 2, networks: 1, organizations: 1, total: 4 });
  });

  it("refuses a second endorsement by the same endorser (CONFLICT), and allows the same id as another kind", async () => {
    const campaignId = await fixture.createCampaign();
    const id = entityId();
    await fixture.endorse(campaignId, "NETWORK", id);
    const again = await fixture.run(ENDORSE, { input: { campaignId, endorserKind: "NETWORK", endorserId: id } }, asEndorser("NETWORK", id));
    expect(errorCode(again)).toBe("CONFLICT");
    expect(await counts(campaignId)).toEqual({ schools: 0, networks: 1, organizations: 0, total: 1 });
    // the same endorser on another campaign is a new endorsement
    const other = await fixture.createCampaign();
    await fixture.endorse(other, "NETWORK", id);
    expect((await counts(other)).networks).toBe(1);
  });

  it("accepts exactly one of many concurrent endorsements by the same endorser", async () => {
    const campaignId = await fixture.createCampaign();
    const schoolId = entityId();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => fixture.run(ENDORSE, { input: { campaignId, endorserKind: "SCHOOL", endorserId: schoolId } })),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(19);
    expect(await counts(campaignId)).toEqual({ schools: 1, networks: 0, organizations: 0, total: 1 });
    expect(await fixture.subgraph.db.collection("endorsements").countDocuments({ campaignId })).toBe(1);
  });

  it("counts concurrent endorsements by different endorsers", async () => {
    const campaignId = await fixture.createCampaign();
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => {
        const [endorserKind, endorserId] = [i % 3 === 0 ? "NETWORK" : "SCHOOL", entityId()];
        return fixture.run(ENDORSE, { input: { campaignId, endorserKind, endorserId } }, asEndorser(endorserKind, endorserId));
      }),
    );
    expect(results.every((result) => !result.errors)).toBe(true);
    expect(await counts(campaignId)).toEqual({ schools: 10, networks: 5, organizations: 0, total: 15 });
  });

  it.each(["WON", "LOST", "CLOSED"])("refuses endorsements of a %s campaign (CONFLICT)", async (status) => {
    const campaignId = await fixture.createCampaign();
    expect((await fixture.changeStatus(campaignId, status)).errors).toBeUndefined();
    const result = await fixture.run(ENDORSE, { input: { campaignId, endorserKind: "SCHOOL", endorserId: entityId() } });
    expect(errorCode(result)).toBe("CONFLICT");
    expect((await counts(campaignId)).total).toBe(0);
  });

  it("gathers endorsements while PLANNING or PAUSED", async () => {
    const planning = await fixture.createCampaign({ status: "PLANNING", startDate: null });
    await fixture.endorse(planning, "SCHOOL", entityId());
    const paused = await fixture.createCampaign();
    await fixture.changeStatus(paused, "PAUSED");
    await fixture.endorse(paused, "SCHOOL", entityId());
    expect((await counts(planning)).total).toBe(1);
    expect((await counts(paused)).total).toBe(1);
  });

  it("refuses unknown campaigns, future dates and invalid kinds", async () => {
    const missing = await fixture.run(ENDORSE, { input: { campaignId: entityId(), endorserKind: "SCHOOL", endorserId: entityId() } });
    expect(errorCode(missing)).toBe("NOT_FOUND");
    const campaignId = await fixture.createCampaign();
    const future = await fixture.run(ENDORSE, { input: { campaignId, endorserKind: "SCHOOL", endorserId: entityId(), endorsedOn: isoDate(2) } });
    expect(errorCode(future)).toBe("BAD_USER_INPUT");
    expect(future.errors![0].extensions!.field).toBe("input.endorsedOn");
    const kind = await fixture.run(ENDORSE, { input: { campaignId, endorserKind: "EDUCATOR", endorserId: entityId() } });
    expect(kind.errors).toBeDefined();
    expect((await counts(campaignId)).total).toBe(0);
  });
});

describe("withdrawing an endorsement", () => {
  it("removes it from the counts and keeps the record", async () => {
    const campaignId = await fixture.createCampaign();
    const organizationId = entityId();
    const endorsementId = await fixture.endorse(campaignId, "ORGANIZATION", organizationId, { endorsedOn: "2024-02-01" });
    const data = await fixture.must(
      WITHDRAW,
      { id: endorsementId, input: { withdrawnOn: "2024-03-01", reason: "Board decision" } },
      asEndorser("ORGANIZATION", organizationId),
    );
    expect(data.withdrawEndorsement).toEqual({ id: endorsementId, current: false, withdrawnOn: "2024-03-01", withdrawalReason: "Board decision" });
    expect((await counts(campaignId)).total).toBe(0);
    const listed = await fixture.must(
      `query($id: ID!) { campaign(id: $id) { current: endorsements { totalCount } all: endorsements(includeWithdrawn: true) { totalCount edges { node { id current } } } } }`,
      { id: campaignId },
    );
    expect(listed.campaign.current.totalCount).toBe(0);
    expect(listed.campaign.all.edges).toEqual([{ node: { id: endorsementId, current: false } }]);
  });

  it("refuses withdrawing twice, before the endorsement, or for a decided campaign", async () => {
    const campaignId = await fixture.createCampaign();
    const endorsementId = await fixture.endorse(campaignId, "SCHOOL", entityId(), { endorsedOn: "2024-02-01" });
    expect(errorCode(await fixture.run(WITHDRAW, { id: endorsementId, input: { withdrawnOn: "2024-01-01" } }))).toBe("BAD_USER_INPUT");
    await fixture.must(WITHDRAW, { id: endorsementId });
    expect(errorCode(await fixture.run(WITHDRAW, { id: endorsementId }))).toBe("CONFLICT");
    expect(errorCode(await fixture.run(WITHDRAW, { id: entityId() }))).toBe("NOT_FOUND");
    const won = await fixture.createCampaign();
    const kept = await fixture.endorse(won, "SCHOOL", entityId());
    await fixture.changeStatus(won, "WON");
    expect(errorCode(await fixture.run(WITHDRAW, { id: kept }))).toBe("CONFLICT");
    expect((await counts(won)).total).toBe(1);
  });

  it("lets exactly one of many concurrent withdrawals succeed", async () => {
    const campaignId = await fixture.createCampaign();
    const endorsementId = await fixture.endorse(campaignId, "SCHOOL", entityId());
    const results = await Promise.all(Array.from({ length: 10 }, () => fixture.run(WITHDRAW, { id: endorsementId })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(9);
  });

  it("renews a withdrawn endorsement when the endorser signs on again", async () => {
    const campaignId = await fixture.createCampaign();
    const schoolId = entityId();
    const endorsementId = await fixture.endorse(campaignId, "SCHOOL", schoolId, { endorsedOn: "2024-02-01" });
    await fixture.must(WITHDRAW, { id: endorsementId, input: { withdrawnOn: "2024-03-01" } });
    const renewed = await fixture.must(ENDORSE, { input: { campaignId, endorserKind: "SCHOOL", endorserId: schoolId, endorsedOn: "2024-04-01" } });
    expect(renewed.endorseCampaign).toMatchObject({ id: endorsementId, current: true, endorsedOn: "2024-04-01" });
    expect((await counts(campaignId)).schools).toBe(1);
    expect(errorCode(await fixture.run(ENDORSE, { input: { campaignId, endorserKind: "SCHOOL", endorserId: schoolId } }))).toBe("CONFLICT");
  });
});

describe("a campaign's endorsements", () => {
  const LIST = `query($id: ID!, $first: Int!, $after: String, $kind: AdvocateKind) { campaign(id: $id) {
    endorsements(first: $first, after: $after, endorserKind: $kind) { totalCount pageInfo { hasNextPage endCursor } edges { node { endorsedOn endorserKind } } }
  } }`;

  it("lists them in signing order, by kind, in pages", async () => {
    const campaignId = await fixture.createCampaign();
    for (let day = 1; day <= 5; day++) await fixture.endorse(campaignId, day % 2 ? "SCHOOL" : "NETWORK", entityId(), { endorsedOn: `2024-03-0${day}` });
    const first = await fixture.must(LIST, { id: campaignId, first: 3 });
    expect(first.campaign.endorsements.totalCount).toBe(5);
    expect(first.campaign.endorsements.edges.map((edge: any) => edge.node.endorsedOn)).toEqual(["2024-03-01", "2024-03-02", "2024-03-03"]);
    const rest = await fixture.must(LIST, { id: campaignId, first: 3, after: first.campaign.endorsements.pageInfo.endCursor });
    expect(rest.campaign.endorsements.edges.map((edge: any) => edge.node.endorsedOn)).toEqual(["2024-03-04", "2024-03-05"]);
    expect(rest.campaign.endorsements.pageInfo.hasNextPage).toBe(false);
    const networks = await fixture.must(LIST, { id: campaignId, first: 10, kind: "NETWORK" });
    expect(networks.campaign.endorsements.totalCount).toBe(2);
    expect(networks.campaign.endorsements.edges.every((edge: any) => edge.node.endorserKind === "NETWORK")).toBe(true);
  });
});
