import type { Db } from "mongodb";
import { Visibility } from "../../subgraphs/kit";
import type { AdoptionDocument } from "../../subgraphs/resources/adoption/adoption.repository";
import { shareRequestSharing, type StoredOwner } from "../../subgraphs/resources/policies";
import { FundingKind, ResourceKind, ShareRequestStatus } from "../../subgraphs/resources/enums";
import type { FundingAwardDocument } from "../../subgraphs/resources/funding/funding.repository";
import { createRepositories } from "../../subgraphs/resources/repositories";
import { normalizeTerms, type ResourceDocument } from "../../subgraphs/resources/resource/resource.repository";
import { sharingOf } from "../../subgraphs/resources/resource/resource.service";
import { openShareRequestKey, type ShareRequestDocument } from "../../subgraphs/resources/share-request/share-request.repository";
import { illustrative } from "../../subgraphs/kit/provenance";
import { DemoNetworks, DemoOrganizations, DemoSchools, demoId } from "./ids";
import { byTitle, withProvenance } from "./provenance";

/** Resources whose titles a seed states word for word; the others are written after the seeds' practices. */
const SEEDED_TITLES: Record<string, string> = { "Networks for School Improvement: A Review of the Literature": "001" };
const RESOURCE_NOTE = "A resource written for the demo after the practices the seeds describe (seed 004's mentor schools, seed 000's pooled resources, seed 003's NW RISE curriculum); title and content are illustrative.";

/*
 * Demo data of the resources subgraph, drawn from the seed documents (/work/shared/seeds):
 *
 *  - seed 000: CEI-PEA's networks channel resources to schools: more than $24 million of private funding and
 *    government grants, more than $1 million a year of in-kind after-school programs, leadership development
 *    and direct technical assistance; schools share information as students move from school to school;
 *  - seed 001: CPRL's review of the literature on improvement networks (34 studies of 25 networks) for the
 *    Gates Foundation's Networks for School Improvement, whose teams use timely evidence from early outcomes;
 *  - seed 002: CEBE's Strategic Networking: learning by verification, benchmarking, joint practice development
 *    (adapted versions of Federal Hocking's protocols across CEBE's schools in England, Finland and Alberta,
 *    credited to schools and to CEBE's network; a credit CEBE proposed to CEI-PEA's network, not yet answered);
 *  - seed 003: small districts sharing school counselors, buying together and coordinating IT; NW RISE's
 *    networkwide applied learning curriculum; Education Northwest's design / convene / evaluate services;
 *  - seed 004 (Horace): Parker's Regional Teachers Center (visitation days, in-depth workshops, customized
 *    programs "to teach Parker") and its advisory training, adopted by Leominster after a day-long in-service;
 *    Quest's interdisciplinary curriculum and senior exhibitions ("senior exploratories"), adopted by North Star;
 *    North Star's framing of visits and narrated records; Federal Hocking's protocols around sharing student work;
 *    the Goldman Sachs cluster's literacy work and five-day critical friends review of Fannie Lou Hamer; the
 *    Consortium's performance-based assessment; CES Northwest's monthly networking seminars; the Gates-funded
 *    CES Small Schools Project; the Houston Annenberg Challenge's Beacon Schools (1997-2001).
 *
 * Where the seeds are silent the details are plausible inventions: titles, summaries, licenses, grade ranges,
 * dates, adaptation notes, every share request, the split of CEI-PEA's $24 million into awards and every award
 * amount other than those totals. Links point at example.org.
 *
 * Schools, networks and organizations are those of the networks demo data (ids.ts, or demoId("school:<slug>")
 * for the generated schools). A resource is owned by a network, or by a school through a network it belongs to;
 * what an organization offers is owned by a network it operates (CPRL operates none: its review is published
 * through the NSI network it was written for). Visibility levels are spread so that callers see different
 * things: PRIVATE (NW RISE's joint purchasing, CEI-PEA's transition data, Leominster's advisory pilot notes),
 * NETWORK, ALLIANCE (shared under the Essential Schools and Strategic Networking agreements, which both share
 * RESOURCES) and PUBLIC; funding awards likewise. Adoptions and share requests copy their resource's owner and
 * visibility, as the subgraph does.
 *
 * Every record has a stable id and fixed timestamps; Repository.seed() upserts with $setOnInsert, so a second
 * run changes nothing.
 */

const SEEDED_AT = new Date("2024-09-01T00:00:00.000Z");

/** The networks demo data's schools: named ones from ids.ts, generated ones by slug. */
const school = (slug: string): string => demoId(`school:${slug}`);

/** Owned by a school, published through `networkId` (a network the school belongs or belonged to). */
const SCHOOL = (schoolId: string, networkId: string): StoredOwner => ({ networkId, schoolId });
/** Owned by a network itself (for an organization's offer: a network it operates). */
const NETWORK = (networkId: string): StoredOwner => ({ networkId, schoolId: null });

