import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs } from "../../kit";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { School } from "../school/school";
import {
  BenchmarkEntry,
  BenchmarkEntryConnection,
  BenchmarkIndicator,
  BenchmarkIndicatorConnection,
  BenchmarkPeriod,
  BenchmarkPeriodConnection,
  BenchmarkReport,
  BenchmarkReportConnection,
  BenchmarkTrendPointConnection,
} from "./benchmark";
import { BenchmarkReportsArgs, BenchmarkTrendArgs, CreateBenchmarkIndicatorInput, ReportBenchmarkValueInput } from "./benchmark.inputs";

@Resolver(() => BenchmarkIndicator)
export class BenchmarkIndicatorResolver {
  @Query(() => BenchmarkIndicator, { nullable: true, description: "A benchmark indicator, if the caller may read its definition." })
  benchmarkIndicator(@Arg("id", () => ID, { description: "The indicator's id." }) id: string, @Ctx() { access, repos }: NetworksContext) {
    return repos.benchmarkIndicators.findReadableById(access, id);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network that defines it." })
  network(@Root() indicator: BenchmarkIndicator, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(indicator.networkId);
  }

  @FieldResolver(() => BenchmarkPeriodConnection, {
    description: "Its closed periods, newest first, with the network's aggregates where the caller may see them (members of the network only).",
  })
  periods(@Root() indicator: BenchmarkIndicator, @Args() args: PageArgs, @Ctx() { access, services }: NetworksContext) {
    return services.benchmarks.periods(access, indicator, args);
  }

  @FieldResolver(() => BenchmarkTrendPointConnection, {
    description: "A school's values over the closed periods beside the network's aggregates, newest first; values the caller may not see are null.",
  })
  trend(@Root() indicator: BenchmarkIndicator, @Args() { schoolId, ...args }: BenchmarkTrendArgs, @Ctx() { access, services }: NetworksContext) {
    return services.benchmarks.trend(access, indicator, schoolId, args);
  }

  @FieldResolver(() => BenchmarkReportConnection, {
    description: "Values reported so far, newest period first: every school's for the network's managers, a school's own for its staff.",
  })
  reports(@Root() indicator: BenchmarkIndicator, @Args() { period, ...args }: BenchmarkReportsArgs, @Ctx() { access, repos }: NetworksContext) {
    return repos.benchmarkReports.list(access, indicator.id, period, args);
  }

  @Mutation(() => BenchmarkIndicator, { description: "Defines an indicator for a network's schools to report. The network's managers." })
  createBenchmarkIndicator(@Arg("input", { description: "The indicator." }) input: CreateBenchmarkIndicatorInput, @Ctx() { access, services }: NetworksContext) {
    return services.benchmarks.createIndicator(access, input);
  }

  @Mutation(() => BenchmarkReport, {
    description: "Reports (or, while the period is open, corrects) a school's value. The school's staff or the network's managers, for an accepted member school.",
  })
  reportBenchmarkValue(@Arg("input", { description: "The school, period and value." }) input: ReportBenchmarkValueInput, @Ctx() { access, services }: NetworksContext) {
    return services.benchmarks.report(access, input);
  }

  @Mutation(() => BenchmarkPeriod, {
    description: "Closes a period: freezes the values of the schools that are accepted members now; its aggregates never change afterwards. The network's managers.",
  })
  closeBenchmarkPeriod(
    @Arg("indicatorId", () => ID, { description: "The indicator." }) indicatorId: string,
    @Arg("period", { description: "The period to close, e.g. 2024-25." }) period: string,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.benchmarks.closePeriod(access, indicatorId, period);
  }
}

@Resolver(() => BenchmarkPeriod)
export class BenchmarkPeriodResolver {
  @FieldResolver(() => BenchmarkEntryConnection, {
    description: "Schools' values one by one, highest first: every school's for the network's managers; otherwise the caller's own schools' and those shared by name.",
  })
  entries(@Root() period: BenchmarkPeriod, @Args() args: PageArgs, @Ctx() { access, services }: NetworksContext) {
    return services.benchmarks.entries(access, period, args);
  }
}

@Resolver(() => BenchmarkEntry)
export class BenchmarkEntryResolver {
  @FieldResolver(() => School, { nullable: true, description: "The school." })
  school(@Root() entry: BenchmarkEntry, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(entry.schoolId);
  }
}

@Resolver(() => BenchmarkReport)
export class BenchmarkReportResolver {
  @FieldResolver(() => School, { nullable: true, description: "The reporting school." })
  school(@Root() report: BenchmarkReport, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(report.schoolId);
  }
}

@Resolver(() => Network)
export class NetworkBenchmarksResolver {
  @FieldResolver(() => BenchmarkIndicatorConnection, { description: "The benchmark indicators the network defines that the caller may read, by name." })
  benchmarkIndicators(@Root() network: Network, @Args() args: PageArgs, @Ctx() { access, repos }: NetworksContext) {
    return repos.benchmarkIndicators.listForNetwork(access, network.id, args);
  }
}
