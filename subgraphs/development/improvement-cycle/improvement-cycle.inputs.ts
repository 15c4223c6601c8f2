import { ArrayMaxSize, IsEnum, IsNumber, IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { ImprovementCyclePhase, ImprovementNextStep } from "../enums";
import { DevelopmentOwnerInput } from "../shared/owner";

@InputType({ description: "A measure of an improvement cycle." })
export class ImprovementMeasureInput {
  @Field({ description: "What is measured, e.g. students on track." })
  @Length(2, 300)
  name: string;

  @Field(() => String, { nullable: true, description: "The unit, e.g. percent." })
  @IsOptional()
  @Length(1, 50)
  unit?: string | null;

  @Field(() => Number, { nullable: true, description: "The value before the change." })
  @IsOptional()
  @IsNumber()
  baseline?: number | null;

  @Field(() => Number, { nullable: true, description: "The value the cycle aims for." })
  @IsOptional()
  @IsNumber()
  target?: number | null;
}

@InputType({ description: "The result of one measure, by its name." })
export class MeasureResultInput {
  @Field({ description: "The measure's name, as planned." })
  @Length(2, 300)
  name: string;

  @Field(() => Number, { description: "The measured value." })
  @IsNumber()
  result: number;
}

@InputType({ description: "A new improvement cycle, starting in PLAN." })
export class StartImprovementCycleInput {
  @Field({ description: "A short name (2 to 200 characters)." })
  @Length(2, 200)
  title: string;

  @Field(() => DevelopmentOwnerInput, { description: "The school or network running the cycle." })
  @ValidateNested()
  owner: DevelopmentOwnerInput;

  @Field(() => ID, { nullable: true, description: "The network the cycle is part of; defaults to an owning network." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field(() => [ID], { defaultValue: [], description: "Schools testing the change; an owning school is added." })
  @ArrayMaxSize(100)
  schoolIds: string[];

  @Field({ description: "What the cycle aims to improve, measurably." })
  @Length(5, 2000)
  aim: string;

  @Field(() => String, { nullable: true, description: "The change to test." })
  @IsOptional()
  @Length(2, 4000)
  changeIdea?: string | null;

  @Field(() => String, { nullable: true, description: "What the team expects the change to do." })
  @IsOptional()
  @Length(2, 4000)
  prediction?: string | null;

  @Field(() => [ImprovementMeasureInput], { defaultValue: [], description: "What will be measured (up to 20)." })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measures: ImprovementMeasureInput[];

  @Field(() => ID, { nullable: true, description: "The cycle this one builds on." })
  @IsOptional()
  @Length(1, 64)
  previousCycleId?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone). Defaults to NETWORK." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({
  description:
    "Fields to change; omitted fields stay as they are. Each part belongs to a phase: title, aim, changeIdea, prediction and " +
    "measures to PLAN, observations to DO, results and measureResults to STUDY, nextStep and nextStepNote to ACT.",
})
export class UpdateImprovementCycleInput {
  @Field({ nullable: true, description: "A new name." })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field({ nullable: true, description: "A new aim (PLAN only)." })
  @IsOptional()
  @Length(5, 2000)
  aim?: string;

  @Field(() => String, { nullable: true, description: "The change to test (PLAN only)." })
  @IsOptional()
  @Length(2, 4000)
  changeIdea?: string;

  @Field(() => String, { nullable: true, description: "What the team expects (PLAN only)." })
  @IsOptional()
  @Length(2, 4000)
  prediction?: string;

  @Field(() => [ImprovementMeasureInput], { nullable: true, description: "The measures now (PLAN only)." })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measures?: ImprovementMeasureInput[];

  @Field(() => String, { nullable: true, description: "What happened while trying the change (DO only)." })
  @IsOptional()
  @Length(2, 8000)
  observations?: string;

  @Field(() => String, { nullable: true, description: "What the data showed against the prediction (STUDY only)." })
  @IsOptional()
  @Length(2, 8000)
  results?: string;

  @Field(() => [MeasureResultInput], { nullable: true, description: "Each measure's result (STUDY only)." })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measureResults?: MeasureResultInput[];

  @Field(() => ImprovementNextStep, { nullable: true, description: "Adopt, adapt or abandon the change (ACT only)." })
  @IsOptional()
  @IsEnum(ImprovementNextStep)
  nextStep?: ImprovementNextStep;

  @Field(() => String, { nullable: true, description: "Why (ACT only)." })
  @IsOptional()
  @Length(2, 4000)
  nextStepNote?: string;
}

@ArgsType()
export class AdvanceImprovementCycleArgs {
  @Field(() => ID, { description: "The cycle's id." })
  id: string;

  @Field(() => ImprovementCyclePhase, { description: "The next phase: DO after PLAN, STUDY after DO, ACT after STUDY, COMPLETED after ACT." })
  @IsEnum(ImprovementCyclePhase)
  to: ImprovementCyclePhase;
}

/** The filters of every list of improvement cycles: the root list all of them, `School`'s and `Network`'s all but their own. */
@ArgsType()
export class ImprovementCyclePhaseArgs extends PageArgs {
  @Field(() => ImprovementCyclePhase, { nullable: true, description: "Only cycles now in this phase; every phase when null." })
  @IsOptional()
  phase?: ImprovementCyclePhase | null;
}

const NETWORK_ID = "Only the cycles of this network.";
const SCHOOL_ID = "Only cycles this school takes part in (runs or tests the change in).";

@ArgsType()
export class SchoolImprovementCyclesArgs extends ImprovementCyclePhaseArgs {
  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;
}

@ArgsType()
export class NetworkImprovementCyclesArgs extends ImprovementCyclePhaseArgs {
  @Field(() => ID, { nullable: true, description: SCHOOL_ID })
  @IsOptional()
  schoolId?: string | null;
}

@ArgsType()
export class ImprovementCyclesArgs extends SchoolImprovementCyclesArgs {
  @Field(() => ID, { nullable: true, description: SCHOOL_ID })
  @IsOptional()
  schoolId?: string | null;
}