/** Stable ids of the demo resources, for the other demo records and for tests. */
export const DemoResources = {
  parkerTeachersCenter: demoId("resource:parker-regional-teachers-center"),
  parkerAdvisoryGuide: demoId("resource:parker-advisory-training"),
  leominsterAdvisoryPilot: demoId("resource:leominster-advisory-pilot-notes"),
  nwRiseAppliedLearning: demoId("resource:nw-rise-applied-learning-curriculum"),
  sharedCounselors: demoId("resource:shared-school-counselors"),
  jointPurchasing: demoId("resource:rural-joint-purchasing"),
  sharedIt: demoId("resource:rural-shared-it-support"),
  afterSchoolInKind: demoId("resource:cei-pea-after-school-in-kind"),
  leadershipAssistance: demoId("resource:cei-pea-leadership-technical-assistance"),
  transitionData: demoId("resource:cei-pea-transition-data"),
  studentWorkProtocol: demoId("resource:federal-hocking-student-work-protocol"),
  clusterLiteracyProtocol: demoId("resource:nyc-cluster-literacy-student-work"),
  criticalFriendsReview: demoId("resource:nyc-cluster-critical-friends-review"),
  visitFramingProtocol: demoId("resource:north-star-visit-framing"),
  questSeniorExhibitions: demoId("resource:quest-senior-exhibitions"),
  questInterdisciplinary: demoId("resource:quest-interdisciplinary-curriculum"),
  questSmallLearningCommunities: demoId("resource:quest-small-learning-communities"),
  consortiumPerformanceTasks: demoId("resource:consortium-performance-tasks"),
  consortiumModeration: demoId("resource:consortium-moderation-guide"),
  cprlLiteratureReview: demoId("resource:cprl-nsi-literature-review"),
  nsiOnTrackData: demoId("resource:nsi-on-track-dashboard"),
  cebeBenchmarking: demoId("resource:cebe-benchmarking-toolkit"),
  cesNorthwestSeminars: demoId("resource:ces-northwest-networking-seminars"),
  educationNorthwestServices: demoId("resource:education-northwest-network-services"),
  northfieldJointPracticeProtocol: demoId("resource:northfield-park-joint-practice-student-work"),
  aurinkorinnePhenomenonProtocol: demoId("resource:aurinkorinne-phenomenon-student-work"),
  prairieRidgePilotNotes: demoId("resource:prairie-ridge-student-work-pilot"),
} as const;

interface ResourceSpec {
  id: string;
  title: string;
  summary: string;
  kind: ResourceKind;
  owner: StoredOwner;
  /** Schools and networks credited as co-developers that accepted; `proposed…` those that have not answered yet. */
  coDevelopers?: string[];
  coDeveloperNetworks?: string[];
  proposedCoDevelopers?: string[];
  proposedCoDeveloperNetworks?: string[];
  /** The resource this one is an adapted version of (joint practice development, seed 002). */
  adaptedFrom?: string;
  networks: string[];
  subjects: string[];
  grades?: [number, number];
  tags: string[];
  license?: string | null;
  url?: string | null;
  visibility: Visibility;
}

