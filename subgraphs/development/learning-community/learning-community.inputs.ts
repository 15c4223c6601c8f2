import { ArrayMaxSize, IsEnum, IsOptional, Length, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { LearningCommunityRole } from "../enums";
import { DevelopmentOwnerInput } from "../shared/owner";

@InputType({ description: "A school, and usually one of its educators, joining a learning community." })
export class LearningCommunityMemberInput {
  @Field(() => ID, { description: "The member's school." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => ID, { nullable: true, description: "The educator, when the hub knows them." })
  @IsOptional()
  @Length(1, 64)
  educatorId?: string | null;

  @Field(() => String, { nullable: true, description: "The member's name, when not an educator record of the hub." })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => LearningCommunityRole, { defaultValue: LearningCommunityRole.MEMBER, description: "FACILITATOR or MEMBER (the default)." })
  @IsEnum(LearningCommunityRole)
  role: LearningCommunityRole;
}

@InputType({ description: "A new learning community." })
export class FormLearningCommunityInput {
  @Field({ description: "Its name (2 to 200 characters)." })
  @Length(2, 200)
  name: string;

  @Field({ description: "The shared job, e.g. science teachers." })
  @Length(2, 200)
  jobAlike: string;

  @Field(() => String, { nullable: true, description: "What it does (up to 4000 characters)." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => DevelopmentOwnerInput, { description: "Who convenes it: a network, a school or an organization (within one of its networks)." })
  @ValidateNested()
  owner: DevelopmentOwnerInput;

  @Field(() => ID, { nullable: true, description: "The network it belongs to; defaults to a convening network." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field(() => [String], { defaultValue: [], description: "What it works on (up to 20)." })
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => String, { nullable: true, description: "How often it meets, e.g. monthly video calls." })
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

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone). Defaults to NETWORK." })
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
