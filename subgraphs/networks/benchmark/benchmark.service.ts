import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  isDuplicateKeyError,
  mapNodes,
  newId,
  pageOfList,
  Visibility,
  type Access,
  type Entity,
  type Page,
  type PageArgs,
} from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import { ConsentStatus } from "../consent/consent";
import type { NetworksRepositories } from "../repositories";
import type { BenchmarkEntry, BenchmarkIndicator, BenchmarkPeriod, BenchmarkTrendPoint } from "./benchmark";
import { periodProblem } from "./benchmark-enums";
import { BenchmarkPolicies, periodKey, reportKey, type BenchmarkPeriodDocument } from "./benchmark.repository";
import { positionOf, quartilesOf, suppressionFor, visibleEntries, type BenchmarkViewer } from "./benchmark-statistics";
import type { CreateBenchmarkIndicatorInput, ReportBenchmarkValueInput } from "./benchmark.inputs";

export interface BenchmarkSettings {
  /** A closed period's aggregates show only over at least this many schools (HUB_BENCHMARK_MIN_SCHOOLS). */
  minimumSchools: number;
}

/**
 * Benchmarking: a network's managers define indicators and close periods; accepted member schools report a
 * value per period; a closed period shows as aggregates under the statistics' rule (`benchmark-statistics.ts`).
 */
