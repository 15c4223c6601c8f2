import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Matches, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";

@InputType({ description: "One stage of a pathway." })
export class PathwayStageInput {
  @Field(() => ID, { description: "The school of this stage." })
  schoolId: string;

  @Field(() => String, { nullable: true, description: "The grades of this stage, e.g. 6-8." })
  @IsOptional()
  @Length(1, 20)
  grades?: string | null;
}

@InputType({ description: "A pathway to record." })
export class CreatePathwayInput {
  @Field({ description: "The pathway's name." })
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true, description: "What the pathway is." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The network the pathway belongs to, if any." })
  @IsOptional()
  networkId?: string | null;

  @Field(() => [PathwayStageInput], { description: "Schools in the order students move through them." })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  stages: PathwayStageInput[];
}

@InputType({ description: "One school year's count of students moving between two consecutive stages." })
export class PathwayTransitionInput {
  @Field(() => ID, { description: "The school students left." })
  fromSchoolId: string;

  @Field(() => ID, { description: "The next stage's school." })
  toSchoolId: string;

  @Field({ description: "The school year, e.g. 2024-25." })
  @Matches(/^\d{4}-\d{2}$/, { message: "schoolYear must look like 2024-25" })
  schoolYear: string;

  @Field(() => Int, { description: "Students who moved on that year." })
  @IsInt()
  @Min(0)
  studentCount: number;

  @Field(() => Int, { nullable: true, description: "Of them, those who moved on on time." })
  @IsOptional()
  @IsInt()
  @Min(0)
  onTimeCount?: number | null;
}

/** The filters every list of pathways takes (`Query.pathways`, `School.pathways`). */
@ArgsType()
export class PathwayFilterArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only the pathways of this network." })
  @IsOptional()
  networkId?: string | null;
}

@ArgsType()
export class PathwaysArgs extends PathwayFilterArgs {
  @Field(() => ID, { nullable: true, description: "Pathways that include this school." })
  @IsOptional()
  schoolId?: string | null;
}