const RESOURCES: ResourceSpec[] = [
  {
    id: DemoResources.parkerTeachersCenter,
    title: "Parker Regional Teachers Center: visitation days and workshops",
    summary:
      "An independently funded program area of Francis W. Parker Charter Essential School offering visitation days, in-depth " +
      "workshops (advisories, performance-based assessment, interdisciplinary teaching) and customized programs designed to " +
      "\"teach Parker\", now organized to support a school's comprehensive redesign rather than one-off introductions.",
    kind: ResourceKind.TECHNICAL_ASSISTANCE,
    owner: SCHOOL(DemoSchools.parker, DemoNetworks.newEnglandSmallSchools),
    networks: [DemoNetworks.newEnglandSmallSchools, DemoNetworks.cesMentorSchools],
    subjects: ["advisory", "performance-based assessment", "school redesign"],
    grades: [7, 12],
    tags: ["visitation days", "workshops", "advisories", "mentor school", "teachers center"],
    license: "Fee-based; customized programs by agreement",
    url: "https://example.org/parker/teachers-center",
    visibility: Visibility.PUBLIC,
  },
  {
    id: DemoResources.parkerAdvisoryGuide,
    title: "Making great teachers into great advisors: Parker's advisory training",
    summary:
      "Parker's advisory program and the day-long faculty in-service on advisories that ten Parker teachers facilitate for partner " +
      "schools: advisory structures, group activities, advisor roles and follow-up visits and exchanges.",
    kind: ResourceKind.GUIDE,
    owner: SCHOOL(DemoSchools.parker, DemoNetworks.newEnglandSmallSchools),
    networks: [DemoNetworks.newEnglandSmallSchools, DemoNetworks.cesMentorSchools],
    subjects: ["advisory", "personalization"],
    grades: [7, 12],
    tags: ["advisories", "in-service", "professional development", "student-centered"],
    license: "CC-BY-NC-SA-4.0",
    url: "https://example.org/parker/advisory-training",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.leominsterAdvisoryPilot,
    title: "Grade 9 advisory pilot: what we changed after the first year",
    summary:
      "Leominster's internal notes on piloting Parker-style advisories in grade 9 of a 1,800-student high school: group sizes, " +
      "schedule trade-offs, teacher concerns raised in faculty meetings and what the school changed before extending advisories.",
    kind: ResourceKind.EVIDENCE,
    owner: SCHOOL(DemoSchools.leominster, DemoNetworks.newEnglandSmallSchools),
    networks: [DemoNetworks.newEnglandSmallSchools],
    subjects: ["advisory", "personalization"],
    grades: [9, 9],
    tags: ["advisories", "pilot", "lessons learned"],
    license: "Internal to Leominster High School",
    url: null,
    visibility: Visibility.PRIVATE,
  },
  {
    id: DemoResources.nwRiseAppliedLearning,
    title: "NW RISE networkwide applied learning curriculum",
    summary:
      "Co-developed by the network's job-alike groups: hands-on, place-based units in which rural students explore career options, " +
      "gain work-related experience and connect with local industry and community across districts.",
    kind: ResourceKind.CURRICULUM,
    owner: NETWORK(DemoNetworks.nwRise),
    coDevelopers: [school("columbia-plateau-school"), school("skagit-highlands-jr-sr-high"), school("wallowa-valley-high"), school("owyhee-desert-high"), school("missouri-breaks-school")],
    networks: [DemoNetworks.nwRise],
    subjects: ["applied learning", "career exploration", "rural student engagement"],
    grades: [6, 12],
    tags: ["applied learning", "career pathways", "rural", "job-alike groups", "student engagement", "place-based"],
    license: "CC-BY-SA-4.0",
    url: "https://example.org/nw-rise/applied-learning",
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.sharedCounselors,
    title: "School counselors shared by small rural districts",
    summary:
      "Small districts that could not otherwise afford one share certified school counselors: a rotating schedule across schools, " +
      "remote sessions between visits and a common referral protocol.",
    kind: ResourceKind.SHARED_STAFF,
    owner: NETWORK(DemoNetworks.nwRise),
    coDevelopers: [school("wallowa-valley-high"), school("wallowa-valley-k8"), school("fort-rock-valley-school")],
    networks: [DemoNetworks.nwRise],
    subjects: ["counseling", "student support"],
    grades: [0, 12],
    tags: ["shared staff", "counselors", "small districts", "rural"],
    license: null,
    url: null,
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.jointPurchasing,
    title: "Joint purchasing agreement for rural districts",
    summary: "Member districts buy instructional materials, software licenses and services together to receive discounted rates.",
    kind: ResourceKind.JOINT_PURCHASING,
    owner: NETWORK(DemoNetworks.nwRise),
    networks: [DemoNetworks.nwRise],
    subjects: ["operations"],
    tags: ["joint purchasing", "discounts", "small districts"],
    license: null,
    url: null,
    visibility: Visibility.PRIVATE,
  },
  {
    id: DemoResources.sharedIt,
    title: "Centrally coordinated information technology support",
    summary: "A shared help desk and technician visits coordinated for member districts too small to staff their own IT function.",
    kind: ResourceKind.TECHNICAL_ASSISTANCE,
    owner: NETWORK(DemoNetworks.nwRise),
    networks: [DemoNetworks.nwRise],
    subjects: ["information technology", "operations"],
    tags: ["information technology", "support functions", "small districts"],
    license: null,
    url: null,
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.afterSchoolInKind,
    title: "In-kind after-school programs for network schools",
    summary:
      "More than $1 million a year of after-school programs offered in kind to CEI-PEA network schools through network " +
      "affiliations: tutoring, arts, sports and enrichment run by community partners on school sites.",
    kind: ResourceKind.IN_KIND_PROGRAM,
    owner: NETWORK(DemoNetworks.nycSchoolLeaders),
    networks: [DemoNetworks.nycSchoolLeaders],
    subjects: ["after-school", "enrichment", "arts"],
    grades: [-1, 12],
    tags: ["after-school programs", "in-kind", "community partners"],
    license: null,
    url: "https://example.org/cei-pea/after-school",
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.leadershipAssistance,
    title: "Leadership development and direct technical assistance for school leaders",
    summary:
      "Leadership development services and direct technical assistance from educational experts, channeled to network schools " +
      "by CEI-PEA: coaching of principals, peer reviews and modeling of best practices.",
    kind: ResourceKind.TECHNICAL_ASSISTANCE,
    owner: NETWORK(DemoNetworks.nycSchoolLeaders),
    networks: [DemoNetworks.nycSchoolLeaders, DemoNetworks.graduationImprovement],
    subjects: ["school leadership"],
    tags: ["leaders helping leaders", "technical assistance", "peer review", "coaching"],
    license: null,
    url: "https://example.org/cei-pea/leadership",
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.transitionData,
    title: "Student transition data shared from elementary to middle to high school",
    summary:
      "Aggregated matriculation and transition indicators that network schools share as students move from elementary to middle " +
      "to high school, so leaders can find and fix problems in matriculation schedules and the flow of students.",
    kind: ResourceKind.DATASET,
    owner: NETWORK(DemoNetworks.nycSchoolLeaders),
    coDevelopers: [school("ps-512-crotona-park-community"), school("ms-538-crotona-middle-inquiry"), DemoSchools.fannieLouHamer],
    networks: [DemoNetworks.nycSchoolLeaders],
    subjects: ["educational continuity", "data"],
    grades: [-1, 12],
    tags: ["transitions", "matriculation", "educational continuity", "aggregated data"],
    license: "Network members only; aggregated counts, no student records",
    url: null,
    visibility: Visibility.PRIVATE,
  },
  {
    id: DemoResources.studentWorkProtocol,
    title: "Protocols for looking at student work together",
    summary:
      "\"The best way to build a meaningful partnership is by doing protocols around sharing student work\" (George Wood). Tuning " +
      "and consultancy protocols that help teachers from different schools focus quickly on student work and get to work.",
    kind: ResourceKind.PROTOCOL,
    owner: SCHOOL(DemoSchools.federalHocking, DemoNetworks.cesMentorSchools),
    networks: [DemoNetworks.cesMentorSchools],
    subjects: ["looking at student work", "professional learning"],
    grades: [9, 12],
    tags: ["protocols", "student work", "critical friends", "tuning protocol"],
    license: "CC-BY-4.0",
    url: "https://example.org/federal-hocking/student-work-protocols",
    visibility: Visibility.PUBLIC,
  },
  {
    id: DemoResources.clusterLiteracyProtocol,
    title: "Analyzing student work for literacy: cluster protocol",
    summary:
      "How the six schools of the Goldman Sachs cluster analyzed student writing together on city-wide professional development " +
      "days and in afternoon and evening gatherings, with the cluster's journey-map getting-started activity.",
    kind: ResourceKind.PROTOCOL,
    owner: NETWORK(DemoNetworks.nycCluster),
    coDevelopers: [DemoSchools.middleCollege, DemoSchools.landmark, DemoSchools.brooklynCollegeAcademy, DemoSchools.eastBrooklynCongregations, DemoSchools.fannieLouHamer, DemoSchools.wagner],
    networks: [DemoNetworks.nycCluster],
    subjects: ["literacy", "looking at student work"],
    grades: [9, 12],
    tags: ["protocols", "student work", "literacy", "writing"],
    license: "CC-BY-NC-4.0",
    url: "https://example.org/ncrest/cluster-literacy-protocol",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.criticalFriendsReview,
    title: "Five-day critical friends school review",
    summary:
      "The capstone of the cluster: representatives of each school immerse themselves in the life of a host school for five days " +
      "and give observations and feedback on its progress toward high standards of literacy and its other goals.",
    kind: ResourceKind.PROTOCOL,
    owner: NETWORK(DemoNetworks.nycCluster),
    coDevelopers: [DemoSchools.middleCollege, DemoSchools.fannieLouHamer],
    networks: [DemoNetworks.nycCluster, DemoNetworks.nycSchoolLeaders],
    subjects: ["peer review", "school improvement"],
    grades: [9, 12],
    tags: ["critical friends", "school review", "peer review", "collective accountability"],
    license: "CC-BY-NC-4.0",
    url: "https://example.org/ncrest/critical-friends-review",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.visitFramingProtocol,
    title: "Framing a school visit: questions, roundtables and narrated records",
    summary:
      "Before visiting, frame what you are looking for; ask the host staff to build in roundtable discussions and to examine some " +
      "of their dilemmas in front of you; narrate everything, clean up the records and send them back as a reflection.",
    kind: ResourceKind.PROTOCOL,
    owner: SCHOOL(DemoSchools.northStar, DemoNetworks.cesMentorSchools),
    coDevelopers: [DemoSchools.quest],
    networks: [DemoNetworks.cesMentorSchools],
    subjects: ["school visits", "critical friends"],
    grades: [9, 12],
    tags: ["protocols", "school visits", "roundtables", "critical friends"],
    license: "CC-BY-4.0",
    url: null,
    visibility: Visibility.PUBLIC,
  },
  {
    id: DemoResources.questSeniorExhibitions,
    title: "Senior exhibitions (senior exploratories) guide",
    summary:
      "How Quest High School's seniors plan, research and present a senior exploratory to a panel: timelines, advisor roles, " +
      "rubrics and community reviewers. The foundation of North Star Academy's senior exhibitions.",
    kind: ResourceKind.GUIDE,
    owner: SCHOOL(DemoSchools.quest, DemoNetworks.cesMentorSchools),
    networks: [DemoNetworks.cesMentorSchools, DemoNetworks.houstonBeaconSchools],
    subjects: ["performance-based assessment", "senior project"],
    grades: [11, 12],
    tags: ["senior exhibitions", "senior exploratories", "performance-based assessment", "rubrics"],
    license: "CC-BY-NC-SA-4.0",
    url: "https://example.org/quest/senior-exploratories",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.questInterdisciplinary,
    title: "Interdisciplinary curriculum units",
    summary:
      "Team-taught units that cross the single disciplines high school teachers are trained in, with planning templates for " +
      "teacher teams; shared with North Star Academy during their mentor partnership.",
    kind: ResourceKind.CURRICULUM,
    owner: SCHOOL(DemoSchools.quest, DemoNetworks.cesMentorSchools),
    networks: [DemoNetworks.cesMentorSchools],
    subjects: ["interdisciplinary", "humanities", "science"],
    grades: [9, 12],
    tags: ["interdisciplinary curriculum", "team teaching"],
    license: "CC-BY-NC-SA-4.0",
    url: "https://example.org/quest/interdisciplinary-units",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.questSmallLearningCommunities,
    title: "Designing a high school around small learning communities",
    summary:
      "Quest's guidance for human-scale schooling, used to create a new high school in Humble structured around small learning " +
      "communities: relentless follow-up and support until the practice is part of the culture.",
    kind: ResourceKind.GUIDE,
    owner: SCHOOL(DemoSchools.quest, DemoNetworks.houstonBeaconSchools),
    networks: [DemoNetworks.houstonBeaconSchools],
    subjects: ["school design", "personalization"],
    grades: [9, 12],
    tags: ["small learning communities", "human-scale schooling", "student-centered learning"],
    license: "CC-BY-NC-4.0",
    url: null,
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.consortiumPerformanceTasks,
    title: "Performance-based assessment tasks and rubrics",
    summary:
      "The Consortium's performance-based assessment tasks (analytic literary essay, social studies research paper, extended " +
      "science experiment, applied mathematics) with common rubrics and external evaluators, as a valid alternative to the " +
      "Regents exams.",
    kind: ResourceKind.CURRICULUM,
    owner: NETWORK(DemoNetworks.performanceStandardsConsortium),
    coDevelopers: [DemoSchools.urbanAcademy, DemoSchools.humanitiesPrep, DemoSchools.beacon, DemoSchools.fannieLouHamer],
    networks: [DemoNetworks.performanceStandardsConsortium],
    subjects: ["performance-based assessment", "english", "social studies", "science", "mathematics"],
    grades: [9, 12],
    tags: ["performance-based assessment", "rubrics", "performance tasks", "regents alternative"],
    license: "CC-BY-NC-SA-4.0",
    url: "https://example.org/consortium/performance-tasks",
    visibility: Visibility.PUBLIC,
  },
  {
    id: DemoResources.consortiumModeration,
    title: "Moderation of student work: scoring together across schools",
    summary: "How Consortium teachers moderate the scoring of performance assessments across schools so that standards stay common.",
    kind: ResourceKind.PROTOCOL,
    owner: NETWORK(DemoNetworks.performanceStandardsConsortium),
    coDevelopers: [DemoSchools.urbanAcademy],
    networks: [DemoNetworks.performanceStandardsConsortium],
    subjects: ["performance-based assessment", "looking at student work"],
    grades: [9, 12],
    tags: ["moderation", "student work", "performance-based assessment", "calibration"],
    license: "CC-BY-NC-SA-4.0",
    url: null,
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.cprlLiteratureReview,
    title: "Networks for School Improvement: A Review of the Literature",
    summary:
      "CPRL's critical review of 34 studies of 25 education networks (2018): successful networks rest on relational trust and use " +
      "accessible, timely evidence from early outcomes; rigid rules and strict accountability are barriers; time is critical.",
    kind: ResourceKind.EVIDENCE,
    owner: NETWORK(DemoNetworks.graduationImprovement),
    networks: [DemoNetworks.graduationImprovement],
    subjects: ["improvement networks", "research"],
    grades: [9, 12],
    tags: ["literature review", "relational trust", "continuous improvement", "evidence"],
    license: "All rights reserved; free to read",
    url: "https://example.org/cprl/nsi-literature-review",
    visibility: Visibility.PUBLIC,
  },
  {
    id: DemoResources.nsiOnTrackData,
    title: "On-track to graduation dashboard: early outcomes",
    summary:
      "Ninth-grade on-track, attendance and course-passing indicators updated every marking period so network teams can study " +
      "their Plan-Do-Study-Act cycles against early outcomes.",
    kind: ResourceKind.DATASET,
    owner: NETWORK(DemoNetworks.graduationImprovement),
    coDevelopers: [DemoSchools.eastBrooklynCongregations, DemoSchools.brooklynCollegeAcademy],
    networks: [DemoNetworks.graduationImprovement],
    subjects: ["continuous improvement", "data"],
    grades: [9, 12],
    tags: ["on-track", "early outcomes", "dashboard", "improvement science"],
    license: "Network members only",
    url: null,
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.cebeBenchmarking,
    title: "Strategic Networking: learning by verification and benchmarking toolkit",
    summary:
      "Tools for schools to verify and benchmark their performance, practice and policies with other network schools, and to " +
      "plan joint practice development that improves a practice rather than just moving it.",
    kind: ResourceKind.CLASSROOM_TOOL,
    owner: NETWORK(DemoNetworks.cebeStrategicNetworking),
    // CEBE proposes to credit CEI-PEA's network, which piloted the toolkit; CEI-PEA has not answered yet
    proposedCoDeveloperNetworks: [DemoNetworks.nycSchoolLeaders],
    networks: [DemoNetworks.cebeStrategicNetworking],
    subjects: ["school improvement", "benchmarking"],
    tags: ["joint practice development", "benchmarking", "learning by verification", "exposure gap"],
    license: "By agreement with CEBE",
    url: "https://example.org/cebe/benchmarking",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.cesNorthwestSeminars,
    title: "Monthly networking seminars for Portland-area schools",
    summary: "CES Northwest's ongoing support: monthly seminars where restructuring schools keep their connections strong and support schools new to restructuring.",
    kind: ResourceKind.TECHNICAL_ASSISTANCE,
    owner: NETWORK(DemoNetworks.cesNorthwestPortland),
    networks: [DemoNetworks.cesNorthwestPortland],
    subjects: ["school restructuring"],
    grades: [6, 12],
    tags: ["networking seminars", "regional capacity", "school restructuring"],
    license: null,
    url: null,
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.educationNorthwestServices,
    title: "Design, convene and evaluate: support for school improvement networks",
    summary:
      "Education Northwest's continuum of services: thought partner and data partner for nascent networks, coach and backbone " +
      "organization for existing ones, and formative and summative evaluation.",
    kind: ResourceKind.TECHNICAL_ASSISTANCE,
    owner: NETWORK(DemoNetworks.nwRise),
    networks: [DemoNetworks.nwRise],
    subjects: ["improvement networks", "evaluation"],
    tags: ["network design", "facilitation", "evaluation", "backbone organization"],
    license: null,
    url: "https://example.org/education-northwest/networks",
    visibility: Visibility.PUBLIC,
  },
  /*
   * Joint practice development (seed 002): "the practice is being improved, not just moved". Federal Hocking's
   * protocols, adapted across CEBE's international network: Northfield Park's version for visits between schools
   * (then adapted again in Espoo, where seed 002 places the Aquarium Project), and Prairie Ridge's private pilot
   * notes (Alberta, seed 002's Alberta School Improvement Initiative), which Federal Hocking sees as the original's owner.
   */
  {
    id: DemoResources.northfieldJointPracticeProtocol,
    title: "Looking at student work across schools: a joint practice development protocol",
    summary:
      "Federal Hocking's tuning protocol reworked for teachers of two schools working on the same practice: each school brings work " +
      "from a lesson both taught, the visiting teachers tune it, and both schools agree on one change to try and to verify together.",
    kind: ResourceKind.PROTOCOL,
    owner: SCHOOL(school("northfield-park-academy"), DemoNetworks.cebeStrategicNetworking),
    adaptedFrom: DemoResources.studentWorkProtocol,
    coDevelopers: [school("prairie-ridge-high")],
    coDeveloperNetworks: [DemoNetworks.cebeStrategicNetworking],
    // the original's authors are asked whether they want to be credited too
    proposedCoDevelopers: [DemoSchools.federalHocking],
    networks: [DemoNetworks.cebeStrategicNetworking],
    subjects: ["looking at student work", "professional learning"],
    grades: [6, 12],
    tags: ["joint practice development", "protocols", "student work", "learning by verification"],
    license: "CC-BY-4.0",
    url: "https://example.org/northfield-park/joint-practice-protocol",
    visibility: Visibility.ALLIANCE,
  },
  {
    id: DemoResources.aurinkorinnePhenomenonProtocol,
    title: "Student work protocol for phenomenon-based learning teams",
    summary:
      "Northfield Park's joint practice development protocol, adapted for cross-subject teacher teams: the work looked at comes from a " +
      "phenomenon-based project, and students present their own work before the teachers tune it.",
    kind: ResourceKind.PROTOCOL,
    owner: SCHOOL(school("aurinkorinne-upper-secondary"), DemoNetworks.cebeStrategicNetworking),
    adaptedFrom: DemoResources.northfieldJointPracticeProtocol,
    networks: [DemoNetworks.cebeStrategicNetworking],
    subjects: ["looking at student work", "interdisciplinary"],
    grades: [10, 12],
    tags: ["joint practice development", "protocols", "phenomenon-based learning"],
    license: "CC-BY-4.0",
    url: null,
    visibility: Visibility.NETWORK,
  },
  {
    id: DemoResources.prairieRidgePilotNotes,
    title: "Grade 10 teams looking at student work: pilot notes",
    summary:
      "Prairie Ridge's notes from piloting Federal Hocking's protocols in grade 10 teams: shorter rounds, a student work sample per " +
      "team each month, and what the teams want to verify with their partner schools next.",
    kind: ResourceKind.EVIDENCE,
    owner: SCHOOL(school("prairie-ridge-high"), DemoNetworks.cebeStrategicNetworking),
    adaptedFrom: DemoResources.studentWorkProtocol,
    networks: [DemoNetworks.cebeStrategicNetworking],
    subjects: ["looking at student work"],
    grades: [10, 10],
    tags: ["pilot", "protocols", "student work"],
    license: "Internal to Prairie Ridge High School",
    url: null,
    visibility: Visibility.PRIVATE,
  },
];

