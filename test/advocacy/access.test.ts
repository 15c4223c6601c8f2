import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import type { GraphQLResult } from "../support/subgraph";
import { entityId, errorCode, isoDate, startAdvocacyFixture, type AdvocacyFixture } from "./fixtures";

/*
 * Adversarial tests of who sees and changes what in the advocacy subgraph. Organization B leads four
 * campaigns through its network NB, one per visibility, each with endorsements, actions and a milestone.
 * Callers from organization A, from allied networks and from B itself try every path: root fields,
 * lookups by id, aliases and fragments, `_entities` of every advocacy type, the fields added to School,
 * Network and Organization, and the counts. Accesses are built as the gateway would forward them.
 */

let fixture: AdvocacyFixture;

// organization A: network NA with school SA
const orgA = entityId();
const NA = entityId();
const SA = entityId();
// organization B: networks NB (leads the campaigns) and NB2, school SB in NB
const orgB = entityId();
const NB = entityId();
const NB2 = entityId();
const SB = entityId();
// NC is allied with NB under an agreement that shares campaigns; ND under one that does not
const NC = entityId();
const ND = entityId();

const personOfA = personAccess({ personId: "a-teacher", organizationId: orgA, memberNetworkIds: [NA] });
const coordinatorOfA = personAccess({ personId: "a-coordinator", organizationId: orgA, managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: [{ schoolId: SA, networkId: NA }] });
const adminOfA = personAccess({ personId: "a-admin", organizationId: orgA, organizationAdmin: true, managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: [{ schoolId: SA, networkId: NA }] });
const staffOfSA = personAccess({ personId: "a-staff", organizationId: orgA, schoolIds: [SA], memberNetworkIds: [NA], schoolMemberships: [{ schoolId: SA, networkId: NA }] });
const memberOfB = personAccess({ personId: "b-teacher", organizationId: orgB, memberNetworkIds: [NB, NB2] });
const staffOfSB = personAccess({ personId: "b-staff", organizationId: orgB, schoolIds: [SB], memberNetworkIds: [NB, NB2], schoolMemberships: [{ schoolId: SB, networkId: NB }] });
// SB accepted membership in NB: NB's managers speak for it
const coordinatorOfB = personAccess({ personId: "b-coordinator", organizationId: orgB, managedNetworkIds: [NB], memberNetworkIds: [NB, NB2], schoolMemberships: [{ schoolId: SB, networkId: NB }] });
const coordinatorOfNB2 = personAccess({ personId: "b2-coordinator", organizationId: orgB, managedNetworkIds: [NB2], memberNetworkIds: [NB, NB2] });
const adminOfB = personAccess({ personId: "b-admin", organizationId: orgB, organizationAdmin: true, managedNetworkIds: [NB, NB2], memberNetworkIds: [NB, NB2], schoolMemberships: [{ schoolId: SB, networkId: NB }] });
const readOnlyKeyOfB: Access = { ...ANONYMOUS_ACCESS, principal: { kind: "API_KEY", keyId: "b-key" }, organizationId: orgB, memberNetworkIds: [NB, NB2] };
const readOnlyCoordinatorOfB: Access = { ...coordinatorOfB, canWrite: false };
const alliedForCampaigns = personAccess({
  personId: "c-coordinator",
  organizationId: entityId(),
  managedNetworkIds: [NC],
  memberNetworkIds: [NC],
  alliedNetworkIds: { CAMPAIGNS: [NB], RESOURCES: [NB] },
});
const alliedForOtherKinds = personAccess({
  personId: "d-coordinator",
  organizationId: entityId(),
  managedNetworkIds: [ND],
  memberNetworkIds: [ND],
  alliedNetworkIds: { RESOURCES: [NB], EVENTS: [NB], PEER_REVIEWS: [NB] },
});

const VISIBILITIES = ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"] as const;
type Level = (typeof VISIBILITIES)[number];

