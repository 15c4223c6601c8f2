import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { NeedPriority, NeedStatus } from "../enums";

@InputType({ description: "A school's new professional-development need." })
export class RecordNeedInput {
  @Field(() => ID, { description: "The school that has the need." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => [ID], { description: "Networks to share the need with." })
  @ArrayMaxSize(20)
  networkIds: string[];

  @Field({ description: "What the school needs to learn about, e.g. literacy (2 to 100 characters)." })
  @Length(2, 100)
  focusArea: string;

  @Field(() => String, { nullable: true, description: "The need in the school's words (up to 2000 characters)." })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => NeedPriority, { defaultValue: NeedPriority.MEDIUM, description: "How urgent it is; defaults to MEDIUM." })
  @IsEnum(NeedPriority)
  priority: NeedPriority;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone). Defaults to NETWORK." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateNeedInput {
  @Field(() => [ID], { nullable: true, description: "The networks it is shared with now." })
  @IsOptional()
  @ArrayMaxSize(20)
  networkIds?: string[];

  @Field(() => String, { nullable: true, description: "A new description; null removes it." })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => NeedPriority, { nullable: true, description: "A new priority." })
  @IsOptional()
  @IsEnum(NeedPriority)
  priority?: NeedPriority;

  @Field(() => Visibility, { nullable: true, description: "A new visibility." })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@ArgsType()
export class CloseNeedArgs {
  @Field(() => ID, { description: "The need's id." })
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
