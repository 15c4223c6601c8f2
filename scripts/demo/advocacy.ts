import type { Db } from "mongodb";
import { today, Visibility } from "../../subgraphs/kit";
import type { CampaignActionDocument } from "../../subgraphs/advocacy/action/action.repository";
import type { AdvocateRef } from "../../subgraphs/advocacy/advocate/advocate";
import type { CampaignDocument, CampaignStatusChangeDocument } from "../../subgraphs/advocacy/campaign/campaign.repository";
import type { CampaignSharing } from "../../subgraphs/advocacy/documents";
import type { EndorsementDocument } from "../../subgraphs/advocacy/endorsement/endorsement.repository";
import {
  AdvocateKind,
  CampaignActionKind,
  CampaignActionStatus,
  CampaignLevel,
  CampaignMilestoneKind,
  CampaignStatus,
} from "../../subgraphs/advocacy/enums";
import type { CampaignMilestoneDocument } from "../../subgraphs/advocacy/milestone/milestone.repository";
import { createRepositories } from "../../subgraphs/advocacy/repositories";
import { illustrative } from "../../subgraphs/kit/provenance";
import { DemoNetworks, DemoOrganizations, DemoSchools, demoId } from "./ids";
import { withProvenance } from "./provenance";

/*
 * Demo data of the advocacy subgraph, drawn from the seed documents (/work/shared/seeds):
 *
 *  - seed 004 (Horace): the New York Performance Standards Consortium, "a network of twenty-eight schools
 *    brought by common purpose: to develop and refine systems of performance-based assessment as valid
 *    alternatives to New York State's high-stakes Regents exams" (Ann Cook, Urban Academy, leads it);
 *  - seed 004: Quest High School's principal Lawrence Kohn "traces the development of a local policy
 *    environment supportive of student-centered learning to the Beacon School program" of the Houston
 *    A+ Challenge (1997-2001), which led to a new high school in Humble built around small learning
 *    communities;
 *  - seed 004: the Portland-area schools of CES Northwest (Merlo Station, Janice Adams; Holli Hansen),
 *    "a very resilient group" through "the battering economic circumstances in Oregon's schools in
 *    2002-2003";
 *  - seed 000: CEI-PEA's New York City networks, where "schools bring together their human, intellectual
 *    and community resources to organize and advocate for policies supportive of their educational
 *    communities" - at the local and the state level;
 *  - seed 004: "networks of schools ... contributing to the creation of regional and national policy
 *    conditions" and schools seeking "authentic assessment in the face of state and national testing
 *    pressures": a national campaign of the CES mentor schools, still in planning.
 *
 *  - seed 004: Francis W. Parker and Leominster High in central Massachusetts, through the New England
 *    Small Schools Network: a state campaign for performance-based graduation portfolios, shared with the
 *    Essential Schools National Alliance while the coalition is built (invented around the seeds).
 *
 * Visibility (who sees what, README "Security model"): most campaigns are PUBLIC; CEI-PEA's city campaign
 * is NETWORK (the members of its School Leaders Network); the CES national campaign and the Massachusetts
 * campaign are ALLIANCE (the Essential Schools alliance shares CAMPAIGNS; the Strategic Networking alliance
 * does not, so CEI-PEA's networks do not see them); the Consortium's draft response to the Regents is
 * PRIVATE (the Consortium network's coordinators and admins). Endorsements, actions and milestones carry
 * their campaign's owner and visibility.
 *
 * Where the seeds are silent the details are plausible inventions: titles and wording of the policy
 * goals, target bodies, every date, the endorsements other than the Consortium's own schools, the
 * actions and their outcomes, and the milestones. Upcoming actions are dated relative to the day the
 * demo data is first loaded, so a fresh hub always has next actions to show.
 *
 * Every record has a stable id (demoId("campaign:…") etc.) and fixed timestamps, and Repository.seed()
 * upserts with $setOnInsert: a second run changes nothing.
 */

const SEEDED_AT = new Date("2024-09-01T00:00:00.000Z");
const stamps = () => ({ createdAt: SEEDED_AT, updatedAt: SEEDED_AT });