/** Notes of the adaptations above: every one is invented after seed 002's joint practice development. */
const ADAPTATION_NOTE =
  "Invented after seed 002 (CEBE's Strategic Networking): joint practice development improves a practice rather than just moving it. " +
  "Titles, schools' versions, credits and visibility are illustrative.";

function resources(): ResourceDocument[] {
  const owners = new Map(RESOURCES.map((spec) => [spec.id, spec.owner]));
  return RESOURCES.map((spec) => {
    // the owning network first, as publishResource stores it
    const networkIds = new Set([spec.owner.networkId, ...spec.networks]);
    const originalOwner = spec.adaptedFrom ? owners.get(spec.adaptedFrom) : null;
    if (spec.adaptedFrom && !originalOwner) throw new Error(`${spec.title} adapts an unknown resource`);
    return {
      _id: spec.id,
      title: spec.title,
      summary: spec.summary,
      kind: spec.kind,
      owner: spec.owner,
      coDeveloperSchoolIds: spec.coDevelopers ?? [],
      coDeveloperNetworkIds: spec.coDeveloperNetworks ?? [],
      proposedCoDeveloperSchoolIds: spec.proposedCoDevelopers ?? [],
      proposedCoDeveloperNetworkIds: spec.proposedCoDeveloperNetworks ?? [],
      adaptedFromId: spec.adaptedFrom ?? null,
      adaptedFromOwner: originalOwner ? { networkId: originalOwner.networkId, schoolId: originalOwner.schoolId ?? null } : null,
      networkIds: [...networkIds],
      subjects: normalizeTerms(spec.subjects),
      lowestGrade: spec.grades?.[0] ?? -1,
      highestGrade: spec.grades?.[1] ?? 12,
      tags: normalizeTerms(spec.tags),
      license: spec.license ?? null,
      url: spec.url ?? null,
      visibility: spec.visibility,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      archivedAt: null,
    };
  });
}

