import { fromSeed, illustrative, type ProvenanceDocument } from "../../subgraphs/kit/provenance";
import { DemoAlliances, DemoEducators, DemoNetworks, DemoOrganizations, DemoSchools } from "./ids";

/*
 * Which seed document states each networks demo record (test/demo/provenance.test.ts checks the name, or
 * `statedAs`, against that seed's text), and what is invented about it. Everything not listed is illustrative.
 * Every NCES id is made up (see illustrativeNcesId): it is listed among the illustrative fields of every seed school.
 */

export const ORGANIZATION_PROVENANCE: Record<string, ProvenanceDocument> = {
  [DemoOrganizations.ceiPea]: fromSeed("000", ["website"]),
  [DemoOrganizations.cesNational]: fromSeed("004", ["website", "location"], "Coalition of Essential Schools"),
  [DemoOrganizations.educationNorthwest]: fromSeed("003", ["website"]),
  [DemoOrganizations.ncrest]: fromSeed("004", [], "National Center for Restructuring Education, Schools, and Teaching (NCREST)"),
  [DemoOrganizations.houstonAPlusChallenge]: fromSeed("004", ["location"]),
  [DemoOrganizations.performanceStandardsConsortium]: fromSeed("004", ["location"]),
  [DemoOrganizations.gatesFoundation]: fromSeed("001", ["location"], "Bill & Melinda Gates Foundation"),
  [DemoOrganizations.cebe]: fromSeed("002", ["location"]),
  [DemoOrganizations.cesNorthwest]: fromSeed("004", ["name", "location"], "Northwest regional center", "Seed 004: CES's Northwest regional center."),
  [DemoOrganizations.cprl]: fromSeed("001", [], "Center for Public Research and Leadership (CPRL)"),
};

const NETWORK_DATES = ["createdAt"];
export const NETWORK_PROVENANCE: Record<string, ProvenanceDocument> = {
  [DemoNetworks.nycSchoolLeaders]: fromSeed("000", ["name", ...NETWORK_DATES], "school networks that include more than 220 public schools"),
  [DemoNetworks.nycCluster]: fromSeed("004", ["name"], "Goldman Sachs New York Project"),
  [DemoNetworks.cesMentorSchools]: fromSeed("004", ["name"], "mentor schools"),
  [DemoNetworks.newEnglandSmallSchools]: fromSeed("004"),
  [DemoNetworks.performanceStandardsConsortium]: fromSeed("004"),
  [DemoNetworks.nwRise]: fromSeed("003", [], "Northwest Rural Innovation and Student Engagement (NW RISE) Network"),
  [DemoNetworks.houstonBeaconSchools]: fromSeed("004", ["name"], "Beacon Schools project"),
  [DemoNetworks.graduationImprovement]: fromSeed("001", ["name", "region"], "Networks for School Improvement (NSI)", "Seed 001 describes the NSI initiative; this New York City network is illustrative."),
  [DemoNetworks.cesNorthwestPortland]: fromSeed("004", ["name"], "Portland area schools"),
  [DemoNetworks.cebeStrategicNetworking]: fromSeed("002", ["name"], "Strategic Networking"),
};

/** The seed schools (all of seed 004); their NCES ids, districts and most enrollments are invented. */
const SCHOOL_INVENTIONS = ["ncesId", "enrollment", "district", "governance", "locale"];
export const SCHOOL_PROVENANCE: Record<string, ProvenanceDocument> = {
  ...Object.fromEntries(Object.values(DemoSchools).map((id) => [id, fromSeed("004", SCHOOL_INVENTIONS)])),
  // seed 004 states Parker's 365 and Leominster's 1,800 students
  [DemoSchools.parker]: fromSeed("004", SCHOOL_INVENTIONS.filter((field) => field !== "enrollment")),
  [DemoSchools.leominster]: fromSeed("004", SCHOOL_INVENTIONS.filter((field) => field !== "enrollment")),
  [DemoSchools.urbanAcademy]: fromSeed("004", SCHOOL_INVENTIONS, "Urban Academy"),
};

export const ILLUSTRATIVE_SCHOOL = illustrative(
  "An invented school (name, NCES id, district, enrollment) filling out a seed's network, e.g. the Consortium's 28 schools (seed 004) or NW RISE's rural schools (seed 003).",
);

export const EDUCATOR_PROVENANCE: Record<string, ProvenanceDocument> = {
  ...Object.fromEntries(Object.values(DemoEducators).map((id) => [id, fromSeed("004", ["contact", "title"])])),
  [DemoEducators.harveyNewman]: fromSeed("000", ["contact", "title"]),
  [DemoEducators.celesteJanssen]: fromSeed("003", ["contact", "title"]),
};

/** Named in the seed, with its membership in a network the seed names (dates invented). */
export function membershipProvenance(schoolProvenance: ProvenanceDocument, schoolName: string, networkProvenance: ProvenanceDocument | undefined): ProvenanceDocument {
  if (schoolProvenance.seed && networkProvenance?.seed === schoolProvenance.seed) {
    return fromSeed(schoolProvenance.seed, ["startDate", "endDate", "role"], schoolProvenance.statedAs ?? schoolName);
  }
  return illustrative("A membership filling out the seeds' world: which school belongs to which network, and when, is invented.");
}

export const ALLIANCE_PROVENANCE: Record<string, ProvenanceDocument> = {
  [DemoAlliances.essentialSchoolsAlliance]: illustrative("Seed 000: CEI-PEA extends its networks nationally through strategic alliances; this alliance, its members and agreement are invented."),
  [DemoAlliances.strategicNetworkingInternational]: illustrative("Seeds 000 and 002 speak of international strategic alliances and networking; this alliance, its members and agreement are invented."),
};

export const ILLUSTRATIVE_RELATION = illustrative("An alliance join or agreement proposal invented to show consent at work.");
export const ILLUSTRATIVE_PATHWAY = illustrative("Seed 000 describes elementary-middle-high continuity; this pathway, its schools and counts are invented.");
