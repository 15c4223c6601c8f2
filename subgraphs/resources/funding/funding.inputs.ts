import { IsEnum, IsNumber, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, Float, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { FundingKind } from "../enums";

const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = "currency must be an ISO 4217 code such as USD";
const MAX_AMOUNT = 1e12;

@InputType()
export class RecordFundingAwardInput {
  @Field(() => ID, { description: "The network it was secured through (networks subgraph id), which owns the record: one you coordinate." })
  @Length(1, 64)
  networkId: string;

  @Field()
  @Length(2, 200)
  funder: string;

  @Field(() => ID, { nullable: true, description: "The funder as an organization of the networks subgraph, when it is one." })
  @IsOptional()
  @Length(1, 64)
  funderOrganizationId?: string | null;

  @Field(() => FundingKind)
  @IsEnum(FundingKind)
  kind: FundingKind;

  @Field(() => Float, { description: "Positive, to the cent." })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_AMOUNT)
  amount: number;

  @Field({ defaultValue: "USD" })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency: string;

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  purpose?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the award; the network's members by default." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are. The network cannot change." })
export class UpdateFundingAwardInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  funder?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  funderOrganizationId?: string | null;

  @Field(() => FundingKind, { nullable: true })
  @IsOptional()
  @IsEnum(FundingKind)
  kind?: FundingKind;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_AMOUNT)
  amount?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  purpose?: string | null;

  @Field(() => Visibility, { nullable: true })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@ArgsType()
export class FundingAwardsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  networkId?: string | null;

  @Field(() => FundingKind, { nullable: true })
  @IsOptional()
  @IsEnum(FundingKind)
  kind?: FundingKind | null;

  @Field(() => String, { nullable: true, description: "Awards from this funder (exact name)." })
  @IsOptional()
  @Length(1, 200)
  funder?: string | null;
}
