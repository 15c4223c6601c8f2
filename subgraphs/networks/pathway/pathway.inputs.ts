import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Matches, Min, ValidateNested } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";

@InputType()
export class PathwayStageInput {
  @Field(() => ID)
  schoolId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20)
  grades?: string | null;
}

@InputType()
export class CreatePathwayInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  networkId?: string | null;

  @Field(() => [PathwayStageInput], { description: "Schools in the order students move through them." })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  stages: PathwayStageInput[];
}

@InputType()
export class PathwayTransitionInput {
  @Field(() => ID)
  fromSchoolId: string;

  @Field(() => ID)
  toSchoolId: string;

  @Field()
  @Matches(/^\d{4}-\d{2}$/, { message: "schoolYear must look like 2024-25" })
  schoolYear: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  studentCount: number;

  @Field(() => Int, { nullable: true })
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
