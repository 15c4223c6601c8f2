import type { Db } from "mongodb";
import { Visibility } from "../../subgraphs/kit";
import { fromSeed } from "../../subgraphs/kit/provenance";
import type { StoredParty } from "../../subgraphs/resources/school-agreement/school-agreement";
import { SchoolAgreementConsent, SchoolAgreementKind } from "../../subgraphs/resources/school-agreement/school-agreement.enums";
import type { SchoolAgreementDocument } from "../../subgraphs/resources/school-agreement/school-agreement.repository";
import { createRepositories } from "../../subgraphs/resources/repositories";
import { demoId } from "./ids";
import { withProvenance } from "./provenance";

/*
 * Agreements between NW RISE's small rural schools, after seed 003: "small districts might work together to
 * purchase goods and services to receive discounted rates, share human resources they could not otherwise afford
 * (e.g., school counselors)". The schools are the networks demo data's generated NW RISE schools; which of them
 * share, their shares, costs and dates are illustrative. One agreement is in force for each kind, and one still
 * waits for a school's answer.
 */

const SEEDED_AT = new Date("2025-06-01T00:00:00.000Z");
const school = (slug: string): string => demoId(`school:${slug}`);

export const DemoAgreements = {
  wallowaCounselor: demoId("agreement:wallowa-fort-rock-counselor"),
  ruralPurchasing: demoId("agreement:nw-rise-instructional-purchasing"),
  alaskaCounselorProposal: demoId("agreement:kuskokwim-chugach-counselor"),
} as const;

/** [school slug, time share (FTE), cost in USD, answered] */
type PartySpec = [slug: string, timeShare: number | null, costUsd: number | null, consent: SchoolAgreementConsent];

interface AgreementSpec {
  id: string;
  kind: SchoolAgreementKind;
  title: string;
  description: string;
  period: [string, string | null];
  /** The proposing school first. */
  parties: PartySpec[];
  statedAs: string;
}

const { ACCEPTED, PENDING } = SchoolAgreementConsent;
const SHARED_COUNSELORS = "share human resources they could not otherwise afford (e.g., school counselors)";
const JOINT_PURCHASING = "purchase goods and services to receive discounted rates";

const AGREEMENTS: AgreementSpec[] = [
  {
    id: DemoAgreements.wallowaCounselor,
    kind: SchoolAgreementKind.SHARED_STAFF,
    title: "Certified school counselor",
    description: "One counselor for three small schools: two days a week at each Wallowa Valley school, one at Fort Rock Valley, remote sessions between visits.",
    period: ["2025-08-15", "2026-06-15"],
    parties: [
      ["wallowa-valley-high", 0.4, 31_200, ACCEPTED],
      ["wallowa-valley-k8", 0.4, 31_200, ACCEPTED],
      ["fort-rock-valley-school", 0.2, 15_600, ACCEPTED],
    ],
    statedAs: SHARED_COUNSELORS,
  },
  {
    id: DemoAgreements.ruralPurchasing,
    kind: SchoolAgreementKind.JOINT_PURCHASING,
    title: "Instructional software licenses and science kits",
    description: "Four districts order together through one contract for the network's discounted rate; each pays for its own seats and kits.",
    period: ["2025-07-01", "2026-06-30"],
    parties: [
      ["columbia-plateau-school", null, 4_200, ACCEPTED],
      ["skagit-highlands-jr-sr-high", null, 6_850, ACCEPTED],
      ["clearwater-canyon-school", null, 2_900.5, ACCEPTED],
      ["missouri-breaks-school", null, 3_100, ACCEPTED],
    ],
    statedAs: JOINT_PURCHASING,
  },
  {
    id: DemoAgreements.alaskaCounselorProposal,
    kind: SchoolAgreementKind.SHARED_STAFF,
    title: "Remote school counselor",
    description: "Kuskokwim River's counselor would hold two remote counseling days a month for Chugach Coast's students.",
    period: ["2026-08-15", null],
    parties: [
      ["kuskokwim-river-school", 0.9, null, ACCEPTED],
      ["chugach-coast-school", 0.1, null, PENDING],
    ],
    statedAs: SHARED_COUNSELORS,
  },
];

function agreements(): SchoolAgreementDocument[] {
  return AGREEMENTS.map((spec) => {
    const parties = spec.parties.map(([slug, timeShare, cost, consent], index): StoredParty => ({
      schoolId: school(slug),
      consent,
      timeShareMilli: timeShare === null ? null : Math.round(timeShare * 1000),
      cost: cost === null ? null : { amountMinor: Math.round(cost * 100), currency: "USD" },
      // the proposer accepts by proposing; the others answered a month later
      answeredAt: index > 0 && consent !== PENDING ? new Date("2025-07-01T00:00:00.000Z") : null,
      note: null,
    }));
    return {
      _id: spec.id,
      owner: { networkId: null, schoolId: parties[0].schoolId },
      visibility: Visibility.PRIVATE,
      kind: spec.kind,
      title: spec.title,
      description: spec.description,
      startDate: spec.period[0],
      endDate: spec.period[1],
      parties,
      readerSchoolIds: parties.filter((party) => party.consent !== SchoolAgreementConsent.DECLINED).map((party) => party.schoolId),
      memberSchoolIds: parties.filter((party) => party.consent === ACCEPTED).map((party) => party.schoolId),
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
    };
  });
}

/** Demo agreements between NW RISE schools (seed 003); idempotent. */
export async function seedAgreementsDemo(db: Db): Promise<void> {
  const statedAs = new Map(AGREEMENTS.map((spec) => [spec.id, spec.statedAs]));
  await createRepositories(db).agreements.seed(
    withProvenance(agreements(), (doc) =>
      fromSeed("003", ["title", "description", "parties", "startDate", "endDate"], statedAs.get(doc._id), "Seed 003 names the practice; these schools, shares, costs and dates are illustrative."),
    ),
  );
}
