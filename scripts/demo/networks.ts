import { createHash } from "node:crypto";
import type { Db } from "mongodb";
import type { AgreementProposalDocument, AllianceDocument, AllianceMemberDocument } from "../../subgraphs/networks/alliance/alliance.repository";
import { ConsentStatus, type ConsentStepDocument } from "../../subgraphs/networks/consent/consent";
import { allianceMemberKey } from "../../subgraphs/networks/alliance/alliance.repository";
import type { EducatorDocument } from "../../subgraphs/networks/educator/educator.repository";
import {
  AllianceScope,
  EducatorRole,
  Governance,
  Locale,
  MembershipRole,
  MembershipSide,
  NetworkingStrategy,
  NetworkScope,
  OrganizationKind,
  SchoolLevel,
  SharedDataKind,
} from "../../subgraphs/networks/enums";
import type { MembershipDocument } from "../../subgraphs/networks/membership/membership.repository";
import { openKey } from "../../subgraphs/networks/membership/membership.repository";
import type { NetworkDocument } from "../../subgraphs/networks/network/network.repository";
import type { OrganizationDocument } from "../../subgraphs/networks/organization/organization.repository";
import type { PathwayDocument } from "../../subgraphs/networks/pathway/pathway.repository";
import { createRepositories } from "../../subgraphs/networks/repositories";
import type { SchoolDocument } from "../../subgraphs/networks/school/school.repository";
import { illustrative } from "../../subgraphs/kit/provenance";
import { DemoAlliances, DemoConsent, DemoEducators, DemoNetworks, DemoOrganizations, DemoSchools, demoId } from "./ids";
import { withProvenance } from "./provenance";
import {
  ALLIANCE_PROVENANCE,
  EDUCATOR_PROVENANCE,
  ILLUSTRATIVE_PATHWAY,
  ILLUSTRATIVE_RELATION,
  ILLUSTRATIVE_SCHOOL,
  membershipProvenance,
  NETWORK_PROVENANCE,
  ORGANIZATION_PROVENANCE,
  SCHOOL_PROVENANCE,
} from "./networks.provenance";

/*
 * Demo data of the networks subgraph, drawn from the seed documents (/work/shared/seeds):
 *
 *  - seed 000: CEI-PEA facilitates networks of 220+ New York City public schools, with educational
 *    continuity (elementary -> middle -> high pathways), leaders helping leaders, pooled resources and
 *    national/international strategic alliances;
 *  - seed 001: the Gates Foundation's Networks for School Improvement (an improvement network with a
 *    measurable aim for Black, Latino and low-income students);
 *  - seed 002: CEBE and Strategic Networking (joint practice development, benchmarking, international);
 *  - seed 003: Education Northwest, NW RISE (rural, job-alike groups, now an applied learning curriculum)
 *    and the five networking strategies;
 *  - seed 004 (Horace): Parker mentoring Leominster (NESSN), North Star and Quest (ended with the CSRD
 *    funding), the Goldman Sachs NYC cluster around Middle College High School, Fenway, Humanities Prep,
 *    Federal Hocking, Merlo Station and CES Northwest, the Houston A+ Challenge Beacon Schools, and the
 *    28-school New York Performance Standards Consortium.
 *
 * Where the seeds are silent the details are plausible inventions: enrollments (except Parker's 365 and
 * Leominster's 1,800), dates, the generated consortium / NW RISE / pathway school names, the districts of
 * those generated schools, and every NCES id (see illustrativeNcesId). Contact data is illustrative
 * (example.org addresses, 555-01xx phone numbers).
 *
 * Every record has a stable id (ids.ts or demoId(...)) and fixed timestamps, and Repository.seed() upserts
 * with $setOnInsert: a second run changes nothing.
 *
 * Consent: the seeds' relations are accepted ones (with no recorded steps, like relations stored before consent
 * existed). One of each kind waits for an answer (DemoConsent): a membership NW RISE proposed to Merlo Station, a
 * membership Humble Ridge asked of the CES mentor schools, the Houston Beacon Schools' request to join the Strategic
 * Networking alliance (accepted by CEBE so far), and CEI-PEA's proposal that the same alliance also share campaigns.
 */

const SEEDED_AT = "2024-09-01T00:00:00.000Z";

function stamps() {
  return { createdAt: new Date(SEEDED_AT), updatedAt: new Date(SEEDED_AT) };
}

/** A consent step taken by a demo person of `organizationId`. */
function step(personId: string, organizationId: string, note: string | null, networkIds: string[] = []): ConsentStepDocument {
  return { status: ConsentStatus.PENDING, at: new Date(SEEDED_AT), actor: { kind: "PERSON", id: personId, organizationId }, networkIds, note };
}

// ---------------------------------------------------------------------------------------------
// Organizations
// ---------------------------------------------------------------------------------------------

