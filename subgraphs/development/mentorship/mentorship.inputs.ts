import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { MentorshipActivityDirection, MentorshipActivityKind, MentorshipEndReason, MentorshipRole, MentorshipStatus } from "../enums";

@ArgsType()
export class SetMentorCapacityArgs {
  @Field(() => ID, { description: "The mentor school's id." })
  @Length(1, 64)
  schoolId: string;

  @Field(() => Int, { description: "Most active partners at once (0 stops taking new ones)." })
  @IsInt()
  @Min(0)
  @Max(50)
  capacity: number;

  @Field(() => ID, {
    nullable: true,
    description: "The network the school mentors for (one it is an accepted member of); descriptive: who may set the capacity does not depend on it.",
  })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;
}

@InputType({ description: "A new mentorship between a mentor school and a partner school." })
export class StartMentorshipInput {
  @Field(() => ID, { description: "The mentor school: it must have stated a capacity with a place left." })
  @Length(1, 64)
  mentorSchoolId: string;

  @Field(() => ID, { description: "The partner school, another school than the mentor." })
  @Length(1, 64)
  partnerSchoolId: string;

  @Field(() => ID, { nullable: true, description: "The network the pairing belongs to, if any." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field(() => [String], { description: "What the partners work on (1 to 20)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => String, { nullable: true, description: "What the partners set out to do." })
  @IsOptional()
  @Length(1, 4000)
  goals?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  startDate?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone). Defaults to NETWORK; the partner school's staff always see it." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "How a mentorship ends." })
export class EndMentorshipInput {
  @Field(() => MentorshipEndReason, { description: "Why it ends." })
  @IsEnum(MentorshipEndReason)
  reason: MentorshipEndReason;

  @Field(() => String, { nullable: true, description: "How it ended, in the partners' words." })
  @IsOptional()
  @Length(1, 4000)
  note?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  endDate?: string | null;
}

@InputType({ description: "A visit, exchange or meeting that took place." })
export class LogMentorshipActivityInput {
  @Field(() => MentorshipActivityKind, { description: "What took place." })
  @IsEnum(MentorshipActivityKind)
  kind: MentorshipActivityKind;

  @Field(() => MentorshipActivityDirection, { defaultValue: MentorshipActivityDirection.MENTOR_TO_PARTNER, description: "Who travelled or gave; defaults to MENTOR_TO_PARTNER." })
  @IsEnum(MentorshipActivityDirection)
  direction: MentorshipActivityDirection;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today; not in the future." })
  @IsOptional()
  date?: string | null;

  @Field({ description: "What happened (2 to 4000 characters)." })
  @Length(2, 4000)
  summary: string;

  @Field(() => Int, { nullable: true, description: "How many people took part (1 to 10000)." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  participantCount?: number | null;
}

/*
 * Every list of mentorships takes the same filters: the root list all of them, `Network.mentorships` all
 * but the network, `School.mentorships` the school's `role` in place of the mentor and partner school.
 */

@ArgsType()
export class MentorshipFilterArgs extends PageArgs {
  @Field(() => MentorshipStatus, { nullable: true, description: "Only mentorships in this status (ACTIVE for current ones); all when null." })
  @IsOptional()
  status?: MentorshipStatus | null;

  @Field(() => String, { nullable: true, description: "Only mentorships on this focus area (any capitalization or spacing)." })
  @IsOptional()
  focusArea?: string | null;
}

const NETWORK_ID = "Only mentorships held as part of this network.";

@ArgsType()
export class NetworkMentorshipsArgs extends MentorshipFilterArgs {
  @Field(() => ID, { nullable: true, description: "Only mentorships with this mentor school." })
  @IsOptional()
  mentorSchoolId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only mentorships with this partner school." })
  @IsOptional()
  partnerSchoolId?: string | null;
}

@ArgsType()
export class MentorshipsArgs extends NetworkMentorshipsArgs {
  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;
}

@ArgsType()
export class SchoolMentorshipsArgs extends MentorshipFilterArgs {
  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;

  @Field(() => MentorshipRole, { nullable: true, description: "Only mentorships in which the school is on this side; both sides when null." })
  @IsOptional()
  role?: MentorshipRole | null;
}
