import { entityId, errorCode, isoDate, startAdvocacyFixture, type AdvocacyFixture } from "./fixtures";

let fixture: AdvocacyFixture;
beforeAll(async () => {
  fixture = await startAdvocacyFixture();
});
afterAll(() => fixture.stop());

const CAMPAIGN = `query($id: ID!) { campaign(id: $id) {
  id title policyGoal level jurisdiction region country targetBody issueAreas status startDate targetDate endDate visibility
  statusHistory { from status on note }
  leadNetwork { id } leadSchools { id } leadOrganization { id }
  owner { __typename ... on Network { id } ... on School { id } }
} }`;

describe("creating a campaign", () => {
  it("stores the campaign with its lead, owner and first status", async () => {
    const networkId = fixture.coordinatedNetwork();
    const schoolId = entityId();
    const organizationId = entityId();
    const id = await fixture.createCampaign({
      title: "Performance-based assessment as an alternative to the Regents exams",
      leadNetworkId: networkId,
      leadSchoolIds: [schoolId, schoolId],
      leadOrganizationId: organizationId,
      status: "PLANNING",
      startDate: null,
      targetDate: "2030-06-30",
      visibility: "NETWORK",
    });
    const { campaign } = await fixture.must(CAMPAIGN, { id });
    expect(campaign).toMatchObject({
      title: "Performance-based assessment as an alternative to the Regents exams",
      level: "STATE",
      jurisdiction: "New York State",
      region: "NY",
      country: "US",
      status: "PLANNING",
      startDate: null,
      targetDate: "2030-06-30",
      endDate: null,
      visibility: "NETWORK",
      leadNetwork: { id: networkId },
      leadSchools: [{ id: schoolId }],
      leadOrganization: { id: organizationId },
      owner: { __typename: "Network", id: networkId },
    });
    expect(campaign.statusHistory).toEqual([{ from: null, status: "PLANNING", on: expect.any(String), note: null }]);
  });

  it("starts an ACTIVE campaign today unless given a start date", async () => {
    const id = await fixture.createCampaign({ status: "ACTIVE", startDate: null });
    const { campaign } = await fixture.must(CAMPAIGN, { id });
    expect(campaign.startDate).toBe(isoDate(0));
  });

  it.each([
    [{ title: "x" }, "input.title"],
    [{ country: "USA" }, "input.country"],
    [{ status: "WON" }, "input.status"],
    [{ startDate: "2024-05-01", targetDate: "2024-04-01" }, "input.targetDate"],
    [{ status: "ACTIVE", startDate: isoDate(10) }, "input.startDate"],
  ])("refuses invalid input %j (BAD_USER_INPUT on %s) and stores nothing", async (input, field) => {
    const before = await fixture.subgraph.db.collection("campaigns").countDocuments();
    const result = await fixture.run(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
      input: {
        title: "A valid title",
        policyGoal: "A valid goal",
        level: "LOCAL",
        jurisdiction: "Humble ISD",
        targetBody: "Board of Trustees",
        leadNetworkId: fixture.network,
        ...input,
      },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe(field);
    expect(await fixture.subgraph.db.collection("campaigns").countDocuments()).toBe(before);
  });
});

describe("listing campaigns", () => {
  const LIST = `query($level: CampaignLevel, $status: [CampaignStatus!], $jurisdiction: String, $region: String, $issueArea: String, $leadNetworkId: ID, $first: Int!, $after: String, $orderBy: CampaignOrder! = TITLE) {
    campaigns(level: $level, status: $status, jurisdiction: $jurisdiction, region: $region, issueArea: $issueArea, leadNetworkId: $leadNetworkId, first: $first, after: $after, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { title level status jurisdiction issueAreas } }
    }
  }`;
  let network: string;

  beforeAll(async () => {
    network = fixture.coordinatedNetwork();
    const base = { leadNetworkId: network };
    await fixture.createCampaign({ ...base, title: "L1 Oregon school funding", level: "STATE", jurisdiction: "Oregon", region: "OR", issueAreas: ["school funding"] });
    await fixture.createCampaign({ ...base, title: "L2 Regents alternatives", level: "STATE", jurisdiction: "New York State", issueAreas: ["assessment", "graduation"] });
    await fixture.createCampaign({ ...base, title: "L3 Humble small schools", level: "LOCAL", jurisdiction: "Humble ISD", region: "TX", issueAreas: ["small schools"] });
    await fixture.createCampaign({ ...base, title: "L4 Federal multiple measures", level: "NATIONAL", jurisdiction: "United States", region: null, status: "PLANNING", startDate: null, issueAreas: ["assessment"] });
    await fixture.createCampaign({ ...base, title: "L5 City peer review time", level: "LOCAL", jurisdiction: "New York City", issueAreas: ["peer review"], status: "PLANNING", startDate: null });
  });

  const titles = (data: any) => data.campaigns.edges.map((edge: any) => edge.node.title);

  it("filters by level and status", async () => {
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, level: "STATE", first: 10 }))).toEqual(["L1 Oregon school funding", "L2 Regents alternatives"]);
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, status: ["PLANNING"], first: 10 }))).toEqual([
      "L4 Federal multiple measures",
      "L5 City peer review time",
    ]);
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, level: "LOCAL", status: ["ACTIVE"], first: 10 }))).toEqual(["L3 Humble small schools"]);
  });

  it("filters by jurisdiction, region and issue area", async () => {
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, jurisdiction: "Oregon", first: 10 }))).toEqual(["L1 Oregon school funding"]);
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, region: "TX", first: 10 }))).toEqual(["L3 Humble small schools"]);
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, issueArea: "assessment", first: 10 }))).toEqual([
      "L2 Regents alternatives",
      "L4 Federal multiple measures",
    ]);
  });

  it("pages through the list with cursors and counts every match", async () => {
    const first = await fixture.must(LIST, { leadNetworkId: network, first: 2 });
    expect(first.campaigns.totalCount).toBe(5);
    expect(titles(first)).toEqual(["L1 Oregon school funding", "L2 Regents alternatives"]);
    expect(first.campaigns.pageInfo.hasNextPage).toBe(true);
    const second = await fixture.must(LIST, { leadNetworkId: network, first: 2, after: first.campaigns.pageInfo.endCursor });
    expect(titles(second)).toEqual(["L3 Humble small schools", "L4 Federal multiple measures"]);
    const third = await fixture.must(LIST, { leadNetworkId: network, first: 2, after: second.campaigns.pageInfo.endCursor });
    expect(titles(third)).toEqual(["L5 City peer review time"]);
    expect(third.campaigns.pageInfo.hasNextPage).toBe(false);
  });

  it("orders by newest first on request", async () => {
    expect(titles(await fixture.must(LIST, { leadNetworkId: network, first: 2, orderBy: "NEWEST" }))).toEqual([
      "L5 City peer review time",
      "L4 Federal multiple measures",
    ]);
  });

  it("refuses page sizes out of range and foreign cursors", async () => {
    expect(errorCode(await fixture.run(LIST, { first: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.run(LIST, { first: 101 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.run(LIST, { first: 5, after: "bm9wZQ" }))).toBe("BAD_USER_INPUT");
  });
});

describe("updating a campaign", () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { title targetBody issueAreas region leadSchools { id } } }`;

  it("changes the given fields and leaves the others", async () => {
    const id = await fixture.createCampaign({ title: "Before", region: "NY" });
    const school = entityId();
    const data = await fixture.must(UPDATE, { id, input: { title: "After", issueAreas: ["graduation"], region: null, leadSchoolIds: [school] } });
    expect(data.updateCampaign).toEqual({
      title: "After",
      targetBody: "New York State Board of Regents",
      issueAreas: ["graduation"],
      region: null,
      leadSchools: [{ id: school }],
    });
  });

  it("refuses dates out of order, and any change once CLOSED", async () => {
    const id = await fixture.createCampaign({ startDate: "2024-01-15" });
    const invalid = await fixture.run(UPDATE, { id, input: { targetDate: "2023-12-31" } });
    expect(errorCode(invalid)).toBe("BAD_USER_INPUT");
    expect((await fixture.changeStatus(id, "CLOSED")).errors).toBeUndefined();
    const closed = await fixture.run(UPDATE, { id, input: { title: "Too late" } });
    expect(errorCode(closed)).toBe("CONFLICT");
    expect((await fixture.must(CAMPAIGN, { id })).campaign.title).not.toBe("Too late");
  });

  it.each(["visibility", "leadNetworkId", "title"])("refuses clearing its %s (BAD_USER_INPUT) and keeps the campaign as it was", async (field) => {
    const id = await fixture.createCampaign({ title: "Keeps its fields", visibility: "NETWORK" });
    const before = await fixture.subgraph.db.collection("campaigns").findOne({ _id: id as any });
    const result = await fixture.run(UPDATE, { id, input: { [field]: null } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe(`input.${field}`);
    expect(await fixture.subgraph.db.collection("campaigns").findOne({ _id: id as any })).toEqual(before);
  });

  it("is NOT_FOUND for an unknown campaign", async () => {
    expect(errorCode(await fixture.run(UPDATE, { id: entityId(), input: { title: "Nobody" } }))).toBe("NOT_FOUND");
  });
});

describe("status transitions", () => {
  it("launches a planned campaign on the day it goes ACTIVE", async () => {
    const id = await fixture.createCampaign({ status: "PLANNING", startDate: isoDate(30) });
    const launch = await fixture.changeStatus(id, "ACTIVE", { note: "Launched early" });
    expect(launch.data!.changeCampaignStatus).toMatchObject({ status: "ACTIVE", startDate: isoDate(0), endDate: null });
    const { campaign } = await fixture.must(CAMPAIGN, { id });
    expect(campaign.statusHistory.map((change: any) => [change.from, change.status, change.on, change.note])).toEqual([
      [null, "PLANNING", isoDate(0), null],
      ["PLANNING", "ACTIVE", isoDate(0), "Launched early"],
    ]);
  });

  it("drops the planned start date of a campaign closed before it launched", async () => {
    const id = await fixture.createCampaign({ status: "PLANNING", startDate: isoDate(30) });
    const closed = await fixture.changeStatus(id, "CLOSED");
    expect(closed.data!.changeCampaignStatus).toMatchObject({ status: "CLOSED", startDate: null, endDate: isoDate(0) });
  });

  it("follows a campaign's life: pause, resume, win, close", async () => {
    const id = await fixture.createCampaign({ status: "ACTIVE", startDate: "2024-02-01" });
    await fixture.changeStatus(id, "PAUSED", { on: "2024-06-30" });
    await fixture.changeStatus(id, "ACTIVE", { on: "2025-01-10" });
    const won = await fixture.changeStatus(id, "WON", { on: "2025-05-20" });
    expect(won.data!.changeCampaignStatus).toMatchObject({ status: "WON", startDate: "2024-02-01", endDate: "2025-05-20" });
    const closed = await fixture.changeStatus(id, "CLOSED", { on: "2025-06-01" });
    expect(closed.data!.changeCampaignStatus).toMatchObject({ status: "CLOSED", endDate: "2025-05-20" });
    const { campaign } = await fixture.must(CAMPAIGN, { id });
    expect(campaign.statusHistory.map((change: any) => [change.from, change.status, change.on])).toEqual([
      [null, "ACTIVE", "2024-02-01"],
      ["ACTIVE", "PAUSED", "2024-06-30"],
      ["PAUSED", "ACTIVE", "2025-01-10"],
      ["ACTIVE", "WON", "2025-05-20"],
      ["WON", "CLOSED", "2025-06-01"],
    ]);
  });

  const ALLOWED: Record<string, string[]> = {
    PLANNING: ["ACTIVE", "CLOSED"],
    ACTIVE: ["PAUSED", "WON", "LOST", "CLOSED"],
    PAUSED: ["ACTIVE", "LOST", "CLOSED"],
    WON: ["CLOSED"],
    LOST: ["CLOSED"],
    CLOSED: [],
  };
  /** How to bring a fresh ACTIVE campaign (or a PLANNING one) into each status. */
  const PATHS: Record<string, string[]> = {
    PLANNING: [],
    ACTIVE: ["ACTIVE"],
    PAUSED: ["ACTIVE", "PAUSED"],
    WON: ["ACTIVE", "WON"],
    LOST: ["ACTIVE", "LOST"],
    CLOSED: ["CLOSED"],
  };
  const STATUSES = Object.keys(ALLOWED);
  const cases = STATUSES.flatMap((from) => STATUSES.filter((to) => to !== from).map((to) => [from, to, ALLOWED[from].includes(to)] as const));

  it.each(cases)("from %s to %s is allowed: %s", async (from, to, allowed) => {
    const id = await fixture.createCampaign({ status: "PLANNING", startDate: null });
    for (const step of PATHS[from]) expect((await fixture.changeStatus(id, step)).errors).toBeUndefined();
    const result = await fixture.changeStatus(id, to);
    if (allowed) {
      expect(result.errors).toBeUndefined();
      expect(result.data!.changeCampaignStatus.status).toBe(to);
    } else {
      expect(errorCode(result)).toBe("CONFLICT");
      expect((await fixture.must(CAMPAIGN, { id })).campaign.status).toBe(from);
    }
  });

  it("refuses the same status, future dates and dates before the last change", async () => {
    const id = await fixture.createCampaign({ status: "ACTIVE", startDate: "2024-01-15" });
    expect(errorCode(await fixture.changeStatus(id, "ACTIVE"))).toBe("CONFLICT");
    expect(errorCode(await fixture.changeStatus(id, "PAUSED", { on: isoDate(3) }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.changeStatus(id, "PAUSED", { on: "2024-01-01" }))).toBe("BAD_USER_INPUT");
    expect((await fixture.must(CAMPAIGN, { id })).campaign.status).toBe("ACTIVE");
  });

  it("lets exactly one of many concurrent status changes win", async () => {
    const id = await fixture.createCampaign({ status: "ACTIVE", startDate: "2024-01-15" });
    const targets = Array.from({ length: 12 }, (_, i) => ["WON", "LOST", "PAUSED"][i % 3]);
    const results = await Promise.all(targets.map((status) => fixture.changeStatus(id, status, { on: "2024-05-01" })));
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(targets.length - 1);
    const { campaign } = await fixture.must(CAMPAIGN, { id });
    expect(campaign.status).toBe(succeeded[0].data!.changeCampaignStatus.status);
    expect(campaign.statusHistory).toHaveLength(2);
  });
});