/** [resource, adopting school, adopted on, how it adapted it] */
const ADOPTIONS: Array<[string, string, string, string]> = [
  [
    DemoResources.parkerAdvisoryGuide,
    DemoSchools.leominster,
    "2003-10-15",
    "Started with a day-long in-service for the entire faculty facilitated by ten Parker teachers; advisory groups adapted to a " +
      "1,800-student comprehensive high school, piloted in grade 9 first, with ongoing exchanges and visits.",
  ],
  [
    DemoResources.parkerAdvisoryGuide,
    school("blackstone-river-essential"),
    "2004-09-08",
    "Advisories folded into the daily schedule; adapted the activities for mixed-grade advisory groups.",
  ],
  [
    DemoResources.consortiumPerformanceTasks,
    DemoSchools.leominster,
    "2005-01-20",
    "One of the multiple measures of assessment Leominster sought: two tasks adopted alongside the state tests, scored with the " +
      "Consortium rubrics by Leominster and Parker teachers together.",
  ],
  [
    DemoResources.consortiumPerformanceTasks,
    DemoSchools.fenway,
    "2006-09-12",
    "Rubrics adapted to Fenway's habits of mind and used for its senior portfolios.",
  ],
  [
    DemoResources.questSeniorExhibitions,
    DemoSchools.northStar,
    "2001-09-04",
    "The foundation of North Star's senior exhibitions (\"senior exploratories\", the term both schools use), adapted to a small " +
      "rural community with local reviewers and a shorter research period.",
  ],
  [
    DemoResources.questInterdisciplinary,
    DemoSchools.northStar,
    "2001-01-15",
    "Adapted for a faculty trained in single disciplines: one interdisciplinary unit per semester, planned during visits to Quest.",
  ],
  [
    DemoResources.questSmallLearningCommunities,
    school("humble-ridge-high"),
    "2002-08-15",
    "Structured the new Humble high school around small learning communities, with Quest's faculty following up relentlessly.",
  ],
  [
    DemoResources.studentWorkProtocol,
    DemoSchools.merloStation,
    "2002-02-11",
    "Used in monthly CES Northwest seminars with Portland-area schools before adopting it in Merlo Station's own team meetings.",
  ],
  [
    DemoResources.studentWorkProtocol,
    DemoSchools.fenway,
    "2003-03-03",
    "Shortened to a 45-minute tuning protocol that fits Fenway's common planning time.",
  ],
  [
    DemoResources.criticalFriendsReview,
    DemoSchools.humanitiesPrep,
    "2005-04-18",
    "Adapted to a three-day review hosted for new small schools of the New Visions network.",
  ],
  [
    DemoResources.nwRiseAppliedLearning,
    school("kuskokwim-river-school"),
    "2019-09-03",
    "Units rewritten around subsistence, fisheries and village industries, with elders as community experts.",
  ],
  [
    DemoResources.afterSchoolInKind,
    school("ps-512-crotona-park-community"),
    "2015-09-14",
    "Tutoring and arts programs on site four afternoons a week.",
  ],
  [
    DemoResources.afterSchoolInKind,
    school("ms-538-crotona-middle-inquiry"),
    "2015-09-14",
    "Sports and homework help, timed with the high school's programs so siblings can stay together.",
  ],
  [
    DemoResources.northfieldJointPracticeProtocol,
    school("aurinkorinne-upper-secondary"),
    "2014-02-10",
    "Translated into Finnish and tried in cross-subject teams first; our adapted version for phenomenon-based learning is published for the network.",
  ],
  [
    DemoResources.cprlLiteratureReview,
    DemoSchools.eastBrooklynCongregations,
    "2019-10-01",
    "Read by the school's improvement team to design its first Plan-Do-Study-Act cycles around timely early-outcome evidence.",
  ],
];

