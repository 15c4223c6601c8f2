import type { Db } from "mongodb";
import { Visibility } from "../../subgraphs/kit";
import { fromSeed, illustrative, type ProvenanceDocument } from "../../subgraphs/kit/provenance";
import { FundingKind } from "../../subgraphs/resources/enums";
import { FundedWorkKind } from "../../subgraphs/resources/funding/funded-work.enums";
import { fundedWorkKey, type FundedWorkDocument } from "../../subgraphs/resources/funding/funded-work.repository";
import type { FundingAwardDocument } from "../../subgraphs/resources/funding/funding.repository";
import { createRepositories } from "../../subgraphs/resources/repositories";
import { DemoAgreements } from "./agreements";
import { DemoNetworks, demoId } from "./ids";
import { withProvenance } from "./provenance";
import { DemoResources } from "./resources";

/*
 * What the demo funding awards pay for (seed 000: CEI-PEA's networks "serve as major vehicles for channeling
 * resources to schools": grants, in-kind after-school programs, leadership development and technical assistance).
 * Two awards end in 2026, so that "what depends on awards that end this year" has an answer: CEI-PEA's in-kind
 * after-school support for 2025-26 and an illustrative grant carrying NW RISE's shared counselor and joint
 * purchasing (seed 003). Which award pays for which event, mentorship, resource or agreement is illustrative,
 * except the in-kind support paying for the after-school programs, which seed 000 states.
 */

const SEEDED_AT = new Date("2025-06-01T00:00:00.000Z");
const award = (slug: string) => demoId(`funding:${slug}`);
const event = (slug: string) => demoId(`event:${slug}`);
const mentorship = (slug: string) => demoId(`mentorship:${slug}`);

export const DemoFundedWork = {
  ceiPeaInKind2025: award("cei-pea-after-school-in-kind-2025"),
  nwRiseRuralSupport: award("nw-rise-rural-student-support"),
} as const;

const AWARDS: FundingAwardDocument[] = [
  {
    _id: DemoFundedWork.ceiPeaInKind2025,
    owner: { networkId: DemoNetworks.nycSchoolLeaders, schoolId: null },
    visibility: Visibility.NETWORK,
    funder: "Community-based after-school partners",
    kind: FundingKind.IN_KIND,
    amountMinor: 1_150_000_00,
    currency: "USD",
    startDate: "2025-09-01",
    endDate: "2026-06-30",
    purpose: "In-kind after-school programs leveraged through network affiliations (estimated value for the school year).",
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
  {
    _id: DemoFundedWork.nwRiseRuralSupport,
    owner: { networkId: DemoNetworks.nwRise, schoolId: null },
    visibility: Visibility.PUBLIC,
    funder: "Northwest rural schools fund",
    kind: FundingKind.PRIVATE_GRANT,
    amountMinor: 240_000_00,
    currency: "USD",
    startDate: "2023-07-01",
    endDate: "2026-06-30",
    purpose: "Student support and shared services for small rural schools: counselors, joint purchasing, the applied learning convening.",
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  },
];

/** [award, kind, target, what it pays for in it] */
type LinkSpec = [awardId: string, kind: FundedWorkKind, targetId: string, note: string | null];

const { EVENT, MENTORSHIP, RESOURCE, AGREEMENT } = FundedWorkKind;
const LINKS: LinkSpec[] = [
  [award("cei-pea-after-school-in-kind-2024"), RESOURCE, DemoResources.afterSchoolInKind, null],
  [DemoFundedWork.ceiPeaInKind2025, RESOURCE, DemoResources.afterSchoolInKind, null],
  [DemoFundedWork.ceiPeaInKind2025, EVENT, event("cei-pea-planning-day"), "Partner staff join the planning day"],
  [DemoFundedWork.ceiPeaInKind2025, EVENT, event("cei-pea-ell-webinar"), "The partners' ELL specialists present"],
  [award("cei-pea-us-doe-leadership"), RESOURCE, DemoResources.leadershipAssistance, null],
  [award("cei-pea-private-literacy-technology"), EVENT, event("cei-pea-literacy-workshop"), null],
  [award("cei-pea-private-literacy-technology"), EVENT, event("cei-pea-technology-retreat"), null],
  [award("gates-ces-small-schools"), MENTORSHIP, mentorship("quest-north-star"), "Mentor-school visits and planning time"],
  [award("ces-national-mentor-release-time"), MENTORSHIP, mentorship("parker-leominster"), "Release time for Parker's teachers' visits"],
  [DemoFundedWork.nwRiseRuralSupport, AGREEMENT, DemoAgreements.wallowaCounselor, "Half of the counselor's salary in the first year"],
  [DemoFundedWork.nwRiseRuralSupport, AGREEMENT, DemoAgreements.ruralPurchasing, "The purchasing coordinator's time"],
  [DemoFundedWork.nwRiseRuralSupport, RESOURCE, DemoResources.sharedCounselors, null],
  [DemoFundedWork.nwRiseRuralSupport, EVENT, event("nw-rise-applied-learning-convening"), "Travel for teachers from remote schools"],
];

function provenanceOf(doc: { _id: string; targetId?: string }): ProvenanceDocument {
  if (doc.targetId === DemoResources.afterSchoolInKind) {
    return fromSeed("000", ["awardId"], "in-kind after-school programs", "Seed 000: CEI-PEA leverages in-kind after-school programs through network affiliations.");
  }
  return illustrative("Seed 000 says networks channel grants and in-kind support to schools; this award or link is invented.");
}

/** The two awards ending in 2026 and every link from a demo award to what it pays for; idempotent. */
export async function seedFundedWorkDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  await repos.fundingAwards.seed(withProvenance(AWARDS, provenanceOf));
  const awards = new Map((await repos.fundingAwards.findByIds(LINKS.map(([awardId]) => awardId))).map((found) => [found.id, found]));
  const links = LINKS.map(([awardId, targetKind, targetId, note], index): FundedWorkDocument => {
    // linked a minute apart, in the order listed: an award's work lists in that order
    const funding = awards.get(awardId);
    if (!funding) throw new Error(`Demo funded work names an unknown award ${awardId}`);
    return {
      _id: demoId(`funded-work:${awardId}:${targetId}`),
      awardId,
      owner: { networkId: funding.owner.networkId, schoolId: null },
      visibility: funding.visibility,
      targetKind,
      targetId,
      note,
      linkKey: fundedWorkKey(awardId, targetKind, targetId),
      createdAt: new Date(SEEDED_AT.getTime() + index * 60_000),
      updatedAt: SEEDED_AT,
    };
  });
  await repos.fundedWork.seed(withProvenance(links, provenanceOf));
}
