import { IsIn, IsNumber, IsOptional, Length, Matches } from "class-validator";
import { ArgsType, Field, Float, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { BenchmarkDirection, ReportingPeriod } from "./benchmark-enums";

@InputType({ description: "A new indicator for a network's schools to report." })
export class CreateBenchmarkIndicatorInput {
  @Field(() => ID, { description: "The network that defines it (its managers may)." })
  networkId: string;

  @Field({ description: "Its name, e.g. Chronic absenteeism." })
  @Length(2, 200)
  name: string;

  @Field({ description: "The unit values are in, e.g. percent of students." })
  @Length(1, 100)
  unit: string;

  @Field(() => BenchmarkDirection, { description: "Which end of the scale is better." })
  direction: BenchmarkDirection;

  @Field({ description: "How a school computes its value: an aggregate over its students, never student records." })
  @Length(10, 4000)
  definition: string;

  @Field(() => ReportingPeriod, { description: "How often schools report it." })
  reportingPeriod: ReportingPeriod;

  @Field(() => Float, { nullable: true, description: "The smallest value a school may report, if bounded." })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minimumValue?: number | null;

  @Field(() => Float, { nullable: true, description: "The largest value a school may report, if bounded." })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maximumValue?: number | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may read the definition: PRIVATE, NETWORK or PUBLIC (ALLIANCE is refused)." })
  @IsIn([Visibility.PRIVATE, Visibility.NETWORK, Visibility.PUBLIC], { message: "benchmarks stay inside the network: PRIVATE, NETWORK or PUBLIC" })
  visibility: Visibility;
}

@InputType({ description: "A school's value for one period of an indicator (reported again, it corrects the value while the period is open)." })
export class ReportBenchmarkValueInput {
  @Field(() => ID, { description: "The indicator reported on." })
  indicatorId: string;

  @Field(() => ID, { description: "The reporting school: an accepted member of the indicator's network." })
  schoolId: string;

  @Field({ description: "The period, in the indicator's form (e.g. 2024-25, 2024-25-S1, 2024-25-Q3)." })
  @Matches(/^\d{4}-\d{2}(-[SQ]\d)?$/, { message: "period looks like 2024-25, 2024-25-S1 or 2024-25-Q3" })
  period: string;

  @Field(() => Float, { description: "The school's value, in the indicator's unit." })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  value: number;

  @Field({ defaultValue: false, description: "Let the network's other schools see this value by name once the period closes (else they see it only within aggregates)." })
  shareByName: boolean;
}

@ArgsType()
export class BenchmarkReportsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only this period's reports." })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}(-[SQ]\d)?$/, { message: "period looks like 2024-25, 2024-25-S1 or 2024-25-Q3" })
  period?: string | null;
}

@ArgsType()
export class BenchmarkTrendArgs extends PageArgs {
  @Field(() => ID, { description: "The school whose trend to show: one the caller is staff of, or any member school for the network's managers." })
  schoolId: string;
}