function adoptions(docsByResource: Map<string, ResourceDocument>): AdoptionDocument[] {
  return ADOPTIONS.map(([resourceId, schoolId, adoptedOn, adaptationNote]) => {
    const resource = docsByResource.get(resourceId);
    if (!resource) throw new Error(`An adoption names an unknown resource ${resourceId}`);
    return {
      _id: demoId(`adoption:${resourceId}:${schoolId}`),
      resourceId,
      schoolId,
      adaptationNote,
      adoptedOn,
      ...sharingOf(resource),
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    };
  });
}

interface ShareRequestSpec {
  slug: string;
  resourceId: string;
  schoolId: string;
  message: string;
  /** The status reached on each date, starting with REQUESTED. */
  steps: Array<[ShareRequestStatus, string, string | null]>;
}

const SHARE_REQUESTS: ShareRequestSpec[] = [
  {
    slug: "leominster-parker-visitation",
    resourceId: DemoResources.parkerTeachersCenter,
    schoolId: DemoSchools.leominster,
    message: "A visitation day for our advisory planning team, then workshops on performance-based assessment.",
    steps: [
      [ShareRequestStatus.REQUESTED, "2003-08-20", null],
      [ShareRequestStatus.APPROVED, "2003-08-28", "Visitation day set for October; workshops to follow through the year."],
      [ShareRequestStatus.FULFILLED, "2003-10-10", "Visitation day held; twelve Leominster teachers attended."],
    ],
  },
  {
    slug: "hudson-valley-performance-tasks",
    resourceId: DemoResources.consortiumPerformanceTasks,
    schoolId: school("hudson-valley-essential"),
    message: "We would like to pilot the science and social studies tasks with our juniors this spring.",
    steps: [[ShareRequestStatus.REQUESTED, "2024-08-26", null]],
  },
  {
    slug: "third-ward-senior-exhibitions",
    resourceId: DemoResources.questSeniorExhibitions,
    schoolId: school("third-ward-community-high"),
    message: "Could Quest coach our senior advisors through their first exhibitions?",
    steps: [
      [ShareRequestStatus.REQUESTED, "2001-09-10", null],
      [ShareRequestStatus.DECLINED, "2001-09-24", "Our coaching stays focused on schools in our own district; the guide itself is yours to use."],
    ],
  },
  {
    slug: "chugach-shared-counselor",
    resourceId: DemoResources.sharedCounselors,
    schoolId: school("chugach-coast-school"),
    message: "Two remote counseling days a month for our 38 students.",
    steps: [
      [ShareRequestStatus.REQUESTED, "2024-05-06", null],
      [ShareRequestStatus.APPROVED, "2024-05-20", "Remote sessions from September; one visit per semester."],
    ],
  },
];

