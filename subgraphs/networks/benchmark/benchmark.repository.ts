import type { Filter, IndexDescription } from "mongodb";
import { RecordPolicy, SecuredRepository, type Access, type PageArgs, type PolicyOwner, type StoredDocument, Visibility } from "../../kit";
import type { CohortValue, Quartiles } from "./benchmark-statistics";
import type { BenchmarkDirection, ReportingPeriod } from "./benchmark-enums";

/*
 * Benchmark records are the network's (owner: the network, no school). They never carry ALLIANCE visibility
 * (the inputs refuse it), so the policies' alliance kind is never consulted: benchmarks stay inside the
 * network until an agreement kind for them exists.
 */
const KIND = "SCHOOL_PROFILES";

export const BenchmarkPolicies = {
  /** An indicator's definition: its network's managers; members too when NETWORK, everyone when PUBLIC. */
  indicator: new RecordPolicy<BenchmarkIndicatorDocument>({ typeName: "BenchmarkIndicator", read: { kind: KIND }, writers: "the network's managers" }),
  /**
   * A value a school reported for an open period (always PRIVATE): the network's managers and the school's own
   * staff read it; the same people write it (the service also requires the school's accepted membership).
   */
  report: new RecordPolicy<BenchmarkReportDocument>({
    typeName: "BenchmarkReport",
    read: { kind: KIND, participantSchools: ["schoolId"] },
    write: (access, report) => access.schoolIds.includes(report.schoolId) || access.managedNetworkIds.includes(report.owner.networkId ?? ""),
    writers: "the school's staff and the network's managers",
  }),
  /**
   * A closed period (NETWORK): members of the network reach it; what each one sees of it is the statistics'
   * rule (`benchmark-statistics.ts`), applied by the resolvers.
   */
  period: new RecordPolicy<BenchmarkPeriodDocument>({ typeName: "BenchmarkPeriod", read: { kind: KIND }, writers: "the network's managers" }),
};

export interface BenchmarkIndicatorDocument extends StoredDocument {
  networkId: string;
  name: string;
  unit: string;
  direction: BenchmarkDirection;
  definition: string;
  reportingPeriod: ReportingPeriod;
  minimumValue: number | null;
  maximumValue: number | null;
  owner: PolicyOwner;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export interface BenchmarkReportDocument extends StoredDocument {
  indicatorId: string;
  schoolId: string;
  period: string;
  value: number;
  sharedByName: boolean;
  /** `indicatorId:schoolId:period`: one value per school and period, also under concurrent reports. */
  reportKey: string;
  owner: PolicyOwner;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export interface BenchmarkPeriodDocument extends StoredDocument {
  indicatorId: string;
  period: string;
  /** The frozen cohort: every accepted member school's value at closing, and whether it shares it by name. */
  cohort: CohortValue[];
  /** Over the whole cohort; null when it is empty. Who may see them is decided at every read. */
  quartiles: Quartiles | null;
  /** `indicatorId:period`: a period closes once. */
  periodKey: string;
  owner: PolicyOwner;
  visibility: Visibility;
  closedAt: Date;
}

export class BenchmarkIndicatorRepository extends SecuredRepository<BenchmarkIndicatorDocument> {
  readonly policy = BenchmarkPolicies.indicator;
  readonly collectionName = "benchmark_indicators";
  readonly indexes: IndexDescription[] = [{ key: { networkId: 1, name: 1 } }];

  listForNetwork(access: Access, networkId: string, args: PageArgs) {
    return this.pageReadable(access, { networkId }, [["name", 1]], args);
  }
}

export class BenchmarkReportRepository extends SecuredRepository<BenchmarkReportDocument> {
  readonly policy = BenchmarkPolicies.report;
  readonly collectionName = "benchmark_reports";
  readonly indexes: IndexDescription[] = [
    { key: { reportKey: 1 }, unique: true, name: "one_value_per_school_and_period" },
    { key: { indicatorId: 1, period: -1, schoolId: 1 } },
  ];

  /** The reports of an indicator `access` may read, newest period first, optionally of one period. */
  list(access: Access, indicatorId: string, period: string | null | undefined, args: PageArgs) {
    const filter: Filter<BenchmarkReportDocument> = { indicatorId };
    if (period) filter.period = period;
    return this.pageReadable(access, filter, [["period", -1], ["schoolId", 1]], args);
  }

  /** Records or corrects a school's value for a period: the stored report after the write. */
  async upsert(report: Omit<BenchmarkReportDocument, "_id" | "createdAt" | "updatedAt">, id: string) {
    const now = new Date();
    const { value, sharedByName, ...identity } = report;
    const doc = await this.collection.findOneAndUpdate(
      { reportKey: report.reportKey },
      { $set: { value, sharedByName, updatedAt: now }, $setOnInsert: { ...identity, _id: id, createdAt: now } },
      { upsert: true, returnDocument: "after" },
    );
    return doc!;
  }

  /** Every value reported for a period (for closing it: read by the service, never returned as is). */
  forPeriod(indicatorId: string, period: string) {
    return this.collection.find({ indicatorId, period }).toArray();
  }
}

export class BenchmarkPeriodRepository extends SecuredRepository<BenchmarkPeriodDocument> {
  readonly policy = BenchmarkPolicies.period;
  readonly collectionName = "benchmark_periods";
  readonly indexes: IndexDescription[] = [
    { key: { periodKey: 1 }, unique: true, name: "one_closing_per_period" },
    { key: { indicatorId: 1, period: -1 } },
  ];

  /** Closed periods of an indicator `access` may reach, newest first. */
  list(access: Access, indicatorId: string, args: PageArgs) {
    return this.pageReadable(access, { indicatorId }, [["period", -1]], args);
  }

  async isClosed(indicatorId: string, period: string): Promise<boolean> {
    return (await this.collection.countDocuments({ periodKey: periodKey(indicatorId, period) }, { limit: 1 })) > 0;
  }
}

export function reportKey(indicatorId: string, schoolId: string, period: string): string {
  return `${indicatorId}:${schoolId}:${period}`;
}

export function periodKey(indicatorId: string, period: string): string {
  return `${indicatorId}:${period}`;
}
