import { newId } from "../../subgraphs/kit";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

const RECORD = `mutation($input: RecordFundingAwardInput!) { recordFundingAward(input: $input) {
  id funder kind amount currency startDate endDate purpose network { id } funderOrganization { id }
} }`;
const TOTALS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Network {
  id fundingTotals { currency amount awardCount } fundingAwards { totalCount edges { node { funder amount } } }
} } }`;

function award(networkId: string, extra: Record<string, unknown> = {}) {
  return { networkId, funder: "Bill & Melinda Gates Foundation", kind: "PRIVATE_GRANT", amount: 1000, startDate: "2019-09-01", ...extra };
}

describe("funding awards", () => {
  it("records an award secured through a network", async () => {
    const networkId = fixture.entityId("network");
    const organizationId = fixture.entityId("organization");
    const result = await fixture.execute(RECORD, {
      input: award(networkId, { amount: 6000000.5, endDate: "2024-08-31", purpose: "Network for School Improvement", funderOrganizationId: organizationId }),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.recordFundingAward).toMatchObject({
      funder: "Bill & Melinda Gates Foundation",
      kind: "PRIVATE_GRANT",
      amount: 6000000.5,
      currency: "USD",
      startDate: "2019-09-01",
      endDate: "2024-08-31",
      network: { id: networkId },
      funderOrganization: { id: organizationId },
    });
  });

  it("sums a network's awards exactly, per currency, largest first", async () => {
    const networkId = fixture.entityId("network");
    for (const amount of [0.1, 0.2, 1000000.35]) await fixture.must(RECORD, { input: award(networkId, { amount }) });
    await fixture.must(RECORD, { input: award(networkId, { amount: 50, currency: "CAD", kind: "IN_KIND", startDate: "2020-01-01" }) });
    await fixture.must(RECORD, { input: award(fixture.entityId("network"), { amount: 999 }) });
    const result = await fixture.execute(TOTALS, { reps: [{ __typename: "Network", id: networkId }] });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0].fundingTotals).toEqual([
      { currency: "USD", amount: 1000000.65, awardCount: 3 },
      { currency: "CAD", amount: 50, awardCount: 1 },
    ]);
    // newest first
    expect(result.data._entities[0].fundingAwards.totalCount).toBe(4);
    expect(result.data._entities[0].fundingAwards.edges[0].node).toEqual({ funder: "Bill & Melinda Gates Foundation", amount: 50 });
  });

  it("has no totals for a network without awards", async () => {
    const result = await fixture.execute(TOTALS, { reps: [{ __typename: "Network", id: fixture.entityId("network") }] });
    expect(result.data._entities[0]).toMatchObject({ fundingTotals: [], fundingAwards: { totalCount: 0, edges: [] } });
  });

  it.each([
    ["a zero amount", { amount: 0 }, "input.amount"],
    ["fractions of a cent", { amount: 10.005 }, "input.amount"],
    ["a currency that is not an ISO code", { currency: "usd" }, "input.currency"],
    ["a period that ends before it starts", { startDate: "2020-01-01", endDate: "2019-12-31" }, "input.endDate"],
  ])("refuses %s as bad input and stores nothing", async (_case, change, field) => {
    const before = await fixture.subgraph.db.collection("funding_awards").countDocuments();
    const result = await fixture.execute(RECORD, { input: award(fixture.entityId("network"), change) });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe(field);
    expect(await fixture.subgraph.db.collection("funding_awards").countDocuments()).toBe(before);
  });

  it("updates an award, checking the period against the stored dates", async () => {
    const networkId = fixture.entityId("network");
    const created = await fixture.must(RECORD, { input: award(networkId, { endDate: "2020-06-30" }) });
    const id = created.recordFundingAward.id;
    const UPDATE = `mutation($id: ID!, $input: UpdateFundingAwardInput!) { updateFundingAward(id: $id, input: $input) { amount purpose endDate } }`;
    const updated = await fixture.execute(UPDATE, { id, input: { amount: 2500.25, purpose: "Summer institute" } });
    expect(updated.data.updateFundingAward).toEqual({ amount: 2500.25, purpose: "Summer institute", endDate: "2020-06-30" });
    expect(errorCode(await fixture.execute(UPDATE, { id, input: { startDate: "2021-01-01" } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(UPDATE, { id: newId(), input: { purpose: "x" } }))).toBe("NOT_FOUND");
  });

  it("lists awards by network, newest first, with paging", async () => {
    const networkId = fixture.entityId("network");
    for (const startDate of ["2001-01-01", "2010-01-01", "2005-01-01"]) await fixture.must(RECORD, { input: award(networkId, { startDate }) });
    const LIST = `query($networkId: ID, $after: String) { fundingAwards(networkId: $networkId, first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { startDate } } } }`;
    const first = await fixture.execute(LIST, { networkId });
    expect(first.data.fundingAwards.edges.map((edge: any) => edge.node.startDate)).toEqual(["2010-01-01", "2005-01-01"]);
    expect(first.data.fundingAwards.totalCount).toBe(3);
    const second = await fixture.execute(LIST, { networkId, after: first.data.fundingAwards.pageInfo.endCursor });
    expect(second.data.fundingAwards.edges.map((edge: any) => edge.node.startDate)).toEqual(["2001-01-01"]);
  });

  it("pages a network's awards with the filters of `fundingAwards`", async () => {
    const networkId = fixture.entityId("network");
    for (const startDate of ["2001-01-01", "2010-01-01"]) await fixture.must(RECORD, { input: award(networkId, { startDate }) });
    await fixture.must(RECORD, { input: award(networkId, { kind: "IN_KIND", startDate: "2005-01-01" }) });
    const NESTED = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on Network {
      fundingAwards(kind: PRIVATE_GRANT, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { startDate } } }
    } } }`;
    const reps = [{ __typename: "Network", id: networkId }];
    const first = (await fixture.must(NESTED, { reps }))._entities[0].fundingAwards;
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { startDate: "2010-01-01" } }] });
    const second = (await fixture.must(NESTED, { reps, after: first.pageInfo.endCursor }))._entities[0].fundingAwards;
    expect(second).toMatchObject({ pageInfo: { hasNextPage: false }, edges: [{ node: { startDate: "2001-01-01" } }] });
  });
});
