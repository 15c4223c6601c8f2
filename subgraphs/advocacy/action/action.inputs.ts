import { ArrayMaxSize, IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";
import { AdvocateRefInput } from "../advocate/advocate";
import { CampaignActionKind, CampaignActionStatus } from "../enums";

@InputType({ description: "An action of a campaign, planned or done." })
export class LogCampaignActionInput {
  @Field(() => ID, { description: "The campaign: one whose lead network you coordinate." })
  @Length(1, 64)
  campaignId: string;

  @Field(() => CampaignActionKind, { description: "What kind of action it is." })
  @IsEnum(CampaignActionKind)
  kind: CampaignActionKind;

  @Field({ description: "A short title, 2 to 200 characters." })
  @Length(2, 200)
  title: string;

  @Field(() => String, { description: "What it is about, up to 4000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver, { description: "When it happens (PLANNED, today or later) or happened (DONE, today or earlier)." })
  date: string;

  @Field(() => CampaignActionStatus, {
    nullable: true,
    description: "PLANNED (date today or later) or DONE (date today or earlier); by default PLANNED for a future date, DONE otherwise.",
  })
  @IsOptional()
  @IsEnum(CampaignActionStatus)
  status?: CampaignActionStatus | null;

  @Field(() => String, { description: "Where, e.g. the Regents meeting room in Albany, or online.", nullable: true })
  @IsOptional()
  @Length(1, 300)
  location?: string | null;

  @Field(() => [AdvocateRefInput], { defaultValue: [], description: "Schools, networks and organizations taking part." })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  participants: AdvocateRefInput[];

  @Field(() => [String], { description: "People who take part, e.g. principals who testify.", defaultValue: [] })
  @ArrayMaxSize(100)
  @Length(1, 200, { each: true })
  people: string[];

  @Field(() => Int, { description: "How many people took part, e.g. signatures of a petition.", nullable: true })
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
  @Field({ description: "A new title, 2 to 200 characters.", nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { description: "A new description; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "A planned action moves to another day (today or later); a done one is corrected (today or earlier)." })
  @IsOptional()
  date?: string;

  @Field(() => String, { description: "A new location; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 300)
  location?: string | null;

  @Field(() => [AdvocateRefInput], { description: "The schools, networks and organizations taking part, replacing the current ones.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  participants?: AdvocateRefInput[];

  @Field(() => [String], { description: "The people taking part, replacing the current ones.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 200, { each: true })
  people?: string[];

  @Field(() => Int, { description: "How many people took part; null clears it.", nullable: true })
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

@InputType({ description: "How a planned action went." })
export class CompleteCampaignActionInput {
  @Field(() => String, { description: "What came of it.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  outcome?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it happened; defaults to the planned date if that has passed, today otherwise." })
  @IsOptional()
  date?: string | null;

  @Field(() => Int, { description: "How many people took part.", nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  participantCount?: number | null;
}

@ArgsType()
export class CampaignActionListArgs extends PageArgs {
  @Field(() => CampaignActionKind, { description: "Actions of this kind.", nullable: true })
  @IsOptional()
  kind?: CampaignActionKind | null;

  @Field(() => CampaignActionStatus, { description: "Actions in this status.", nullable: true })
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
