import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";
import { AdvocateRefInput } from "../advocate/advocate";
import { CampaignActionKind, CampaignActionStatus } from "../enums";

@InputType()
export class LogCampaignActionInput {
  @Field(() => ID)
  @Length(1, 64)
  campaignId: string;

  @Field(() => CampaignActionKind)
  @IsEnum(CampaignActionKind)
  kind: CampaignActionKind;

  @Field()
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver)
  date: string;

  @Field(() => CampaignActionStatus, {
    nullable: true,
    description: "PLANNED (date today or later) or DONE (date today or earlier); by default PLANNED for a future date, DONE otherwise.",
  })
  @IsOptional()
  @IsEnum(CampaignActionStatus)
  status?: CampaignActionStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  location?: string | null;

  @Field(() => [AdvocateRefInput], { defaultValue: [], description: "Schools, networks and organizations taking part." })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  participants: AdvocateRefInput[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(100)
  @Length(1, 200, { each: true })
  people: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participantCount?: number | null;

  @Field(() => String, { nullable: true, description: "Only for DONE actions." })
  @IsOptional()
  @Length(1, 4000)
  outcome?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are. Status changes go through completeCampaignAction and cancelCampaignAction." })
export class UpdateCampaignActionInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "A planned action moves to another day (today or later); a done one is corrected (today or earlier)." })
  @IsOptional()
  date?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  location?: string | null;

  @Field(() => [AdvocateRefInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  participants?: AdvocateRefInput[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 200, { each: true })
  people?: string[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participantCount?: number | null;

  @Field(() => String, { nullable: true, description: "Only for DONE actions." })
  @IsOptional()
  @Length(1, 4000)
  outcome?: string | null;
}

@InputType()
export class CompleteCampaignActionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  outcome?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it happened; defaults to the planned date if that has passed, today otherwise." })
  @IsOptional()
  date?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participantCount?: number | null;
}

@ArgsType()
export class CampaignActionListArgs extends PageArgs {
  @Field(() => CampaignActionKind, { nullable: true })
  @IsOptional()
  kind?: CampaignActionKind | null;

  @Field(() => CampaignActionStatus, { nullable: true })
  @IsOptional()
  status?: CampaignActionStatus | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "On or after this date." })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "On or before this date." })
  @IsOptional()
  to?: string | null;

  @Field({ defaultValue: false, description: "Latest first instead of in date order." })
  newestFirst: boolean;
}

@ArgsType()
export class CampaignActionsArgs extends CampaignActionListArgs {
  @Field(() => ID, { nullable: true, description: "One campaign's actions; all campaigns' when omitted." })
  @IsOptional()
  campaignId?: string | null;
}

@ArgsType()
export class NextActionsArgs {
  @Field(() => Int, { defaultValue: 3, description: "How many, 1 to 20." })
  @Min(1)
  @Max(20)
  first: number;
}
