import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { NeedPriority, NeedStatus } from "../enums";

@InputType()
export class RecordNeedInput {
  @Field(() => ID)
  @Length(1, 64)
  schoolId: string;

  @Field(() => [ID], { description: "Networks to share the need with." })
  @ArrayMaxSize(20)
  networkIds: string[];

  @Field()
  @Length(2, 100)
  focusArea: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => NeedPriority, { defaultValue: NeedPriority.MEDIUM })
  @IsEnum(NeedPriority)
  priority: NeedPriority;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateNeedInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  networkIds?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => NeedPriority, { nullable: true })
  @IsOptional()
  @IsEnum(NeedPriority)
  priority?: NeedPriority;

  @Field(() => Visibility, { nullable: true })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@ArgsType()
export class CloseNeedArgs {
  @Field(() => ID)
  id: string;

  @Field(() => NeedStatus, { description: "ADDRESSED or WITHDRAWN." })
  @IsIn([NeedStatus.ADDRESSED, NeedStatus.WITHDRAWN], { message: "status must be ADDRESSED or WITHDRAWN" })
  status: NeedStatus;
}

/** The filters of every list of needs (`Query.needs`, `School.needs`). */
@ArgsType()
export class NeedFilterArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only needs the school shares with this network." })
  @IsOptional()
  networkId?: string | null;

  @Field(() => String, { nullable: true, description: "Only needs on this focus area (any capitalization or spacing)." })
  @IsOptional()
  focusArea?: string | null;

  @Field({ defaultValue: false, description: "Also list needs marked addressed or withdrawn (by default only open ones)." })
  includeClosed: boolean;
}

@ArgsType()
export class NeedsArgs extends NeedFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only the needs of this school." })
  @IsOptional()
  schoolId?: string | null;
}

@ArgsType()
export class CommonNeedsArgs extends PageArgs {
  @Field(() => Int, { defaultValue: 1, description: "Only needs shared by at least this many schools (1 to 1000)." })
  @IsInt()
  @Min(1)
  @Max(1000)
  minSchools: number;
}
