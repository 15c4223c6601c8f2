import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { CampaignLevel, CampaignOrder, CampaignStatus } from "../enums";

const COUNTRY = /^[A-Z]{2}$/;

@InputType()
export class CreateCampaignInput {
  @Field()
  @Length(3, 200)
  title: string;

  @Field()
  @Length(3, 1000)
  policyGoal: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => CampaignLevel)
  @IsEnum(CampaignLevel)
  level: CampaignLevel;

  @Field()
  @Length(2, 200)
  jurisdiction: string;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. NY." })
  @IsOptional()
  @Length(1, 20)
  region?: string | null;

  @Field({ defaultValue: "US", description: "ISO country code." })
  @Matches(COUNTRY, { message: "country must be a two-letter ISO code such as US" })
  country: string;

  @Field()
  @Length(2, 300)
  targetBody: string;

  @Field(() => [String], { defaultValue: [] })
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

  @Field(() => Visibility, { defaultValue: Visibility.PUBLIC })
  @IsEnum(Visibility)
  visibility: Visibility;

  @Field(() => CampaignStatus, { defaultValue: CampaignStatus.PLANNING, description: "PLANNING or ACTIVE (an already running campaign)." })
  @IsEnum(CampaignStatus)
  status: CampaignStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: "Launch date; for an ACTIVE campaign it defaults to today." })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  targetDate?: string | null;
}

@InputType({ description: "Fields to change; omitted fields stay as they are. Status changes go through changeCampaignStatus." })
export class UpdateCampaignInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 200)
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(3, 1000)
  policyGoal?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => CampaignLevel, { nullable: true })
  @IsOptional()
  @IsEnum(CampaignLevel)
  level?: CampaignLevel;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  jurisdiction?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20)
  region?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(COUNTRY, { message: "country must be a two-letter ISO code such as US" })
  country?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 300)
  targetBody?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  issueAreas?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  leadNetworkId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 64, { each: true })
  leadSchoolIds?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  leadOrganizationId?: string | null;

  @Field(() => Visibility, { nullable: true })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  targetDate?: string | null;
}

@InputType()
export class ChangeCampaignStatusInput {
  @Field(() => CampaignStatus)
  @IsEnum(CampaignStatus)
  status: CampaignStatus;

  @Field(() => LocalDateResolver, { nullable: true, description: "When the change took effect; defaults to today." })
  @IsOptional()
  on?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@ArgsType()
export class CampaignsArgs extends PageArgs {
  @Field(() => CampaignLevel, { nullable: true })
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

  @Field(() => ID, { nullable: true })
  @IsOptional()
  leadNetworkId?: string | null;

  @Field(() => CampaignOrder, { defaultValue: CampaignOrder.TITLE })
  orderBy: CampaignOrder;
}

@ArgsType()
export class AdvocateCampaignsArgs {
  @Field(() => [CampaignStatus], { nullable: true, description: "Any of these statuses (default: all)." })
  @IsOptional()
  @ArrayMaxSize(6)
  status?: CampaignStatus[] | null;
}