/** Who sees which of B's campaigns (and their records), by the rules of README "Security model". */
const CALLERS: Array<[string, Access, Level[]]> = [
  ["anonymous", ANONYMOUS_ACCESS, ["PUBLIC"]],
  ["a person of organization A", personOfA, ["PUBLIC"]],
  ["a coordinator in organization A", coordinatorOfA, ["PUBLIC"]],
  ["an admin of organization A", adminOfA, ["PUBLIC"]],
  ["staff of a school of organization A", staffOfSA, ["PUBLIC"]],
  ["a network allied with B by an agreement without campaigns", alliedForOtherKinds, ["PUBLIC"]],
  ["a network allied with B by an agreement sharing campaigns", alliedForCampaigns, ["ALLIANCE", "PUBLIC"]],
  ["a member of B's network", memberOfB, ["NETWORK", "ALLIANCE", "PUBLIC"]],
  ["staff of a school in B's network", staffOfSB, ["NETWORK", "ALLIANCE", "PUBLIC"]],
  ["a read-only API key of organization B", readOnlyKeyOfB, ["NETWORK", "ALLIANCE", "PUBLIC"]],
  ["a coordinator of another network of B", coordinatorOfNB2, ["NETWORK", "ALLIANCE", "PUBLIC"]],
  ["a coordinator of B's network", coordinatorOfB, ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"]],
  ["an admin of organization B", adminOfB, ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"]],
];

/** B's records of each visibility. */
interface Records {
  campaign: string;
  endorsements: string[];
  actions: string[];
  milestone: string;
}
const records = {} as Record<Level, Records>;

const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`;
const ENDORSE = `mutation($input: EndorseCampaignInput!) { endorseCampaign(input: $input) { id } }`;
const LOG = `mutation($input: LogCampaignActionInput!) { logCampaignAction(input: $input) { id } }`;
const RECORD = `mutation($input: RecordCampaignMilestoneInput!) { recordCampaignMilestone(input: $input) { id } }`;
/** The day B's planned actions happen, so that lists across campaigns can be narrowed to them. */
const PLANNED_DAY = isoDate(200);

function campaignInput(title: string, visibility: string, extra: Record<string, unknown> = {}) {
  const jurisdiction = title.match(/^B (PRIVATE|NETWORK|ALLIANCE|PUBLIC)$/) ? "B-land" : "B-land, later";
  return {
    title,
    policyGoal: "Performance-based assessment accepted for the diploma",
    level: "STATE",
    // the campaigns of the write tests are elsewhere, so that the read tests' lists and counts stay exact
    jurisdiction,
    targetBody: "B-land Board of Education",
    leadNetworkId: NB,
    leadSchoolIds: [SB],
    leadOrganizationId: orgB,
    status: "ACTIVE",
    startDate: "2024-01-15",
    visibility,
    ...extra,
  };
}

async function must(query: string, variables: Record<string, unknown>, access: Access) {
  const result = await fixture.run(query, variables, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

beforeAll(async () => {
  fixture = await startAdvocacyFixture();
  for (const visibility of VISIBILITIES) {
    const campaign = (await must(CREATE, { input: campaignInput(`B ${visibility}`, visibility) }, coordinatorOfB)).createCampaign.id;
    const endorse = async (endorserKind: string, endorserId: string, access: Access) =>
      (await must(ENDORSE, { input: { campaignId: campaign, endorserKind, endorserId, endorsedOn: "2024-02-01" } }, access)).endorseCampaign.id;
    const endorsements = [
      // the coordinator of a network the school accepted membership in signs for it
      await endorse("SCHOOL", SB, coordinatorOfB),
      await endorse("NETWORK", NB2, adminOfB), // manages NB2 and sees even the PRIVATE campaign
      await endorse("ORGANIZATION", orgB, adminOfB),
    ];
    const action = async (input: Record<string, unknown>) =>
      (await must(LOG, { input: { campaignId: campaign, kind: "MEETING", title: `${visibility} action`, ...input } }, coordinatorOfB)).logCampaignAction.id;
    const actions = [await action({ date: PLANNED_DAY, participants: [{ kind: "SCHOOL", id: SB }] }), await action({ date: "2024-03-01" })];
    const milestone = (await must(RECORD, { input: { campaignId: campaign, title: `${visibility} milestone`, date: "2024-04-01" } }, coordinatorOfB))
      .recordCampaignMilestone.id;
    records[visibility] = { campaign, endorsements, actions, milestone };
  }
});
afterAll(() => fixture.stop());

const sorted = (values: string[]) => [...values].sort();
const levelsOf = (titles: Array<string | null | undefined>) => sorted(titles.filter((title): title is string => !!title).map((title) => title.replace(/^B /, "")));

describe.each(CALLERS)("reading B's campaigns as %s", (_name, access, visible) => {
  const run = (query: string, variables: Record<string, unknown> = {}) => fixture.run(query, variables, access);
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const result: GraphQLResult = await run(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  const expected = sorted(visible);

  it("lists exactly the visible campaigns, and counts only them", async () => {
    const data = await ok(`{ campaigns(jurisdiction: "B-land", first: 2) { totalCount edges { node { title } } pageInfo { hasNextPage endCursor } } }`);
    expect(data.campaigns.totalCount).toBe(visible.length);
    const titles = data.campaigns.edges.map((edge: any) => edge.node.title);
    if (data.campaigns.pageInfo.hasNextPage) {
      const rest = await ok(`query($after: String) { campaigns(jurisdiction: "B-land", first: 10, after: $after) { edges { node { title } } } }`, {
        after: data.campaigns.pageInfo.endCursor,
      });
      titles.push(...rest.campaigns.edges.map((edge: any) => edge.node.title));
    }
    expect(levelsOf(titles)).toEqual(expected);
    const byNetwork = await ok(`query($n: ID!) { campaigns(leadNetworkId: $n, jurisdiction: "B-land", first: 10) { totalCount } }`, { n: NB });
    expect(byNetwork.campaigns.totalCount).toBe(visible.length);
  });

  it("looks up only the visible campaigns by id, through aliases and fragments", async () => {
    const data = await ok(
      `query($p: ID!, $n: ID!, $a: ID!, $pub: ID!) {
        p: campaign(id: $p) { ...Seen } n: campaign(id: $n) { ...Seen } a: campaign(id: $a) { ... on Campaign { title } } pub: campaign(id: $pub) { ...Seen }
      }
      fragment Seen on Campaign { title visibility }`,
      { p: records.PRIVATE.campaign, n: records.NETWORK.campaign, a: records.ALLIANCE.campaign, pub: records.PUBLIC.campaign },
    );
    expect(levelsOf([data.p?.title, data.n?.title, data.a?.title, data.pub?.title])).toEqual(expected);
  });

  it("resolves entities of every advocacy type only when their campaign is visible", async () => {
    const representations = VISIBILITIES.flatMap((level) => [
      { __typename: "Campaign", id: records[level].campaign },
      ...records[level].endorsements.map((id) => ({ __typename: "Endorsement", id })),
      ...records[level].actions.map((id) => ({ __typename: "CampaignAction", id })),
      { __typename: "CampaignMilestone", id: records[level].milestone },
    ]);
    const data = await ok(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Campaign { title }
        ... on Endorsement { campaign { title } }
        ... on CampaignAction { campaign { title } }
        ... on CampaignMilestone { campaign { title } }
      } }`,
      { representations },
    );
    const perLevel = 7; // a campaign, 3 endorsements, 2 actions, a milestone
    VISIBILITIES.forEach((level, i) => {
      const entities = data._entities.slice(i * perLevel, (i + 1) * perLevel);
      if (visible.includes(level)) {
        expect(entities.map((entity: any) => entity?.title ?? entity?.campaign?.title)).toEqual(Array(perLevel).fill(`B ${level}`));
      } else {
        expect(entities).toEqual(Array(perLevel).fill(null));
      }
    });
  });

  it("looks up endorsements and actions by id only when their campaign is visible", async () => {
    const data = await ok(
      `query($e1: ID!, $e2: ID!, $e3: ID!, $e4: ID!, $a1: ID!, $a2: ID!, $a3: ID!, $a4: ID!) {
        e1: endorsement(id: $e1) { campaign { title } } e2: endorsement(id: $e2) { campaign { title } }
        e3: endorsement(id: $e3) { campaign { title } } e4: endorsement(id: $e4) { campaign { title } }
        a1: campaignAction(id: $a1) { campaign { title } } a2: campaignAction(id: $a2) { campaign { title } }
        a3: campaignAction(id: $a3) { campaign { title } } a4: campaignAction(id: $a4) { campaign { title } }
      }`,
      {
        ...Object.fromEntries(VISIBILITIES.map((level, i) => [`e${i + 1}`, records[level].endorsements[0]])),
        ...Object.fromEntries(VISIBILITIES.map((level, i) => [`a${i + 1}`, records[level].actions[0]])),
      },
    );
    expect(levelsOf([data.e1, data.e2, data.e3, data.e4].map((e) => e?.campaign.title))).toEqual(expected);
    expect(levelsOf([data.a1, data.a2, data.a3, data.a4].map((a) => a?.campaign.title))).toEqual(expected);
  });

  it("lists and counts actions across campaigns only for visible campaigns", async () => {
    const data = await ok(
      `query($day: LocalDate) { campaignActions(from: $day, to: $day, first: 1) { totalCount edges { node { campaign { title } } } } }`,
      { day: PLANNED_DAY },
    );
    expect(data.campaignActions.totalCount).toBe(visible.length);
    const all = await ok(`query($day: LocalDate) { campaignActions(from: $day, to: $day, first: 10) { edges { node { campaign { title } } } } }`, {
      day: PLANNED_DAY,
    });
    expect(levelsOf(all.campaignActions.edges.map((edge: any) => edge.node.campaign.title))).toEqual(expected);
  });

  it("shows the campaigns B's school, network and organization lead and endorse only when visible", async () => {
    const data = await ok(
      `query($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on School { ledCampaigns { ...Titles } endorsedCampaigns { ...Titles } campaignEndorsements(includeWithdrawn: true) { ...Endorsed } }
        ... on Network { ledCampaigns { ...Titles } endorsedCampaigns { ...Titles } campaignEndorsements { ...Endorsed } }
        ... on Organization { ledCampaigns { ...Titles } endorsedCampaigns(status: [ACTIVE]) { ...Titles } campaignEndorsements { ...Endorsed } }
      } }
      fragment Titles on CampaignConnection { totalCount edges { node { title } } }
      fragment Endorsed on EndorsementConnection { totalCount edges { node { campaign { title } } } }`,
      {
        representations: [
          { __typename: "School", id: SB },
          { __typename: "Network", id: NB },
          { __typename: "Network", id: NB2 },
          { __typename: "Organization", id: orgB },
        ],
      },
    );
    const [school, leadNetwork, endorsingNetwork, organization] = data._entities;
    // what is hidden is neither listed nor counted
    const titles = (connection: { totalCount: number; edges: any[] }) => {
      expect(connection.totalCount).toBe(connection.edges.length);
      return levelsOf(connection.edges.map(({ node }) => node.title ?? node.campaign?.title));
    };
    expect(titles(school.ledCampaigns)).toEqual(expected);
    expect(titles(school.endorsedCampaigns)).toEqual(expected);
    expect(titles(school.campaignEndorsements)).toEqual(expected);
    expect(titles(leadNetwork.ledCampaigns)).toEqual(expected);
    expect(titles(endorsingNetwork.endorsedCampaigns)).toEqual(expected);
    expect(titles(endorsingNetwork.campaignEndorsements)).toEqual(expected);
    expect(titles(organization.ledCampaigns)).toEqual(expected);
    expect(titles(organization.endorsedCampaigns)).toEqual(expected);
    expect(titles(organization.campaignEndorsements)).toEqual(expected);
  });

  it("gives visible campaigns their full counts and nested lists", async () => {
    const data = await ok(`{ campaigns(jurisdiction: "B-land", first: 10) { edges { node {
      endorsementCounts { schools networks organizations total }
      endorsements(first: 10) { totalCount edges { node { endorser { __typename } } } }
      actions(first: 10) { totalCount }
      nextActions { totalCount edges { node { title } } }
      milestones { totalCount edges { node { title } } }
    } } } }`);
    for (const { node } of data.campaigns.edges) {
      expect(node.endorsementCounts).toEqual({ schools: 1, networks: 1, organizations: 1, total: 3 });
      expect(node.endorsements.totalCount).toBe(3);
      expect(node.actions.totalCount).toBe(2);
      expect(node.nextActions.totalCount).toBe(1);
      expect(node.milestones.totalCount).toBe(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/** Everything the subgraph stores, and the audit log: a refused write changes none of it. */
async function snapshot() {
  const db = fixture.subgraph.db;
  const all = async (name: string) => db.collection(name).find().sort({ _id: 1 }).toArray();
  return {
    campaigns: await all("campaigns"),
    endorsements: await all("endorsements"),
    actions: await all("campaign_actions"),
    milestones: await all("campaign_milestones"),
    audit: await fixture.subgraph.audit.entries.countDocuments(),
  };
}

/** Refused with `code`, or UNAUTHENTICATED for an anonymous caller (told to sign in before anything else), changing nothing. */
async function expectRefused(code: "FORBIDDEN" | "NOT_FOUND", query: string, variables: Record<string, unknown>, access: Access) {
  const before = await snapshot();
  const result = await fixture.run(query, variables, access);
  expect({ code: errorCode(result), data: result.data ?? null }).toMatchObject({ code: access === ANONYMOUS_ACCESS ? "UNAUTHENTICATED" : code });
  expect(await snapshot()).toEqual(before);
}

describe("writing to B's campaigns", () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id } }`;
  const STATUS = `mutation($id: ID!) { changeCampaignStatus(id: $id, input: { status: PAUSED }) { id } }`;
  const UPDATE_ACTION = `mutation($id: ID!) { updateCampaignAction(id: $id, input: { title: "Hijacked" }) { id } }`;
  const COMPLETE = `mutation($id: ID!) { completeCampaignAction(id: $id, input: { outcome: "Hijacked" }) { id } }`;
  const CANCEL = `mutation($id: ID!) { cancelCampaignAction(id: $id, reason: "Hijacked") { id } }`;
  const WITHDRAW = `mutation($id: ID!) { withdrawEndorsement(id: $id) { id } }`;

  /** Every campaign write, against B's campaign of `level`. */
  const campaignWrites = (level: Level): Array<[string, string, Record<string, unknown>]> => [
    ["updateCampaign", UPDATE, { id: records[level].campaign, input: { title: "Hijacked" } }],
    ["changeCampaignStatus", STATUS, { id: records[level].campaign }],
    ["logCampaignAction", LOG, { input: { campaignId: records[level].campaign, kind: "LETTER", title: "Hijacked", date: "2024-05-01" } }],
    ["updateCampaignAction", UPDATE_ACTION, { id: records[level].actions[0] }],
    ["completeCampaignAction", COMPLETE, { id: records[level].actions[0] }],
    ["cancelCampaignAction", CANCEL, { id: records[level].actions[0] }],
    ["recordCampaignMilestone", RECORD, { input: { campaignId: records[level].campaign, title: "Hijacked", date: "2024-05-01" } }],
  ];

  const WRITERS_WITHOUT_RIGHTS: Array<[string, Access]> = [
    ["anonymous", ANONYMOUS_ACCESS],
    ["a read-only API key of B", readOnlyKeyOfB],
    ["a coordinator of B's network with a read-only credential", readOnlyCoordinatorOfB],
    ["a person of organization A", personOfA],
    ["a coordinator in organization A", coordinatorOfA],
    ["an admin of organization A", adminOfA],
    ["a coordinator allied with B for campaigns", alliedForCampaigns],
    ["a member of B's network", memberOfB],
    ["staff of B's lead school", staffOfSB],
    ["a coordinator of B's other network", coordinatorOfNB2],
  ];

  it.each(WRITERS_WITHOUT_RIGHTS)("refuses every campaign write by %s and changes nothing", async (_name, access) => {
    for (const level of VISIBILITIES) {
      const canSee = CALLERS.find(([, candidate]) => candidate === access)?.[2].includes(level) ?? level === "PUBLIC";
      // who cannot write is FORBIDDEN; a campaign the caller cannot even see does not exist for it
      const code = !access.canWrite || canSee ? "FORBIDDEN" : "NOT_FOUND";
      for (const [, query, variables] of campaignWrites(level)) await expectRefused(code, query, variables, access);
    }
  });

  it("refuses creating a campaign for a network the caller does not manage", async () => {
    for (const access of [ANONYMOUS_ACCESS, readOnlyCoordinatorOfB, personOfA, coordinatorOfA, staffOfSB, memberOfB, coordinatorOfNB2]) {
      await expectRefused("FORBIDDEN", CREATE, { input: campaignInput("Rogue campaign", "PUBLIC") }, access);
    }
    // authorization comes before the campaign rules (input shapes are checked by the schema first)
    await expectRefused("FORBIDDEN", CREATE, { input: campaignInput("Rogue campaign", "PUBLIC", { status: "WON" }) }, coordinatorOfA);
  });

  it("refuses handing a campaign to a network the caller does not manage", async () => {
    await expectRefused("FORBIDDEN", UPDATE, { id: records.PUBLIC.campaign, input: { leadNetworkId: NA } }, coordinatorOfB);
    await expectRefused("FORBIDDEN", UPDATE, { id: records.PUBLIC.campaign, input: { leadNetworkId: NB } }, coordinatorOfA);
  });

  it("refuses endorsing for a school, network or organization the caller does not speak for", async () => {
    const input = (campaignId: string, endorserKind: string, endorserId: string) => ({ input: { campaignId, endorserKind, endorserId } });
    const campaign = records.PUBLIC.campaign;
    const refusals: Array<[Access, string, string]> = [
      [ANONYMOUS_ACCESS, "SCHOOL", SB],
      [readOnlyKeyOfB, "NETWORK", NB],
      [readOnlyCoordinatorOfB, "SCHOOL", SB],
      [staffOfSB, "SCHOOL", SA], // another school
      [staffOfSA, "SCHOOL", SB],
      [coordinatorOfA, "SCHOOL", SB], // manages a network, but not the campaign's
      [memberOfB, "NETWORK", NB], // a member, not a coordinator
      [coordinatorOfNB2, "NETWORK", NB], // another network
      [coordinatorOfB, "ORGANIZATION", orgB], // not an admin
      [adminOfA, "ORGANIZATION", orgB], // another organization's admin
      [staffOfSB, "NETWORK", NB],
      // managing the campaign's network does not make one speak for a school that never accepted it
      [coordinatorOfB, "SCHOOL", SA],
      [adminOfB, "SCHOOL", SA],
    ];
    for (const [access, kind, id] of refusals) await expectRefused("FORBIDDEN", ENDORSE, input(campaign, kind, id), access);
    // a campaign the caller cannot see cannot be endorsed, even for its own school or network
    await expectRefused("NOT_FOUND", ENDORSE, input(records.PRIVATE.campaign, "SCHOOL", SA), staffOfSA);
    await expectRefused("NOT_FOUND", ENDORSE, input(records.NETWORK.campaign, "NETWORK", NA), coordinatorOfA);
    await expectRefused("NOT_FOUND", ENDORSE, input(records.PRIVATE.campaign, "SCHOOL", SB), staffOfSB);
  });

  it("refuses withdrawing another endorser's endorsement", async () => {
    const [schoolEndorsement, networkEndorsement, organizationEndorsement] = records.PUBLIC.endorsements;
    await expectRefused("FORBIDDEN", WITHDRAW, { id: schoolEndorsement }, staffOfSA);
    await expectRefused("FORBIDDEN", WITHDRAW, { id: schoolEndorsement }, ANONYMOUS_ACCESS);
    await expectRefused("FORBIDDEN", WITHDRAW, { id: networkEndorsement }, coordinatorOfB);
    await expectRefused("FORBIDDEN", WITHDRAW, { id: organizationEndorsement }, coordinatorOfB);
    await expectRefused("FORBIDDEN", WITHDRAW, { id: organizationEndorsement }, adminOfA);
    await expectRefused("NOT_FOUND", WITHDRAW, { id: records.PRIVATE.endorsements[0] }, staffOfSB);
  });

  it("lets the endorser act: a school's staff, a network's coordinator, an organization's admin", async () => {
    const campaign = (await must(CREATE, { input: campaignInput("B endorsers", "NETWORK") }, coordinatorOfB)).createCampaign.id;
    const endorse = (endorserKind: string, endorserId: string, access: Access) => fixture.run(ENDORSE, { input: { campaignId: campaign, endorserKind, endorserId } }, access);
    expect((await endorse("SCHOOL", SB, staffOfSB)).errors).toBeUndefined();
    expect((await endorse("NETWORK", NB2, coordinatorOfNB2)).errors).toBeUndefined();
    expect((await endorse("ORGANIZATION", orgB, adminOfB)).errors).toBeUndefined();
    // an allied network that sees an ALLIANCE campaign may endorse it for itself
    await must(UPDATE, { id: campaign, input: { visibility: "ALLIANCE" } }, coordinatorOfB);
    expect((await endorse("NETWORK", NC, alliedForCampaigns)).errors).toBeUndefined();
    expect(errorCode(await endorse("NETWORK", ND, alliedForOtherKinds))).toBe("NOT_FOUND");
    const [school] = (await must(`query($id: ID!) { campaign(id: $id) { endorsements(first: 10, endorserKind: SCHOOL) { edges { node { id } } } } }`, { id: campaign }, staffOfSB))
      .campaign.endorsements.edges;
    expect((await fixture.run(WITHDRAW, { id: school.node.id }, staffOfSB)).errors).toBeUndefined();
  });

  it("lets B's coordinators and admins change the campaign and its record, and audits it", async () => {
    const campaign = (await must(CREATE, { input: campaignInput("B managed", "PRIVATE") }, coordinatorOfB)).createCampaign.id;
    const auditBefore = await fixture.subgraph.audit.entries.countDocuments();
    await must(UPDATE, { id: campaign, input: { title: "B managed, renamed" } }, adminOfB);
    const action = (await must(LOG, { input: { campaignId: campaign, kind: "LETTER", title: "A letter", date: isoDate(3) } }, coordinatorOfB)).logCampaignAction.id;
    await must(COMPLETE, { id: action }, adminOfB);
    await must(RECORD, { input: { campaignId: campaign, title: "Progress" } }, coordinatorOfB);
    await must(STATUS, { id: campaign }, coordinatorOfB);
    const entries = await fixture.subgraph.audit.entries.find().sort({ at: 1, _id: 1 }).skip(auditBefore).toArray();
    expect(entries.map((entry) => entry.operation)).toEqual(["updateCampaign", "logCampaignAction", "completeCampaignAction", "recordCampaignMilestone", "changeCampaignStatus"]);
    for (const entry of entries) expect(entry.owner.networkId).toBe(NB);
  });
});

// ---------------------------------------------------------------------------------------------
// A campaign's records follow its visibility and owner
// ---------------------------------------------------------------------------------------------

describe("when a campaign's visibility or lead network changes", () => {
  const UPDATE = `mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { id visibility } }`;
  const RECORDS = `query($representations: [_Any!]!) { _entities(representations: $representations) {
    __typename ... on Campaign { id } ... on Endorsement { id } ... on CampaignAction { id } ... on CampaignMilestone { id }
  } }`;

  async function campaignWithRecords(title: string, visibility: string, leadNetworkId = NB) {
    const campaign = (await must(CREATE, { input: campaignInput(title, visibility, { leadNetworkId }) }, adminOfB)).createCampaign.id;
    const endorsement = (await must(ENDORSE, { input: { campaignId: campaign, endorserKind: "SCHOOL", endorserId: SB } }, adminOfB)).endorseCampaign.id;
    const action = (await must(LOG, { input: { campaignId: campaign, kind: "EVENT", title: "Event", date: isoDate(5) } }, adminOfB)).logCampaignAction.id;
    const milestone = (await must(RECORD, { input: { campaignId: campaign, title: "Progress" } }, adminOfB)).recordCampaignMilestone.id;
    const representations = [
      { __typename: "Campaign", id: campaign },
      { __typename: "Endorsement", id: endorsement },
      { __typename: "CampaignAction", id: action },
      { __typename: "CampaignMilestone", id: milestone },
    ];
    const seen = async (access: Access) => (await must(RECORDS, { representations }, access))._entities.filter(Boolean).length;
    return { campaign, seen };
  }

  it("hides and shows its endorsements, actions and milestones with it", async () => {
    const { campaign, seen } = await campaignWithRecords("B narrowing", "PUBLIC");
    expect(await seen(ANONYMOUS_ACCESS)).toBe(4);
    await must(UPDATE, { id: campaign, input: { visibility: "PRIVATE" } }, coordinatorOfB);
    expect(await seen(ANONYMOUS_ACCESS)).toBe(0);
    expect(await seen(memberOfB)).toBe(0);
    expect(await seen(coordinatorOfB)).toBe(4);
    const school = await must(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on School {
        campaignEndorsements { edges { node { campaign { title } } } } endorsedCampaigns { edges { node { title } } }
      } } }`,
      { r: [{ __typename: "School", id: SB }] },
      personOfA,
    );
    expect(school._entities[0].campaignEndorsements.edges.map((edge: any) => edge.node.campaign.title)).not.toContain("B narrowing");
    expect(school._entities[0].endorsedCampaigns.edges.map((edge: any) => edge.node.title)).not.toContain("B narrowing");
    await must(UPDATE, { id: campaign, input: { visibility: "ALLIANCE" } }, coordinatorOfB);
    expect(await seen(alliedForCampaigns)).toBe(4);
    expect(await seen(alliedForOtherKinds)).toBe(0);
    expect(await seen(memberOfB)).toBe(4);
  });

  it("moves them with the campaign to its new lead network", async () => {
    const { campaign, seen } = await campaignWithRecords("B handed over", "NETWORK");
    expect(await seen(memberOfB)).toBe(4);
    expect(await seen(personOfA)).toBe(0);
    // an admin of both organizations' networks hands it over (in practice: coordinators of both)
    const ofBoth = personAccess({ organizationId: orgB, managedNetworkIds: [NB, NA], memberNetworkIds: [NB, NA] });
    await must(UPDATE, { id: campaign, input: { leadNetworkId: NA } }, ofBoth);
    expect(await seen(personOfA)).toBe(4);
    expect(await seen(memberOfB)).toBe(0);
    const stored = await fixture.subgraph.db.collection("campaign_actions").findOne({ campaignId: campaign });
    expect(stored!.owner).toEqual({ networkId: NA, schoolId: null });
    // and the new network's coordinators now write it, the old one's no longer
    expect(errorCode(await fixture.run(UPDATE, { id: campaign, input: { title: "Back to B" } }, coordinatorOfB))).toBe("NOT_FOUND");
    expect((await fixture.run(UPDATE, { id: campaign, input: { title: "Kept by A" } }, coordinatorOfA)).errors).toBeUndefined();
  });

  it("keeps them in step under concurrent endorsements, actions and visibility changes", async () => {
    const { campaign } = await campaignWithRecords("B concurrent", "PUBLIC");
    const schools = Array.from({ length: 12 }, () => entityId());
    const visibilities = ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC", "PRIVATE", "NETWORK"];
    await Promise.all([
      ...schools.map((school) => fixture.run(ENDORSE, { input: { campaignId: campaign, endorserKind: "SCHOOL", endorserId: school } }, coordinatorOfB)),
      ...schools.map((_, i) => fixture.run(LOG, { input: { campaignId: campaign, kind: "LETTER", title: `Letter ${i}`, date: "2024-05-01" } }, coordinatorOfB)),
      ...visibilities.map((visibility) => fixture.run(UPDATE, { id: campaign, input: { visibility } }, coordinatorOfB)),
    ]);
    const db = fixture.subgraph.db;
    const stored = await db.collection("campaigns").findOne({ _id: campaign as any });
    for (const name of ["endorsements", "campaign_actions", "campaign_milestones"]) {
      const docs = await db.collection(name).find({ campaignId: campaign }).toArray();
      expect(docs.length).toBeGreaterThan(0);
      for (const doc of docs) expect({ owner: doc.owner, visibility: doc.visibility }).toEqual({ owner: stored!.owner, visibility: stored!.visibility });
    }
  });

  it("gives records stored before they carried their campaign's sharing the campaign's at start", async () => {
    const { campaign } = await campaignWithRecords("B legacy", "NETWORK");
    const db = fixture.subgraph.db;
    for (const name of ["endorsements", "campaign_actions", "campaign_milestones"]) {
      await db.collection(name).updateMany({ campaignId: campaign }, { $unset: { owner: "", visibility: "" } });
    }
    // until then nobody sees them
    const count = async (access: Access) =>
      (await must(`query($id: ID!) { campaign(id: $id) { endorsements { totalCount } actions { totalCount } milestones { totalCount } } }`, { id: campaign }, access)).campaign;
    expect(await count(coordinatorOfB)).toEqual({ endorsements: { totalCount: 0 }, actions: { totalCount: 0 }, milestones: { totalCount: 0 } });
    await fixture.subgraph.instance.ensureIndexes();
    expect(await count(memberOfB)).toEqual({ endorsements: { totalCount: 1 }, actions: { totalCount: 1 }, milestones: { totalCount: 1 } });
    expect((await fixture.run(`query($id: ID!) { campaign(id: $id) { id } }`, { id: campaign }, personOfA)).data!.campaign).toBeNull();
  });
});
