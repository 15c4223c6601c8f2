import { ArrayMaxSize, IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { LearningCommunityRole } from "../enums";
import { DevelopmentOwnerInput } from "../shared/owner";

@InputType()
export class LearningCommunityMemberInput {
  @Field(() => ID)
  @Length(1, 64)
  schoolId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  educatorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => LearningCommunityRole, { defaultValue: LearningCommunityRole.MEMBER })
  @IsEnum(LearningCommunityRole)
  role: LearningCommunityRole;
}

@InputType()
export class FormLearningCommunityInput {
  @Field()
  @Length(2, 200)
  name: string;

  @Field()
  @Length(2, 200)
  jobAlike: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => DevelopmentOwnerInput)
  @ValidateNested()
  owner: DevelopmentOwnerInput;

  @Field(() => ID, { nullable: true, description: "The network it belongs to; defaults to a convening network." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  meetingCadence?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  formedOn?: string | null;

  @Field(() => [LearningCommunityMemberInput], { defaultValue: [], description: "Founding members." })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  members: LearningCommunityMemberInput[];

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK })
  @IsEnum(Visibility)
  visibility: Visibility;
}

/** The filters of every list of learning communities: the root list and `School`'s and `Educator`'s all, `Network`'s all but the network. */
@ArgsType()
export class LearningCommunityFilterArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only communities on this focus area (any capitalization or spacing)." })
  @IsOptional()
  focusArea?: string | null;
}

@ArgsType()
export class LearningCommunitiesArgs extends LearningCommunityFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only the communities of this network." })
  @IsOptional()
  networkId?: string | null;
}

@ArgsType()
export class LearningCommunityMembersArgs extends PageArgs {
  @Field({ defaultValue: false, description: "Also list members who left (by default only current ones)." })
  includeLeft: boolean;
}
