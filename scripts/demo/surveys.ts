import { createHmac } from "node:crypto";
import { illustrative } from "../../subgraphs/kit/provenance";
import { withProvenance } from "./provenance";
import type { Db } from "mongodb";
import { Visibility } from "../../subgraphs/kit";
import { createRepositories } from "../../subgraphs/networks/repositories";
import { HealthSurveyStatus } from "../../subgraphs/networks/survey/survey-enums";
import type {
  HealthSurveyDocument,
  SurveyInstrumentDocument,
  SurveyParticipationDocument,
  SurveyResponseDocument,
} from "../../subgraphs/networks/survey/survey.repository";
import { tally } from "../../subgraphs/networks/survey/survey-results";
import { DemoNetworks, demoId } from "./ids";

/*
 * Network health survey demo data (networks subgraph), for NW RISE. The constructs are the seeds': relational
 * trust (seed 001: participants "feel comfortable being vulnerable and sharing their practices, outcomes, and
 * even frustrations", and "value and respond to the feedback"), shared purpose and collaborative
 * professionalism (seed 003), and the needs-and-capacity surveys a data partner designs (seed 003). The item
 * wording is modelled on them; the responses, their number and the survey secrets are illustrative, generated
 * from a fixed formula. Two surveys are closed (spring 2023 and 2024), one is open (fall 2024).
 */

const SCALE = { minimum: 1, maximum: 5, minimumLabel: "Strongly disagree", maximumLabel: "Strongly agree" };

const INSTRUMENT: SurveyInstrumentDocument = {
  _id: demoId("survey-instrument:nw-rise:network-health"),
  networkId: DemoNetworks.nwRise,
  name: "Network health: trust, purpose, practice",
  description: "Relational trust (seed 001), shared purpose and collaborative professionalism (seed 003), and capacity to act on evidence. Demo data: item wording and responses are illustrative.",
  items: [
    { key: "trust-candour", construct: "relational trust", text: "I feel comfortable sharing my practice, outcomes and frustrations with educators in this network.", scale: SCALE },
    { key: "trust-feedback", construct: "relational trust", text: "Educators in this network value and act on the feedback they get from each other.", scale: SCALE },
    { key: "purpose-shared", construct: "shared purpose", text: "The schools in this network share a clear purpose: less isolation for rural educators, more engaged students.", scale: SCALE },
    { key: "practice-collective", construct: "collaborative practice", text: "My job-alike group has changed how I teach or lead.", scale: SCALE },
    { key: "capacity-evidence", construct: "needs and capacity", text: "My school has the time and skills to use the network's data and evidence.", scale: SCALE },
  ],
  owner: { networkId: DemoNetworks.nwRise, schoolId: null },
  visibility: Visibility.NETWORK,
  createdAt: new Date("2023-03-01T00:00:00.000Z"),
  updatedAt: new Date("2023-03-01T00:00:00.000Z"),
};

const SURVEYS = [
  { slug: "spring-2023", title: "Spring 2023 network health survey", launched: "2023-04-03", closed: "2023-05-12", respondents: 23, lift: 0 },
  { slug: "spring-2024", title: "Spring 2024 network health survey", launched: "2024-04-01", closed: "2024-05-10", respondents: 27, lift: 1 },
  { slug: "fall-2024", title: "Fall 2024 network health survey", launched: "2024-10-07", closed: null, respondents: 9, lift: 1 },
];

/** An illustrative answer of respondent `r` to item `i`, a little higher each year (`lift`). */
function answer(r: number, i: number, lift: number): number {
  return Math.min(5, Math.max(1, 2 + ((r * 7 + i * 3) % 4) + (lift && (r + i) % 3 === 0 ? 1 : 0)));
}

export function surveyDemo() {
  const surveys: HealthSurveyDocument[] = [];
  const responses: SurveyResponseDocument[] = [];
  const participations: SurveyParticipationDocument[] = [];
  for (const spec of SURVEYS) {
    const _id = demoId(`health-survey:nw-rise:${spec.slug}`);
    const tokenSecret = demoId(`health-survey-secret:${spec.slug}`);
    const answered: SurveyResponseDocument[] = [];
    for (let r = 0; r < spec.respondents; r++) {
      // some respondents skip the last item
      const items = INSTRUMENT.items.filter((_, i) => i < 4 || r % 4 !== 0);
      answered.push({ _id: demoId(`health-survey-response:${spec.slug}:${r}`), surveyId: _id, answers: items.map((item, i) => ({ itemKey: item.key, value: answer(r, i, spec.lift) })) });
      participations.push({ _id: demoId(`health-survey-participation:${spec.slug}:${r}`), token: createHmac("sha256", tokenSecret).update(`demo:respondent-${r}`).digest("hex") });
    }
    responses.push(...answered);
    surveys.push({
      _id,
      networkId: DemoNetworks.nwRise,
      instrumentId: INSTRUMENT._id,
      title: spec.title,
      status: spec.closed ? HealthSurveyStatus.CLOSED : HealthSurveyStatus.OPEN,
      tokenSecret,
      responseCount: spec.respondents,
      tallies: spec.closed ? tally(INSTRUMENT.items, answered) : null,
      owner: { networkId: DemoNetworks.nwRise, schoolId: null },
      visibility: Visibility.NETWORK,
      createdAt: new Date(`${spec.launched}T00:00:00.000Z`),
      updatedAt: new Date(`${spec.closed ?? spec.launched}T00:00:00.000Z`),
      closedAt: spec.closed ? new Date(`${spec.closed}T00:00:00.000Z`) : null,
    });
  }
  return { instruments: [INSTRUMENT], surveys, responses, participations };
}

/** Loads the survey demo data into the networks subgraph's database; idempotent. */
export async function seedSurveysDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  const { instruments, surveys, responses, participations } = surveyDemo();
  const invented = () => illustrative("A network health survey on the constructs of seeds 001 and 003 (relational trust, shared purpose); the items' wording and every answer are invented");
  await repos.surveyInstruments.seed(withProvenance(instruments, invented));
  await repos.healthSurveys.seed(withProvenance(surveys, invented));
  // anonymous answers and participation marks hold nothing beyond what anonymity allows: their survey's provenance covers them
  await repos.surveyResponses.seed(responses);
  await repos.surveyParticipations.seed(participations);
}
