import { ArrayMaxSize, IsEnum, IsNumber, IsOptional, Length, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { ImprovementCyclePhase, ImprovementNextStep } from "../enums";
import { DevelopmentOwnerInput } from "../shared/owner";

@InputType()
export class ImprovementMeasureInput {
  @Field()
  @Length(2, 300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 50)
  unit?: string | null;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @IsNumber()
  baseline?: number | null;

  @Field(() => Number, { nullable: true })
  @IsOptional()
  @IsNumber()
  target?: number | null;
}

@InputType()
export class MeasureResultInput {
  @Field({ description: "The measure's name, as planned." })
  @Length(2, 300)
  name: string;

  @Field(() => Number)
  @IsNumber()
  result: number;
}

@InputType()
export class StartImprovementCycleInput {
  @Field()
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

  @Field()
  @Length(5, 2000)
  aim: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 4000)
  changeIdea?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 4000)
  prediction?: string | null;

  @Field(() => [ImprovementMeasureInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measures: ImprovementMeasureInput[];

  @Field(() => ID, { nullable: true, description: "The cycle this one builds on." })
  @IsOptional()
  @Length(1, 64)
  previousCycleId?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({
  description:
    "Fields to change; omitted fields stay as they are. Each part belongs to a phase: title, aim, changeIdea, prediction and " +
    "measures to PLAN, observations to DO, results and measureResults to STUDY, nextStep and nextStepNote to ACT.",
})
export class UpdateImprovementCycleInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(5, 2000)
  aim?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 4000)
  changeIdea?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 4000)
  prediction?: string;

  @Field(() => [ImprovementMeasureInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measures?: ImprovementMeasureInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 8000)
  observations?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 8000)
  results?: string;

  @Field(() => [MeasureResultInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  measureResults?: MeasureResultInput[];

  @Field(() => ImprovementNextStep, { nullable: true })
  @IsOptional()
  @IsEnum(ImprovementNextStep)
  nextStep?: ImprovementNextStep;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 4000)
  nextStepNote?: string;
}

@ArgsType()
export class AdvanceImprovementCycleArgs {
  @Field(() => ID)
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
