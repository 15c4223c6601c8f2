import type { CampaignActionDocument } from "../../subgraphs/advocacy/action/action.repository";
import type { CampaignDocument } from "../../subgraphs/advocacy/campaign/campaign.repository";
import type { EndorsementDocument } from "../../subgraphs/advocacy/endorsement/endorsement.repository";
import type { CampaignMilestoneDocument } from "../../subgraphs/advocacy/milestone/milestone.repository";
import { AdvocateKind, CampaignActionKind, CampaignActionStatus, CampaignLevel, CampaignMilestoneKind, CampaignStatus } from "../../subgraphs/advocacy/enums";
import { newId, Visibility } from "../../subgraphs/kit";
import { entityId, isoDate, startAdvocacyFixture, type AdvocacyFixture } from "./fixtures";

/*
 * N+1 is designed out: the same query over 10 and over 100 campaigns (or endorsers, or entities)
 * sends the same number of database commands. The records are written straight to the database;
 * what is measured is reading them.
 */

let fixture: AdvocacyFixture;
beforeAll(async () => {
  fixture = await startAdvocacyFixture();
});
afterAll(() => fixture.stop());

const now = new Date();

function campaignDoc(leadNetworkId: string, i: number, leadSchoolIds: string[] = []): CampaignDocument {
  return {
    _id: newId(),
    title: `Campaign ${String(i).padStart(3, "0")}`,
    policyGoal: "Performance-based assessment",
    level: CampaignLevel.STATE,
    jurisdiction: "New York State",
    region: "NY",
    country: "US",
    targetBody: "Board of Regents",
    issueAreas: ["assessment"],
    status: CampaignStatus.ACTIVE,
    statusHistory: [{ from: null, status: CampaignStatus.ACTIVE, on: "2024-01-15", note: null, changedAt: now }],
    startDate: "2024-01-15",
    targetDate: null,
    endDate: null,
    leadNetworkId,
    leadSchoolIds,
    leadOrganizationId: null,
    owner: { networkId: leadNetworkId, schoolId: null },
    visibility: Visibility.PUBLIC,
    createdAt: now,
    updatedAt: now,
  };
}

/** A record of `campaign`: its id, and the copy of its owner and visibility every record carries. */
function sharing(campaign: CampaignDocument) {
  return { campaignId: campaign._id, owner: campaign.owner, visibility: campaign.visibility };
}

function endorsementDoc(campaign: CampaignDocument, endorserKind: AdvocateKind, endorserId: string, day = 1): EndorsementDocument {
  return {
    _id: newId(),
    ...sharing(campaign),
    endorserKind,
    endorserId,
    endorsedOn: `2024-02-${String((day % 28) + 1).padStart(2, "0")}`,
    statement: null,
    signatory: null,
    withdrawnOn: null,
    withdrawalReason: null,
    createdAt: now,
    updatedAt: now,
  };
}

function actionDoc(campaign: CampaignDocument, date: string, status: CampaignActionStatus): CampaignActionDocument {
  return {
    _id: newId(),
    ...sharing(campaign),
    kind: CampaignActionKind.MEETING,
    title: `Meeting on ${date}`,
    date,
    status,
    participants: [{ kind: AdvocateKind.SCHOOL, id: entityId() }],
    people: [],
    createdAt: now,
    updatedAt: now,
  };
}

function milestoneDoc(campaign: CampaignDocument): CampaignMilestoneDocument {
  return { _id: newId(), ...sharing(campaign), kind: CampaignMilestoneKind.PROGRESS, title: "Progress", date: "2024-03-01", createdAt: now, updatedAt: now };
}

/** `size` campaigns led by a new network, each with endorsements of every kind, actions and a milestone. */
async function networkWithCampaigns(size: number): Promise<string> {
  const networkId = entityId();
  const campaigns = Array.from({ length: size }, (_, i) => campaignDoc(networkId, i));
  await fixture.subgraph.db.collection<CampaignDocument>("campaigns").insertMany(campaigns);
  await fixture.subgraph.db.collection<EndorsementDocument>("endorsements").insertMany(
    campaigns.flatMap((campaign) => [
      endorsementDoc(campaign, AdvocateKind.SCHOOL, entityId()),
      endorsementDoc(campaign, AdvocateKind.SCHOOL, entityId(), 2),
      endorsementDoc(campaign, AdvocateKind.NETWORK, entityId(), 3),
      endorsementDoc(campaign, AdvocateKind.ORGANIZATION, entityId(), 4),
    ]),
  );
  await fixture.subgraph.db.collection<CampaignActionDocument>("campaign_actions").insertMany(
    campaigns.flatMap((campaign) => [
      actionDoc(campaign, "2024-03-01", CampaignActionStatus.DONE),
      actionDoc(campaign, isoDate(5), CampaignActionStatus.PLANNED),
      actionDoc(campaign, isoDate(9), CampaignActionStatus.PLANNED),
      actionDoc(campaign, isoDate(12), CampaignActionStatus.PLANNED),
    ]),
  );
  await fixture.subgraph.db.collection<CampaignMilestoneDocument>("campaign_milestones").insertMany(campaigns.map((campaign) => milestoneDoc(campaign)));
  return networkId;
}

async function commandsFor(query: string, variables: Record<string, unknown>, check: (data: any) => void): Promise<number> {
  fixture.subgraph.commands.reset();
  const result = await fixture.subgraph.execute(query, variables);
  expect(result.errors).toBeUndefined();
  check(result.data);
  // CommandCounter.total leaves out getMore: the next batch of a query already counted, which grows with
  // the bytes returned, not with the number of queries.
  return fixture.subgraph.commands.total;
}

