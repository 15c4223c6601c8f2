import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { MentorshipActivityDirection, MentorshipActivityKind, MentorshipEndReason, MentorshipStatus } from "../enums";

@ArgsType()
export class SetMentorCapacityArgs {
  @Field(() => ID)
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

@InputType()
export class StartMentorshipInput {
  @Field(() => ID)
  @Length(1, 64)
  mentorSchoolId: string;

  @Field(() => ID)
  @Length(1, 64)
  partnerSchoolId: string;

  @Field(() => ID, { nullable: true, description: "The network the pairing belongs to, if any." })
  @IsOptional()
  @Length(1, 64)
  networkId?: string | null;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  goals?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  startDate?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType()
export class EndMentorshipInput {
  @Field(() => MentorshipEndReason)
  @IsEnum(MentorshipEndReason)
  reason: MentorshipEndReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  note?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  endDate?: string | null;
}

@InputType()
export class LogMentorshipActivityInput {
  @Field(() => MentorshipActivityKind)
  @IsEnum(MentorshipActivityKind)
  kind: MentorshipActivityKind;

  @Field(() => MentorshipActivityDirection, { defaultValue: MentorshipActivityDirection.MENTOR_TO_PARTNER })
  @IsEnum(MentorshipActivityDirection)
  direction: MentorshipActivityDirection;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today; not in the future." })
  @IsOptional()
  date?: string | null;

  @Field()
  @Length(2, 4000)
  summary: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  participantCount?: number | null;
}

@ArgsType()
export class MentorshipsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  mentorSchoolId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  partnerSchoolId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  networkId?: string | null;

  @Field(() => MentorshipStatus, { nullable: true })
  @IsOptional()
  status?: MentorshipStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  focusArea?: string | null;
}
