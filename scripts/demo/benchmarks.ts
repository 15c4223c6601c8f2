import type { Db } from "mongodb";
import { Visibility } from "../../subgraphs/kit";
import { illustrative } from "../../subgraphs/kit/provenance";
import { withProvenance } from "./provenance";
import { ConsentStatus } from "../../subgraphs/networks/consent/consent";
import { BenchmarkDirection, ReportingPeriod } from "../../subgraphs/networks/benchmark/benchmark-enums";
import {
  periodKey,
  reportKey,
  type BenchmarkIndicatorDocument,
  type BenchmarkPeriodDocument,
  type BenchmarkReportDocument,
} from "../../subgraphs/networks/benchmark/benchmark.repository";
import { quartilesOf } from "../../subgraphs/networks/benchmark/benchmark-statistics";
import { createRepositories } from "../../subgraphs/networks/repositories";
import { DemoNetworks, demoId } from "./ids";
import { demoDirectory } from "./networks";

/*
 * Benchmarking demo data (networks subgraph). The practice is the seeds': benchmarking performance with other
 * network schools, "learning by verification" (seed 002), and generating and using data and evidence (seed 003),
 * in NW RISE (rural student engagement, seed 003) and the NSI network's on-track aim (seed 001). The indicators'
 * wording is modelled on common school measures; every value is illustrative, generated from a fixed formula.
 * Two school years are closed, the current one is open with some values reported.
 */

const CLOSED = ["2022-23", "2023-24"];
const OPEN = "2024-25";

interface IndicatorSpec {
  slug: string;
  networkId: string;
  name: string;
  unit: string;
  direction: BenchmarkDirection;
  definition: string;
  /** An illustrative value for the school at `index` (its place among the network's members) in year `year` (0, 1, 2). */
  value: (index: number, year: number) => number;
  /** Schools (by place) that share their values by name. */
  sharedByName: number[];
}

const INDICATORS: IndicatorSpec[] = [
  {
    slug: "nw-rise:chronic-absenteeism",
    networkId: DemoNetworks.nwRise,
    name: "Chronic absenteeism",
    unit: "percent of students",
    direction: BenchmarkDirection.LOWER_IS_BETTER,
    definition: "Share of enrolled students who missed 10% or more of the school days they were enrolled for, for any reason.",
    value: (index, year) => Math.round((14 + ((index * 7) % 17) - 1.5 * year) * 10) / 10,
    sharedByName: [0, 2],
  },
  {
    slug: "nw-rise:student-engagement",
    networkId: DemoNetworks.nwRise,
    name: "Students reporting engagement in school",
    unit: "percent of students surveyed",
    direction: BenchmarkDirection.HIGHER_IS_BETTER,
    definition: "Share of students in grades 6-12 who agree with at least four of the five engagement items of the network's spring student survey.",
    value: (index, year) => Math.round((58 + ((index * 11) % 23) + 2 * year) * 10) / 10,
    sharedByName: [0],
  },
  {
    slug: "nsi:ninth-grade-on-track",
    networkId: DemoNetworks.graduationImprovement,
    name: "Ninth graders on track to graduate",
    unit: "percent of first-time ninth graders",
    direction: BenchmarkDirection.HIGHER_IS_BETTER,
    definition: "Share of first-time ninth graders who earned enough credits and passed enough core courses to be on track to graduate in four years.",
    value: (index, year) => Math.round((64 + ((index * 5) % 13) + 3 * year) * 10) / 10,
    sharedByName: [],
  },
];

const STAMP = new Date("2024-09-01T00:00:00.000Z");

/** The demo records: indicators, closed periods (frozen cohorts) and the open year's reports. */
export function benchmarkDemo() {
  const { memberships } = demoDirectory();
  const indicators: BenchmarkIndicatorDocument[] = [];
  const periods: BenchmarkPeriodDocument[] = [];
  const reports: BenchmarkReportDocument[] = [];
  for (const spec of INDICATORS) {
    const _id = demoId(`benchmark-indicator:${spec.slug}`);
    const owner = { networkId: spec.networkId, schoolId: null };
    indicators.push({
      _id,
      networkId: spec.networkId,
      name: spec.name,
      unit: spec.unit,
      direction: spec.direction,
      // shown to clients, so a newcomer knows the numbers are not real
      definition: `${spec.definition} (Demo data: the schools' values are illustrative.)`,
      reportingPeriod: ReportingPeriod.SCHOOL_YEAR,
      minimumValue: 0,
      maximumValue: 100,
      owner,
      visibility: Visibility.NETWORK,
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    const schools = memberships
      .filter((membership) => membership.networkId === spec.networkId && membership.status === ConsentStatus.ACCEPTED)
      .map((membership) => membership.schoolId)
      .sort();
    const entry = (schoolId: string, index: number, year: number) => ({ schoolId, value: spec.value(index, year), sharedByName: spec.sharedByName.includes(index) });
    CLOSED.forEach((period, year) => {
      const cohort = schools.map((schoolId, index) => entry(schoolId, index, year));
      periods.push({
        _id: demoId(`benchmark-period:${spec.slug}:${period}`),
        indicatorId: _id,
        period,
        cohort,
        quartiles: quartilesOf(cohort.map((value) => value.value)),
        periodKey: periodKey(_id, period),
        owner,
        visibility: Visibility.NETWORK,
        closedAt: new Date(`${2000 + Number(period.slice(5))}-08-15T00:00:00.000Z`),
      });
    });
    // the open year: the first two thirds of the schools have reported so far
    schools.slice(0, Math.ceil((schools.length * 2) / 3)).forEach((schoolId, index) => {
      const { value, sharedByName } = entry(schoolId, index, CLOSED.length);
      reports.push({
        _id: demoId(`benchmark-report:${spec.slug}:${schoolId}:${OPEN}`),
        indicatorId: _id,
        schoolId,
        period: OPEN,
        value,
        sharedByName,
        reportKey: reportKey(_id, schoolId, OPEN),
        owner,
        visibility: Visibility.PRIVATE,
        createdAt: STAMP,
        updatedAt: STAMP,
      });
    });
  }
  return { indicators, periods, reports };
}

/** Loads the benchmarking demo data into the networks subgraph's database; idempotent. */
export async function seedBenchmarksDemo(db: Db): Promise<void> {
  const repos = createRepositories(db);
  const { indicators, periods, reports } = benchmarkDemo();
  const invented = () => illustrative("Benchmarking as seeds 002 and 003 describe it; the indicators' wording and every value are invented");
  await repos.benchmarkIndicators.seed(withProvenance(indicators, invented));
  await repos.benchmarkPeriods.seed(withProvenance(periods, invented));
  await repos.benchmarkReports.seed(withProvenance(reports, invented));
}

/** The demo indicators' ids, for the example operations. */
export const DemoBenchmarks = {
  nwRiseChronicAbsenteeism: demoId("benchmark-indicator:nw-rise:chronic-absenteeism"),
  nwRiseStudentEngagement: demoId("benchmark-indicator:nw-rise:student-engagement"),
  nsiNinthGradeOnTrack: demoId("benchmark-indicator:nsi:ninth-grade-on-track"),
} as const;