describe("N+1 is designed out", () => {
  it("lists 10 or 100 campaigns with counts, next actions, milestones and nested pages in the same number of commands", async () => {
    const QUERY = `query($network: ID!) { campaigns(leadNetworkId: $network, level: STATE, status: [ACTIVE], first: 100) { totalCount edges { node {
      title leadNetwork { id } owner { __typename }
      endorsementCounts { schools networks organizations total }
      nextActions(first: 2) { totalCount edges { node { title date campaign { title } } } }
      milestones { totalCount edges { node { title } } }
      endorsements(first: 3) { totalCount edges { node { endorsedOn endorser { __typename } } } }
      actions(first: 2, newestFirst: true) { totalCount edges { node { date participants { __typename } } } }
    } } } }`;
    const counts: number[] = [];
    for (const size of [10, 100]) {
      const network = await networkWithCampaigns(size);
      counts.push(
        await commandsFor(QUERY, { network }, (data) => {
          expect(data.campaigns.totalCount).toBe(size);
          const node = data.campaigns.edges[size - 1].node;
          expect(node.endorsementCounts).toEqual({ schools: 2, networks: 1, organizations: 1, total: 4 });
          expect(node.nextActions.edges.map((edge: any) => edge.node.date)).toEqual([isoDate(5), isoDate(9)]);
          expect(node.nextActions.totalCount).toBe(3);
          expect(node.milestones.totalCount).toBe(1);
          expect(node.endorsements.totalCount).toBe(4);
          expect(node.endorsements.edges).toHaveLength(3);
          expect(node.actions.totalCount).toBe(4);
          expect(node.actions.edges.map((edge: any) => edge.node.date)).toEqual([isoDate(12), isoDate(9)]);
        }),
      );
    }
    expect(counts[1]).toBe(counts[0]);
    // at most one command per part of the query, whatever the number of campaigns: the root page and its count,
    // endorsementCounts, 4 nested connections' pages and their totalCounts, the campaigns of the next actions
    expect(counts[0]).toBeLessThanOrEqual(2 + 1 + 4 * 2 + 1);
  });

  it("lists 10 or 100 endorsers of a campaign in the same number of commands", async () => {
    const QUERY = `query($id: ID!) { campaign(id: $id) {
      endorsementCounts { total }
      endorsements(first: 100) { totalCount edges { node { endorsedOn endorser { __typename } campaign { title endorsementCounts { total } } } } }
    } }`;
    const counts: number[] = [];
    for (const size of [10, 100]) {
      const campaign = campaignDoc(entityId(), size);
      await fixture.subgraph.db.collection<CampaignDocument>("campaigns").insertOne(campaign);
      await fixture.subgraph.db
        .collection<EndorsementDocument>("endorsements")
        .insertMany(Array.from({ length: size }, (_, i) => endorsementDoc(campaign, i % 2 ? AdvocateKind.SCHOOL : AdvocateKind.NETWORK, entityId(), i)));
      counts.push(
        await commandsFor(QUERY, { id: campaign._id }, (data) => {
          expect(data.campaign.endorsements.totalCount).toBe(size);
          expect(data.campaign.endorsements.edges).toHaveLength(size);
        }),
      );
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it("resolves 10 or 100 schools with the campaigns they lead and endorse in the same number of commands", async () => {
    const QUERY = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on School {
      id
      ledCampaigns { totalCount edges { node { title endorsementCounts { total } } } }
      endorsedCampaigns(status: [ACTIVE]) { totalCount edges { node { title nextActions { edges { node { title } } } } } }
      campaignEndorsements { totalCount edges { node { endorsedOn campaign { title } } } }
    } } }`;
    const counts: number[] = [];
    for (const size of [10, 100]) {
      const schools = Array.from({ length: size }, () => entityId());
      const shared = [campaignDoc(entityId(), 1), campaignDoc(entityId(), 2)];
      const led = schools.map((school, i) => campaignDoc(entityId(), i, [school]));
      await fixture.subgraph.db.collection<CampaignDocument>("campaigns").insertMany([...shared, ...led]);
      await fixture.subgraph.db
        .collection<EndorsementDocument>("endorsements")
        .insertMany(schools.flatMap((school) => shared.map((campaign) => endorsementDoc(campaign, AdvocateKind.SCHOOL, school))));
      counts.push(
        await commandsFor(QUERY, { representations: schools.map((id) => ({ __typename: "School", id })) }, (data) => {
          expect(data._entities).toHaveLength(size);
          const last = data._entities[size - 1];
          expect(last.ledCampaigns.totalCount).toBe(1);
          expect(last.endorsedCampaigns.totalCount).toBe(2);
          expect(last.endorsedCampaigns.edges).toHaveLength(2);
          expect(last.campaignEndorsements.totalCount).toBe(2);
          expect(last.ledCampaigns.edges[0].node.endorsementCounts.total).toBe(0);
        }),
      );
    }
    expect(counts[1]).toBe(counts[0]);
    // at most one command per part of the query, whatever the number of schools: 3 connections' pages (and the
    // endorsements that say which campaigns are endorsed), their 3 totalCounts, endorsementCounts, the nested
    // nextActions pages, 1 lookup of the endorsed campaigns
    expect(counts[0]).toBeLessThanOrEqual(3 + 1 + 3 + 1 + 1 + 1);
  });
});
