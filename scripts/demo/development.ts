import type { Db } from "mongodb";
import {
  DevelopmentOwnerKind,
  EventFormat,
  EventKind,
  EventRegistrantKind,
  EventRegistrationStatus,
  EventStatus,
  ImprovementCyclePhase,
  ImprovementNextStep,
  LearningCommunityRole,
  MentorshipActivityDirection,
  MentorshipActivityKind,
  MentorshipEndReason,
  MentorshipStatus,
  NeedPriority,
  NeedStatus,
  PeerReviewFindingKind,
  PeerReviewFindingsAccess,
  PeerReviewStatus,
} from "../../subgraphs/development/enums";
import type { EventDocument } from "../../subgraphs/development/event/event.repository";
import type { ImprovementCycleDocument } from "../../subgraphs/development/improvement-cycle/improvement-cycle.repository";
import {
  communityMemberKey,
  type LearningCommunityDocument,
  type LearningCommunityMemberDocument,
} from "../../subgraphs/development/learning-community/learning-community.repository";
import {
  mentorshipKey,
  type MentorCapacityDocument,
  type MentorshipActivityDocument,
  type MentorshipDocument,
} from "../../subgraphs/development/mentorship/mentorship.repository";
import { needKey, type NeedDocument } from "../../subgraphs/development/need/need.repository";
import type { PeerReviewDocument } from "../../subgraphs/development/peer-review/peer-review.repository";
import { registrationKey, type EventRegistrationDocument } from "../../subgraphs/development/registration/registration.repository";
import { createRepositories } from "../../subgraphs/development/repositories";
import { focusKey } from "../../subgraphs/development/shared/focus";
import { ownerRef, schoolOwner } from "../../subgraphs/development/shared/owner";
import { Visibility } from "../../subgraphs/kit";
import { illustrative } from "../../subgraphs/kit/provenance";
import { DemoEducators, DemoNetworks, DemoSchools, demoId } from "./ids";
import { byTitle, withProvenance } from "./provenance";

/** Peer reviews whose titles seed 004 states word for word. */
const SEEDED_TITLES: Record<string, string> = { "Critical friends review of Fannie Lou Hamer Freedom High School": "004" };

/*
 * Demo data of the development subgraph, drawn from the seed documents (/work/shared/seeds):
 *
 *  - seed 004 (Horace): the NESSN summer institute of 2003 on advisories and performance-based assessment,
 *    where Parker and Leominster met; the day-long in-service on advisories ten Parker teachers facilitated
 *    for Leominster's whole faculty, and the Parker-Leominster mentorship ("for the long haul"); Quest
 *    mentoring North Star on interdisciplinary curriculum and senior exhibitions, North Star acting as
 *    critical friend and sending its narrated records back, until North Star's CSRD funding ran out; the
 *    Goldman Sachs New York City cluster's literacy work (student work analysed on city-wide development
 *    days), its five-day critical friends review of Fannie Lou Hamer Freedom High School, and its school
 *    leaders who kept meeting with Cece Cunningham, in each other's homes; CES Northwest's monthly
 *    networking seminars for Portland-area schools; Quest's local help to a new Humble high school built
 *    around small learning communities;
 *  - seed 000: CEI-PEA's networks identify common needs (new literacy approaches, technology in the
 *    classroom, the needs of specific student populations) and sponsor workshops and retreats for them;
 *  - seed 003: NW RISE's job-alike groups, now turning to a networkwide applied learning curriculum;
 *  - seed 001: an NSI improvement network running Plan-Do-Study-Act cycles toward its graduation aim.
 *
 * Where the seeds are silent the details are plausible inventions: every date except the summer of 2003,
 * venues, capacities, seat counts, findings, members of the job-alike groups, and the figures of the
 * improvement cycles. Upcoming events are dated relative to the day the demo data is first loaded, so a
 * fresh hub always has events ahead with seats (or a waitlist) to show.
 *
 * Visibility: every type has records at each level, so answers differ by caller. Public: most events,
 * the Parker-Leominster mentorship, the first NSI cycle, a few needs named openly. Network: most needs,
 * communities and cycles. Alliance (shared with allied networks whose agreement covers the kind): the
 * Fannie Lou Hamer review (its findings stay with the review team), the English language learners
 * webinar, the Quest-North Star mentorship, NW RISE's rural engagement needs, its CTE group, the second
 * NSI cycle. Private: a CEI-PEA planning day, a school's need on students with disabilities, Quest's
 * mentorship of Humble Ridge, the NW RISE science group, Bushwick's FAFSA cycle.
 *
 * Every record has a stable id (demoId(...)), and Repository.seed() upserts with $setOnInsert: a second
 * run changes nothing. Event seat counters and mentor capacities are computed from the registrations and
 * mentorships below, so they agree with them.
 */

const SEEDED_AT = new Date("2024-09-01T00:00:00.000Z");

function stamps() {
  return { createdAt: SEEDED_AT, updatedAt: SEEDED_AT };
}