function organizations(): OrganizationDocument[] {
  const org = (
    _id: string,
    name: string,
    kind: OrganizationKind,
    description: string,
    location: OrganizationDocument["location"],
    website: string | null = null,
  ): OrganizationDocument => ({ _id, name, kind, description, website, location, ...stamps(), archivedAt: null });

  return [
    org(
      DemoOrganizations.ceiPea,
      "CEI-PEA",
      OrganizationKind.NONPROFIT,
      "Education nonprofit facilitating a series of school networks that include more than 220 New York City public schools, " +
        "extended to the national and international levels through strategic alliances. Has secured more than $24 million in " +
        "private and government grants through its networks and leverages over $1 million a year of in-kind after-school programs.",
      { city: "New York", region: "NY", country: "US" },
      "https://www.thecei-pea.org",
    ),
    org(
      DemoOrganizations.cesNational,
      "Coalition of Essential Schools (CES National)",
      OrganizationKind.COALITION,
      "National coalition of schools working from the CES Common Principles; shares school-based insight through Fall Forums, " +
        "regional centers and the CES National website, and runs the Gates-funded CES Small Schools Project of mentor schools.",
      { city: "Oakland", region: "CA", country: "US" },
      "https://essentialschools.org",
    ),
    org(
      DemoOrganizations.educationNorthwest,
      "Education Northwest",
      OrganizationKind.NONPROFIT,
      "Regional education nonprofit in Portland that designs, convenes and evaluates school improvement networks; supports the " +
        "Northwest Rural Innovation and Student Engagement (NW RISE) Network as its backbone organization.",
      { city: "Portland", region: "OR", country: "US" },
      "https://educationnorthwest.org",
    ),
    org(
      DemoOrganizations.ncrest,
      "National Center for Restructuring Education, Schools, and Teaching (NCREST), Teachers College, Columbia University",
      OrganizationKind.UNIVERSITY,
      "Research center at Teachers College; ran the Goldman Sachs Foundation Institutes for School Redesign, Teaching, & Leadership " +
        "with the National Commission on Teaching & America's Future and the New York City Board of Education.",
      { city: "New York", region: "NY", country: "US" },
    ),
    org(
      DemoOrganizations.houstonAPlusChallenge,
      "Houston A+ Challenge",
      OrganizationKind.NONPROFIT,
      "Houston-area school reform nonprofit (formerly the Houston Annenberg Challenge); sponsored the Beacon Schools project, 1997-2001.",
      { city: "Houston", region: "TX", country: "US" },
    ),
    org(
      DemoOrganizations.performanceStandardsConsortium,
      "New York Performance Standards Consortium",
      OrganizationKind.COALITION,
      "Coalition of twenty-eight schools developing and refining performance-based assessment as a valid alternative to New York " +
        "State's high-stakes Regents exams.",
      { city: "New York", region: "NY", country: "US" },
      "http://www.performanceassessment.org",
    ),
    org(
      DemoOrganizations.gatesFoundation,
      "Bill & Melinda Gates Foundation",
      OrganizationKind.FUNDER,
      "Funder of the CES Small Schools Project (mentor schools for new small high schools) and of the Networks for School " +
        "Improvement (NSI) initiative.",
      { city: "Seattle", region: "WA", country: "US" },
      "https://www.gatesfoundation.org",
    ),
    org(
      DemoOrganizations.cebe,
      "CEBE",
      OrganizationKind.NONPROFIT,
      "Provides the outside assistance essential to Strategic Networking - by schools, with schools, for schools: learning by " +
        "verification, joint practice development and benchmarking across schools three miles or three thousand miles apart.",
      null,
      "http://cebe.us",
    ),
    org(
      DemoOrganizations.cesNorthwest,
      "CES Northwest",
      OrganizationKind.REGIONAL_CENTER,
      "Northwest regional center of the Coalition of Essential Schools; builds regional capacity with ongoing support and monthly " +
        "networking seminars for Portland-area schools.",
      { city: "Portland", region: "OR", country: "US" },
    ),
    org(
      DemoOrganizations.cprl,
      "Center for Public Research and Leadership (CPRL), Columbia University",
      OrganizationKind.UNIVERSITY,
      "Reviewed the research on improvement networks for the Gates Foundation's NSI initiative (2018) and evaluates its initial " +
        "implementation: successful networks rest on relational trust and timely evidence from early outcomes.",
      { city: "New York", region: "NY", country: "US" },
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Networks
// ---------------------------------------------------------------------------------------------

function networks(): NetworkDocument[] {
  interface NetworkSpec {
    _id: string;
    name: string;
    organizationId: string;
    scope: NetworkScope;
    focusAreas: string[];
    description: string;
    aim: string | null;
    primaryStrategy: NetworkingStrategy;
    region: string;
    website?: string | null;
  }
  const network = (spec: NetworkSpec): NetworkDocument => ({ website: null, ...spec, ...stamps(), archivedAt: null });

  return [
    network({
      _id: DemoNetworks.nycSchoolLeaders,
      name: "CEI-PEA School Leaders Network (New York City)",
      organizationId: DemoOrganizations.ceiPea,
      scope: NetworkScope.LOCAL,
      focusAreas: ["educational continuity", "school leadership", "peer review", "literacy", "technology integration", "after-school programs"],
      description:
        "School leaders of elementary, middle and high schools meet to share ideas, conduct peer reviews and mentor one another, " +
        "align matriculation between schools, pool resources and in-kind after-school programs, and advocate together for supportive policies.",
      aim: null,
      primaryStrategy: NetworkingStrategy.SHARE_RESOURCES,
      region: "New York City, NY",
    }),
    network({
      _id: DemoNetworks.nycCluster,
      name: "Goldman Sachs Institutes New York City Cluster",
      organizationId: DemoOrganizations.ncrest,
      scope: NetworkScope.LOCAL,
      focusAreas: ["literacy", "looking at student work", "critical friends review", "school leadership"],
      description:
        "One of the clusters of the Goldman Sachs Foundation Institutes for School Redesign, Teaching, & Leadership: an apprenticeship " +
        "model in which newer schools learn from and with a mentor school. The six schools chose literacy as their focus, analyzed " +
        "student work together and closed with a five-day critical friends review of Fannie Lou Hamer Freedom High School. Its " +
        "school leaders still meet after the project's end.",
      aim: null,
      primaryStrategy: NetworkingStrategy.STRENGTHEN_PROFESSIONAL_PRACTICE,
      region: "New York City, NY",
    }),
    network({
      _id: DemoNetworks.cesMentorSchools,
      name: "CES Mentor Schools Network",
      organizationId: DemoOrganizations.cesNational,
      scope: NetworkScope.NATIONAL,
      focusAreas: ["mentor schools", "advisories", "senior exhibitions", "interdisciplinary curriculum", "performance-based assessment", "new small schools"],
      description:
        "Established Coalition schools mentoring new and restructuring schools over years, with mutual learning rather than " +
        "transmission. Home of the CES Small Schools Project funded by the Bill & Melinda Gates Foundation.",
      aim: "Twenty outstanding CES schools serve as mentor schools, guiding the creation of ten new small high schools and the transformation of five large high schools into smaller units.",
      primaryStrategy: NetworkingStrategy.STRENGTHEN_PROFESSIONAL_PRACTICE,
      region: "United States",
      website: "https://essentialschools.org",
    }),
    network({
      _id: DemoNetworks.newEnglandSmallSchools,
      name: "New England Small Schools Network (NESSN)",
      organizationId: DemoOrganizations.cesNational,
      scope: NetworkScope.REGIONAL,
      focusAreas: ["advisories", "performance-based assessment", "small learning communities", "student-centered schools"],
      description:
        "Regional network of small and restructuring schools in New England; its summer institute workshops on advisories and " +
        "performance-based assessment brought Parker and Leominster together in 2003.",
      aim: null,
      primaryStrategy: NetworkingStrategy.STRENGTHEN_PROFESSIONAL_PRACTICE,
      region: "New England",
    }),
    network({
      _id: DemoNetworks.performanceStandardsConsortium,
      name: "New York Performance Standards Consortium",
      organizationId: DemoOrganizations.performanceStandardsConsortium,
      scope: NetworkScope.REGIONAL,
      focusAreas: ["performance-based assessment", "assessment policy", "moderation of student work", "inquiry-based curriculum"],
      description:
        "A network of twenty-eight schools brought together by common purpose. \"The key to collaboration is to share an agenda\" " +
        "(Ann Cook, Urban Academy).",
      aim: "Develop and refine systems of performance-based assessment that New York State accepts as valid alternatives to the high-stakes Regents exams.",
      primaryStrategy: NetworkingStrategy.CO_DEVELOP_TOOLS,
      region: "New York State",
      website: "http://www.performanceassessment.org",
    }),
    network({
      _id: DemoNetworks.nwRise,
      name: "Northwest Rural Innovation and Student Engagement Network (NW RISE)",
      organizationId: DemoOrganizations.educationNorthwest,
      scope: NetworkScope.REGIONAL,
      focusAreas: ["rural student engagement", "rural education", "job-alike groups", "applied learning", "career exploration"],
      description:
        "Convenes teachers and leaders from some of the Northwest's most isolated and remote communities. First driven by " +
        "strengthening professional practice in job-alike groups; now co-developing a networkwide applied learning curriculum " +
        "and working across districts to connect students with local industry and community.",
      aim: "Reduce the isolation of rural educators and improve rural student engagement and achievement.",
      primaryStrategy: NetworkingStrategy.CO_DEVELOP_TOOLS,
      region: "Pacific Northwest (WA, OR, ID, MT, AK)",
    }),
    network({
      _id: DemoNetworks.houstonBeaconSchools,
      name: "Houston A+ Challenge Beacon Schools",
      organizationId: DemoOrganizations.houstonAPlusChallenge,
      scope: NetworkScope.LOCAL,
      focusAreas: ["student-centered learning", "small learning communities", "human-scale schooling"],
      description:
        "Houston-area Beacon Schools project (funded 1997-2001): Beacon schools help district colleagues build student-centered, " +
        "human-scale schools, with relentless local follow-up; its schools keep working together within their districts.",
      aim: null,
      primaryStrategy: NetworkingStrategy.STRENGTHEN_PROFESSIONAL_PRACTICE,
      region: "Greater Houston, TX",
    }),
    network({
      _id: DemoNetworks.graduationImprovement,
      name: "NSI Graduation and Postsecondary Success Network (New York City)",
      organizationId: DemoOrganizations.ceiPea,
      scope: NetworkScope.LOCAL,
      focusAreas: ["continuous improvement", "on-track to graduation", "ninth-grade transition", "postsecondary enrollment"],
      description:
        "A Network for School Improvement funded by the Bill & Melinda Gates Foundation: secondary school teams work with an " +
        "intermediary to identify, test and refine solutions in Plan-Do-Study-Act cycles toward an aim common across the network.",
      // The baseline and target figures are illustrative.
      aim:
        "By June 2027, raise the share of Black, Latino and low-income students in network schools who earn a high school diploma " +
        "in four years from 71% to 85%, who enroll in a postsecondary institution the fall after graduating from 52% to 65%, and " +
        "who are on track in their first postsecondary year to earn a credential with labor-market value from 38% to 50%.",
      primaryStrategy: NetworkingStrategy.LEARN_TO_IMPROVE,
      region: "New York City, NY",
    }),
    network({
      _id: DemoNetworks.cesNorthwestPortland,
      name: "CES Northwest Portland-Area Schools",
      organizationId: DemoOrganizations.cesNorthwest,
      scope: NetworkScope.REGIONAL,
      focusAreas: ["school restructuring", "CES Common Principles", "networking seminars", "regional capacity"],
      description:
        "Portland-area Essential schools kept connected through monthly networking seminars; they support each other and schools " +
        "new to restructuring - \"a very resilient group\" through Oregon's 2002-2003 budget crisis.",
      aim: null,
      primaryStrategy: NetworkingStrategy.STRENGTHEN_PROFESSIONAL_PRACTICE,
      region: "Portland, OR metro area",
    }),
    network({
      _id: DemoNetworks.cebeStrategicNetworking,
      name: "CEBE Strategic Networking Schools",
      organizationId: DemoOrganizations.cebe,
      scope: NetworkScope.INTERNATIONAL,
      focusAreas: ["joint practice development", "benchmarking", "learning by verification", "distributed leadership"],
      description:
        "Schools in several countries verifying and benchmarking their performance, practice and policies with each other and " +
        "closing the \"exposure gap\" through joint practice development.",
      aim: null,
      primaryStrategy: NetworkingStrategy.GENERATE_AND_USE_EVIDENCE,
      region: "United States, England, Canada, Finland",
      website: "http://cebe.us",
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Schools
// ---------------------------------------------------------------------------------------------

/** US state FIPS codes, the first two digits of a real NCES school id. */
const STATE_FIPS: Record<string, string> = {
  AK: "02", ID: "16", MA: "25", MI: "26", MT: "30", NY: "36", OH: "39", OR: "41", RI: "44", TX: "48", WA: "53",
};

/**
 * ILLUSTRATIVE NCES ids: shaped like the real 12-digit id (2-digit state FIPS + 5-digit agency + 5-digit
 * school) but made up - an agency code "99…" derived from the school's slug - so they are stable per school
 * and do not claim to be any real school's id. Uniqueness is checked in buildSchools().
 */
function illustrativeNcesId(region: string, slug: string): string {
  const fips = STATE_FIPS[region];
  if (!fips) throw new Error(`No FIPS code for ${region}`);
  const digits = BigInt(`0x${createHash("sha1").update(`nces:${slug}`).digest("hex").slice(0, 15)}`) % 100_000_000n;
  return `${fips}99${digits.toString().padStart(8, "0")}`;
}

interface SchoolSpec {
  slug: string;
  /** Defaults to demoId(`school:${slug}`); set for the ids of ids.ts. */
  id?: string;
  name: string;
  level: SchoolLevel;
  grades: [number, number];
  locale: Locale;
  city: string;
  region: string;
  country?: string;
  enrollment: number;
  governance?: Governance;
  district: string | null;
}

const NYC_DOE = "New York City Department of Education";

/** Schools named in the seeds (ids.ts); enrollments other than Parker's and Leominster's are plausible. */
const NAMED_SCHOOLS: SchoolSpec[] = [
  { slug: "francis-w-parker-charter-essential", id: DemoSchools.parker, name: "Francis W. Parker Charter Essential School", level: SchoolLevel.SECONDARY, grades: [7, 12], locale: Locale.RURAL, city: "Devens", region: "MA", enrollment: 365, governance: Governance.CHARTER, district: null },
  { slug: "leominster-high", id: DemoSchools.leominster, name: "Leominster High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.SUBURB, city: "Leominster", region: "MA", enrollment: 1800, district: "Leominster Public Schools" },
  // Governance is a plausible guess (a Michigan "academy"); the seeds only say it is rural and isolated.
  { slug: "north-star-academy", id: DemoSchools.northStar, name: "North Star Academy", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.RURAL, city: "Ishpeming", region: "MI", enrollment: 140, governance: Governance.CHARTER, district: null },
  { slug: "quest-high", id: DemoSchools.quest, name: "Quest High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.SUBURB, city: "Humble", region: "TX", enrollment: 260, district: "Humble Independent School District" },
  { slug: "middle-college-high-laguardia", id: DemoSchools.middleCollege, name: "Middle College High School at LaGuardia Community College", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Long Island City", region: "NY", enrollment: 520, district: NYC_DOE },
  { slug: "landmark-high", id: DemoSchools.landmark, name: "Landmark High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "New York", region: "NY", enrollment: 400, district: NYC_DOE },
  { slug: "brooklyn-college-academy", id: DemoSchools.brooklynCollegeAcademy, name: "Brooklyn College Academy", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Brooklyn", region: "NY", enrollment: 650, district: NYC_DOE },
  { slug: "east-brooklyn-congregations-high", id: DemoSchools.eastBrooklynCongregations, name: "East Brooklyn Congregations High School for Public Safety & Law", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Brooklyn", region: "NY", enrollment: 450, district: NYC_DOE },
  { slug: "fannie-lou-hamer-freedom-high", id: DemoSchools.fannieLouHamer, name: "Fannie Lou Hamer Freedom High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Bronx", region: "NY", enrollment: 480, district: NYC_DOE },
  { slug: "robert-f-wagner-jr-high", id: DemoSchools.wagner, name: "Robert F. Wagner Jr. High School for the Integration of Arts and Technology", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Long Island City", region: "NY", enrollment: 600, district: NYC_DOE },
  { slug: "fenway-high", id: DemoSchools.fenway, name: "Fenway High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Boston", region: "MA", enrollment: 300, district: "Boston Public Schools" },
  { slug: "humanities-preparatory-academy", id: DemoSchools.humanitiesPrep, name: "Humanities Preparatory Academy", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "New York", region: "NY", enrollment: 190, district: NYC_DOE },
  { slug: "federal-hocking-high", id: DemoSchools.federalHocking, name: "Federal Hocking High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.RURAL, city: "Stewart", region: "OH", enrollment: 380, district: "Federal Hocking Local School District" },
  { slug: "merlo-station-high", id: DemoSchools.merloStation, name: "Merlo Station High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.SUBURB, city: "Beaverton", region: "OR", enrollment: 320, district: "Beaverton School District" },
  { slug: "urban-academy", id: DemoSchools.urbanAcademy, name: "Urban Academy Laboratory High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "New York", region: "NY", enrollment: 120, district: NYC_DOE },
  { slug: "beacon-school", id: DemoSchools.beacon, name: "The Beacon School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "New York", region: "NY", enrollment: 1250, district: NYC_DOE },
];

const hs = (slug: string, name: string, city: string, enrollment: number, district = NYC_DOE, locale = Locale.CITY): SchoolSpec => ({
  slug, name, level: SchoolLevel.HIGH, grades: [9, 12], locale, city, region: "NY", enrollment, district,
});
const secondary = (slug: string, name: string, city: string, enrollment: number, lowest = 6, district = NYC_DOE): SchoolSpec => ({
  slug, name, level: SchoolLevel.SECONDARY, grades: [lowest, 12], locale: Locale.CITY, city, region: "NY", enrollment, district,
});

/**
 * Generated (illustrative) member schools of the Performance Standards Consortium: with the six seed schools
 * that belong to it (Urban Academy, Humanities Prep, Beacon, Fannie Lou Hamer, Middle College, Landmark)
 * they make the seed's twenty-eight.
 */
const CONSORTIUM_GENERATED: SchoolSpec[] = [
  hs("chelsea-inquiry-high", "Chelsea Inquiry High School", "New York", 410),
  secondary("lower-east-side-community-secondary", "Lower East Side Community Secondary School", "New York", 560),
  hs("harlem-renaissance-academy", "Harlem Renaissance Academy for Social Justice", "New York", 380),
  hs("morningside-writing-research", "Morningside Heights School for Writing and Research", "New York", 330),
  hs("hudson-river-collaborative-high", "Hudson River Collaborative High School", "New York", 450),
  hs("fort-tryon-civic-inquiry", "Fort Tryon School for Civic Inquiry", "New York", 360),
  hs("bronx-river-academy", "Bronx River Academy for Inquiry", "Bronx", 420),
  hs("mott-haven-performance-academy", "Mott Haven Performance Academy", "Bronx", 390),
  hs("soundview-community-high", "Soundview Community High School", "Bronx", 440),
  secondary("highbridge-humanities-science", "Highbridge School for Humanities and Science", "Bronx", 520),
  secondary("prospect-park-secondary", "Prospect Park Secondary School for Inquiry", "Brooklyn", 610),
  hs("red-hook-harbor-high", "Red Hook Harbor High School", "Brooklyn", 340),
  hs("bushwick-community-inquiry", "Bushwick Community Inquiry School", "Brooklyn", 400),
  hs("fort-greene-arts-ideas", "Fort Greene Academy of Arts and Ideas", "Brooklyn", 470),
  hs("gowanus-humanities", "Gowanus Academy for the Humanities", "Brooklyn", 350),
  hs("jamaica-bay-inquiry-high", "Jamaica Bay Inquiry High School", "Jamaica", 430),
  hs("flushing-meadows-research", "Flushing Meadows Academy for Research", "Flushing", 510),
  hs("sunnyside-collaborative-high", "Sunnyside Collaborative High School", "Sunnyside", 380),
  hs("st-george-inquiry", "St. George Academy of Inquiry", "Staten Island", 420),
  secondary("rochester-community-inquiry", "Rochester Community Inquiry School", "Rochester", 540, 7, "Rochester City School District"),
  hs("cayuga-lake-learning-community", "Cayuga Lake Learning Community", "Ithaca", 160, "Ithaca City School District"),
  hs("hudson-valley-essential", "Hudson Valley Essential School", "Kingston", 280, "Kingston City School District", Locale.SUBURB),
];

/** Generated (illustrative) Bronx elementary and middle school feeding Fannie Lou Hamer: the continuity pathway of seed 000. */
const NYC_PATHWAY_SCHOOLS: SchoolSpec[] = [
  { slug: "ps-512-crotona-park-community", name: "P.S. 512 Crotona Park Community School", level: SchoolLevel.ELEMENTARY, grades: [-1, 5], locale: Locale.CITY, city: "Bronx", region: "NY", enrollment: 540, district: NYC_DOE },
  { slug: "ms-538-crotona-middle-inquiry", name: "M.S. 538 Crotona Middle School for Inquiry", level: SchoolLevel.MIDDLE, grades: [6, 8], locale: Locale.CITY, city: "Bronx", region: "NY", enrollment: 420, district: NYC_DOE },
];

/** Generated (illustrative) small rural schools of NW RISE; real towns, made-up schools and districts. */
const NW_RISE_SCHOOLS: SchoolSpec[] = [
  { slug: "columbia-plateau-school", name: "Columbia Plateau School", level: SchoolLevel.K12, grades: [0, 12], locale: Locale.RURAL, city: "Washtucna", region: "WA", enrollment: 78, district: "Columbia Plateau School District" },
  { slug: "skagit-highlands-jr-sr-high", name: "Skagit Highlands Junior/Senior High School", level: SchoolLevel.SECONDARY, grades: [7, 12], locale: Locale.RURAL, city: "Concrete", region: "WA", enrollment: 180, district: "Skagit Highlands School District" },
  { slug: "wallowa-valley-k8", name: "Wallowa Valley K-8 School", level: SchoolLevel.K8, grades: [0, 8], locale: Locale.RURAL, city: "Joseph", region: "OR", enrollment: 150, district: "Wallowa Valley School District" },
  { slug: "wallowa-valley-high", name: "Wallowa Valley High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.RURAL, city: "Joseph", region: "OR", enrollment: 95, district: "Wallowa Valley School District" },
  { slug: "fort-rock-valley-school", name: "Fort Rock Valley School", level: SchoolLevel.K12, grades: [0, 12], locale: Locale.RURAL, city: "Silver Lake", region: "OR", enrollment: 64, district: "Fort Rock Valley School District" },
  { slug: "clearwater-canyon-school", name: "Clearwater Canyon School", level: SchoolLevel.K12, grades: [0, 12], locale: Locale.RURAL, city: "Elk City", region: "ID", enrollment: 41, district: "Clearwater Canyon Joint School District" },
  { slug: "owyhee-desert-high", name: "Owyhee Desert High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.RURAL, city: "Grand View", region: "ID", enrollment: 118, district: "Owyhee Desert School District" },
  { slug: "missouri-breaks-school", name: "Missouri Breaks School", level: SchoolLevel.K12, grades: [0, 12], locale: Locale.RURAL, city: "Winifred", region: "MT", enrollment: 52, district: "Missouri Breaks Public Schools" },
  { slug: "hi-line-prairie-high", name: "Hi-Line Prairie High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.RURAL, city: "Chester", region: "MT", enrollment: 88, district: "Hi-Line Prairie Public Schools" },
  { slug: "kuskokwim-river-school", name: "Kuskokwim River School", level: SchoolLevel.K12, grades: [-1, 12], locale: Locale.RURAL, city: "Aniak", region: "AK", enrollment: 165, district: "Kuskokwim River School District" },
  { slug: "chugach-coast-school", name: "Chugach Coast School", level: SchoolLevel.K12, grades: [0, 12], locale: Locale.RURAL, city: "Whittier", region: "AK", enrollment: 38, district: "Chugach Coast School District" },
];

/** Generated (illustrative) schools of the other regional networks and of CEBE's international network. */
const OTHER_GENERATED_SCHOOLS: SchoolSpec[] = [
  // Houston: a district school of the Beacon years, and the new small-learning-communities high school in Humble.
  { slug: "third-ward-community-high", name: "Third Ward Community High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Houston", region: "TX", enrollment: 610, district: "Houston Independent School District" },
  { slug: "humble-ridge-high", name: "Humble Ridge High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.SUBURB, city: "Humble", region: "TX", enrollment: 1400, district: "Humble Independent School District" },
  // Portland area (CES Northwest).
  { slug: "tualatin-valley-community-high", name: "Tualatin Valley Community High School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.SUBURB, city: "Tigard", region: "OR", enrollment: 420, district: "Tigard-Tualatin School District" },
  { slug: "willamette-essential-school", name: "Willamette Essential School", level: SchoolLevel.SECONDARY, grades: [6, 12], locale: Locale.CITY, city: "Portland", region: "OR", enrollment: 380, district: "Portland Public Schools" },
  // New England (NESSN).
  { slug: "blackstone-river-essential", name: "Blackstone River Essential School", level: SchoolLevel.HIGH, grades: [9, 12], locale: Locale.CITY, city: "Woonsocket", region: "RI", enrollment: 310, district: "Woonsocket Education Department" },
  // Strategic Networking abroad (no NCES id outside the US; locale by analogy).
  { slug: "northfield-park-academy", name: "Northfield Park Academy", level: SchoolLevel.SECONDARY, grades: [6, 12], locale: Locale.CITY, city: "Leeds", region: "ENG", country: "GB", enrollment: 1150, governance: Governance.OTHER, district: null },
  { slug: "prairie-ridge-high", name: "Prairie Ridge High School", level: SchoolLevel.HIGH, grades: [10, 12], locale: Locale.CITY, city: "Red Deer", region: "AB", country: "CA", enrollment: 980, district: "Central Alberta Public School Division" },
  { slug: "aurinkorinne-upper-secondary", name: "Aurinkorinne Upper Secondary School", level: SchoolLevel.HIGH, grades: [10, 12], locale: Locale.SUBURB, city: "Espoo", region: "Uusimaa", country: "FI", enrollment: 560, district: "City of Espoo" },
];

const ALL_SCHOOL_SPECS = [...NAMED_SCHOOLS, ...CONSORTIUM_GENERATED, ...NYC_PATHWAY_SCHOOLS, ...NW_RISE_SCHOOLS, ...OTHER_GENERATED_SCHOOLS];

const schoolId = (slug: string) => ALL_SCHOOL_SPECS.find((spec) => spec.slug === slug)?.id ?? demoId(`school:${slug}`);

function buildSchools(): SchoolDocument[] {
  const seenNces = new Set<string>();
  const seenIds = new Set<string>();
  return ALL_SCHOOL_SPECS.map((spec) => {
    const country = spec.country ?? "US";
    const _id = spec.id ?? demoId(`school:${spec.slug}`);
    if (seenIds.has(_id)) throw new Error(`Duplicate demo school ${spec.slug}`);
    seenIds.add(_id);
    const doc: SchoolDocument = {
      _id,
      name: spec.name,
      level: spec.level,
      lowestGrade: spec.grades[0],
      highestGrade: spec.grades[1],
      locale: spec.locale,
      location: { city: spec.city, region: spec.region, country },
      enrollment: spec.enrollment,
      governance: spec.governance ?? Governance.DISTRICT,
      district: spec.district,
      ...stamps(),
      archivedAt: null,
    };
    // ncesId only on US schools, and left out (not null) elsewhere: the unique index is sparse.
    if (country === "US") {
      const ncesId = illustrativeNcesId(spec.region, spec.slug);
      if (seenNces.has(ncesId)) throw new Error(`Duplicate illustrative NCES id for ${spec.slug}`);
      seenNces.add(ncesId);
      doc.ncesId = ncesId;
    }
    return doc;
  });
}

// ---------------------------------------------------------------------------------------------
// Memberships
// ---------------------------------------------------------------------------------------------

type NetworkKey = keyof typeof DemoNetworks;
/** [school slug, role, start date, end date?] */
type MemberSpec = [string, MembershipRole, string, string?];

const { MEMBER, MENTOR_SCHOOL, HUB_SCHOOL } = MembershipRole;

const MEMBERS: Partial<Record<NetworkKey, MemberSpec[]>> = {
  nycSchoolLeaders: [
    ["fannie-lou-hamer-freedom-high", HUB_SCHOOL, "2008-09-01"],
    ["ps-512-crotona-park-community", MEMBER, "2009-09-01"],
    ["ms-538-crotona-middle-inquiry", MEMBER, "2009-09-01"],
    ["landmark-high", MEMBER, "2010-09-01"],
    ["robert-f-wagner-jr-high", MEMBER, "2011-09-01"],
    ["humanities-preparatory-academy", MEMBER, "2012-09-01"],
    ["brooklyn-college-academy", MEMBER, "2014-09-01"],
    ["middle-college-high-laguardia", MENTOR_SCHOOL, "2008-09-01"],
  ],
  // The Goldman Sachs cluster of seed 004: Middle College is its mentor school.
  nycCluster: [
    ["middle-college-high-laguardia", MENTOR_SCHOOL, "2000-09-01"],
    ["landmark-high", MEMBER, "2000-09-01"],
    ["brooklyn-college-academy", MEMBER, "2000-09-01"],
    ["east-brooklyn-congregations-high", MEMBER, "2000-09-01"],
    ["fannie-lou-hamer-freedom-high", MEMBER, "2000-09-01"],
    ["robert-f-wagner-jr-high", MEMBER, "2000-09-01"],
  ],
  cesMentorSchools: [
    ["francis-w-parker-charter-essential", MENTOR_SCHOOL, "2003-09-01"],
    ["leominster-high", MEMBER, "2003-09-01"],
    ["quest-high", MENTOR_SCHOOL, "1999-09-01"],
    // North Star's partnership with Quest ended when its CSRD funding ran out.
    ["north-star-academy", MEMBER, "2000-09-01", "2003-06-30"],
    ["federal-hocking-high", MENTOR_SCHOOL, "1999-09-01"],
    ["fenway-high", MENTOR_SCHOOL, "2003-09-01"],
    ["humanities-preparatory-academy", MENTOR_SCHOOL, "2003-09-01"],
    ["merlo-station-high", MEMBER, "2001-09-01"],
  ],
  // Parker mentors Leominster after they met at the NESSN summer institute of 2003.
  newEnglandSmallSchools: [
    ["francis-w-parker-charter-essential", MENTOR_SCHOOL, "2001-09-01"],
    ["leominster-high", MEMBER, "2003-07-01"],
    ["fenway-high", MEMBER, "2001-09-01"],
    ["blackstone-river-essential", MEMBER, "2002-09-01"],
  ],
  // The 28 schools of the Consortium; Urban Academy (Ann Cook) leads it.
  performanceStandardsConsortium: [
    ["urban-academy", HUB_SCHOOL, "1997-09-01"],
    ["humanities-preparatory-academy", MEMBER, "1997-09-01"],
    ["beacon-school", MEMBER, "1997-09-01"],
    ["fannie-lou-hamer-freedom-high", MEMBER, "1997-09-01"],
    ["middle-college-high-laguardia", MEMBER, "1998-09-01"],
    ["landmark-high", MEMBER, "1998-09-01"],
    ...CONSORTIUM_GENERATED.map((spec, i): MemberSpec => [spec.slug, MEMBER, `${1997 + (i % 7)}-09-01`]),
  ],
  nwRise: [
    ["columbia-plateau-school", MEMBER, "2014-09-01"],
    ["skagit-highlands-jr-sr-high", MEMBER, "2014-09-01"],
    ["wallowa-valley-high", MEMBER, "2014-09-01"],
    ["wallowa-valley-k8", MEMBER, "2015-09-01"],
    ["fort-rock-valley-school", MEMBER, "2014-09-01"],
    ["clearwater-canyon-school", MEMBER, "2014-09-01"],
    ["owyhee-desert-high", MEMBER, "2015-09-01"],
    ["missouri-breaks-school", MEMBER, "2014-09-01"],
    ["hi-line-prairie-high", MEMBER, "2016-09-01"],
    ["kuskokwim-river-school", MEMBER, "2015-09-01"],
    ["chugach-coast-school", MEMBER, "2016-09-01"],
  ],
  houstonBeaconSchools: [
    ["quest-high", MENTOR_SCHOOL, "1997-09-01"],
    ["third-ward-community-high", MEMBER, "1997-09-01", "2001-06-30"],
    ["humble-ridge-high", MEMBER, "2002-08-15"],
  ],
  graduationImprovement: [
    ["east-brooklyn-congregations-high", HUB_SCHOOL, "2019-09-01"],
    ["brooklyn-college-academy", MEMBER, "2019-09-01"],
    ["robert-f-wagner-jr-high", MEMBER, "2019-09-01"],
    ["bushwick-community-inquiry", MEMBER, "2019-09-01"],
    ["mott-haven-performance-academy", MEMBER, "2020-09-01"],
    ["jamaica-bay-inquiry-high", MEMBER, "2020-09-01"],
  ],
  cesNorthwestPortland: [
    ["merlo-station-high", HUB_SCHOOL, "2001-09-01"],
    ["tualatin-valley-community-high", MEMBER, "2002-01-15"],
    ["willamette-essential-school", MEMBER, "2002-09-01"],
  ],
  cebeStrategicNetworking: [
    ["northfield-park-academy", HUB_SCHOOL, "2012-03-01"],
    ["prairie-ridge-high", MEMBER, "2012-09-01"],
    ["aurinkorinne-upper-secondary", MEMBER, "2013-01-15"],
    ["federal-hocking-high", MEMBER, "2012-09-01"],
    ["merlo-station-high", MEMBER, "2013-09-01"],
  ],
};

function buildMemberships(schools: SchoolDocument[]): MembershipDocument[] {
  const byId = new Map(schools.map((school) => [school._id, school]));
  const open = new Set<string>();
  const docs: MembershipDocument[] = [];
  for (const [networkKey, members] of Object.entries(MEMBERS) as Array<[NetworkKey, MemberSpec[]]>) {
    const networkId = DemoNetworks[networkKey];
    for (const [slug, role, startDate, endDate] of members) {
      const school = byId.get(schoolId(slug));
      if (!school) throw new Error(`Demo membership of unknown school ${slug}`);
      const doc: MembershipDocument = {
        _id: demoId(`membership:${slug}:${networkKey}`),
        schoolId: school._id,
        networkId,
        schoolName: school.name,
        role,
        startDate,
        endDate: endDate ?? null,
        status: endDate ? ConsentStatus.ENDED : ConsentStatus.ACCEPTED,
        initiatedBy: MembershipSide.NETWORK,
        history: [],
        ...stamps(),
      };
      // openKey only while open, and absent (not null) once ended: the unique index is sparse.
      if (!endDate) {
        const key = openKey(school._id, networkId);
        if (open.has(key)) throw new Error(`${slug} is twice an open member of ${networkKey}`);
        open.add(key);
        doc.openKey = key;
      }
      docs.push(doc);
    }
  }
  return [...docs, ...pendingMemberships(byId)];
}

function pendingMemberships(byId: Map<string, SchoolDocument>): MembershipDocument[] {
  const pending = (
    _id: string,
    slug: string,
    networkId: string,
    initiatedBy: MembershipSide,
    proposal: ConsentStepDocument,
  ): MembershipDocument => {
    const school = byId.get(schoolId(slug))!;
    return {
      _id,
      schoolId: school._id,
      networkId,
      schoolName: school.name,
      role: MembershipRole.MEMBER,
      startDate: "2025-09-01",
      endDate: null,
      status: ConsentStatus.PENDING,
      initiatedBy,
      history: [proposal],
      openKey: openKey(school._id, networkId),
      ...stamps(),
    };
  };
  return [
    pending(DemoConsent.membershipProposal, "merlo-station-high", DemoNetworks.nwRise, MembershipSide.NETWORK,
      step("celeste-janssen", DemoOrganizations.educationNorthwest, "Would Merlo Station join NW RISE's job-alike groups?")),
    pending(DemoConsent.membershipRequest, "humble-ridge-high", DemoNetworks.cesMentorSchools, MembershipSide.SCHOOL,
      step("humble-ridge-principal", DemoOrganizations.houstonAPlusChallenge, "Humble Ridge asks to learn from the mentor schools.")),
  ];
}

// ---------------------------------------------------------------------------------------------
// Alliances
// ---------------------------------------------------------------------------------------------

function alliances(): AllianceDocument[] {
  return [
    {
      _id: DemoAlliances.essentialSchoolsAlliance,
      name: "Essential Schools National Alliance",
      description:
        "Networks of Coalition schools - the CES mentor schools, regional networks in New England, New York and the Northwest, " +
        "and the Performance Standards Consortium - creating webs of assistance and influence and standing together in the face " +
        "of policy and fiscal challenges.",
      scope: AllianceScope.NATIONAL,
      formedOn: "1999-11-05",
      endedOn: null,
      agreement: {
        sharedKinds: [
          SharedDataKind.SCHOOL_PROFILES,
          SharedDataKind.RESOURCES,
          SharedDataKind.EVENTS,
          SharedDataKind.MENTORSHIPS,
          SharedDataKind.PEER_REVIEWS,
          SharedDataKind.CAMPAIGNS,
        ],
        effectiveFrom: "2003-11-01",
        terms:
          "Member networks share school profiles, curricula and protocols, event calendars, mentorship logs and campaigns with " +
          "one another. Peer review findings are shared only where the host school has opened them to the alliance.",
      },
      ...stamps(),
    },
    {
      _id: DemoAlliances.strategicNetworkingInternational,
      name: "Strategic Networking International Alliance",
      description:
        "National and international alliance for Strategic Networking: networks benchmark their performance, practice and " +
        "policies with each other and engage in joint practice development, wherever their schools are.",
      scope: AllianceScope.INTERNATIONAL,
      formedOn: "2012-03-01",
      endedOn: null,
      agreement: {
        sharedKinds: [
          SharedDataKind.SCHOOL_PROFILES,
          SharedDataKind.RESOURCES,
          SharedDataKind.NEEDS,
          SharedDataKind.EVENTS,
          SharedDataKind.IMPROVEMENT_CYCLES,
        ],
        effectiveFrom: "2012-03-01",
        terms:
          "Members share school profiles, resources, professional-development needs and events, and the aims, measures and " +
          "results of their improvement cycles for benchmarking. No student-level data is shared.",
      },
      ...stamps(),
    },
  ];
}

/** [alliance, network, joined, left?] */
const ALLIANCE_MEMBERS: Array<[keyof typeof DemoAlliances, NetworkKey, string, string?]> = [
  ["essentialSchoolsAlliance", "cesMentorSchools", "1999-11-05"],
  ["essentialSchoolsAlliance", "performanceStandardsConsortium", "1999-11-05"],
  // Left when the Beacon Schools funding ended.
  ["essentialSchoolsAlliance", "houstonBeaconSchools", "1999-11-05", "2001-06-30"],
  ["essentialSchoolsAlliance", "nycCluster", "2000-09-15"],
  ["essentialSchoolsAlliance", "newEnglandSmallSchools", "2001-11-01"],
  ["essentialSchoolsAlliance", "cesNorthwestPortland", "2002-11-01"],
  ["strategicNetworkingInternational", "cebeStrategicNetworking", "2012-03-01"],
  ["strategicNetworkingInternational", "nycSchoolLeaders", "2012-03-01"],
  ["strategicNetworkingInternational", "performanceStandardsConsortium", "2013-01-15"],
  ["strategicNetworkingInternational", "nwRise", "2016-01-15"],
  ["strategicNetworkingInternational", "graduationImprovement", "2019-10-01"],
];

function allianceMembers(): AllianceMemberDocument[] {
  return ALLIANCE_MEMBERS.map(([allianceKey, networkKey, joinedOn, leftOn]) => {
    const allianceId = DemoAlliances[allianceKey];
    const networkId = DemoNetworks[networkKey];
    const doc: AllianceMemberDocument = {
      _id: demoId(`alliance-member:${allianceKey}:${networkKey}`),
      allianceId,
      networkId,
      joinedOn,
      leftOn: leftOn ?? null,
      status: leftOn ? ConsentStatus.ENDED : ConsentStatus.ACCEPTED,
      approvals: [],
      history: [],
      ...stamps(),
    };
    if (!leftOn) doc.openKey = allianceMemberKey(allianceId, networkId);
    return doc;
  }).concat(pendingAllianceJoin());
}

/** The Houston Beacon Schools ask to join the Strategic Networking alliance; CEBE accepted, the others have not yet. */
function pendingAllianceJoin(): AllianceMemberDocument {
  const { strategicNetworkingInternational: allianceId } = DemoAlliances;
  const { houstonBeaconSchools, cebeStrategicNetworking } = DemoNetworks;
  return {
    _id: DemoConsent.allianceJoin,
    allianceId,
    networkId: houstonBeaconSchools,
    joinedOn: "2025-01-15",
    leftOn: null,
    status: ConsentStatus.PENDING,
    approvals: [cebeStrategicNetworking],
    history: [
      step("houston-coordinator", DemoOrganizations.houstonAPlusChallenge, "To benchmark our schools with yours.", [houstonBeaconSchools]),
      step("cebe-coordinator", DemoOrganizations.cebe, null, [cebeStrategicNetworking]),
    ],
    openKey: allianceMemberKey(allianceId, houstonBeaconSchools),
    ...stamps(),
  };
}

/** CEI-PEA proposes that the Strategic Networking alliance also share campaigns: every member must accept. */
function agreementProposals(): AgreementProposalDocument[] {
  const alliance = alliances().find((candidate) => candidate._id === DemoAlliances.strategicNetworkingInternational)!;
  const proposer = DemoNetworks.nycSchoolLeaders;
  return [
    {
      _id: DemoConsent.agreementProposal,
      allianceId: alliance._id,
      agreement: { ...alliance.agreement, sharedKinds: [...alliance.agreement.sharedKinds, SharedDataKind.CAMPAIGNS] },
      proposedBy: [proposer],
      approvals: [proposer],
      status: ConsentStatus.PENDING,
      history: [step("harvey", DemoOrganizations.ceiPea, "Share our policy campaigns across the alliance too.", [proposer])],
      openKey: alliance._id,
      ...stamps(),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Educators (named in the seeds; contact data illustrative)
// ---------------------------------------------------------------------------------------------

function educators(): EducatorDocument[] {
  const educator = (
    _id: string,
    name: string,
    role: EducatorRole,
    title: string,
    schoolId: string | null,
    networkId: string | null,
    email: string,
    phone: string | null = null,
  ): EducatorDocument => ({ _id, name, role, title, schoolId, networkId, contact: { email, phone }, ...stamps() });
  const { SCHOOL_LEADER, NETWORK_COORDINATOR, COACH, OTHER } = EducatorRole;

  return [
    educator(DemoEducators.teriSchrader, "Teri Schrader", SCHOOL_LEADER, "Principal", DemoSchools.parker, null, "teri.schrader@example.org", "+1-978-555-0101"),
    educator(DemoEducators.maryStClair, "Mary St. Clair", SCHOOL_LEADER, "Principal", DemoSchools.northStar, null, "mary.stclair@example.org", "+1-906-555-0102"),
    educator(DemoEducators.lawrenceKohn, "Lawrence Kohn", SCHOOL_LEADER, "Principal", DemoSchools.quest, null, "lawrence.kohn@example.org", "+1-281-555-0103"),
    educator(DemoEducators.janiceAdams, "Janice Adams", SCHOOL_LEADER, "Principal", DemoSchools.merloStation, null, "janice.adams@example.org", "+1-503-555-0104"),
    educator(DemoEducators.ceceCunningham, "Cece Cunningham", SCHOOL_LEADER, "Principal; facilitator of the cluster's school leaders", DemoSchools.middleCollege, DemoNetworks.nycCluster, "cece.cunningham@example.org", "+1-718-555-0105"),
    educator(DemoEducators.nancyMann, "Nancy Mann", SCHOOL_LEADER, "Principal", DemoSchools.fannieLouHamer, null, "nancy.mann@example.org"),
    educator(DemoEducators.vivianOrlen, "Vivian Orlen", SCHOOL_LEADER, "Principal", DemoSchools.landmark, null, "vivian.orlen@example.org"),
    educator(DemoEducators.georgeWood, "George Wood", SCHOOL_LEADER, "Principal", DemoSchools.federalHocking, null, "george.wood@example.org"),
    educator(DemoEducators.vincentBrevetti, "Vincent Brevetti", SCHOOL_LEADER, "Principal", DemoSchools.humanitiesPrep, null, "vincent.brevetti@example.org"),
    educator(DemoEducators.annCook, "Ann Cook", SCHOOL_LEADER, "Co-director; Consortium leader", DemoSchools.urbanAcademy, DemoNetworks.performanceStandardsConsortium, "ann.cook@example.org", "+1-212-555-0110"),
    educator(DemoEducators.rosemarySedgwick, "Rosemary Sedgwick", OTHER, "School Development and Partnerships", DemoSchools.fenway, null, "rosemary.sedgwick@example.org"),
    educator(DemoEducators.jacquelineAncess, "Jacqueline Ancess", NETWORK_COORDINATOR, "Co-director, NCREST", null, DemoNetworks.nycCluster, "jacqueline.ancess@example.org"),
    educator(DemoEducators.harveyNewman, "Harvey Newman", NETWORK_COORDINATOR, "Senior Fellow, CEI-PEA", null, DemoNetworks.nycSchoolLeaders, "harvey.newman@example.org", "+1-212-555-0113"),
    educator(DemoEducators.celesteJanssen, "Celeste Janssen", NETWORK_COORDINATOR, "NW RISE network contact, Education Northwest", null, DemoNetworks.nwRise, "celeste.janssen@example.org", "+1-503-555-0114"),
    educator(DemoEducators.holliHansen, "Holli Hansen", NETWORK_COORDINATOR, "Associate Director, CES Northwest regional center", null, DemoNetworks.cesNorthwestPortland, "holli.hansen@example.org"),
    // A generated (illustrative) improvement coach of the NSI network.
    educator(demoId("educator:marisol-vega"), "Marisol Vega", COACH, "Improvement coach", DemoSchools.eastBrooklynCongregations, DemoNetworks.graduationImprovement, "marisol.vega@example.org"),
  ];
}

// ---------------------------------------------------------------------------------------------
// Pathways (aggregated counts only; illustrative figures)
// ---------------------------------------------------------------------------------------------

function pathways(): PathwayDocument[] {
  const ps512 = schoolId("ps-512-crotona-park-community");
  const ms538 = schoolId("ms-538-crotona-middle-inquiry");
  const wallowaK8 = schoolId("wallowa-valley-k8");
  const wallowaHigh = schoolId("wallowa-valley-high");
  return [
    {
      _id: demoId("pathway:crotona-bronx"),
      name: "Crotona Park pathway (Bronx): P.S. 512 to M.S. 538 to Fannie Lou Hamer",
      description:
        "Elementary, middle and high school leaders of the CEI-PEA network align matriculation schedules and share what students " +
        "need as they move between their schools.",
      networkId: DemoNetworks.nycSchoolLeaders,
      stages: [
        { order: 0, schoolId: ps512, grades: "PK-5" },
        { order: 1, schoolId: ms538, grades: "6-8" },
        { order: 2, schoolId: DemoSchools.fannieLouHamer, grades: "9-12" },
      ],
      transitions: [
        { fromSchoolId: ps512, toSchoolId: ms538, schoolYear: "2021-22", studentCount: 71, onTimeCount: 64 },
        { fromSchoolId: ps512, toSchoolId: ms538, schoolYear: "2022-23", studentCount: 68, onTimeCount: 63 },
        { fromSchoolId: ps512, toSchoolId: ms538, schoolYear: "2023-24", studentCount: 74, onTimeCount: 71 },
        { fromSchoolId: ms538, toSchoolId: DemoSchools.fannieLouHamer, schoolYear: "2021-22", studentCount: 36, onTimeCount: 29 },
        { fromSchoolId: ms538, toSchoolId: DemoSchools.fannieLouHamer, schoolYear: "2022-23", studentCount: 41, onTimeCount: 35 },
        { fromSchoolId: ms538, toSchoolId: DemoSchools.fannieLouHamer, schoolYear: "2023-24", studentCount: 39, onTimeCount: 37 },
      ],
      ...stamps(),
    },
    {
      _id: demoId("pathway:wallowa-valley"),
      name: "Wallowa Valley pathway: K-8 to high school",
      description: "A small rural district's two schools; NW RISE job-alike groups span both to ease the move to ninth grade.",
      networkId: DemoNetworks.nwRise,
      stages: [
        { order: 0, schoolId: wallowaK8, grades: "K-8" },
        { order: 1, schoolId: wallowaHigh, grades: "9-12" },
      ],
      transitions: [
        { fromSchoolId: wallowaK8, toSchoolId: wallowaHigh, schoolYear: "2022-23", studentCount: 17, onTimeCount: 17 },
        { fromSchoolId: wallowaK8, toSchoolId: wallowaHigh, schoolYear: "2023-24", studentCount: 21, onTimeCount: 20 },
      ],
      ...stamps(),
    },
  ];
}

// ---------------------------------------------------------------------------------------------

/** Loads the networks subgraph's demo data; idempotent (upserts by id, inserting only what is missing). */
export async function seedNetworksDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  const schools = withProvenance(buildSchools(), (school) => SCHOOL_PROVENANCE[school._id] ?? ILLUSTRATIVE_SCHOOL);
  const schoolById = new Map(schools.map((school) => [school._id, school]));
  await repos.organizations.seed(withProvenance(organizations(), (organization) => ORGANIZATION_PROVENANCE[organization._id]));
  await repos.networks.seed(withProvenance(networks(), (network) => NETWORK_PROVENANCE[network._id]));
  await repos.schools.seed(schools);
  await repos.memberships.seed(
    withProvenance(buildMemberships(schools), (membership) => {
      const school = schoolById.get(membership.schoolId)!;
      return membershipProvenance(school.provenance, school.name, NETWORK_PROVENANCE[membership.networkId]);
    }),
  );
  await repos.alliances.seed(withProvenance(alliances(), (alliance) => ALLIANCE_PROVENANCE[alliance._id]));
  await repos.allianceMembers.seed(withProvenance(allianceMembers(), () => ILLUSTRATIVE_RELATION));
  await repos.agreementProposals.seed(withProvenance(agreementProposals(), () => ILLUSTRATIVE_RELATION));
  await repos.educators.seed(withProvenance(educators(), (educator) => EDUCATOR_PROVENANCE[educator._id] ?? illustrative("An invented educator.")));
  await repos.pathways.seed(withProvenance(pathways(), () => ILLUSTRATIVE_PATHWAY));
}


/** The demo directory as plain records, without a database: `npm run token -- --list` prints it. */
export function demoDirectory() {
  const schools = buildSchools();
  return { organizations: organizations(), networks: networks(), schools, memberships: buildMemberships(schools), educators: educators() };
}
