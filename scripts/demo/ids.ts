import { createHash } from "node:crypto";

/**
 * Stable ids for the demo data set, derived from readable slugs, so every subgraph's demo data can
 * refer to the same schools and networks and a second seeding run finds the same records.
 */
export function demoId(slug: string): string {
  return createHash("sha1").update(`demo:${slug}`).digest("hex").slice(0, 24);
}

export const DemoOrganizations = {
  ceiPea: demoId("organization:cei-pea"),
  cesNational: demoId("organization:ces-national"),
  educationNorthwest: demoId("organization:education-northwest"),
  ncrest: demoId("organization:ncrest"),
  houstonAPlusChallenge: demoId("organization:houston-a-plus-challenge"),
  performanceStandardsConsortium: demoId("organization:nyc-performance-standards-consortium"),
  gatesFoundation: demoId("organization:gates-foundation"),
  cebe: demoId("organization:cebe"),
  cesNorthwest: demoId("organization:ces-northwest"),
  cprl: demoId("organization:cprl-columbia"),
} as const;

export const DemoNetworks = {
  nycSchoolLeaders: demoId("network:cei-pea-nyc-school-leaders"),
  nycCluster: demoId("network:goldman-sachs-nyc-cluster"),
  cesMentorSchools: demoId("network:ces-mentor-schools"),
  newEnglandSmallSchools: demoId("network:new-england-small-schools"),
  performanceStandardsConsortium: demoId("network:nyc-performance-standards-consortium"),
  nwRise: demoId("network:nw-rise"),
  houstonBeaconSchools: demoId("network:houston-beacon-schools"),
  graduationImprovement: demoId("network:nsi-graduation-improvement"),
  cesNorthwestPortland: demoId("network:ces-northwest-portland"),
  cebeStrategicNetworking: demoId("network:cebe-strategic-networking"),
} as const;

export const DemoAlliances = {
  essentialSchoolsAlliance: demoId("alliance:essential-schools-national"),
  strategicNetworkingInternational: demoId("alliance:strategic-networking-international"),
} as const;

/** The demo relations that wait for consent, one of each kind (see networks.ts). */
export const DemoConsent = {
  membershipProposal: demoId("membership-proposal:nw-rise:merlo-station-high"),
  membershipRequest: demoId("membership-request:humble-ridge-high:ces-mentor-schools"),
  allianceJoin: demoId("alliance-join:houston-beacon-schools:strategic-networking"),
  agreementProposal: demoId("agreement-proposal:strategic-networking:campaigns"),
} as const;

export const DemoSchools = {
  parker: demoId("school:francis-w-parker-charter-essential"),
  leominster: demoId("school:leominster-high"),
  northStar: demoId("school:north-star-academy"),
  quest: demoId("school:quest-high"),
  middleCollege: demoId("school:middle-college-high-laguardia"),
  landmark: demoId("school:landmark-high"),
  brooklynCollegeAcademy: demoId("school:brooklyn-college-academy"),
  eastBrooklynCongregations: demoId("school:east-brooklyn-congregations-high"),
  fannieLouHamer: demoId("school:fannie-lou-hamer-freedom-high"),
  wagner: demoId("school:robert-f-wagner-jr-high"),
  fenway: demoId("school:fenway-high"),
  humanitiesPrep: demoId("school:humanities-preparatory-academy"),
  federalHocking: demoId("school:federal-hocking-high"),
  merloStation: demoId("school:merlo-station-high"),
  urbanAcademy: demoId("school:urban-academy"),
  beacon: demoId("school:beacon-school"),
} as const;

/** Educators named in the seeds (principals, network coordinators), created by the networks demo data. */
export const DemoEducators = {
  teriSchrader: demoId("educator:teri-schrader"),
  maryStClair: demoId("educator:mary-st-clair"),
  lawrenceKohn: demoId("educator:lawrence-kohn"),
  janiceAdams: demoId("educator:janice-adams"),
  ceceCunningham: demoId("educator:cece-cunningham"),
  nancyMann: demoId("educator:nancy-mann"),
  vivianOrlen: demoId("educator:vivian-orlen"),
  georgeWood: demoId("educator:george-wood"),
  vincentBrevetti: demoId("educator:vincent-brevetti"),
  annCook: demoId("educator:ann-cook"),
  rosemarySedgwick: demoId("educator:rosemary-sedgwick"),
  jacquelineAncess: demoId("educator:jacqueline-ancess"),
  harveyNewman: demoId("educator:harvey-newman"),
  celesteJanssen: demoId("educator:celeste-janssen"),
  holliHansen: demoId("educator:holli-hansen"),
} as const;
