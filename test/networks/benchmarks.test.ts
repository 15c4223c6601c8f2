import { getNamedType, isObjectType } from "graphql";
import type { Access } from "../../subgraphs/kit";
import { quartilesOf } from "../../subgraphs/networks/benchmark/benchmark-statistics";
import { networksSubgraph } from "../../subgraphs/networks";
import { ANONYMOUS_ACCESS } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

/*
 * Benchmarking through the networks subgraph, with the default minimum of schools
 * (HUB_BENCHMARK_MIN_SCHOOLS = 5): a network's managers see every school, a member school sees itself
 * against aggregates over values hidden from it, never another school's value unless shared by name.
 */

const MINIMUM = networksSubgraph.settings.benchmarks.minimumSchools;

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

const CREATE = `mutation($input: CreateBenchmarkIndicatorInput!) { createBenchmarkIndicator(input: $input) { id name visibility } }`;
const REPORT = `mutation($input: ReportBenchmarkValueInput!) { reportBenchmarkValue(input: $input) { id value sharedByName school { id } } }`;
const CLOSE = `mutation($i: ID!, $p: String!) { closeBenchmarkPeriod(indicatorId: $i, period: $p) { period schoolCount suppressed median } }`;
const VIEW = `query($i: ID!, $s: ID!) { benchmarkIndicator(id: $i) {
  periods(first: 10) { totalCount edges { node { period schoolCount suppressed lowerQuartile median upperQuartile
    entries(first: 100) { totalCount edges { node { value sharedByName position school { id } } } } } } }
  trend(schoolId: $s, first: 10) { edges { node { period value median position suppressed } } }
  reports(first: 100) { totalCount edges { node { period value school { id } } } } } }`;

/** A network with `count` accepted member schools, and an indicator of it. */
async function network(count: number) {
  const organization = await fixture.createOrganization();
  const networkId = await fixture.createNetwork(organization);
  const schools: string[] = [];
  for (let i = 0; i < count; i++) {
    const school = await fixture.createSchool();
    await fixture.addMembership(school, networkId);
    schools.push(school);
  }
  const created = await fixture.execute(CREATE, {
    input: {
      networkId,
      name: "Ninth graders on track",
      unit: "percent of ninth graders",
      direction: "HIGHER_IS_BETTER",
      definition: "Share of first-time ninth graders with enough credits to be on track to graduate in four years.",
      reportingPeriod: "SCHOOL_YEAR",
      minimumValue: 0,
      maximumValue: 100,
    },
  });
  return { networkId, schools, indicatorId: created.data.createBenchmarkIndicator.id as string };
}

/** The staff of one school, which accepted membership in the network. */
function staffOf(schoolId: string, networkId: string): Access {
  return personAccess({ personId: `staff-${schoolId}`, schoolIds: [schoolId], memberNetworkIds: [networkId], schoolMemberships: [{ schoolId, networkId }] });
}

function managerOf(networkId: string): Access {
  return personAccess({ personId: `manager-${networkId}`, managedNetworkIds: [networkId], memberNetworkIds: [networkId] });
}

