import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { CampaignLevel, CampaignOrder, CampaignStatus } from "../enums";

const COUNTRY = /^[A-Z]{2}$/;

@InputType({ description: "A new policy campaign led by a network." })
export class CreateCampaignInput {
  @Field({ description: "Its title, 3 to 200 characters." })
  @Length(3, 200)
  title: string;

  @Field({ description: "The policy the campaign wants, 3 to 1000 characters." })
  @Length(3, 1000)
  policyGoal: string;

  @Field(() => String, { description: "What the campaign is about, up to 4000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => CampaignLevel, { description: "The level of government it addresses." })
  @IsEnum(CampaignLevel)
  level: CampaignLevel;

  @Field({ description: "Where the policy applies, e.g. New York State." })
  @Length(2, 200)
  jurisdiction: string;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  @IsOptional()
  @Length(1, 20)
  region?: string | null;

  @Field({ defaultValue: "US", description: "ISO country code." })
  @Matches(COUNTRY, { message: "country must be a two-letter ISO code such as US" })
  country: string;

  @Field({ description: "Who decides, e.g. the New York State Board of Regents." })
  @Length(2, 300)
  targetBody: string;

  @Field(() => [String], { description: "Issue areas, e.g. assessment, school funding (at most 20).", defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  issueAreas: string[];

  @Field(() => ID, { description: "The network that leads the campaign." })
  @Length(1, 64)
  leadNetworkId: string;

  @Field(() => [ID], { defaultValue: [], description: "Schools that lead the campaign with the network (e.g. its coordinating school)." })
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  leadSchoolIds: string[];

  @Field(() => ID, { nullable: true, description: "The organization behind the campaign, if any." })
  @IsOptional()
  @Length(1, 64)
  leadOrganizationId?: string | null;

  @Field(() => Visibility, { description: "Who may see the campaign and its record; everyone by default.", defaultValue: Visibility.PUBLIC })
  @IsEnum(Visibility)
  visibility: Visibility;

  @Field(() => CampaignStatus, { defaultValue: CampaignStatus.PLANNING, description: "PLANNING or ACTIVE (an already running campaign)." })
  @IsEnum(CampaignStatus)
  status: CampaignStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: "Launch date; for an ACTIVE campaign it defaults to today." })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { description: "The date the campaign works towards, not before its start.", nullable: true })
  @IsOptional()
  targetDate?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are. Status changes go through changeCampaignStatus." })
export class UpdateCampaignInput {
  @Field({ description: "A new title.", nullable: true })
  @IsOptional()
  @Length(3, 200)
  title?: string;

  @Field({ description: "A new policy goal.", nullable: true })
  @IsOptional()
  @Length(3, 1000)
  policyGoal?: string;

  @Field(() => String, { description: "A new description; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => CampaignLevel, { description: "A new level of government.", nullable: true })
  @IsOptional()
  @IsEnum(CampaignLevel)
  level?: CampaignLevel;

  @Field({ description: "A new jurisdiction.", nullable: true })
  @IsOptional()
  @Length(2, 200)
  jurisdiction?: string;

  @Field(() => String, { description: "A new state or province code; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 20)
  region?: string | null;

  @Field({ description: "A new two-letter ISO country code.", nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: "country must be a two-letter ISO code such as US" })
  country?: string;

  @Field({ description: "A new target body.", nullable: true })
  @IsOptional()
  @Length(2, 300)
  targetBody?: string;

  @Field(() => [String], { description: "The issue areas, replacing the current ones.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  issueAreas?: string[];

  @Field(() => ID, { description: "Hands the campaign to another lead network (one you also coordinate); its record follows.", nullable: true })
  @IsOptional()
  @Length(1, 64)
  leadNetworkId?: string;

  @Field(() => [ID], { description: "The lead schools, replacing the current ones.", nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  leadSchoolIds?: string[];

  @Field(() => ID, { description: "A new lead organization; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 64)
  leadOrganizationId?: string | null;

  @Field(() => Visibility, { description: "Who may see the campaign and its record from now on.", nullable: true })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => LocalDateResolver, { description: "A new start date (a launched campaign keeps one, not in the future).", nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { description: "A new target date; null clears it.", nullable: true })
  @IsOptional()
  targetDate?: string | null;
}

@InputType({ description: "A move of a campaign to another status." })
export class ChangeCampaignStatusInput {
  @Field(() => CampaignStatus, { description: "The status to move to (see CampaignStatus for the moves allowed)." })
  @IsEnum(CampaignStatus)
  status: CampaignStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: "When the change took effect; defaults to today." })
  @IsOptional()
  on?: string | null;

  @Field(() => String, { description: "Why, up to 1000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignLevel, { description: "Campaigns at this level of government.", nullable: true })
  @IsOptional()
  level?: CampaignLevel | null;

  @Field(() => [CampaignStatus], { nullable: true, description: "Any of these statuses." })
  @IsOptional()
  @ArrayMaxSize(6)
  status?: CampaignStatus[] | null;

  @Field(() => String, { nullable: true, description: "Exact jurisdiction, e.g. New York State." })
  @IsOptional()
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  @IsOptional()
  region?: string | null;

  @Field(() => String, { nullable: true, description: "Campaigns that list this issue area." })
  @IsOptional()
  issueArea?: string | null;

  @Field(() => ID, { description: "Campaigns led by this network.", nullable: true })
  @IsOptional()
  leadNetworkId?: string | null;

  @Field(() => CampaignOrder, { description: "The order: by title (default) or newest first.", defaultValue: CampaignOrder.TITLE })
  orderBy: CampaignOrder;
}