function shareRequests(docsByResource: Map<string, ResourceDocument>): ShareRequestDocument[] {
  return SHARE_REQUESTS.map((spec) => {
    const resource = docsByResource.get(spec.resourceId);
    if (!resource) throw new Error(`Share request ${spec.slug} names an unknown resource`);
    // the request's own message is the note of its first step, as requestResource records it
    const history = spec.steps.map(([status, on, note], i) => ({ status, at: new Date(`${on}T12:00:00.000Z`), note: i === 0 ? spec.message : note }));
    const status = spec.steps.at(-1)![0];
    const doc: ShareRequestDocument = {
      _id: demoId(`share-request:${spec.slug}`),
      resourceId: spec.resourceId,
      requesterSchoolId: spec.schoolId,
      ...shareRequestSharing(resource),
      message: spec.message,
      status,
      requestedOn: spec.steps[0][1],
      history,
      createdAt: history[0].at,
      updatedAt: history.at(-1)!.at,
    };
    if (status === ShareRequestStatus.REQUESTED || status === ShareRequestStatus.APPROVED) {
      doc.openKey = openShareRequestKey(spec.resourceId, spec.schoolId);
    }
    return doc;
  });
}

interface AwardSpec {
  slug: string;
  networkId: string;
  funder: string;
  funderOrganizationId?: string;
  kind: FundingKind;
  /** US dollars. */
  amount: number;
  period: [string, string | null];
  purpose: string;
  visibility: Visibility;
}

/**
 * CEI-PEA's networks secured "private funding and government grants in excess of $24 million" (seed 000): the
 * split into the five grants below is illustrative (they add up to $24.5 million); the in-kind after-school
 * programs are "more than $1 million a year". The other networks' amounts are illustrative too, and so is the
 * CES national office's in-kind award. Grants from public bodies and the big foundations are PUBLIC; the rest is
 * for the network's members (NETWORK), its allies (ALLIANCE) or its managers (PRIVATE).
 */
