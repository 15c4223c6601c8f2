import { seedSurveysDemo, surveyDemo } from "../../scripts/demo/surveys";
import { networksSubgraph } from "../../subgraphs/networks";
import { tally } from "../../subgraphs/networks/survey/survey-results";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";

const COLLECTIONS = ["survey_instruments", "health_surveys", "survey_responses", "survey_participations"];

let database: TestDatabase;
let subgraph: SubgraphUnderTest;

async function snapshot() {
  const all: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) all[name] = await subgraph.db.collection(name).find().sort({ _id: 1 }).toArray();
  return all;
}

beforeAll(async () => {
  database = await startTestDatabase();
  subgraph = await startSubgraphUnderTest(networksSubgraph, database);
  await seedSurveysDemo(subgraph.db);
});

afterAll(async () => {
  await subgraph?.stop();
  await database?.stop();
});

describe("network health demo data", () => {
  it("fills every collection and changes nothing when seeded again", async () => {
    const first = await snapshot();
    for (const name of COLLECTIONS) expect(first[name].length).toBeGreaterThan(0);
    await seedSurveysDemo(subgraph.db);
    expect(await snapshot()).toEqual(first);
  });

  it("tallies each closed survey from its responses, and counts one participation per response", () => {
    const { instruments, surveys, responses, participations } = surveyDemo();
    for (const survey of surveys) {
      const own = responses.filter((response) => response.surveyId === survey._id);
      expect(survey.responseCount).toBe(own.length);
      if (survey.tallies) expect(survey.tallies).toEqual(tally(instruments[0].items, own));
    }
    expect(participations).toHaveLength(responses.length);
  });
});
