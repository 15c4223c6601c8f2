import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { readOperations } from "../../gateway/operations";
import { benchmarkDemo } from "../../scripts/demo/benchmarks";
import { DemoNetworks, DemoOrganizations, demoId } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * The benchmarking question (operations/SchoolBenchmarks.graphql) through the gateway on the demo data,
 * answered differently by caller: a member school sees itself against the aggregates and the schools that
 * share by name, the network's coordinator sees every school, anyone else sees no indicator.
 */

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const operation = readOperations().find((candidate) => candidate.name === "SchoolBenchmarks")!;
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
