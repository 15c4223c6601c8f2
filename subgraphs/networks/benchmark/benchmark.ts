import { Field, Float, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, type PolicyOwner } from "../../kit";
import { BenchmarkDirection, ReportingPeriod } from "./benchmark-enums";
import { BenchmarkPosition, BenchmarkSuppression, type CohortValue, type Quartiles } from "./benchmark-statistics";

@ObjectType({ description: "A measure a network's schools report and compare themselves on (learning by verification), e.g. chronic absenteeism." })
export class BenchmarkIndicator {
  @Field(() => ID, { description: "The indicator's id." })
  id: string;

  networkId: string;

  @Field({ description: "Its name, e.g. Ninth graders on track to graduate." })
  name: string;

  @Field({ description: "The unit values are in, e.g. percent of students." })
  unit: string;

  @Field(() => BenchmarkDirection, { description: "Which end of the scale is better." })
  direction: BenchmarkDirection;

  @Field({ description: "How a school computes its value (aggregates over its students, never student records)." })
  definition: string;

  @Field(() => ReportingPeriod, { description: "How often schools report it, and so the form of its period labels." })
  reportingPeriod: ReportingPeriod;

  @Field(() => Float, { nullable: true, description: "The smallest value a school may report, when bounded (e.g. 0 for a percentage)." })
  minimumValue: number | null;

  @Field(() => Float, { nullable: true, description: "The largest value a school may report, when bounded (e.g. 100 for a percentage)." })
  maximumValue: number | null;

  @Field(() => Visibility, { description: "Who may read the definition (PRIVATE, NETWORK or PUBLIC; values are never public)." })
  visibility: Visibility;

  @Field({ description: "When the network defined it." })
  createdAt: Date;
}

@ObjectType({ description: "A page of benchmark indicators." })
export class BenchmarkIndicatorConnection extends ConnectionType(BenchmarkIndicator) {}

@ObjectType({ description: "A value a school reported for a period that is still open; its school's staff and the network's managers read it." })
export class BenchmarkReport {
  @Field(() => ID, { description: "The report's id." })
  id: string;

  indicatorId: string;

  schoolId: string;

  @Field({ description: "The period it is for, e.g. 2024-25." })
  period: string;

  @Field(() => Float, { description: "The school's value, in the indicator's unit." })
  value: number;

  @Field({ description: "Whether the school lets the network's other schools see this value by name once the period closes." })
  sharedByName: boolean;

  @Field({ description: "When it was first reported." })
  createdAt: Date;

  @Field({ description: "When it was last corrected." })
  updatedAt: Date;
}

@ObjectType({ description: "A page of reported benchmark values." })
export class BenchmarkReportConnection extends ConnectionType(BenchmarkReport) {}

@ObjectType({ description: "One school's value in a closed period, as the caller may see it: their own, one shared by name, or (network managers) any." })
export class BenchmarkEntry implements CohortValue {
  schoolId: string;

  @Field(() => Float, { description: "The school's value, in the indicator's unit." })
  value: number;

  @Field({ description: "Whether the school shares this value by name with the network's other schools." })
  sharedByName: boolean;

  @Field(() => BenchmarkPosition, { nullable: true, description: "Where the value sits against the quartiles; null when the caller may not see them." })
  position: BenchmarkPosition | null;
}

@ObjectType({ description: "A page of schools' values in a closed benchmark period." })
export class BenchmarkEntryConnection extends ConnectionType(BenchmarkEntry) {}

@ObjectType({ description: "A closed reporting period of an indicator: a frozen snapshot of the network's values, shown as aggregates." })
export class BenchmarkPeriod {
  @Field(() => ID, { description: "The closed period's id." })
  id: string;

  indicatorId: string;

  @Field({ description: "The period, e.g. 2024-25." })
  period: string;

  @Field({ description: "When the network's managers closed it; nothing in it changes afterwards." })
  closedAt: Date;

  @Field(() => Int, { description: "How many schools' values it holds (accepted members at closing that reported)." })
  schoolCount: number;

  @Field(() => BenchmarkSuppression, { nullable: true, description: "Why the aggregates are withheld from the caller; null when they are shown." })
  suppressed: BenchmarkSuppression | null;

  @Field(() => Float, { nullable: true, description: "The lower quartile of the values (linear interpolation); null when suppressed." })
  lowerQuartile: number | null;

  @Field(() => Float, { nullable: true, description: "The median of the values; null when suppressed." })
  median: number | null;

  @Field(() => Float, { nullable: true, description: "The upper quartile of the values (linear interpolation); null when suppressed." })
  upperQuartile: number | null;

  owner: PolicyOwner;

  cohort: CohortValue[];

  quartiles: Quartiles | null;
}

@ObjectType({ description: "A page of closed benchmark periods, newest first." })
export class BenchmarkPeriodConnection extends ConnectionType(BenchmarkPeriod) {}

@ObjectType({ description: "One school's value in one closed period beside the network's aggregates: a point of its trend." })
export class BenchmarkTrendPoint {
  @Field({ description: "The period, e.g. 2024-25." })
  period: string;

  @Field(() => Float, { nullable: true, description: "The school's value; null when it did not report for the period." })
  value: number | null;

  @Field(() => BenchmarkSuppression, { nullable: true, description: "Why the aggregates are withheld from the caller; null when they are shown." })
  suppressed: BenchmarkSuppression | null;

  @Field(() => Float, { nullable: true, description: "The network's lower quartile; null when suppressed." })
  lowerQuartile: number | null;

  @Field(() => Float, { nullable: true, description: "The network's median; null when suppressed." })
  median: number | null;

  @Field(() => Float, { nullable: true, description: "The network's upper quartile; null when suppressed." })
  upperQuartile: number | null;

  @Field(() => BenchmarkPosition, { nullable: true, description: "Where the school's value sits; null without a value or when suppressed." })
  position: BenchmarkPosition | null;
}

@ObjectType({ description: "A page of a school's benchmark trend, newest period first." })
export class BenchmarkTrendPointConnection extends ConnectionType(BenchmarkTrendPoint) {}