/** A date `days` after the day the demo data is loaded. */
function ahead(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const school = (slug: string) => demoId(`school:${slug}`);
const network = (id: string) => ownerRef(DevelopmentOwnerKind.NETWORK, id, id);

/** NW RISE schools (generated by the networks demo data). */
const NwRise = {
  columbiaPlateau: school("columbia-plateau-school"),
  skagitHighlands: school("skagit-highlands-jr-sr-high"),
  wallowaHigh: school("wallowa-valley-high"),
  wallowaK8: school("wallowa-valley-k8"),
  fortRock: school("fort-rock-valley-school"),
  clearwater: school("clearwater-canyon-school"),
  owyhee: school("owyhee-desert-high"),
  missouriBreaks: school("missouri-breaks-school"),
  hiLine: school("hi-line-prairie-high"),
  kuskokwim: school("kuskokwim-river-school"),
  chugach: school("chugach-coast-school"),
};

const Other = {
  humbleRidge: school("humble-ridge-high"),
  blackstone: school("blackstone-river-essential"),
  tualatin: school("tualatin-valley-community-high"),
  willamette: school("willamette-essential-school"),
  ps512: school("ps-512-crotona-park-community"),
  ms538: school("ms-538-crotona-middle-inquiry"),
  bushwick: school("bushwick-community-inquiry"),
  mottHaven: school("mott-haven-performance-academy"),
  jamaicaBay: school("jamaica-bay-inquiry-high"),
};

// ---------------------------------------------------------------------------------------------
// Events and registrations
// ---------------------------------------------------------------------------------------------

/** A registration: [slug, registrant, seats, status?, note?]; a registrant is a school (team) or an educator. */
type RegistrationSpec = [slug: string, registrant: { schoolId: string; educatorId?: string }, seats: number, status?: EventRegistrationStatus, note?: string];

interface EventSpec {
  slug: string;
  title: string;
  kind: EventKind;
  description: string;
  owner: EventDocument["owner"];
  networkIds: string[];
  startDate: string;
  endDate?: string;
  format: EventFormat;
  venue?: EventDocument["venue"];
  onlineUrl?: string;
  focusAreas: string[];
  capacity: number;
  visibility?: Visibility;
  registrations: RegistrationSpec[];
}

/** Registrations of school teams for an event, confirmed unless said. */
function teams(slug: string, schools: string[], seats: number, status?: EventRegistrationStatus): RegistrationSpec[] {
  return schools.map((schoolId, i): RegistrationSpec => [`${slug}:${i}`, { schoolId }, seats, status]);
}

const { CONFIRMED, WAITLISTED } = EventRegistrationStatus;

const nycLeadersSchools = [
  DemoSchools.fannieLouHamer,
  Other.ps512,
  Other.ms538,
  DemoSchools.landmark,
  DemoSchools.wagner,
  DemoSchools.humanitiesPrep,
  DemoSchools.brooklynCollegeAcademy,
  DemoSchools.middleCollege,
];
const clusterSchools = [
  DemoSchools.middleCollege,
  DemoSchools.landmark,
  DemoSchools.brooklynCollegeAcademy,
  DemoSchools.eastBrooklynCongregations,
  DemoSchools.fannieLouHamer,
  DemoSchools.wagner,
];

const EVENTS: EventSpec[] = [
  {
    slug: "nessn-summer-institute-2003",
    title: "NESSN Summer Institute 2003: advisories and performance-based assessment",
    kind: EventKind.SUMMER_INSTITUTE,
    description:
      "Workshops on advisories and performance-based assessment for small and restructuring New England schools. Staff of " +
      "Francis W. Parker Charter Essential School and Leominster High School met here and found they had a great deal to teach " +
      "and learn from each other.",
    owner: network(DemoNetworks.newEnglandSmallSchools),
    networkIds: [DemoNetworks.newEnglandSmallSchools],
    startDate: "2003-07-14",
    endDate: "2003-07-17",
    format: EventFormat.IN_PERSON,
    venue: { name: "NESSN Summer Institute", city: "Worcester", region: "MA", country: "US" },
    focusAreas: ["Advisories", "Performance-based assessment"],
    capacity: 120,
    registrations: [
      ["nessn-2003:parker", { schoolId: DemoSchools.parker, educatorId: DemoEducators.teriSchrader }, 1],
      ["nessn-2003:parker-team", { schoolId: DemoSchools.parker }, 6],
      ["nessn-2003:leominster", { schoolId: DemoSchools.leominster }, 8],
      ["nessn-2003:fenway", { schoolId: DemoSchools.fenway }, 4],
      ["nessn-2003:blackstone", { schoolId: Other.blackstone }, 4],
    ],
  },
  {
    slug: "leominster-advisory-in-service-2003",
    title: "In-service day on advisories for the Leominster High School faculty",
    kind: EventKind.IN_SERVICE_DAY,
    description:
      "A day-long in-service on advisories for Leominster High School's entire faculty, facilitated by ten Parker faculty " +
      "members: the start of the Parker-Leominster partnership, with exchanges, visits and professional development to follow.",
    owner: schoolOwner(DemoSchools.leominster, DemoNetworks.newEnglandSmallSchools),
    networkIds: [DemoNetworks.newEnglandSmallSchools],
    startDate: "2003-11-04",
    format: EventFormat.IN_PERSON,
    venue: { name: "Leominster High School", city: "Leominster", region: "MA", country: "US" },
    focusAreas: ["Advisories"],
    capacity: 130,
    visibility: Visibility.NETWORK,
    registrations: [["leominster-in-service:parker", { schoolId: DemoSchools.parker }, 10, CONFIRMED, "Ten Parker faculty members facilitate the day."]],
  },
  {
    slug: "nyc-cluster-student-work-day-2002",
    title: "City-wide professional development day: looking at student work in literacy",
    kind: EventKind.WORKSHOP,
    description:
      "Teams from the six cluster schools analyse student work together around their shared focus, literacy, with Middle College " +
      "High School, the cluster's mentor school.",
    owner: network(DemoNetworks.nycCluster),
    networkIds: [DemoNetworks.nycCluster],
    startDate: "2002-03-15",
    format: EventFormat.IN_PERSON,
    venue: { name: "Middle College High School at LaGuardia Community College", city: "Long Island City", region: "NY", country: "US" },
    focusAreas: ["Literacy", "Looking at student work"],
    capacity: 60,
    visibility: Visibility.NETWORK,
    registrations: teams("nyc-cluster-day-2002", clusterSchools, 5),
  },
  {
    slug: "cei-pea-literacy-workshop",
    title: "New literacy approaches: a workshop for school leaders and literacy coaches",
    kind: EventKind.WORKSHOP,
    description:
      "Sponsored by the network because its schools named training in new literacy approaches as their most common " +
      "professional-development need: reading and writing across the content areas, from pre-K to grade 12.",
    owner: network(DemoNetworks.nycSchoolLeaders),
    networkIds: [DemoNetworks.nycSchoolLeaders],
    startDate: ahead(21),
    format: EventFormat.IN_PERSON,
    venue: { name: "Fannie Lou Hamer Freedom High School", city: "Bronx", region: "NY", country: "US" },
    focusAreas: ["Literacy"],
    capacity: 24,
    registrations: [
      ...teams("cei-pea-literacy", nycLeadersSchools.slice(0, 6), 4),
      ...teams("cei-pea-literacy-waiting", nycLeadersSchools.slice(6, 8), 2, WAITLISTED),
    ],
  },
  {
    slug: "fannie-lou-hamer-literacy-visitation",
    title: "Visitation day: literacy in every class at Fannie Lou Hamer",
    kind: EventKind.VISITATION_DAY,
    description: "Visitors sit in on classes, then look at student work with the school's teachers in roundtable discussions.",
    owner: schoolOwner(DemoSchools.fannieLouHamer, DemoNetworks.nycSchoolLeaders),
    networkIds: [DemoNetworks.nycSchoolLeaders, DemoNetworks.nycCluster],
    startDate: ahead(35),
    format: EventFormat.IN_PERSON,
    venue: { name: "Fannie Lou Hamer Freedom High School", city: "Bronx", region: "NY", country: "US" },
    focusAreas: ["Literacy", "Looking at student work"],
    capacity: 20,
    registrations: [
      ["flh-visitation:landmark", { schoolId: DemoSchools.landmark, educatorId: DemoEducators.vivianOrlen }, 1],
      ["flh-visitation:wagner", { schoolId: DemoSchools.wagner }, 3],
      ["flh-visitation:ebc", { schoolId: DemoSchools.eastBrooklynCongregations }, 2],
    ],
  },
  {
    slug: "cei-pea-technology-retreat",
    title: "Technology in the classroom: a retreat for school leaders",
    kind: EventKind.RETREAT,
    description: "Two days on integrating technology in classroom instruction, planned from the needs the network's schools named.",
    owner: network(DemoNetworks.nycSchoolLeaders),
    networkIds: [DemoNetworks.nycSchoolLeaders],
    startDate: ahead(49),
    endDate: ahead(50),
    format: EventFormat.IN_PERSON,
    venue: { name: "Retreat center", city: "Garrison", region: "NY", country: "US" },
    focusAreas: ["Technology integration"],
    capacity: 30,
    visibility: Visibility.NETWORK,
    registrations: teams("cei-pea-technology", [DemoSchools.wagner, DemoSchools.humanitiesPrep, Other.ms538], 2),
  },
  {
    slug: "cei-pea-ell-webinar",
    title: "Meeting the needs of English language learners",
    kind: EventKind.WEBINAR,
    description: "An evening webinar with practitioners from network schools on serving English language learners across grades.",
    owner: network(DemoNetworks.nycSchoolLeaders),
    networkIds: [DemoNetworks.nycSchoolLeaders, DemoNetworks.nycCluster],
    startDate: ahead(14),
    format: EventFormat.ONLINE,
    onlineUrl: "https://example.org/cei-pea/ell-webinar",
    focusAreas: ["English language learners"],
    capacity: 100,
    visibility: Visibility.ALLIANCE,
    registrations: [
      ...teams("cei-pea-ell", [Other.ps512, DemoSchools.fannieLouHamer, DemoSchools.landmark], 3),
      ["cei-pea-ell:nancy-mann", { schoolId: DemoSchools.fannieLouHamer, educatorId: DemoEducators.nancyMann }, 1],
    ],
  },
  {
    slug: "parker-visitation-day-advisories",
    title: "Regional Teachers Center visitation day: advisories at Parker",
    kind: EventKind.VISITATION_DAY,
    description:
      "Parker's Regional Teachers Center opens the school for a day: advisory groups, exhibitions of student work and a debrief " +
      "with Parker faculty on building advisories and performance-based assessment.",
    owner: schoolOwner(DemoSchools.parker, DemoNetworks.newEnglandSmallSchools),
    networkIds: [DemoNetworks.newEnglandSmallSchools, DemoNetworks.cesMentorSchools],
    startDate: ahead(28),
    format: EventFormat.IN_PERSON,
    venue: { name: "Francis W. Parker Charter Essential School", city: "Devens", region: "MA", country: "US" },
    focusAreas: ["Advisories", "Performance-based assessment"],
    capacity: 25,
    registrations: [
      ["parker-visitation:leominster", { schoolId: DemoSchools.leominster }, 6],
      ["parker-visitation:blackstone", { schoolId: Other.blackstone }, 3],
    ],
  },
  {
    slug: "nw-rise-applied-learning-convening",
    title: "NW RISE convening: building a networkwide applied learning curriculum",
    kind: EventKind.FORUM,
    description:
      "The job-alike groups meet in person and online to draft applied learning units that connect students with local industry " +
      "and community, and to plan career exploration across districts.",
    owner: network(DemoNetworks.nwRise),
    networkIds: [DemoNetworks.nwRise],
    startDate: ahead(60),
    endDate: ahead(61),
    format: EventFormat.HYBRID,
    venue: { name: "Education Northwest", city: "Portland", region: "OR", country: "US" },
    onlineUrl: "https://example.org/nw-rise/convening",
    focusAreas: ["Applied learning", "Rural student engagement", "Career exploration"],
    capacity: 80,
    visibility: Visibility.ALLIANCE,
    registrations: teams("nw-rise-convening", Object.values(NwRise).slice(0, 8), 3),
  },
  {
    slug: "cei-pea-planning-day",
    title: "Network planning day: next year's workshop calendar",
    kind: EventKind.IN_SERVICE_DAY,
    description: "The network's coordinators and hub school leaders turn this year's common needs into next year's workshops and retreats.",
    owner: network(DemoNetworks.nycSchoolLeaders),
    networkIds: [DemoNetworks.nycSchoolLeaders],
    startDate: ahead(70),
    format: EventFormat.IN_PERSON,
    venue: { name: "CEI-PEA offices", city: "New York", region: "NY", country: "US" },
    focusAreas: ["Network planning"],
    capacity: 12,
    visibility: Visibility.PRIVATE,
    registrations: [],
  },
];

function buildEvents(): { events: EventDocument[]; registrations: EventRegistrationDocument[] } {
  const events: EventDocument[] = [];
  const registrations: EventRegistrationDocument[] = [];
  for (const spec of EVENTS) {
    const _id = demoId(`event:${spec.slug}`);
    let confirmedSeats = 0;
    let confirmedCount = 0;
    let waitlistCount = 0;
    spec.registrations.forEach(([slug, registrant, seats, status = CONFIRMED, note], i) => {
      const kind = registrant.educatorId ? EventRegistrantKind.EDUCATOR : EventRegistrantKind.SCHOOL;
      if (status === CONFIRMED) {
        confirmedSeats += seats;
        confirmedCount += 1;
      } else waitlistCount += 1;
      registrations.push({
        _id: demoId(`event-registration:${slug}`),
        eventId: _id,
        registrantKind: kind,
        educatorId: registrant.educatorId ?? null,
        schoolId: registrant.schoolId,
        seats,
        status,
        sequence: i + 1,
        note: note ?? null,
        activeKey: registrationKey(_id, kind, registrant.educatorId ?? registrant.schoolId),
        // what the event's policy reads, as registerForEvent copies it
        owner: spec.owner,
        visibility: spec.visibility ?? Visibility.PUBLIC,
        networkIds: spec.networkIds,
        ...stamps(),
        confirmedAt: status === CONFIRMED ? SEEDED_AT : null,
        cancelledAt: null,
      });
    });
    if (confirmedSeats > spec.capacity) throw new Error(`Demo event ${spec.slug} is over capacity`);
    events.push({
      _id,
      title: spec.title,
      kind: spec.kind,
      description: spec.description,
      owner: spec.owner,
      networkIds: spec.networkIds,
      startDate: spec.startDate,
      endDate: spec.endDate ?? spec.startDate,
      format: spec.format,
      venue: spec.venue ?? null,
      onlineUrl: spec.onlineUrl ?? null,
      focusAreas: spec.focusAreas,
      focusAreaKeys: spec.focusAreas.map(focusKey),
      capacity: spec.capacity,
      seatsLeft: spec.capacity - confirmedSeats,
      confirmedSeats,
      confirmedCount,
      waitlistCount,
      registrationSequence: spec.registrations.length,
      status: EventStatus.SCHEDULED,
      visibility: spec.visibility ?? Visibility.PUBLIC,
      ...stamps(),
      cancelledAt: null,
    });
  }
  return { events, registrations };
}

// ---------------------------------------------------------------------------------------------
// Needs
// ---------------------------------------------------------------------------------------------

/** [school, networks, focus area, priority, description?, visibility (NETWORK unless said)] */
type NeedSpec = [schoolId: string, networkIds: string[], focusArea: string, priority: NeedPriority, description?: string, visibility?: Visibility];

const { PRIVATE, NETWORK: SHARED, ALLIANCE, PUBLIC } = Visibility;

const { HIGH, MEDIUM, LOW } = NeedPriority;
const leaders = [DemoNetworks.nycSchoolLeaders];
const nessn = [DemoNetworks.newEnglandSmallSchools];
const rise = [DemoNetworks.nwRise];

const NEEDS: NeedSpec[] = [
  // CEI-PEA school leaders network (seed 000): literacy, technology, specific student populations
  [DemoSchools.fannieLouHamer, [...leaders, DemoNetworks.nycCluster], "Literacy", HIGH, "New literacy approaches: reading and writing in every subject.", PUBLIC],
  [Other.ps512, leaders, "Literacy", HIGH, "Early literacy and the move to middle school reading.", PUBLIC],
  [Other.ms538, leaders, "Literacy", MEDIUM],
  [DemoSchools.landmark, [...leaders, DemoNetworks.nycCluster], "Literacy", MEDIUM],
  [DemoSchools.brooklynCollegeAcademy, [...leaders, DemoNetworks.nycCluster], "Literacy", LOW],
  [DemoSchools.wagner, leaders, "Technology integration", MEDIUM, "Integrating technology in classroom instruction beyond the arts and technology courses.", PUBLIC],
  [DemoSchools.humanitiesPrep, leaders, "Technology integration", MEDIUM],
  [Other.ms538, leaders, "Technology integration", HIGH],
  [DemoSchools.middleCollege, leaders, "Technology integration", LOW],
  [Other.ps512, leaders, "English language learners", HIGH, "Meeting the needs of a growing number of newcomer families.", PUBLIC],
  [DemoSchools.fannieLouHamer, leaders, "English language learners", MEDIUM],
  [DemoSchools.landmark, leaders, "English language learners", MEDIUM],
  // the school keeps this one to itself for now
  [Other.ms538, leaders, "Students with disabilities", MEDIUM, "Inclusion in every grade; we are still sizing up what we need.", PRIVATE],
  // the Goldman Sachs cluster chose literacy (seed 004)
  [DemoSchools.middleCollege, [DemoNetworks.nycCluster], "Literacy", MEDIUM, "Raising the cluster's standards of literacy together."],
  [DemoSchools.eastBrooklynCongregations, [DemoNetworks.nycCluster], "Literacy", HIGH],
  [DemoSchools.wagner, [DemoNetworks.nycCluster], "Literacy", MEDIUM],
  // NESSN (seed 004): Leominster's goals
  [DemoSchools.leominster, nessn, "Performance-based assessment", HIGH, "Using multiple measures of assessment."],
  [DemoSchools.leominster, nessn, "Advisories", HIGH, "Making the school more student-centered, with lower student-teacher ratios."],
  [Other.blackstone, nessn, "Advisories", MEDIUM],
  [DemoSchools.fenway, nessn, "Performance-based assessment", LOW],
  // NW RISE (seed 003)
  // shared with the Strategic Networking alliance, whose agreement covers needs
  [NwRise.columbiaPlateau, rise, "Rural student engagement", HIGH, undefined, ALLIANCE],
  [NwRise.skagitHighlands, rise, "Rural student engagement", HIGH, undefined, ALLIANCE],
  [NwRise.fortRock, rise, "Rural student engagement", MEDIUM, undefined, ALLIANCE],
  [NwRise.missouriBreaks, rise, "Rural student engagement", MEDIUM, undefined, ALLIANCE],
  [NwRise.wallowaHigh, rise, "Applied learning", HIGH, "Hands-on learning that gives work-related experience."],
  [NwRise.hiLine, rise, "Applied learning", MEDIUM],
  [NwRise.kuskokwim, rise, "Career exploration", MEDIUM, "Connecting students with careers beyond the village."],
  [NwRise.owyhee, rise, "Career exploration", MEDIUM],
];

function buildNeeds(): NeedDocument[] {
  return NEEDS.map(([schoolId, networkIds, focusArea, priority, description, visibility = SHARED]) => ({
    _id: demoId(`need:${schoolId}:${focusKey(focusArea)}`),
    schoolId,
    networkIds,
    focusArea,
    focusAreaKey: focusKey(focusArea),
    description: description ?? null,
    priority,
    status: NeedStatus.OPEN,
    owner: schoolOwner(schoolId, networkIds[0]),
    visibility,
    openKey: needKey(schoolId, focusKey(focusArea)),
    ...stamps(),
    closedAt: null,
  }));
}

// ---------------------------------------------------------------------------------------------
// Peer review: the five-day critical friends review of Fannie Lou Hamer (seed 004)
// ---------------------------------------------------------------------------------------------

function peerReviews(): PeerReviewDocument[] {
  const recordedAt = new Date("2003-05-16T20:00:00.000Z");
  const team = [
    { schoolId: DemoSchools.middleCollege, educatorId: DemoEducators.ceceCunningham, name: null, role: "Principal of the mentor school; facilitator" },
    { schoolId: DemoSchools.landmark, educatorId: DemoEducators.vivianOrlen, name: null, role: "Principal" },
    { schoolId: DemoSchools.brooklynCollegeAcademy, educatorId: null, name: null, role: "Literacy teacher" },
    { schoolId: DemoSchools.eastBrooklynCongregations, educatorId: null, name: null, role: "Assistant principal" },
    { schoolId: DemoSchools.wagner, educatorId: null, name: null, role: "English teacher" },
  ];
  return [
    {
      _id: demoId("peer-review:fannie-lou-hamer-2003"),
      hostSchoolId: DemoSchools.fannieLouHamer,
      networkId: DemoNetworks.nycCluster,
      title: "Critical friends review of Fannie Lou Hamer Freedom High School",
      description:
        "The capstone of the Goldman Sachs cluster: representatives of each school spend five days immersed in the life of the " +
        "school and give observations and feedback on its progress toward high standards of literacy and its other goals.",
      focusQuestions: [
        "What progress is the school making toward high standards of literacy for every student?",
        "How does student work across subjects show reading, writing and argument?",
        "How do the school's structures (advisories, teams, schedules) support its literacy goals?",
      ],
      startDate: "2003-05-12",
      endDate: "2003-05-16",
      visitingTeam: team,
      teamSchoolIds: team.map((member) => member.schoolId),
      findings: [
        { kind: PeerReviewFindingKind.STRENGTH, focusQuestion: 0, text: "Students read and discuss substantial texts in every class visited, and can say why.", recordedAt },
        { kind: PeerReviewFindingKind.WARM_FEEDBACK, focusQuestion: 1, text: "Portfolio work shows students revising arguments in response to feedback from teachers and peers.", recordedAt },
        { kind: PeerReviewFindingKind.COOL_FEEDBACK, focusQuestion: 1, text: "Writing expectations differ from class to class; students were unsure what strong work looks like in mathematics and science.", recordedAt },
        { kind: PeerReviewFindingKind.QUESTION, focusQuestion: 2, text: "How could advisory time support students who read far below grade level without becoming another class?", recordedAt },
        { kind: PeerReviewFindingKind.RECOMMENDATION, focusQuestion: 1, text: "Agree on shared writing criteria across subjects and look at student work against them each month.", recordedAt },
      ],
      // all participants were accountable for the review: its findings go to the whole team
      findingsAccess: PeerReviewFindingsAccess.REVIEW_TEAM,
      findingsReaderSchoolIds: [],
      status: PeerReviewStatus.COMPLETED,
      owner: schoolOwner(DemoSchools.fannieLouHamer, DemoNetworks.nycCluster),
      // the alliance's schools may learn that the review took place; its findings stay with the review team
      visibility: Visibility.ALLIANCE,
      ...stamps(),
      completedAt: recordedAt,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Mentorships (seed 004)
// ---------------------------------------------------------------------------------------------

interface MentorshipSpec {
  slug: string;
  mentor: string;
  partner: string;
  networkId: string;
  focusAreas: string[];
  goals: string;
  startDate: string;
  visibility: Visibility;
  ended?: { endDate: string; endReason: MentorshipEndReason; endNote: string };
  activities: Array<[slug: string, kind: MentorshipActivityKind, direction: MentorshipActivityDirection, date: string, summary: string, participants?: number]>;
}

const { VISIT, EXCHANGE, WORKSHOP, MEETING } = MentorshipActivityKind;
const { MENTOR_TO_PARTNER, PARTNER_TO_MENTOR, JOINT } = MentorshipActivityDirection;

const MENTORSHIPS: MentorshipSpec[] = [
  {
    slug: "parker-leominster",
    mentor: DemoSchools.parker,
    partner: DemoSchools.leominster,
    networkId: DemoNetworks.newEnglandSmallSchools,
    focusAreas: ["Advisories", "Performance-based assessment", "Student-centered learning"],
    goals:
      "Leominster: multiple measures of assessment, lower student-teacher ratios, a more student-centered school. Parker: stronger " +
      "connections to local communities and new opportunities for its staff. \"We're in it with them for the long haul.\"",
    startDate: "2003-09-01",
    visibility: Visibility.PUBLIC,
    activities: [
      ["in-service", WORKSHOP, MENTOR_TO_PARTNER, "2003-11-04", "Ten Parker faculty members facilitated a day-long in-service on advisories for Leominster's entire faculty.", 10],
      ["advisory-visit", VISIT, PARTNER_TO_MENTOR, "2004-01-22", "Leominster advisory teachers spent a day in Parker advisories and debriefed with their Parker counterparts.", 8],
      ["assessment-exchange", EXCHANGE, JOINT, "2004-03-10", "Exchanged exhibition rubrics and samples of student work for performance-based assessment.", 12],
      ["planning-meeting", MEETING, JOINT, "2004-05-18", "Principals and lead teachers planned the next year's visits and professional development.", 6],
    ],
  },
  {
    slug: "quest-north-star",
    mentor: DemoSchools.quest,
    partner: DemoSchools.northStar,
    networkId: DemoNetworks.cesMentorSchools,
    focusAreas: ["Interdisciplinary curriculum", "Senior exhibitions"],
    goals: "North Star learns from Quest to develop an interdisciplinary curriculum and senior exhibitions (senior exploratories); North Star acts as a critical friend to Quest.",
    startDate: "2000-09-01",
    visibility: Visibility.ALLIANCE,
    ended: {
      endDate: "2003-06-30",
      endReason: MentorshipEndReason.FUNDING_ENDED,
      endNote:
        "North Star had built the travel into its CSRD grant. Once the CSRD funding ran out, distance and the lack of funding got the " +
        "best of the partnership; staff still stay in touch.",
    },
    activities: [
      ["first-visit", VISIT, PARTNER_TO_MENTOR, "2000-11-08", "North Star staff visited Quest to see interdisciplinary curriculum in practice, with questions framed in advance and roundtable discussions.", 6],
      ["narrated-records", EXCHANGE, PARTNER_TO_MENTOR, "2000-12-01", "North Star cleaned up the records it narrated during the visit and sent them to Quest's staff as a reflection.", 6],
      ["exploratories-visit", VISIT, PARTNER_TO_MENTOR, "2002-04-17", "North Star teachers observed senior exploratories at Quest; Quest staff examined their dilemmas in front of the visitors.", 5],
    ],
  },
  {
    slug: "quest-humble-ridge",
    mentor: DemoSchools.quest,
    partner: Other.humbleRidge,
    networkId: DemoNetworks.houstonBeaconSchools,
    focusAreas: ["Small learning communities", "Student-centered learning"],
    goals: "Help the new Humble high school build small learning communities, with relentless follow-up until they are part of the culture.",
    startDate: "2002-08-15",
    // a new school finding its feet: the partners keep it to Quest
    visibility: Visibility.PRIVATE,
    activities: [
      ["opening-support", WORKSHOP, MENTOR_TO_PARTNER, "2002-08-20", "Quest teachers led planning days on small learning communities with the new school's faculty.", 15],
      ["follow-up", VISIT, MENTOR_TO_PARTNER, "2003-02-05", "Follow-up visit: Quest staff observed team meetings and gave feedback.", 4],
    ],
  },
];

/** Mentor schools' stated capacity ("actively mentoring a few schools over the long haul"), and the network whose coordinators may also set it. */
const MENTOR_CAPACITY: Array<[schoolId: string, capacity: number, networkId: string]> = [
  [DemoSchools.parker, 3, DemoNetworks.newEnglandSmallSchools],
  [DemoSchools.quest, 2, DemoNetworks.cesMentorSchools],
  [DemoSchools.middleCollege, 3, DemoNetworks.nycCluster],
  [DemoSchools.federalHocking, 2, DemoNetworks.cesMentorSchools],
];

function buildMentorships(): { mentorships: MentorshipDocument[]; activities: MentorshipActivityDocument[]; capacities: MentorCapacityDocument[] } {
  const mentorships: MentorshipDocument[] = [];
  const activities: MentorshipActivityDocument[] = [];
  for (const spec of MENTORSHIPS) {
    const _id = demoId(`mentorship:${spec.slug}`);
    mentorships.push({
      _id,
      mentorSchoolId: spec.mentor,
      partnerSchoolId: spec.partner,
      networkId: spec.networkId,
      focusAreas: spec.focusAreas,
      focusAreaKeys: spec.focusAreas.map(focusKey),
      goals: spec.goals,
      startDate: spec.startDate,
      endDate: spec.ended?.endDate ?? null,
      status: spec.ended ? MentorshipStatus.ENDED : MentorshipStatus.ACTIVE,
      endReason: spec.ended?.endReason ?? null,
      endNote: spec.ended?.endNote ?? null,
      ...(spec.ended ? {} : { activeKey: mentorshipKey(spec.mentor, spec.partner) }),
      owner: schoolOwner(spec.mentor, spec.networkId),
      visibility: spec.visibility,
      ...stamps(),
    });
    for (const [slug, kind, direction, date, summary, participants] of spec.activities) {
      activities.push({
        _id: demoId(`mentorship-activity:${spec.slug}:${slug}`),
        mentorshipId: _id,
        kind,
        direction,
        date,
        summary,
        participantCount: participants ?? null,
        owner: schoolOwner(spec.mentor, spec.networkId),
        visibility: spec.visibility,
        partnerSchoolId: spec.partner,
        ...stamps(),
      });
    }
  }
  const capacities = MENTOR_CAPACITY.map(([schoolId, capacity, networkId]): MentorCapacityDocument => {
    const active = mentorships.filter((m) => m.mentorSchoolId === schoolId && m.status === MentorshipStatus.ACTIVE).length;
    if (active > capacity) throw new Error(`Demo mentor school ${schoolId} is over capacity`);
    return { _id: demoId(`mentor-capacity:${schoolId}`), schoolId, networkId, capacity, activeCount: active, openSlots: capacity - active, ...stamps() };
  });
  return { mentorships, activities, capacities };
}

// ---------------------------------------------------------------------------------------------
// Learning communities: NW RISE job-alike groups (seed 003), the cluster's school leaders and the
// Portland seminars (seed 004)
// ---------------------------------------------------------------------------------------------

interface CommunitySpec {
  slug: string;
  name: string;
  jobAlike: string;
  description: string;
  networkId: string;
  focusAreas: string[];
  meetingCadence: string;
  formedOn: string;
  visibility: Visibility;
  members: Array<{ schoolId: string; educatorId?: string; name?: string; role?: LearningCommunityRole }>;
}

const { FACILITATOR } = LearningCommunityRole;

const COMMUNITIES: CommunitySpec[] = [
  {
    slug: "nw-rise-ela",
    name: "NW RISE English language arts job-alike group",
    jobAlike: "English language arts teachers",
    description: "Classroom-focused work among rural ELA teachers who are often the only one in their school; now drafting applied learning units.",
    networkId: DemoNetworks.nwRise,
    focusAreas: ["Rural student engagement", "Applied learning"],
    meetingCadence: "Two convenings a year and monthly video calls",
    formedOn: "2014-10-15",
    visibility: Visibility.NETWORK,
    members: [
      { schoolId: NwRise.columbiaPlateau, role: FACILITATOR },
      { schoolId: NwRise.wallowaHigh },
      { schoolId: NwRise.fortRock },
      { schoolId: NwRise.kuskokwim },
      { schoolId: NwRise.chugach },
    ],
  },
  {
    slug: "nw-rise-science",
    name: "NW RISE science job-alike group",
    jobAlike: "Science teachers",
    description: "Rural science teachers sharing place-based investigations; leading the applied learning curriculum's field science strand.",
    networkId: DemoNetworks.nwRise,
    focusAreas: ["Applied learning", "Place-based science"],
    meetingCadence: "Two convenings a year and monthly video calls",
    formedOn: "2014-10-15",
    // still drafting its strand: the network's coordinators only, for now
    visibility: Visibility.PRIVATE,
    members: [
      { schoolId: NwRise.skagitHighlands, role: FACILITATOR },
      { schoolId: NwRise.clearwater },
      { schoolId: NwRise.owyhee },
      { schoolId: NwRise.missouriBreaks },
    ],
  },
  {
    slug: "nw-rise-cte",
    name: "NW RISE career and technical education job-alike group",
    jobAlike: "Career and technical education teachers",
    description: "Working across districts to connect students with local industry and community for work-related experience.",
    networkId: DemoNetworks.nwRise,
    focusAreas: ["Career exploration", "Applied learning"],
    meetingCadence: "Monthly video calls",
    formedOn: "2017-09-20",
    visibility: Visibility.ALLIANCE,
    members: [{ schoolId: NwRise.hiLine, role: FACILITATOR }, { schoolId: NwRise.wallowaHigh }, { schoolId: NwRise.kuskokwim }],
  },
  {
    slug: "nyc-cluster-leaders",
    name: "Goldman Sachs cluster school leaders",
    jobAlike: "Principals",
    description:
      "The cluster's principals, who kept meeting with Cece Cunningham after the project ended: \"a place to scream for help and deal " +
      "with the real issues that we faced as school leaders.\"",
    networkId: DemoNetworks.nycCluster,
    focusAreas: ["School leadership", "Literacy"],
    meetingCadence: "Evening meetings in members' homes, always with food and beverage",
    formedOn: "2000-09-01",
    visibility: Visibility.NETWORK,
    members: [
      { schoolId: DemoSchools.middleCollege, educatorId: DemoEducators.ceceCunningham, role: FACILITATOR },
      { schoolId: DemoSchools.landmark, educatorId: DemoEducators.vivianOrlen },
      { schoolId: DemoSchools.fannieLouHamer, educatorId: DemoEducators.nancyMann },
      { schoolId: DemoSchools.brooklynCollegeAcademy },
      { schoolId: DemoSchools.eastBrooklynCongregations },
      { schoolId: DemoSchools.wagner },
    ],
  },
  {
    slug: "ces-northwest-seminar",
    name: "Portland-area networking seminar",
    jobAlike: "School leaders",
    description: "CES Northwest's monthly networking seminars keep the Portland-area schools' connections strong in an unstable climate.",
    networkId: DemoNetworks.cesNorthwestPortland,
    focusAreas: ["School restructuring", "CES Common Principles"],
    meetingCadence: "Monthly networking seminars",
    formedOn: "2002-09-15",
    visibility: Visibility.PUBLIC,
    members: [
      { schoolId: DemoSchools.merloStation, educatorId: DemoEducators.janiceAdams, role: FACILITATOR },
      { schoolId: Other.tualatin },
      { schoolId: Other.willamette },
    ],
  },
];

function buildCommunities(): { communities: LearningCommunityDocument[]; members: LearningCommunityMemberDocument[] } {
  const communities: LearningCommunityDocument[] = [];
  const members: LearningCommunityMemberDocument[] = [];
  for (const spec of COMMUNITIES) {
    const _id = demoId(`learning-community:${spec.slug}`);
    communities.push({
      _id,
      name: spec.name,
      jobAlike: spec.jobAlike,
      description: spec.description,
      owner: network(spec.networkId),
      networkId: spec.networkId,
      focusAreas: spec.focusAreas,
      focusAreaKeys: spec.focusAreas.map(focusKey),
      meetingCadence: spec.meetingCadence,
      formedOn: spec.formedOn,
      visibility: spec.visibility,
      ...stamps(),
    });
    for (const member of spec.members) {
      members.push({
        _id: demoId(`learning-community-member:${spec.slug}:${member.educatorId ?? member.schoolId}`),
        communityId: _id,
        schoolId: member.schoolId,
        educatorId: member.educatorId ?? null,
        name: member.name ?? null,
        role: member.role ?? LearningCommunityRole.MEMBER,
        joinedOn: spec.formedOn,
        leftOn: null,
        activeKey: communityMemberKey(_id, member),
        owner: network(spec.networkId),
        visibility: spec.visibility,
        ...stamps(),
      });
    }
  }
  return { communities, members };
}

// ---------------------------------------------------------------------------------------------
// Improvement cycles: the NSI network toward its graduation aim (seed 001; figures illustrative)
// ---------------------------------------------------------------------------------------------

function improvementCycles(): ImprovementCycleDocument[] {
  const at = (date: string) => new Date(`${date}T12:00:00.000Z`);
  const { PLAN, DO, STUDY, ACT, COMPLETED } = ImprovementCyclePhase;
  const aim =
    "By June 2027, raise the share of Black, Latino and low-income students who earn a high school diploma in four years from 71% to 85%.";
  const first = demoId("improvement-cycle:nsi-on-track-check-ins");
  return [
    {
      _id: first,
      title: "Weekly on-track check-ins for ninth graders (pilot)",
      owner: network(DemoNetworks.graduationImprovement),
      networkId: DemoNetworks.graduationImprovement,
      schoolIds: [DemoSchools.eastBrooklynCongregations],
      aim,
      changeIdea: "Each ninth grader's advisor reviews credits, grades and attendance with the student every week and agrees on one next step.",
      prediction: "Within one semester the share of ninth graders on track rises by about ten points, because problems surface weeks earlier.",
      measures: [
        { name: "Ninth graders on track after the first semester", unit: "percent", baseline: 61, target: 71, result: 68 },
        { name: "Weekly check-ins held as planned", unit: "percent", baseline: null, target: 90, result: 74 },
      ],
      observations: "Check-ins happened in most advisories; they slipped in weeks with testing or trips. Students asked for a simple credit tracker.",
      results: "On-track rose seven points, short of the prediction; the gain was largest where check-ins were held every week.",
      nextStep: ImprovementNextStep.ADAPT,
      nextStepNote: "Keep the check-ins, add a family call when a student slips, and test in three schools.",
      phase: COMPLETED,
      phaseHistory: [
        { phase: PLAN, enteredAt: at("2020-08-24") },
        { phase: DO, enteredAt: at("2020-09-14") },
        { phase: STUDY, enteredAt: at("2021-01-29") },
        { phase: ACT, enteredAt: at("2021-02-12") },
        { phase: COMPLETED, enteredAt: at("2021-02-26") },
      ],
      previousCycleId: null,
      visibility: Visibility.PUBLIC,
      ...stamps(),
    },
    {
      _id: demoId("improvement-cycle:nsi-check-ins-family-calls"),
      title: "On-track check-ins with a family call (three schools)",
      owner: network(DemoNetworks.graduationImprovement),
      networkId: DemoNetworks.graduationImprovement,
      schoolIds: [DemoSchools.eastBrooklynCongregations, DemoSchools.brooklynCollegeAcademy, DemoSchools.wagner],
      aim,
      changeIdea: "Add a call home within two days whenever a weekly check-in shows a student slipping off track.",
      prediction: "On-track rates rise by five more points, and by more for students whose families are reached.",
      measures: [
        { name: "Ninth graders on track after the first semester", unit: "percent", baseline: 64, target: 74, result: null },
        { name: "Families reached within two days", unit: "percent", baseline: null, target: 80, result: null },
      ],
      observations: null,
      results: null,
      nextStep: null,
      nextStepNote: null,
      phase: DO,
      phaseHistory: [
        { phase: PLAN, enteredAt: at("2024-08-26") },
        { phase: DO, enteredAt: at("2024-09-09") },
      ],
      previousCycleId: first,
      visibility: Visibility.ALLIANCE,
      ...stamps(),
    },
    {
      _id: demoId("improvement-cycle:nsi-fafsa-nights"),
      title: "FAFSA completion nights for seniors",
      owner: schoolOwner(Other.bushwick, DemoNetworks.graduationImprovement),
      networkId: DemoNetworks.graduationImprovement,
      schoolIds: [Other.bushwick],
      aim: "Raise the share of graduates who enroll in a postsecondary institution the fall after graduating from 52% to 65%.",
      changeIdea: "Evening sessions where seniors and families complete the FAFSA with counselors and volunteers.",
      prediction: null,
      measures: [{ name: "Seniors with a completed FAFSA by March 1", unit: "percent", baseline: 48, target: 70, result: null }],
      observations: null,
      results: null,
      nextStep: null,
      nextStepNote: null,
      phase: PLAN,
      phaseHistory: [{ phase: PLAN, enteredAt: at("2024-09-03") }],
      previousCycleId: null,
      visibility: Visibility.PRIVATE,
      ...stamps(),
    },
  ];
}

// ---------------------------------------------------------------------------------------------

/** Loads the development subgraph's demo data; idempotent (upserts by id, inserting only what is missing). */
export async function seedDevelopmentDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  const { events, registrations } = buildEvents();
  const { mentorships, activities, capacities } = buildMentorships();
  const { communities, members } = buildCommunities();
  const invented = (note: string) => () => illustrative(note);
  await repos.events.seed(withProvenance(events, invented("An event written for the demo after the seeds' institutes, visitation days and retreats; title, date and place are illustrative.")));
  await repos.registrations.seed(withProvenance(registrations, invented("An invented registration.")));
  await repos.needs.seed(withProvenance(buildNeeds(), invented("An invented professional-development need.")));
  await repos.peerReviews.seed(withProvenance(peerReviews(), byTitle(SEEDED_TITLES, "A peer review written for the demo after seed 004's critical-friends visits.", ["startDate", "endDate", "findings"])));
  await repos.mentorships.seed(withProvenance(mentorships, invented("A mentorship after seed 004's mentor pairings (e.g. Parker and Leominster); dates and details are illustrative.")));
  await repos.mentorshipActivities.seed(withProvenance(activities, invented("An invented mentorship activity.")));
  await repos.mentorCapacities.seed(withProvenance(capacities, invented("An invented mentor capacity.")));
  await repos.learningCommunities.seed(withProvenance(communities, invented("A learning community written for the demo after seed 003's job-alike groups and seed 000's leaders' networks.")));
  await repos.learningCommunityMembers.seed(withProvenance(members, invented("An invented community membership.")));
  await repos.improvementCycles.seed(withProvenance(improvementCycles(), invented("An improvement cycle after seed 001's continuous improvement; aims, measures and dates are illustrative.")));
}

/** The demo records other tests and scripts refer to. */
export const DemoDevelopment = {
  fannieLouHamerReview: demoId("peer-review:fannie-lou-hamer-2003"),
  parkerLeominster: demoId("mentorship:parker-leominster"),
  questNorthStar: demoId("mentorship:quest-north-star"),
  nessnSummerInstitute2003: demoId("event:nessn-summer-institute-2003"),
  leominsterInService: demoId("event:leominster-advisory-in-service-2003"),
  ceiPeaLiteracyWorkshop: demoId("event:cei-pea-literacy-workshop"),
  fannieLouHamerVisitation: demoId("event:fannie-lou-hamer-literacy-visitation"),
  nsiOnTrackCycle: demoId("improvement-cycle:nsi-check-ins-family-calls"),
  ceiPeaPlanningDay: demoId("event:cei-pea-planning-day"),
  ellWebinar: demoId("event:cei-pea-ell-webinar"),
  questHumbleRidge: demoId("mentorship:quest-humble-ridge"),
} as const;
