import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { readOperations } from "../../gateway/operations";
import { benchmarkDemo } from "../../scripts/demo/benchmarks";
import { surveyDemo } from "../../scripts/demo/surveys";
import { DemoNetworks, DemoOrganizations, demoId } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * Issue #16's questions through the gateway on the demo data, answered differently by caller. Benchmarking
 * (operations/SchoolBenchmarks.graphql): a member school sees itself against the aggregates and the schools
 * that share by name, the network's coordinator sees every school, anyone else sees no indicator. Network
 * health (operations/NetworkHealth.graphql): members see closed surveys' results per item, nobody sees an
 * open survey's, anyone else sees no survey; an educator responds once (RespondToHealthSurvey).
 */

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const operations = readOperations();
const operation = operations.find((candidate) => candidate.name === "SchoolBenchmarks")!;
const networkHealth = operations.find((candidate) => candidate.name === "NetworkHealth")!;
const respond = operations.find((candidate) => candidate.name === "RespondToHealthSurvey")!;
const columbiaPlateau = demoId("school:columbia-plateau-school");

async function as(organizationId: string, roles: PersonRole[]) {
  const token = await mintDevToken(hub.keys.issuerPrivateKey, { personId: `person-${roles[0].role}`, organizationId, roles });
  return { authorization: `Bearer ${token}` };
}

function indicators(result: any) {
  expect(result.errors).toBeUndefined();
  return result.data.network.benchmarkIndicators.edges.map((edge: any) => edge.node);
}

describe("benchmarking through the gateway (demo data)", () => {
  it("shows a member school itself against the network, and only the schools sharing by name", async () => {
    const staff = await as(DemoOrganizations.educationNorthwest, [{ role: "STAFF", schoolId: columbiaPlateau }]);
    const shown = indicators(await hub.query(operation.body, operation.variables, staff));
    const demo = benchmarkDemo();
    expect(shown.map((indicator: any) => indicator.name).sort()).toEqual(
      demo.indicators.filter((indicator) => indicator.networkId === DemoNetworks.nwRise).map((indicator) => indicator.name).sort(),
    );
    for (const indicator of shown) {
      const closed = demo.periods.filter((period) => period.indicatorId === indicator.id).sort((a, b) => b.period.localeCompare(a.period));
      expect(indicator.periods.edges.map((edge: any) => edge.node.period)).toEqual(closed.map((period) => period.period));
      for (const [i, { node }] of indicator.periods.edges.entries()) {
        expect(node).toMatchObject({ schoolCount: closed[i].cohort.length, suppressed: null, median: closed[i].quartiles!.median });
        const visible = closed[i].cohort.filter((entry) => entry.sharedByName || entry.schoolId === columbiaPlateau);
        expect(node.entries.totalCount).toBe(visible.length);
        expect(node.entries.totalCount).toBeLessThan(closed[i].cohort.length);
      }
      expect(indicator.trend.edges.every((edge: any) => edge.node.value !== null && edge.node.position !== null)).toBe(true);
    }
  });

  it("shows the network's coordinator every school", async () => {
    const coordinator = await as(DemoOrganizations.educationNorthwest, [{ role: "COORDINATOR", networkId: DemoNetworks.nwRise }]);
    for (const indicator of indicators(await hub.query(operation.body, operation.variables, coordinator))) {
      for (const { node } of indicator.periods.edges) expect(node.entries.totalCount).toBe(node.schoolCount);
    }
  });

  it("shows anyone else no indicator", async () => {
    expect(indicators(await hub.query(operation.body, operation.variables))).toEqual([]);
    const otherNetwork = await as(DemoOrganizations.ceiPea, [{ role: "COORDINATOR", networkId: DemoNetworks.graduationImprovement }]);
    expect(indicators(await hub.query(operation.body, operation.variables, otherNetwork))).toEqual([]);
  });
});

describe("network health through the gateway (demo data)", () => {
  function surveys(result: any) {
    expect(result.errors).toBeUndefined();
    return result.data.network.healthSurveys.edges.map((edge: any) => edge.node);
  }

  it("shows the network's members closed surveys' results per item over time, and no open survey's", async () => {
    const coordinator = await as(DemoOrganizations.educationNorthwest, [{ role: "COORDINATOR", networkId: DemoNetworks.nwRise }]);
    const staff = await as(DemoOrganizations.educationNorthwest, [{ role: "STAFF", schoolId: columbiaPlateau }]);
    const seen = surveys(await hub.query(networkHealth.body, networkHealth.variables, coordinator));
    expect(surveys(await hub.query(networkHealth.body, networkHealth.variables, staff))).toEqual(seen);
    const demo = surveyDemo().surveys.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    expect(seen.map((survey: any) => [survey.title, survey.status])).toEqual(demo.map((survey) => [survey.title, survey.status]));
    for (const [i, survey] of seen.entries()) {
      const results = survey.results.edges.map((edge: any) => edge.node);
      if (demo[i].tallies === null) {
        expect(results.every((result: any) => result.suppressed === "SURVEY_OPEN" && result.mean === null)).toBe(true);
      } else {
        for (const result of results) {
          const tallied = demo[i].tallies!.find((candidate) => candidate.itemKey === result.item.key)!;
          expect(result).toMatchObject({ suppressed: null, responseCount: tallied.responseCount });
          expect(result.distribution.map((point: any) => point.count)).toEqual(tallied.counts);
        }
      }
    }
  });

  it("shows anyone else no survey", async () => {
    expect(surveys(await hub.query(networkHealth.body, networkHealth.variables))).toEqual([]);
  });

  it("takes one response per educator", async () => {
    const staff = await as(DemoOrganizations.educationNorthwest, [{ role: "STAFF", schoolId: columbiaPlateau }]);
    const first = await hub.query(respond.body, respond.variables, staff);
    expect(first.errors).toBeUndefined();
    const open = surveyDemo().surveys.find((survey) => survey.tallies === null)!;
    expect(first.data.respondToHealthSurvey.responseCount).toBe(open.responseCount + 1);
    const again = await hub.query(respond.body, respond.variables, staff);
    expect(again.errors![0].extensions!.code).toBe("CONFLICT");
  });
});