const AWARDS: AwardSpec[] = [
  {
    slug: "cei-pea-us-doe-leadership",
    networkId: DemoNetworks.nycSchoolLeaders,
    funder: "U.S. Department of Education",
    kind: FundingKind.GOVERNMENT_GRANT,
    amount: 7_500_000,
    period: ["2010-10-01", "2015-09-30"],
    purpose: "Leadership development and direct technical assistance for the school leaders of the network.",
    visibility: Visibility.PUBLIC,
  },
  {
    slug: "cei-pea-nysed-after-school",
    networkId: DemoNetworks.nycSchoolLeaders,
    funder: "New York State Education Department",
    kind: FundingKind.GOVERNMENT_GRANT,
    amount: 5_200_000,
    period: ["2012-07-01", "2017-06-30"],
    purpose: "Extended learning time and after-school programs in network elementary and middle schools.",
    visibility: Visibility.PUBLIC,
  },
  {
    slug: "cei-pea-private-literacy-technology",
    networkId: DemoNetworks.nycSchoolLeaders,
    funder: "Private foundations and corporate partners",
    kind: FundingKind.PRIVATE_GRANT,
    amount: 3_300_000,
    period: ["2015-01-01", "2019-12-31"],
    purpose: "Collaborative professional development on new literacy approaches and technology integration in classrooms.",
    visibility: Visibility.PRIVATE,
  },
  {
    slug: "cei-pea-city-continuity",
    networkId: DemoNetworks.nycSchoolLeaders,
    funder: "New York City Department of Education",
    kind: FundingKind.GOVERNMENT_GRANT,
    amount: 2_500_000,
    period: ["2016-09-01", "2020-08-31"],
    purpose: "Educational continuity: aligning matriculation between elementary, middle and high schools of the network.",
    visibility: Visibility.NETWORK,
  },
  {
    slug: "gates-nsi-graduation",
    networkId: DemoNetworks.graduationImprovement,
    funder: "Bill & Melinda Gates Foundation",
    funderOrganizationId: DemoOrganizations.gatesFoundation,
    kind: FundingKind.PRIVATE_GRANT,
    amount: 6_000_000,
    period: ["2019-09-01", "2024-08-31"],
    purpose: "Network for School Improvement: continuous improvement toward high school graduation and postsecondary success.",
    visibility: Visibility.PUBLIC,
  },
  {
    slug: "cei-pea-after-school-in-kind-2023",
    networkId: DemoNetworks.nycSchoolLeaders,
    funder: "Community-based after-school partners",
    kind: FundingKind.IN_KIND,
    amount: 1_050_000,
    period: ["2023-09-01", "2024-06-30"],
    purpose: "In-kind after-school programs leveraged through network affiliations (estimated value for the school year).",
    visibility: Visibility.NETWORK,
  },
  {
    slug: "cei-pea-after-school-in-kind-2024",
    networkId: DemoNetworks.nycSchoolLeaders,
    funder: "Community-based after-school partners",
    kind: FundingKind.IN_KIND,
    amount: 1_120_000,
    period: ["2024-09-01", "2025-06-30"],
    purpose: "In-kind after-school programs leveraged through network affiliations (estimated value for the school year).",
    visibility: Visibility.NETWORK,
  },
  {
    slug: "gates-ces-small-schools",
    networkId: DemoNetworks.cesMentorSchools,
    funder: "Bill & Melinda Gates Foundation",
    funderOrganizationId: DemoOrganizations.gatesFoundation,
    kind: FundingKind.PRIVATE_GRANT,
    amount: 4_200_000,
    period: ["2003-09-01", "2008-08-31"],
    purpose: "CES Small Schools Project: twenty mentor schools guiding ten new small high schools and the transformation of five large high schools.",
    visibility: Visibility.PUBLIC,
  },
  {
    slug: "goldman-sachs-institutes",
    networkId: DemoNetworks.nycCluster,
    funder: "Goldman Sachs Foundation",
    kind: FundingKind.PRIVATE_GRANT,
    amount: 1_500_000,
    period: ["2000-09-01", "2003-06-30"],
    purpose: "Institutes for School Redesign, Teaching, & Leadership: inter-school professional development of mentor and newer schools.",
    visibility: Visibility.ALLIANCE,
  },
  {
    slug: "houston-annenberg-beacon",
    networkId: DemoNetworks.houstonBeaconSchools,
    funder: "Houston Annenberg Challenge",
    funderOrganizationId: DemoOrganizations.houstonAPlusChallenge,
    kind: FundingKind.PRIVATE_GRANT,
    amount: 2_000_000,
    period: ["1997-09-01", "2001-08-31"],
    purpose: "Beacon Schools: local collaborations for student-centered, human-scale schools.",
    visibility: Visibility.PUBLIC,
  },
  {
    slug: "ces-national-mentor-release-time",
    networkId: DemoNetworks.cesMentorSchools,
    funder: "Coalition of Essential Schools (national office)",
    funderOrganizationId: DemoOrganizations.cesNational,
    kind: FundingKind.IN_KIND,
    amount: 180_000,
    period: ["2004-09-01", "2005-06-30"],
    purpose: "Release time for mentor-school teachers' visits to their partner schools (estimated value; shared with the network's members only).",
    visibility: Visibility.NETWORK,
  },
];

function fundingAwards(): FundingAwardDocument[] {
  return AWARDS.map((spec) => ({
    _id: demoId(`funding:${spec.slug}`),
    owner: { networkId: spec.networkId, schoolId: null },
    visibility: spec.visibility,
    funder: spec.funder,
    funderOrganizationId: spec.funderOrganizationId ?? null,
    kind: spec.kind,
    amountMinor: Math.round(spec.amount * 100),
    currency: "USD",
    startDate: spec.period[0],
    endDate: spec.period[1],
    purpose: spec.purpose,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }));
}

/** Demo resources, adoptions, share requests and funding awards drawn from the seed documents; idempotent. */
export async function seedResourcesDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  const resourceDocs = resources();
  const provenanceOf = byTitle(SEEDED_TITLES, RESOURCE_NOTE, ["description", "publishedOn", "gradeLevels"]);
  await repos.resources.seed(withProvenance(resourceDocs, (doc) => (doc.adaptedFromId ? illustrative(ADAPTATION_NOTE) : provenanceOf(doc))));
  const docsByResource = new Map(resourceDocs.map((doc) => [doc._id, doc]));
  await repos.adoptions.seed(withProvenance(adoptions(docsByResource), () => illustrative("An invented adoption: which school adopted what, when and how it went.")));
  await repos.shareRequests.seed(withProvenance(shareRequests(docsByResource), () => illustrative("An invented share request, to show the approval flow.")));
  await repos.fundingAwards.seed(withProvenance(fundingAwards(), () => illustrative("Seed 000 reports more than $24 million in grants secured; each award, funder and amount here is invented.")));
}