export class BenchmarkService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
    private readonly settings: BenchmarkSettings,
  ) {}

  async createIndicator(access: Access, input: CreateBenchmarkIndicatorInput) {
    this.authorization.assertManagesNetwork(access, input.networkId);
    const network = await this.repos.networks.findById(input.networkId);
    if (!network || network.archivedAt) throw new BadUserInputError(`No active network has id ${input.networkId}`, "input.networkId");
    const minimumValue = input.minimumValue ?? null;
    const maximumValue = input.maximumValue ?? null;
    if (minimumValue !== null && maximumValue !== null && minimumValue >= maximumValue) {
      throw new BadUserInputError("minimumValue must be below maximumValue", "input.maximumValue");
    }
    const now = new Date();
    const doc = {
      _id: newId(),
      networkId: input.networkId,
      name: input.name.trim(),
      unit: input.unit.trim(),
      direction: input.direction,
      definition: input.definition.trim(),
      reportingPeriod: input.reportingPeriod,
      minimumValue,
      maximumValue,
      owner: { networkId: input.networkId, schoolId: null },
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    };
    BenchmarkPolicies.indicator.assertMayCreate(access, doc);
    return this.repos.benchmarkIndicators.insert(doc);
  }

  async report(access: Access, input: ReportBenchmarkValueInput) {
    const indicator = await this.repos.benchmarkIndicators.requireReadable(access, input.indicatorId);
    const problem = periodProblem(indicator.reportingPeriod, input.period);
    if (problem) throw new BadUserInputError(problem, "input.period");
    if ((indicator.minimumValue !== null && input.value < indicator.minimumValue) || (indicator.maximumValue !== null && input.value > indicator.maximumValue)) {
      throw new BadUserInputError(`${indicator.name} ranges from ${indicator.minimumValue ?? "-∞"} to ${indicator.maximumValue ?? "∞"}`, "input.value");
    }
    const fields = {
      indicatorId: indicator.id,
      schoolId: input.schoolId,
      period: input.period,
      value: input.value,
      sharedByName: input.shareByName,
      reportKey: reportKey(indicator.id, input.schoolId, input.period),
      owner: { networkId: indicator.networkId, schoolId: null },
      visibility: Visibility.PRIVATE,
    };
    BenchmarkPolicies.report.assertMayCreate(access, { ...fields, _id: "", createdAt: new Date(), updatedAt: new Date() });
    if (!(await this.isAcceptedMember(input.schoolId, indicator.networkId))) {
      throw new ForbiddenError("Only schools with an accepted membership in the network report to it");
    }
    if (await this.repos.benchmarkPeriods.isClosed(indicator.id, input.period)) {
      throw new ConflictError(`${indicator.name}: period ${input.period} is closed`);
    }
    // two first reports at once: one inserts, the other's upsert hits the unique key and, retried, corrects it
    const stored = await this.repos.benchmarkReports.upsert(fields, newId()).catch((error: unknown) => {
      if (isDuplicateKeyError(error)) return this.repos.benchmarkReports.upsert(fields, newId());
      throw error;
    });
    return { ...stored, id: stored._id };
  }

  /** Freezes a period: the values of the schools that are accepted members now, and whether each shares by name. */
  async closePeriod(access: Access, indicatorId: string, period: string): Promise<BenchmarkPeriod> {
    const indicator = await this.repos.benchmarkIndicators.requireReadable(access, indicatorId);
    const problem = periodProblem(indicator.reportingPeriod, period);
    if (problem) throw new BadUserInputError(problem, "period");
    const owner = { networkId: indicator.networkId, schoolId: null };
    BenchmarkPolicies.period.assertMayCreate(access, { owner, visibility: Visibility.NETWORK } as BenchmarkPeriodDocument);
    if (await this.repos.benchmarkPeriods.isClosed(indicator.id, period)) throw new ConflictError(`${indicator.name}: period ${period} is already closed`);
    const members = new Set((await this.repos.memberships.findAcceptedByNetworkIds([indicator.networkId])).map((membership) => membership.schoolId));
    const cohort = (await this.repos.benchmarkReports.forPeriod(indicator.id, period))
      .filter((report) => members.has(report.schoolId))
      .map((report) => ({ schoolId: report.schoolId, value: report.value, sharedByName: report.sharedByName }));
    try {
      const stored = await this.repos.benchmarkPeriods.insert({
        _id: newId(),
        indicatorId: indicator.id,
        period,
        cohort,
        quartiles: cohort.length > 0 ? quartilesOf(cohort.map((entry) => entry.value)) : null,
        periodKey: periodKey(indicator.id, period),
        owner,
        visibility: Visibility.NETWORK,
        closedAt: new Date(),
      });
      return this.periodView(access, stored);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`${indicator.name}: period ${period} is already closed`);
      throw error;
    }
  }

  /** How `access` stands towards a network's benchmarks. */
  viewer(access: Access, networkId: string): BenchmarkViewer {
    const kept = access.schoolMemberships.filter((membership) => access.managedNetworkIds.includes(membership.networkId)).map((membership) => membership.schoolId);
    return { seesEverySchool: access.managedNetworkIds.includes(networkId), ownSchoolIds: new Set([...access.schoolIds, ...kept]) };
  }

  /** A closed period as `access` may see it: the aggregates, or why they are withheld. */
  periodView(access: Access, doc: Entity<BenchmarkPeriodDocument>): BenchmarkPeriod {
    const networkId = doc.owner.networkId ?? "";
    const suppressed = suppressionFor(doc.cohort, this.viewer(access, networkId), this.settings.minimumSchools);
    const shown = suppressed || !doc.quartiles ? null : doc.quartiles;
    return {
      ...doc,
      schoolCount: doc.cohort.length,
      suppressed,
      lowerQuartile: shown?.lowerQuartile ?? null,
      median: shown?.median ?? null,
      upperQuartile: shown?.upperQuartile ?? null,
    };
  }

  async periods(access: Access, indicator: BenchmarkIndicator, args: PageArgs) {
    return mapNodes(await this.repos.benchmarkPeriods.list(access, indicator.id, args), (doc) => this.periodView(access, doc));
  }

  /** The values of a closed period `access` may see one by one, highest first. */
  entries(access: Access, period: BenchmarkPeriod, args: PageArgs): Page<BenchmarkEntry> {
    const shown = period.suppressed || !period.quartiles ? null : period.quartiles;
    const entries = visibleEntries(period.cohort, this.viewer(access, period.owner.networkId ?? "")).map(
      (entry): BenchmarkEntry => ({ ...entry, position: shown ? positionOf(entry.value, shown) : null }),
    );
    return pageOfList(entries, [["value", -1], ["schoolId", 1]], (entry, field) => (field === "value" ? entry.value : entry.schoolId), args);
  }

  /** A school's values over the closed periods, newest first, beside the aggregates; values the caller may not see are null. */
  async trend(access: Access, indicator: BenchmarkIndicator, schoolId: string, args: PageArgs): Promise<Page<BenchmarkTrendPoint>> {
    const viewer = this.viewer(access, indicator.networkId);
    const page = await this.repos.benchmarkPeriods.list(access, indicator.id, args);
    return mapNodes(page, (doc) => {
      const period = this.periodView(access, doc);
      const entry = visibleEntries(doc.cohort, viewer).find((candidate) => candidate.schoolId === schoolId);
      const value = entry?.value ?? null;
      const shown = period.suppressed || !doc.quartiles ? null : doc.quartiles;
      return {
        period: doc.period,
        value,
        suppressed: period.suppressed,
        lowerQuartile: period.lowerQuartile,
        median: period.median,
        upperQuartile: period.upperQuartile,
        position: value !== null && shown ? positionOf(value, shown) : null,
      };
    });
  }

  private async isAcceptedMember(schoolId: string, networkId: string): Promise<boolean> {
    return (await this.repos.memberships.findForPair(schoolId, networkId)).some((membership) => membership.status === ConsentStatus.ACCEPTED);
  }
}

