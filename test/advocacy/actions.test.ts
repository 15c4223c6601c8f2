import { entityId, errorCode, isoDate, startAdvocacyFixture, type AdvocacyFixture } from "./fixtures";

let fixture: AdvocacyFixture;
beforeAll(async () => {
  fixture = await startAdvocacyFixture();
});
afterAll(() => fixture.stop());

const LOG = `mutation($input: LogCampaignActionInput!) { logCampaignAction(input: $input) {
  id kind title date status location people participantCount outcome
  participants { __typename ... on School { id } ... on Network { id } ... on Organization { id } }
  campaign { id }
} }`;
const COMPLETE = `mutation($id: ID!, $input: CompleteCampaignActionInput) { completeCampaignAction(id: $id, input: $input) { id status date outcome participantCount } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelCampaignAction(id: $id, reason: $reason) { id status outcome } }`;
const NEXT = `query($id: ID!, $first: Int! = 3) { campaign(id: $id) { nextActions(first: $first) { totalCount edges { node { title date status } } } } }`;

/** The nodes of the campaign's next actions. */
async function nextActions(campaignId: string, first?: number) {
  const data = await fixture.must(NEXT, { id: campaignId, ...(first ? { first } : {}) });
  return data.campaign.nextActions.edges.map((edge: any) => edge.node);
}