/** The day `days` after today, for upcoming (PLANNED) actions. */
function daysFromNow(days: number): string {
  const date = new Date(`${today()}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Schools of the networks demo data that ids.ts does not name, by the slug the networks demo gives them. */
const school = (slug: string) => demoId(`school:${slug}`);

/**
 * The Consortium's 28 member schools: the six named in the seeds and the 22 illustrative schools of the
 * networks demo data (scripts/demo/networks.ts, CONSORTIUM_GENERATED; a test checks they exist there).
 */
export const CONSORTIUM_SCHOOL_IDS: string[] = [
  DemoSchools.urbanAcademy,
  DemoSchools.humanitiesPrep,
  DemoSchools.beacon,
  DemoSchools.fannieLouHamer,
  DemoSchools.middleCollege,
  DemoSchools.landmark,
  ...[
    "chelsea-inquiry-high",
    "lower-east-side-community-secondary",
    "harlem-renaissance-academy",
    "morningside-writing-research",
    "hudson-river-collaborative-high",
    "fort-tryon-civic-inquiry",
    "bronx-river-academy",
    "mott-haven-performance-academy",
    "soundview-community-high",
    "highbridge-humanities-science",
    "prospect-park-secondary",
    "red-hook-harbor-high",
    "bushwick-community-inquiry",
    "fort-greene-arts-ideas",
    "gowanus-humanities",
    "jamaica-bay-inquiry-high",
    "flushing-meadows-research",
    "sunnyside-collaborative-high",
    "st-george-inquiry",
    "rochester-community-inquiry",
    "cayuga-lake-learning-community",
    "hudson-valley-essential",
  ].map(school),
];

/** Every school id the advocacy demo data refers to (for the test that they exist in the networks demo). */
export function demoAdvocacySchoolIds(): string[] {
  const ids = new Set<string>();
  for (const campaign of campaigns()) campaign.leadSchoolIds.forEach((id) => ids.add(id));
  for (const endorsement of endorsements()) if (endorsement.endorserKind === AdvocateKind.SCHOOL) ids.add(endorsement.endorserId);
  for (const action of actions()) for (const ref of action.participants) if (ref.kind === AdvocateKind.SCHOOL) ids.add(ref.id);
  return [...ids];
}

export const DemoCampaigns = {
  consortiumAssessment: demoId("campaign:consortium-performance-assessment"),
  houstonStudentCentered: demoId("campaign:houston-student-centered-policy"),
  portlandFiscalClimate: demoId("campaign:portland-restructuring-budget-crisis"),
  nycLocalPolicies: demoId("campaign:nyc-networks-local-policies"),
  nycStatePolicies: demoId("campaign:nyc-networks-state-policies"),
  cesMultipleMeasures: demoId("campaign:ces-multiple-measures-national"),
  massachusettsPortfolios: demoId("campaign:nessn-massachusetts-graduation-portfolios"),
  consortiumRegentsResponse: demoId("campaign:consortium-regents-response-draft"),
} as const;

// ---------------------------------------------------------------------------------------------
// Campaigns
// ---------------------------------------------------------------------------------------------

type Change = [from: CampaignStatus | null, status: CampaignStatus, on: string, note?: string];

function history(changes: Change[]): CampaignStatusChangeDocument[] {
  return changes.map(([from, status, on, note]) => ({ from, status, on, note: note ?? null, changedAt: SEEDED_AT }));
}

const { PLANNING, ACTIVE, WON, LOST } = CampaignStatus;
const network = (networkId: string) => ({ networkId, schoolId: null });

function campaigns(): CampaignDocument[] {
  return [
    {
      _id: DemoCampaigns.consortiumAssessment,
      title: "Performance-based assessment as an alternative to the Regents exams",
      policyGoal:
        "New York State accepts the Consortium schools' performance-based assessment tasks - research papers, science experiments, " +
        "literary essays and mathematics applications defended before outside evaluators - as valid alternatives to the high-stakes " +
        "Regents exams for a high school diploma.",
      description:
        "\"The key to collaboration is to share an agenda\" (Ann Cook, Urban Academy). Twenty-eight schools develop and refine " +
        "systems of performance-based assessment together and make the case to the Board of Regents that they are as rigorous as " +
        "the exams they replace.",
      level: CampaignLevel.STATE,
      jurisdiction: "New York State",
      region: "NY",
      country: "US",
      targetBody: "New York State Board of Regents",
      issueAreas: ["performance-based assessment", "assessment policy", "graduation requirements"],
      status: ACTIVE,
      statusHistory: history([
        [null, PLANNING, "1997-09-01", "The Consortium forms around a shared agenda."],
        [PLANNING, ACTIVE, "1998-01-15", "Campaign launched with the Consortium's first request to the Regents."],
      ]),
      startDate: "1998-01-15",
      targetDate: null,
      endDate: null,
      leadNetworkId: DemoNetworks.performanceStandardsConsortium,
      leadSchoolIds: [DemoSchools.urbanAcademy],
      leadOrganizationId: DemoOrganizations.performanceStandardsConsortium,
      owner: network(DemoNetworks.performanceStandardsConsortium),
      visibility: Visibility.PUBLIC,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.houstonStudentCentered,
      title: "A local policy environment for student-centered learning",
      policyGoal:
        "Houston-area districts adopt policies that support human-scale, student-centered schools: small learning communities in " +
        "large high schools and new small high schools built around them.",
      description:
        "Beacon schools of the Houston A+ Challenge worked with their district colleagues through the Beacon School program " +
        "(1997-2001). \"You have to follow up and stay in there with them\" (Lawrence Kohn, Quest High School).",
      level: CampaignLevel.LOCAL,
      jurisdiction: "Humble Independent School District",
      region: "TX",
      country: "US",
      targetBody: "Humble ISD Board of Trustees",
      issueAreas: ["student-centered learning", "small learning communities", "human-scale schooling"],
      status: WON,
      statusHistory: history([
        [null, PLANNING, "1997-06-01"],
        [PLANNING, ACTIVE, "1997-09-01", "Beacon School program begins."],
        [ACTIVE, WON, "2002-08-15", "Humble's new high school opens, structured around small learning communities."],
      ]),
      startDate: "1997-09-01",
      targetDate: null,
      endDate: "2002-08-15",
      leadNetworkId: DemoNetworks.houstonBeaconSchools,
      leadSchoolIds: [DemoSchools.quest],
      leadOrganizationId: DemoOrganizations.houstonAPlusChallenge,
      owner: network(DemoNetworks.houstonBeaconSchools),
      visibility: Visibility.PUBLIC,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.portlandFiscalClimate,
      title: "Keep school restructuring alive through Oregon's budget crisis",
      policyGoal:
        "Oregon's 2003-05 budget keeps state support for comprehensive school reform and small learning communities despite the " +
        "2002-2003 revenue shortfall.",
      description:
        "Portland-area Essential schools, kept connected by CES Northwest's monthly networking seminars, organized together in " +
        "\"the political and economic climate\" of 2002-2003 - \"a very resilient group\" (Holli Hansen).",
      level: CampaignLevel.STATE,
      jurisdiction: "Oregon",
      region: "OR",
      country: "US",
      targetBody: "Oregon Legislative Assembly",
      issueAreas: ["school funding", "school restructuring", "small learning communities"],
      status: LOST,
      statusHistory: history([
        [null, PLANNING, "2002-09-15"],
        [PLANNING, ACTIVE, "2002-11-01", "Launched at the November networking seminar."],
        [ACTIVE, LOST, "2003-06-30", "The budget passed with the cuts; the schools kept their network going on their own."],
      ]),
      startDate: "2002-11-01",
      targetDate: "2003-06-30",
      endDate: "2003-06-30",
      leadNetworkId: DemoNetworks.cesNorthwestPortland,
      leadSchoolIds: [DemoSchools.merloStation],
      leadOrganizationId: DemoOrganizations.cesNorthwest,
      owner: network(DemoNetworks.cesNorthwestPortland),
      visibility: Visibility.PUBLIC,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.nycLocalPolicies,
      title: "City policies that support networked schools",
      policyGoal:
        "The New York City Department of Education builds school networks into its policies: protected time for school leaders' " +
        "peer reviews and mentoring, and matriculation schedules aligned across elementary, middle and high schools.",
      description:
        "Working in isolation, it is difficult for an individual school to influence local policy; through CEI-PEA's networks, " +
        "schools bring together their human, intellectual and community resources to advocate together.",
      level: CampaignLevel.LOCAL,
      jurisdiction: "New York City",
      region: "NY",
      country: "US",
      targetBody: "New York City Panel for Educational Policy",
      issueAreas: ["educational continuity", "school leadership", "peer review"],
      status: ACTIVE,
      statusHistory: history([
        [null, PLANNING, "2022-09-01"],
        [PLANNING, ACTIVE, "2023-01-10"],
      ]),
      startDate: "2023-01-10",
      targetDate: null,
      endDate: null,
      leadNetworkId: DemoNetworks.nycSchoolLeaders,
      leadSchoolIds: [DemoSchools.fannieLouHamer],
      leadOrganizationId: DemoOrganizations.ceiPea,
      owner: network(DemoNetworks.nycSchoolLeaders),
      // organized among the School Leaders Network's members
      visibility: Visibility.NETWORK,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.nycStatePolicies,
      title: "State support for school networks and after-school partnerships",
      policyGoal:
        "The New York State budget funds network-based professional development for school leaders and sustains the in-kind " +
        "after-school programs that schools receive through their network affiliations.",
      description:
        "CEI-PEA's networks channel resources to schools (more than $24 million in grants, over $1 million a year of in-kind " +
        "after-school programs) and advocate together for state policies supportive of their educational communities.",
      level: CampaignLevel.STATE,
      jurisdiction: "New York State",
      region: "NY",
      country: "US",
      targetBody: "New York State Legislature",
      issueAreas: ["school funding", "after-school programs", "professional development"],
      status: ACTIVE,
      statusHistory: history([
        [null, PLANNING, "2023-09-01"],
        [PLANNING, ACTIVE, "2024-01-08", "Launched with the Governor's executive budget."],
      ]),
      startDate: "2024-01-08",
      targetDate: null,
      endDate: null,
      leadNetworkId: DemoNetworks.nycSchoolLeaders,
      leadSchoolIds: [],
      leadOrganizationId: DemoOrganizations.ceiPea,
      owner: network(DemoNetworks.nycSchoolLeaders),
      visibility: Visibility.PUBLIC,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.cesMultipleMeasures,
      title: "Multiple measures in federal accountability",
      policyGoal:
        "Federal accountability rules let states count performance-based assessment and other multiple measures of student " +
        "learning, so schools can pursue personalization and authentic assessment despite national testing pressures.",
      description:
        "The CES mentor schools and their regional networks prepare a national campaign; endorsers are gathered while it is planned.",
      level: CampaignLevel.NATIONAL,
      jurisdiction: "United States",
      region: null,
      country: "US",
      targetBody: "U.S. Department of Education",
      issueAreas: ["assessment policy", "performance-based assessment", "accountability"],
      status: PLANNING,
      statusHistory: history([[null, PLANNING, "2024-05-01"]]),
      startDate: null,
      targetDate: null,
      endDate: null,
      leadNetworkId: DemoNetworks.cesMentorSchools,
      leadSchoolIds: [DemoSchools.parker],
      leadOrganizationId: DemoOrganizations.cesNational,
      owner: network(DemoNetworks.cesMentorSchools),
      // prepared within the Essential Schools alliance before it goes public
      visibility: Visibility.ALLIANCE,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.massachusettsPortfolios,
      title: "Performance-based graduation portfolios in Massachusetts",
      policyGoal:
        "Massachusetts lets schools award the diploma on portfolios of student work defended before outside reviewers, " +
        "alongside the state tests, as Parker's Gateways and Leominster's senior exhibitions already do.",
      description:
        "The New England Small Schools Network builds a coalition of Essential schools before going public; the campaign is " +
        "shared with the Essential Schools National Alliance, whose networks bring their own experience of portfolio assessment.",
      level: CampaignLevel.STATE,
      jurisdiction: "Massachusetts",
      region: "MA",
      country: "US",
      targetBody: "Massachusetts Board of Elementary and Secondary Education",
      issueAreas: ["performance-based assessment", "graduation requirements"],
      status: ACTIVE,
      statusHistory: history([
        [null, PLANNING, "2024-06-10"],
        [PLANNING, ACTIVE, "2024-09-16", "Launched at NESSN's fall gathering."],
      ]),
      startDate: "2024-09-16",
      targetDate: null,
      endDate: null,
      leadNetworkId: DemoNetworks.newEnglandSmallSchools,
      leadSchoolIds: [DemoSchools.parker, DemoSchools.leominster],
      leadOrganizationId: DemoOrganizations.cesNational,
      owner: network(DemoNetworks.newEnglandSmallSchools),
      visibility: Visibility.ALLIANCE,
      ...stamps(),
    },
    {
      _id: DemoCampaigns.consortiumRegentsResponse,
      title: "The Consortium's response to the Regents' graduation measures decision",
      policyGoal:
        "The Board of Regents' graduation measures rules name performance-based assessment tasks as a pathway to the diploma " +
        "for every Consortium school, without an exam requirement on top.",
      description: "A draft the Consortium's coordinators prepare before sharing it with the member schools.",
      level: CampaignLevel.STATE,
      jurisdiction: "New York State",
      region: "NY",
      country: "US",
      targetBody: "New York State Board of Regents",
      issueAreas: ["performance-based assessment", "graduation requirements"],
      status: PLANNING,
      statusHistory: history([[null, PLANNING, "2024-11-20"]]),
      startDate: null,
      targetDate: null,
      endDate: null,
      leadNetworkId: DemoNetworks.performanceStandardsConsortium,
      leadSchoolIds: [],
      leadOrganizationId: DemoOrganizations.performanceStandardsConsortium,
      owner: network(DemoNetworks.performanceStandardsConsortium),
      visibility: Visibility.PRIVATE,
      ...stamps(),
    },
  ];
}

/** Each demo campaign's owner and visibility, which its endorsements, actions and milestones carry. */
function sharingOf(campaignId: string): CampaignSharing {
  const campaign = campaigns().find((candidate) => candidate._id === campaignId);
  if (!campaign) throw new Error(`No demo campaign ${campaignId}`);
  return { owner: campaign.owner, visibility: campaign.visibility };
}

// ---------------------------------------------------------------------------------------------
// Endorsements
// ---------------------------------------------------------------------------------------------

type EndorsementSpec = [kind: AdvocateKind, endorserId: string, endorsedOn: string, signatory?: string, statement?: string];

const { SCHOOL, NETWORK, ORGANIZATION } = AdvocateKind;

const ENDORSEMENTS: Record<keyof typeof DemoCampaigns, EndorsementSpec[]> = {
  consortiumAssessment: [
    // Every member school signs on, in the year it joined the Consortium or at the launch.
    ...CONSORTIUM_SCHOOL_IDS.map((id, i): EndorsementSpec => [SCHOOL, id, i < 6 ? "1998-01-15" : `${1998 + (i % 6)}-10-01`]),
    [SCHOOL, DemoSchools.urbanAcademy, "1998-01-15", "Ann Cook", "None of us in the Consortium could possibly solve these issues without each other."],
    [NETWORK, DemoNetworks.cesMentorSchools, "1999-11-05"],
    [NETWORK, DemoNetworks.nycCluster, "2001-03-01"],
    [NETWORK, DemoNetworks.newEnglandSmallSchools, "2002-02-01"],
    [NETWORK, DemoNetworks.nycSchoolLeaders, "2012-03-01"],
    [ORGANIZATION, DemoOrganizations.cesNational, "1999-11-05"],
    [ORGANIZATION, DemoOrganizations.ncrest, "2000-09-15"],
    [ORGANIZATION, DemoOrganizations.ceiPea, "2012-03-01"],
  ],
  houstonStudentCentered: [
    [SCHOOL, DemoSchools.quest, "1997-09-01", "Lawrence Kohn"],
    [SCHOOL, school("third-ward-community-high"), "1998-02-01"],
    [SCHOOL, school("humble-ridge-high"), "2002-08-15"],
    [NETWORK, DemoNetworks.cesMentorSchools, "1999-11-05"],
  ],
  portlandFiscalClimate: [
    [SCHOOL, DemoSchools.merloStation, "2002-11-01", "Janice Adams"],
    [SCHOOL, school("tualatin-valley-community-high"), "2002-11-01"],
    [SCHOOL, school("willamette-essential-school"), "2002-11-15"],
    [NETWORK, DemoNetworks.cesMentorSchools, "2002-12-01"],
    [ORGANIZATION, DemoOrganizations.educationNorthwest, "2003-01-15"],
  ],
  nycLocalPolicies: [
    [SCHOOL, DemoSchools.fannieLouHamer, "2023-01-10", "Nancy Mann"],
    [SCHOOL, school("ps-512-crotona-park-community"), "2023-01-10"],
    [SCHOOL, school("ms-538-crotona-middle-inquiry"), "2023-01-10"],
    [SCHOOL, DemoSchools.landmark, "2023-01-20", "Vivian Orlen"],
    [SCHOOL, DemoSchools.wagner, "2023-02-01"],
    [SCHOOL, DemoSchools.humanitiesPrep, "2023-02-01", "Vincent Brevetti"],
    [SCHOOL, DemoSchools.brooklynCollegeAcademy, "2023-02-15"],
    [SCHOOL, DemoSchools.middleCollege, "2023-01-10"],
    [NETWORK, DemoNetworks.graduationImprovement, "2023-03-01"],
    [ORGANIZATION, DemoOrganizations.ceiPea, "2023-01-10"],
  ],
  nycStatePolicies: [
    [SCHOOL, DemoSchools.fannieLouHamer, "2024-01-08"],
    [SCHOOL, DemoSchools.landmark, "2024-01-08"],
    [SCHOOL, DemoSchools.wagner, "2024-01-15"],
    [SCHOOL, DemoSchools.brooklynCollegeAcademy, "2024-01-15"],
    [SCHOOL, DemoSchools.eastBrooklynCongregations, "2024-02-01"],
    [SCHOOL, school("ps-512-crotona-park-community"), "2024-02-01"],
    [NETWORK, DemoNetworks.graduationImprovement, "2024-01-20"],
    [NETWORK, DemoNetworks.performanceStandardsConsortium, "2024-02-10"],
    [ORGANIZATION, DemoOrganizations.cprl, "2024-03-01"],
  ],
  cesMultipleMeasures: [
    [SCHOOL, DemoSchools.parker, "2024-05-01", "Teri Schrader"],
    [SCHOOL, DemoSchools.leominster, "2024-05-15"],
    [SCHOOL, DemoSchools.fenway, "2024-05-20", "Rosemary Sedgwick"],
    [SCHOOL, DemoSchools.federalHocking, "2024-06-01", "George Wood"],
    [SCHOOL, DemoSchools.humanitiesPrep, "2024-06-01"],
    [NETWORK, DemoNetworks.newEnglandSmallSchools, "2024-06-10"],
    [NETWORK, DemoNetworks.performanceStandardsConsortium, "2024-06-15"],
  ],
  massachusettsPortfolios: [
    [SCHOOL, DemoSchools.parker, "2024-09-16", "Teri Schrader", "Our Gateways show what students can do; the state should count them."],
    [SCHOOL, DemoSchools.leominster, "2024-09-16"],
    [SCHOOL, DemoSchools.fenway, "2024-10-01"],
    [NETWORK, DemoNetworks.cesMentorSchools, "2024-10-15"],
    [NETWORK, DemoNetworks.performanceStandardsConsortium, "2024-11-01"],
  ],
  // a draft: nobody endorses it yet
  consortiumRegentsResponse: [],
};

function endorsements(): EndorsementDocument[] {
  const byKey = new Map<string, EndorsementDocument>();
  for (const [campaignKey, specs] of Object.entries(ENDORSEMENTS) as Array<[keyof typeof DemoCampaigns, EndorsementSpec[]]>) {
    for (const [endorserKind, endorserId, endorsedOn, signatory, statement] of specs) {
      // A later spec for the same endorser adds detail (e.g. Urban Academy's statement); one record per endorser.
      const key = `${campaignKey}:${endorserKind}:${endorserId}`;
      byKey.set(key, {
        _id: demoId(`endorsement:${key}`),
        campaignId: DemoCampaigns[campaignKey],
        ...sharingOf(DemoCampaigns[campaignKey]),
        endorserKind,
        endorserId,
        endorsedOn,
        statement: statement ?? null,
        signatory: signatory ?? null,
        withdrawnOn: null,
        withdrawalReason: null,
        ...stamps(),
      });
    }
  }
  return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

const { TESTIMONY, LETTER, MEETING, EVENT, PETITION } = CampaignActionKind;
const { DONE, PLANNED } = CampaignActionStatus;

interface ActionSpec {
  slug: string;
  campaign: keyof typeof DemoCampaigns;
  kind: CampaignActionKind;
  title: string;
  date: string;
  status: CampaignActionStatus;
  description?: string;
  location?: string;
  participants?: AdvocateRef[];
  people?: string[];
  participantCount?: number;
  outcome?: string;
}

const schoolRef = (id: string): AdvocateRef => ({ kind: SCHOOL, id });

function actionSpecs(): ActionSpec[] {
  return [
    // Consortium
    {
      slug: "consortium-regents-testimony-1998",
      campaign: "consortiumAssessment",
      kind: TESTIMONY,
      title: "Testimony to the Board of Regents on performance-based assessment",
      date: "1998-03-10",
      status: DONE,
      location: "New York State Education Building, Albany",
      participants: [schoolRef(DemoSchools.urbanAcademy), schoolRef(DemoSchools.humanitiesPrep)],
      people: ["Ann Cook", "Vincent Brevetti"],
      outcome: "The Regents agreed to review the Consortium's assessment system before the new exam requirements took effect.",
    },
    {
      slug: "consortium-moderation-study-2001",
      campaign: "consortiumAssessment",
      kind: EVENT,
      title: "Public moderation day: outside evaluators score student work",
      date: "2001-05-19",
      status: DONE,
      location: "Urban Academy, New York",
      participants: CONSORTIUM_SCHOOL_IDS.slice(0, 10).map(schoolRef),
      participantCount: 120,
      outcome: "Evaluators from universities and the State Education Department confirmed the tasks' rigor; findings sent to the Regents.",
    },
    {
      slug: "consortium-parent-petition-2004",
      campaign: "consortiumAssessment",
      kind: PETITION,
      title: "Parents' and students' petition to keep the Consortium's variance",
      date: "2004-11-15",
      status: DONE,
      participantCount: 6200,
      outcome: "Delivered to the Commissioner of Education with 6,200 signatures.",
    },
    {
      slug: "consortium-commissioner-meeting-2024",
      campaign: "consortiumAssessment",
      kind: MEETING,
      title: "Meeting with the Commissioner's graduation measures team",
      date: "2024-03-12",
      status: DONE,
      people: ["Ann Cook"],
      participants: [schoolRef(DemoSchools.urbanAcademy)],
      outcome: "The team asked for data on Consortium graduates' college persistence.",
    },
    {
      slug: "consortium-regents-hearing-upcoming",
      campaign: "consortiumAssessment",
      kind: TESTIMONY,
      title: "Testimony at the Regents' public hearing on graduation measures",
      date: daysFromNow(21),
      status: PLANNED,
      location: "New York State Education Building, Albany",
      participants: [schoolRef(DemoSchools.urbanAcademy), schoolRef(DemoSchools.beacon), schoolRef(DemoSchools.fannieLouHamer)],
      people: ["Ann Cook"],
    },
    {
      slug: "consortium-letter-upcoming",
      campaign: "consortiumAssessment",
      kind: LETTER,
      title: "Joint letter of the 28 principals to the Board of Regents",
      date: daysFromNow(35),
      status: PLANNED,
      participants: CONSORTIUM_SCHOOL_IDS.map(schoolRef),
    },
    {
      slug: "consortium-open-house-upcoming",
      campaign: "consortiumAssessment",
      kind: EVENT,
      title: "Open house for legislators: students defend their performance tasks",
      date: daysFromNow(60),
      status: PLANNED,
      location: "Humanities Preparatory Academy, New York",
      participants: [schoolRef(DemoSchools.humanitiesPrep)],
    },
    // Houston
    {
      slug: "houston-beacon-visitation-1998",
      campaign: "houstonStudentCentered",
      kind: EVENT,
      title: "Beacon visitation days at Quest High School for district teams",
      date: "1998-04-22",
      status: DONE,
      location: "Quest High School, Humble",
      participants: [schoolRef(DemoSchools.quest), schoolRef(school("third-ward-community-high"))],
      participantCount: 45,
      outcome: "District teams planned small learning communities for their own high schools.",
    },
    {
      slug: "houston-board-presentation-2001",
      campaign: "houstonStudentCentered",
      kind: MEETING,
      title: "Presentation to the Humble ISD board on a new high school built around small learning communities",
      date: "2001-02-12",
      status: DONE,
      people: ["Lawrence Kohn"],
      participants: [schoolRef(DemoSchools.quest)],
      outcome: "The board approved planning for the new high school.",
    },
    // Portland
    {
      slug: "portland-house-education-testimony-2003",
      campaign: "portlandFiscalClimate",
      kind: TESTIMONY,
      title: "Testimony to the House Education Committee on restructuring grants",
      date: "2003-02-18",
      status: DONE,
      location: "Oregon State Capitol, Salem",
      people: ["Janice Adams"],
      participants: [schoolRef(DemoSchools.merloStation)],
      outcome: "Heard, but the committee's budget kept the cuts.",
    },
    {
      slug: "portland-letters-2003",
      campaign: "portlandFiscalClimate",
      kind: LETTER,
      title: "Letters from Portland-area school communities to their legislators",
      date: "2003-04-01",
      status: DONE,
      participants: [schoolRef(DemoSchools.merloStation), schoolRef(school("tualatin-valley-community-high")), schoolRef(school("willamette-essential-school"))],
      participantCount: 850,
      outcome: "850 letters delivered.",
    },
    // New York City, local
    {
      slug: "nyc-local-pep-testimony-2023",
      campaign: "nycLocalPolicies",
      kind: TESTIMONY,
      title: "Testimony at the Panel for Educational Policy on matriculation schedules",
      date: "2023-03-22",
      status: DONE,
      people: ["Nancy Mann", "Harvey Newman"],
      participants: [schoolRef(DemoSchools.fannieLouHamer), schoolRef(school("ms-538-crotona-middle-inquiry"))],
      outcome: "The Panel asked the Department to report on aligning middle and high school admissions calendars.",
    },
    {
      slug: "nyc-local-chancellor-meeting-upcoming",
      campaign: "nycLocalPolicies",
      kind: MEETING,
      title: "Meeting with the Deputy Chancellor on time for peer reviews",
      date: daysFromNow(14),
      status: PLANNED,
      people: ["Harvey Newman"],
      participants: [schoolRef(DemoSchools.middleCollege), schoolRef(DemoSchools.landmark)],
    },
    // New York City, state
    {
      slug: "nyc-state-budget-hearing-2024",
      campaign: "nycStatePolicies",
      kind: TESTIMONY,
      title: "Testimony at the joint legislative budget hearing on elementary and secondary education",
      date: "2024-01-23",
      status: DONE,
      location: "Legislative Office Building, Albany",
      people: ["Harvey Newman"],
      outcome: "Legislators asked for a costed proposal for network-based leadership development.",
    },
    {
      slug: "nyc-state-lobby-day-upcoming",
      campaign: "nycStatePolicies",
      kind: EVENT,
      title: "Lobby day in Albany with school leaders and parents",
      date: daysFromNow(40),
      status: PLANNED,
      location: "New York State Capitol, Albany",
      participants: [schoolRef(DemoSchools.fannieLouHamer), schoolRef(DemoSchools.eastBrooklynCongregations)],
      participantCount: 60,
    },
    // Massachusetts (alliance only)
    {
      slug: "ma-board-public-comment-upcoming",
      campaign: "massachusettsPortfolios",
      kind: TESTIMONY,
      title: "Public comment at the Board of Elementary and Secondary Education",
      date: daysFromNow(25),
      status: PLANNED,
      location: "Malden, Massachusetts",
      people: ["Teri Schrader"],
      participants: [schoolRef(DemoSchools.parker), schoolRef(DemoSchools.leominster)],
    },
    {
      slug: "ma-portfolio-showcase-2024",
      campaign: "massachusettsPortfolios",
      kind: EVENT,
      title: "Portfolio showcase for legislators' staff",
      date: "2024-11-14",
      status: DONE,
      location: "Francis W. Parker Charter Essential School, Devens",
      participants: [schoolRef(DemoSchools.parker), schoolRef(DemoSchools.leominster), schoolRef(DemoSchools.fenway)],
      participantCount: 40,
      outcome: "Two legislators' offices asked for a briefing on portfolio assessment.",
    },
    // The Consortium's private draft
    {
      slug: "consortium-draft-review-upcoming",
      campaign: "consortiumRegentsResponse",
      kind: MEETING,
      title: "Coordinators review the draft response before it goes to the principals",
      date: daysFromNow(10),
      status: PLANNED,
      people: ["Ann Cook"],
      participants: [schoolRef(DemoSchools.urbanAcademy)],
    },
    // CES national
    {
      slug: "ces-sign-on-letter-upcoming",
      campaign: "cesMultipleMeasures",
      kind: LETTER,
      title: "Sign-on letter to the Secretary of Education",
      date: daysFromNow(30),
      status: PLANNED,
      participants: [schoolRef(DemoSchools.parker), schoolRef(DemoSchools.fenway)],
    },
  ];
}

function actions(): CampaignActionDocument[] {
  return actionSpecs().map((spec) => ({
    _id: demoId(`campaign-action:${spec.slug}`),
    campaignId: DemoCampaigns[spec.campaign],
    ...sharingOf(DemoCampaigns[spec.campaign]),
    kind: spec.kind,
    title: spec.title,
    description: spec.description ?? null,
    date: spec.date,
    status: spec.status,
    location: spec.location ?? null,
    participants: spec.participants ?? [],
    people: spec.people ?? [],
    participantCount: spec.participantCount ?? null,
    outcome: spec.outcome ?? null,
    ...stamps(),
  }));
}

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

const { PROGRESS, SETBACK, OUTCOME } = CampaignMilestoneKind;

type MilestoneSpec = [slug: string, campaign: keyof typeof DemoCampaigns, kind: CampaignMilestoneKind, date: string, title: string, description?: string];

const MILESTONES: MilestoneSpec[] = [
  ["consortium-formed", "consortiumAssessment", PROGRESS, "1997-09-01", "Twenty-eight schools form the Consortium around a shared agenda"],
  ["consortium-variance", "consortiumAssessment", PROGRESS, "2001-06-15", "Regents extend the variance: performance tasks in place of most Regents exams"],
  ["consortium-variance-challenged", "consortiumAssessment", SETBACK, "2005-06-20", "Variance narrowed: students must also pass the English Regents exam"],
  ["consortium-graduation-measures", "consortiumAssessment", PROGRESS, "2024-11-04", "Graduation measures review names performance-based assessment among the options"],
  ["houston-beacon-program", "houstonStudentCentered", PROGRESS, "1997-09-01", "Beacon School program begins with Quest as a Beacon school"],
  ["houston-program-ends", "houstonStudentCentered", PROGRESS, "2001-06-30", "Beacon funding ends; Quest keeps its collaborations local"],
  ["houston-new-high-school", "houstonStudentCentered", OUTCOME, "2002-08-15", "A new Humble high school opens, structured around small learning communities"],
  ["portland-seminars", "portlandFiscalClimate", PROGRESS, "2002-11-01", "Monthly networking seminars become the campaign's organizing space"],
  ["portland-budget", "portlandFiscalClimate", OUTCOME, "2003-06-30", "Budget adopted with the cuts; the network keeps what can't be taken away: its relationships"],
  ["nyc-local-report", "nycLocalPolicies", PROGRESS, "2023-06-15", "Department reports on aligning admissions calendars, as the Panel asked"],
  ["nyc-state-proposal", "nycStatePolicies", PROGRESS, "2024-03-01", "Costed proposal for network-based leadership development sent to the legislature"],
  ["ma-coalition", "massachusettsPortfolios", PROGRESS, "2024-10-15", "CES Mentor Schools join the Massachusetts coalition"],
  ["consortium-draft-started", "consortiumRegentsResponse", PROGRESS, "2024-11-20", "Coordinators agree to draft a joint response"],
];

function milestones(): CampaignMilestoneDocument[] {
  return MILESTONES.map(([slug, campaign, kind, date, title, description]) => ({
    _id: demoId(`campaign-milestone:${slug}`),
    campaignId: DemoCampaigns[campaign],
    ...sharingOf(DemoCampaigns[campaign]),
    kind,
    title,
    description: description ?? null,
    date,
    ...stamps(),
  }));
}

/** Loads the advocacy demo data into the advocacy subgraph's database; idempotent. */
export async function seedAdvocacyDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  const invented = (note: string) => () => illustrative(note);
  await repos.campaigns.seed(withProvenance(campaigns(), invented("A campaign written for the demo after the seeds' advocacy (e.g. seed 004's Consortium and performance-based assessment); title, dates and goals are illustrative.")));
  await repos.endorsements.seed(withProvenance(endorsements(), invented("An invented endorsement.")));
  await repos.actions.seed(withProvenance(actions(), invented("An invented campaign action.")));
  await repos.milestones.seed(withProvenance(milestones(), invented("An invented campaign milestone.")));
}
