import { benchmarkDemo, DemoBenchmarks, seedBenchmarksDemo } from "../../scripts/demo/benchmarks";
import { seedNetworksDemo } from "../../scripts/demo/networks";
import { quartilesOf } from "../../subgraphs/networks/benchmark/benchmark-statistics";
import { networksSubgraph } from "../../subgraphs/networks";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";

const COLLECTIONS = ["benchmark_indicators", "benchmark_periods", "benchmark_reports"];

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
  await seedNetworksDemo(subgraph.db);
  await seedBenchmarksDemo(subgraph.db);
});

afterAll(async () => {
  await subgraph?.stop();
  await database?.stop();
});

describe("benchmarking demo data", () => {
  it("fills every collection, with the ids the operations use, and changes nothing when seeded again", async () => {
    const first = await snapshot();
    for (const name of COLLECTIONS) expect(first[name].length).toBeGreaterThan(0);
    expect((first.benchmark_indicators as Array<{ _id: string }>).map((doc) => doc._id).sort()).toEqual(Object.values(DemoBenchmarks).sort());
    await seedBenchmarksDemo(subgraph.db);
    expect(await snapshot()).toEqual(first);
  });

  it("freezes cohorts of accepted members only, with their quartiles", async () => {
    const accepted = await subgraph.db.collection("memberships").find({ status: "ACCEPTED" }).toArray();
    for (const period of benchmarkDemo().periods) {
      const indicator = benchmarkDemo().indicators.find((candidate) => candidate._id === period.indicatorId)!;
      const members = accepted.filter((membership) => membership.networkId === indicator.networkId).map((membership) => membership.schoolId);
      expect(period.cohort.map((entry) => entry.schoolId).sort()).toEqual([...members].sort());
      expect(period.quartiles).toEqual(quartilesOf(period.cohort.map((entry) => entry.value)));
    }
  });
});