describe("logging actions", () => {
  it("logs a done action with its participants and outcome", async () => {
    const campaignId = await fixture.createCampaign();
    const schoolId = entityId();
    const networkId = entityId();
    const data = await fixture.must(LOG, {
      input: {
        campaignId,
        kind: "TESTIMONY",
        title: "Testimony to the Board of Regents",
        date: "2024-03-10",
        location: "Albany",
        participants: [
          { kind: "SCHOOL", id: schoolId },
          { kind: "NETWORK", id: networkId },
          { kind: "SCHOOL", id: schoolId },
        ],
        people: ["Ann Cook", "Vincent Brevetti"],
        outcome: "The Regents agreed to review the assessment system.",
      },
    });
    expect(data.logCampaignAction).toMatchObject({
      kind: "TESTIMONY",
      date: "2024-03-10",
      status: "DONE",
      location: "Albany",
      people: ["Ann Cook", "Vincent Brevetti"],
      outcome: "The Regents agreed to review the assessment system.",
      participants: [
        { __typename: "School", id: schoolId },
        { __typename: "Network", id: networkId },
      ],
      campaign: { id: campaignId },
    });
  });

  it("plans future actions and lists the next ones, soonest first", async () => {
    const campaignId = await fixture.createCampaign();
    await fixture.logAction(campaignId, { title: "In 40 days", date: isoDate(40), kind: "EVENT" });
    await fixture.logAction(campaignId, { title: "Today", date: isoDate(0), status: "PLANNED" });
    await fixture.logAction(campaignId, { title: "In 10 days", date: isoDate(10), kind: "LETTER" });
    await fixture.logAction(campaignId, { title: "In 20 days", date: isoDate(20), kind: "PETITION" });
    await fixture.logAction(campaignId, { title: "Done last year", date: "2024-03-01" });
    expect(await nextActions(campaignId)).toEqual([
      { title: "Today", date: isoDate(0), status: "PLANNED" },
      { title: "In 10 days", date: isoDate(10), status: "PLANNED" },
      { title: "In 20 days", date: isoDate(20), status: "PLANNED" },
    ]);
    expect(await nextActions(campaignId, 1)).toHaveLength(1);
    expect((await fixture.must(NEXT, { id: campaignId, first: 1 })).campaign.nextActions.totalCount).toBe(4);
  });

  it.each([
    [{ date: isoDate(-1), status: "PLANNED" }, "input.date"],
    [{ date: isoDate(1), status: "DONE" }, "input.date"],
    [{ date: isoDate(5), outcome: "Too early" }, "input.outcome"],
    [{ date: "2024-03-01", status: "CANCELLED" }, "input.status"],
    [{ title: "" }, "input.title"],
    [{ participantCount: -5 }, "input.participantCount"],
  ])("refuses %j (BAD_USER_INPUT on %s)", async (input, field) => {
    const campaignId = await fixture.createCampaign();
    const result = await fixture.run(LOG, { input: { campaignId, kind: "MEETING", title: "A meeting", date: "2024-03-01", ...input } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe(field);
    expect(await fixture.subgraph.db.collection("campaign_actions").countDocuments({ campaignId })).toBe(0);
  });

  it("plans actions only for open campaigns, and logs nothing once CLOSED", async () => {
    const won = await fixture.createCampaign();
    await fixture.changeStatus(won, "WON");
    expect(errorCode(await fixture.run(LOG, { input: { campaignId: won, kind: "EVENT", title: "Victory party", date: isoDate(5) } }))).toBe("CONFLICT");
    // what happened can still be logged after the decision
    await fixture.logAction(won, { title: "Thank-you letters", kind: "LETTER", date: isoDate(0) });
    await fixture.changeStatus(won, "CLOSED");
    expect(errorCode(await fixture.run(LOG, { input: { campaignId: won, kind: "LETTER", title: "Late letter", date: isoDate(0) } }))).toBe("CONFLICT");
    expect(errorCode(await fixture.run(LOG, { input: { campaignId: entityId(), kind: "LETTER", title: "Nowhere", date: isoDate(0) } }))).toBe("NOT_FOUND");
  });
});

describe("completing and cancelling planned actions", () => {
  it("completes a planned action with its outcome, dated today when planned later", async () => {
    const campaignId = await fixture.createCampaign();
    const id = await fixture.logAction(campaignId, { date: isoDate(7), kind: "MEETING" });
    const data = await fixture.must(COMPLETE, { id, input: { outcome: "Commissioner asked for data", participantCount: 12 } });
    expect(data.completeCampaignAction).toEqual({ id, status: "DONE", date: isoDate(0), outcome: "Commissioner asked for data", participantCount: 12 });
    expect(await nextActions(campaignId)).toEqual([]);
    expect(errorCode(await fixture.run(COMPLETE, { id }))).toBe("CONFLICT");
    expect(errorCode(await fixture.run(CANCEL, { id }))).toBe("CONFLICT");
  });

  it("refuses completing in the future", async () => {
    const campaignId = await fixture.createCampaign();
    const id = await fixture.logAction(campaignId, { date: isoDate(7) });
    expect(errorCode(await fixture.run(COMPLETE, { id, input: { date: isoDate(3) } }))).toBe("BAD_USER_INPUT");
  });

  it("cancels a planned action with a reason", async () => {
    const campaignId = await fixture.createCampaign();
    const id = await fixture.logAction(campaignId, { date: isoDate(7) });
    const data = await fixture.must(CANCEL, { id, reason: "Hearing postponed" });
    expect(data.cancelCampaignAction).toEqual({ id, status: "CANCELLED", outcome: "Hearing postponed" });
    expect(errorCode(await fixture.run(COMPLETE, { id }))).toBe("CONFLICT");
  });

  it("lets exactly one of concurrent completions and cancellations win", async () => {
    const campaignId = await fixture.createCampaign();
    const id = await fixture.logAction(campaignId, { date: isoDate(7) });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? fixture.run(COMPLETE, { id, input: { outcome: `run ${i}` } }) : fixture.run(CANCEL, { id, reason: `run ${i}` }))),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(9);
  });

  it("updates a planned action, keeping its date in the future", async () => {
    const campaignId = await fixture.createCampaign();
    const id = await fixture.logAction(campaignId, { date: isoDate(7) });
    const UPDATE = `mutation($id: ID!, $input: UpdateCampaignActionInput!) { updateCampaignAction(id: $id, input: $input) { title date location } }`;
    const data = await fixture.must(UPDATE, { id, input: { title: "Moved meeting", date: isoDate(9), location: "Online" } });
    expect(data.updateCampaignAction).toEqual({ title: "Moved meeting", date: isoDate(9), location: "Online" });
    expect(errorCode(await fixture.run(UPDATE, { id, input: { date: isoDate(-3) } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.run(UPDATE, { id, input: { outcome: "Not yet" } }))).toBe("BAD_USER_INPUT");
  });
});

describe("listing actions", () => {
  it("filters a campaign's actions by kind, status and dates, in pages", async () => {
    const campaignId = await fixture.createCampaign();
    await fixture.logAction(campaignId, { kind: "LETTER", date: "2024-01-10" });
    await fixture.logAction(campaignId, { kind: "MEETING", date: "2024-02-10" });
    await fixture.logAction(campaignId, { kind: "LETTER", date: "2024-03-10" });
    await fixture.logAction(campaignId, { kind: "EVENT", date: isoDate(5) });
    const query = `query($id: ID!, $kind: CampaignActionKind, $status: CampaignActionStatus, $from: LocalDate, $to: LocalDate, $newestFirst: Boolean! = false, $first: Int! = 10, $after: String) {
      campaign(id: $id) { actions(kind: $kind, status: $status, from: $from, to: $to, newestFirst: $newestFirst, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { kind date status } }
      } }
    }`;
    const dates = async (variables: Record<string, unknown>) =>
      (await fixture.must(query, { id: campaignId, ...variables })).campaign.actions.edges.map((edge: any) => edge.node.date);
    expect(await dates({})).toEqual(["2024-01-10", "2024-02-10", "2024-03-10", isoDate(5)]);
    expect(await dates({ newestFirst: true })).toEqual([isoDate(5), "2024-03-10", "2024-02-10", "2024-01-10"]);
    expect(await dates({ kind: "LETTER" })).toEqual(["2024-01-10", "2024-03-10"]);
    expect(await dates({ status: "PLANNED" })).toEqual([isoDate(5)]);
    expect(await dates({ from: "2024-02-01", to: "2024-03-31" })).toEqual(["2024-02-10", "2024-03-10"]);
    const page = (await fixture.must(query, { id: campaignId, first: 2 })).campaign.actions;
    expect(page.totalCount).toBe(4);
    expect(await dates({ first: 2, after: page.pageInfo.endCursor })).toEqual(["2024-03-10", isoDate(5)]);
  });

  it("lists planned actions across campaigns by date", async () => {
    const a = await fixture.createCampaign();
    const b = await fixture.createCampaign();
    await fixture.logAction(a, { title: "Across A", date: isoDate(300) });
    await fixture.logAction(b, { title: "Across B", date: isoDate(301) });
    const data = await fixture.must(
      `query($from: LocalDate) { campaignActions(status: PLANNED, from: $from, first: 10) { edges { node { title campaign { id } } } } }`,
      { from: isoDate(300) },
    );
    expect(data.campaignActions.edges.map((edge: any) => [edge.node.title, edge.node.campaign.id])).toEqual([
      ["Across A", a],
      ["Across B", b],
    ]);
  });
});

describe("milestones", () => {
  const RECORD = `mutation($input: RecordCampaignMilestoneInput!) { recordCampaignMilestone(input: $input) { id kind title date campaign { id } } }`;

  it("records progress and outcomes and lists them oldest first", async () => {
    const campaignId = await fixture.createCampaign();
    await fixture.must(RECORD, { input: { campaignId, title: "Regents extend the variance", date: "2024-06-15" } });
    await fixture.must(RECORD, { input: { campaignId, kind: "SETBACK", title: "Variance narrowed", date: "2024-09-01" } });
    await fixture.must(RECORD, { input: { campaignId, kind: "PROGRESS", title: "Consortium formed", date: "2024-02-01" } });
    const PAGE = `query($id: ID!, $after: String) { campaign(id: $id) { milestones(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { kind title date } } } } }`;
    const first = (await fixture.must(PAGE, { id: campaignId })).campaign.milestones;
    const second = (await fixture.must(PAGE, { id: campaignId, after: first.pageInfo.endCursor })).campaign.milestones;
    expect(first.totalCount).toBe(3);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage]).toEqual([true, false]);
    expect([...first.edges, ...second.edges].map((edge: any) => edge.node)).toEqual([
      { kind: "PROGRESS", title: "Consortium formed", date: "2024-02-01" },
      { kind: "PROGRESS", title: "Regents extend the variance", date: "2024-06-15" },
      { kind: "SETBACK", title: "Variance narrowed", date: "2024-09-01" },
    ]);
  });

  it("refuses future milestones and milestones of closed campaigns", async () => {
    const campaignId = await fixture.createCampaign();
    const future = await fixture.run(RECORD, { input: { campaignId, title: "Victory", date: isoDate(1) } });
    expect(errorCode(future)).toBe("BAD_USER_INPUT");
    await fixture.changeStatus(campaignId, "WON");
    await fixture.must(RECORD, { input: { campaignId, kind: "OUTCOME", title: "Policy adopted" } });
    await fixture.changeStatus(campaignId, "CLOSED");
    expect(errorCode(await fixture.run(RECORD, { input: { campaignId, title: "Afterthought" } }))).toBe("CONFLICT");
    const data = await fixture.must(`query($id: ID!) { campaign(id: $id) { milestones { edges { node { title } } } } }`, { id: campaignId });
    expect(data.campaign.milestones.edges).toEqual([{ node: { title: "Policy adopted" } }]);
  });
});