async function report(indicatorId: string, schoolId: string, period: string, value: number, shareByName = false, access?: Access) {
  const result = await fixture.execute(REPORT, { input: { indicatorId, schoolId, period, value, shareByName } }, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

/** Ends the school's accepted membership in the network. */
async function leave(schoolId: string, networkId: string) {
  const found = await fixture.execute(`query($s: ID!, $n: ID!) { memberships(schoolId: $s, networkId: $n, status: ACCEPTED) { edges { node { id } } } }`, { s: schoolId, n: networkId });
  const ended = await fixture.execute(`mutation($id: ID!) { endMembership(id: $id, endDate: "2025-06-30") { status } }`, { id: found.data.memberships.edges[0].node.id });
  expect(ended.data.endMembership.status).toBe("ENDED");
}

describe("benchmark indicators", () => {
  it("are defined by the network's managers only, inside the network", async () => {
    const { networkId } = await network(1);
    const input = { networkId, name: "Chronic absenteeism", unit: "percent", direction: "LOWER_IS_BETTER", definition: "Students missing 10% or more of school days.", reportingPeriod: "SCHOOL_YEAR" };
    expect(errorCode(await fixture.execute(CREATE, { input }, personAccess({ memberNetworkIds: [networkId] })))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(CREATE, { input }, ANONYMOUS_ACCESS))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect(errorCode(await fixture.execute(CREATE, { input: { ...input, visibility: "ALLIANCE" } }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(CREATE, { input: { ...input, minimumValue: 100, maximumValue: 0 } }))).toBe("BAD_USER_INPUT");
    const listed = await fixture.execute(`query($n: ID!) { network(id: $n) { benchmarkIndicators { totalCount } } }`, { n: networkId });
    expect(listed.data.network.benchmarkIndicators.totalCount).toBe(1);
    const created = await fixture.execute(CREATE, { input });
    expect(created.data.createBenchmarkIndicator).toMatchObject({ name: "Chronic absenteeism", visibility: "NETWORK" });
    const indicator = created.data.createBenchmarkIndicator.id;
    const read = (access: Access) => fixture.execute(`query($i: ID!) { benchmarkIndicator(id: $i) { name network { id } } }`, { i: indicator }, access);
    expect((await read(personAccess({ memberNetworkIds: [networkId] }))).data.benchmarkIndicator).toEqual({ name: "Chronic absenteeism", network: { id: networkId } });
    expect((await read(ANONYMOUS_ACCESS)).data.benchmarkIndicator).toBeNull();
    expect((await read(personAccess({ memberNetworkIds: ["another-network"] }))).data.benchmarkIndicator).toBeNull();
  });
});

describe("reporting values", () => {
  it("takes one value per school and period from accepted members, and refuses bad writes without changing anything", async () => {
    const { networkId, schools, indicatorId } = await network(2);
    const [school, other] = schools;
    const staff = staffOf(school, networkId);
    const attempt = (input: Record<string, unknown>, access: Access = staff) =>
      fixture.execute(REPORT, { input: { indicatorId, schoolId: school, period: "2024-25", value: 50, ...input } }, access);
    expect(errorCode(await attempt({ period: "2024-26" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await attempt({ period: "2024-25-S1" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await attempt({ value: 101 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await attempt({ schoolId: other }))).toBe("FORBIDDEN");
    expect(errorCode(await attempt({}, staffOf("not-a-member", "elsewhere")))).toBe("NOT_FOUND");
    // a pending membership is not enough: the network proposed, the school has not answered
    const pendingSchool = await fixture.createSchool();
    const proposal = await fixture.execute(`mutation($input: MembershipInput!) { proposeMembership(input: $input) { status } }`, {
      input: { schoolId: pendingSchool, networkId, startDate: "2024-09-01" },
    }, managerOf(networkId));
    expect(proposal.data.proposeMembership.status).toBe("PENDING");
    expect(errorCode(await attempt({ schoolId: pendingSchool }, managerOf(networkId)))).toBe("FORBIDDEN");
    const nothing = await fixture.execute(VIEW, { i: indicatorId, s: school }, managerOf(networkId));
    expect(nothing.data.benchmarkIndicator.reports.totalCount).toBe(0);

    expect((await attempt({ value: 40 })).data.reportBenchmarkValue).toMatchObject({ value: 40, sharedByName: false, school: { id: school } });
    expect((await attempt({ value: 42, shareByName: true })).data.reportBenchmarkValue).toMatchObject({ value: 42, sharedByName: true });
    await report(indicatorId, other, "2024-25", 61, false, managerOf(networkId));
    const asManager = await fixture.execute(VIEW, { i: indicatorId, s: school }, managerOf(networkId));
    expect(asManager.data.benchmarkIndicator.reports.edges.map((edge: any) => edge.node.value).sort()).toEqual([42, 61]);
    const asStaff = await fixture.execute(VIEW, { i: indicatorId, s: school }, staff);
    expect(asStaff.data.benchmarkIndicator.reports.edges.map((edge: any) => edge.node)).toEqual([{ period: "2024-25", value: 42, school: { id: school } }]);
  });
});

describe("concurrent reports", () => {
  it("keep one value per school and period", async () => {
    const { networkId, schools, indicatorId } = await network(1);
    const staff = staffOf(schools[0], networkId);
    const results = await Promise.all([61, 62, 63].map((value) => fixture.execute(REPORT, { input: { indicatorId, schoolId: schools[0], period: "2024-25", value } }, staff)));
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
    const stored = await fixture.execute(VIEW, { i: indicatorId, s: schools[0] }, staff);
    expect(stored.data.benchmarkIndicator.reports.totalCount).toBe(1);
  });
});

describe("closed periods", () => {
  it("show the managers every school against the median and quartiles, and each school's trend", async () => {
    const { networkId, schools, indicatorId } = await network(7);
    const values = [10, 20, 30, 40, 50, 60, 70];
    for (const [i, school] of schools.entries()) await report(indicatorId, school, "2023-24", values[i] - 5);
    for (const [i, school] of schools.entries()) await report(indicatorId, school, "2024-25", values[i]);
    const manager = managerOf(networkId);
    expect((await fixture.execute(CLOSE, { i: indicatorId, p: "2023-24" }, manager)).data.closeBenchmarkPeriod).toMatchObject({ schoolCount: 7, suppressed: null, median: 35 });
    await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, manager);
    const view = (await fixture.execute(VIEW, { i: indicatorId, s: schools[0] }, manager)).data.benchmarkIndicator;
    const latest = view.periods.edges[0].node;
    expect(latest).toMatchObject({ period: "2024-25", schoolCount: 7, suppressed: null, lowerQuartile: 25, median: 40, upperQuartile: 55 });
    expect(latest.entries.totalCount).toBe(7);
    expect(latest.entries.edges.map((edge: any) => edge.node.value)).toEqual([...values].reverse());
    expect(latest.entries.edges.map((edge: any) => edge.node.position)).toEqual([
      "ABOVE_UPPER_QUARTILE", "ABOVE_UPPER_QUARTILE", "UPPER_MIDDLE", "UPPER_MIDDLE", "LOWER_MIDDLE", "BELOW_LOWER_QUARTILE", "BELOW_LOWER_QUARTILE",
    ]);
    expect(view.trend.edges.map((edge: any) => edge.node)).toEqual([
      { period: "2024-25", value: 10, median: 40, position: "BELOW_LOWER_QUARTILE", suppressed: null },
      { period: "2023-24", value: 5, median: 35, position: "BELOW_LOWER_QUARTILE", suppressed: null },
    ]);
    // entries page with sealed cursors like every connection
    const PAGE = `query($i: ID!, $after: String) { benchmarkIndicator(id: $i) { periods(first: 1) { edges { node { entries(first: 3, after: $after) {
      edges { cursor node { value } } pageInfo { hasNextPage endCursor } } } } } } }`;
    const paged: number[] = [];
    let after: string | null = null;
    do {
      const page: any = (await fixture.execute(PAGE, { i: indicatorId, after }, manager)).data.benchmarkIndicator.periods.edges[0].node.entries;
      paged.push(...page.edges.map((edge: any) => edge.node.value));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual([...values].reverse());
    expect(errorCode(await fixture.execute(PAGE, { i: indicatorId, after: "forged" }, manager))).toBe("BAD_USER_INPUT");
    // closing is once; a closed period takes no more values
    expect(errorCode(await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, manager))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(REPORT, { input: { indicatorId, schoolId: schools[0], period: "2024-25", value: 99 } }, manager))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(CLOSE, { i: indicatorId, p: "2025-26" }, staffOf(schools[0], networkId)))).toBe("FORBIDDEN");
  });

  it("suppress the aggregates when fewer schools than the minimum reported", async () => {
    const { networkId, schools, indicatorId } = await network(MINIMUM - 1);
    for (const school of schools) await report(indicatorId, school, "2024-25", 50);
    const closed = await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, managerOf(networkId));
    expect(closed.data.closeBenchmarkPeriod).toEqual({ period: "2024-25", schoolCount: MINIMUM - 1, suppressed: "TOO_FEW_SCHOOLS", median: null });
  });

  it("show a member school itself against the others, anonymised unless they share by name", async () => {
    const { networkId, schools, indicatorId } = await network(MINIMUM + 3);
    const [own, named, ...rest] = schools;
    await report(indicatorId, own, "2024-25", 33);
    await report(indicatorId, named, "2024-25", 71, true);
    for (const [i, school] of rest.entries()) await report(indicatorId, school, "2024-25", 40 + i);
    await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, managerOf(networkId));
    const view = (await fixture.execute(VIEW, { i: indicatorId, s: own }, staffOf(own, networkId))).data.benchmarkIndicator;
    const period = view.periods.edges[0].node;
    const expected = quartilesOf([33, 71, ...rest.map((_, i) => 40 + i)]);
    expect(period).toMatchObject({ schoolCount: MINIMUM + 3, suppressed: null, median: expected.median, lowerQuartile: expected.lowerQuartile });
    expect(period.entries.edges.map((edge: any) => edge.node)).toEqual([
      { value: 71, sharedByName: true, position: "ABOVE_UPPER_QUARTILE", school: { id: named } },
      { value: 33, sharedByName: false, position: "BELOW_LOWER_QUARTILE", school: { id: own } },
    ]);
    // another school's trend shows only what is shared by name
    const other = (await fixture.execute(VIEW, { i: indicatorId, s: rest[0] }, staffOf(own, networkId))).data.benchmarkIndicator;
    expect(other.trend.edges[0].node).toMatchObject({ value: null, position: null, median: expected.median });
    const sharer = (await fixture.execute(VIEW, { i: indicatorId, s: named }, staffOf(own, networkId))).data.benchmarkIndicator;
    expect(sharer.trend.edges[0].node).toMatchObject({ value: 71 });
    // outside the network: nothing
    const outsider = await fixture.execute(`query($i: ID!) { benchmarkIndicator(id: $i) { id } }`, { i: indicatorId }, staffOf("elsewhere", "another-network"));
    expect(outsider.data.benchmarkIndicator).toBeNull();
  });
});

describe("no caller recovers one school's value by combining queries", () => {
  /** Every number in a response, wherever it sits. */
  function numbersIn(value: unknown): number[] {
    if (typeof value === "number") return [value];
    if (value && typeof value === "object") return Object.values(value).flatMap(numbersIn);
    return [];
  }

  it("withholds the aggregates when too few values are hidden from the caller, in every query", async () => {
    // MINIMUM + 1 schools: the caller's own, MINIMUM - 1 sharing by name, and one (the target) keeping its value to itself
    const { networkId, schools, indicatorId } = await network(MINIMUM + 1);
    const [own, target, ...sharers] = schools;
    const SECRET = 30.5;
    const shared = sharers.map((_, i) => (i < sharers.length / 2 ? 20 + i : 50 + i));
    await report(indicatorId, own, "2024-25", 12);
    await report(indicatorId, target, "2024-25", SECRET);
    for (const [i, school] of sharers.entries()) await report(indicatorId, school, "2024-25", shared[i], true);
    // the attack the rule stops: knowing every other value, the caller would solve the median for the last one
    const median = quartilesOf([12, SECRET, ...shared]).median;
    const candidates = Array.from({ length: 801 }, (_, i) => i / 8).filter((x) => quartilesOf([12, x, ...shared]).median === median);
    expect(candidates).toEqual([SECRET]);
    const manager = managerOf(networkId);
    expect((await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, manager)).data.closeBenchmarkPeriod.suppressed).toBeNull();
    const caller = staffOf(own, networkId);
    const answers = [];
    for (const school of schools) answers.push(await fixture.execute(VIEW, { i: indicatorId, s: school }, caller));
    for (const first of [1, 2, 5, 100]) {
      answers.push(await fixture.execute(`query($i: ID!) { benchmarkIndicator(id: $i) { periods(first: ${first}) { edges { node { median lowerQuartile upperQuartile entries(first: ${first}) { edges { node { value } } } } } } } }`, { i: indicatorId }, caller));
    }
    const period = answers[0].data.benchmarkIndicator.periods.edges[0].node;
    expect(period).toMatchObject({ schoolCount: MINIMUM + 1, suppressed: "TOO_FEW_HIDDEN_SCHOOLS", median: null, lowerQuartile: null, upperQuartile: null });
    expect(answers.flatMap(numbersIn)).not.toContain(SECRET);
    expect(answers.every((answer) => !answer.errors)).toBe(true);
    // the managers do see it (the school reported it to its network)
    expect(numbersIn((await fixture.execute(VIEW, { i: indicatorId, s: target }, manager)).data)).toContain(SECRET);
  });

  it("freezes a closed period, so answers before and after a change in membership or sharing are the same", async () => {
    const { networkId, schools, indicatorId } = await network(MINIMUM + 2);
    for (const [i, school] of schools.entries()) await report(indicatorId, school, "2024-25", 30 + 3 * i);
    const manager = managerOf(networkId);
    await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, manager);
    const caller = staffOf(schools[0], networkId);
    const before = await fixture.execute(VIEW, { i: indicatorId, s: schools[0] }, caller);
    // a school leaves, another joins and tries to add its value, a member asks to share by name afterwards
    await leave(schools[1], networkId);
    const newcomer = await fixture.createSchool();
    await fixture.addMembership(newcomer, networkId);
    expect(errorCode(await fixture.execute(REPORT, { input: { indicatorId, schoolId: newcomer, period: "2024-25", value: 1 } }, manager))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(REPORT, { input: { indicatorId, schoolId: schools[2], period: "2024-25", value: 39, shareByName: true } }, staffOf(schools[2], networkId)))).toBe("CONFLICT");
    const after = await fixture.execute(VIEW, { i: indicatorId, s: schools[0] }, caller);
    expect(after.data).toEqual(before.data);
  });

  it("counts only accepted members at closing, and the caller's own values as known", async () => {
    const { networkId, schools, indicatorId } = await network(MINIMUM + 1);
    for (const [i, school] of schools.entries()) await report(indicatorId, school, "2024-25", 50 + i);
    // one school leaves before the period closes: its value is not in the cohort
    await leave(schools[MINIMUM], networkId);
    const closed = await fixture.execute(CLOSE, { i: indicatorId, p: "2024-25" }, managerOf(networkId));
    expect(closed.data.closeBenchmarkPeriod.schoolCount).toBe(MINIMUM);
    // staff of one school: MINIMUM - 1 values hidden from them, too few
    const single = await fixture.execute(VIEW, { i: indicatorId, s: schools[0] }, staffOf(schools[0], networkId));
    expect(single.data.benchmarkIndicator.periods.edges[0].node.suppressed).toBe("TOO_FEW_HIDDEN_SCHOOLS");
    expect(numbersIn(single.data)).not.toContain(51);
  });

  it("offers no argument that narrows the schools an aggregate is computed over", () => {
    const schema = fixture.subgraph.instance.schema;
    for (const typeName of ["BenchmarkIndicator", "BenchmarkPeriod"]) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type).name;
        if (!["BenchmarkPeriodConnection", "BenchmarkTrendPointConnection", "BenchmarkEntryConnection"].includes(named)) continue;
        const extra = field.args.map((arg) => arg.name).filter((name) => !["first", "after", "schoolId"].includes(name));
        expect({ field: `${typeName}.${field.name}`, extra }).toEqual({ field: `${typeName}.${field.name}`, extra: [] });
      }
    }
  });
});
