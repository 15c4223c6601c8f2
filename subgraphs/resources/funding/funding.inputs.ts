import { IsEnum, IsNumber, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, Float, ID, InputType } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { FundingKind } from "../enums";

const CURRENCY = /^[A-Z]{3}$/;
const CURRENCY_MESSAGE = "currency must be an ISO 4217 code such as USD";
const MAX_AMOUNT = 1e12;

@InputType({ description: "A grant or in-kind support secured through a network." })
export class RecordFundingAwardInput {
  @Field(() => ID, { description: "The network it was secured through (networks subgraph id), which owns the record: one you coordinate." })
  @Length(1, 64)
  networkId: string;

  @Field({ description: "Who funds it, e.g. Bill & Melinda Gates Foundation." })
  @Length(2, 200)
  funder: string;

  @Field(() => ID, { nullable: true, description: "The funder as an organization of the networks subgraph, when it is one." })
  @IsOptional()
  @Length(1, 64)
  funderOrganizationId?: string | null;

  @Field(() => FundingKind, { description: "A private or government grant, in-kind support, or other." })
  @IsEnum(FundingKind)
  kind: FundingKind;

  @Field(() => Float, { description: "Positive, to the cent." })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_AMOUNT)
  amount: number;

  @Field({ description: "ISO 4217 code, e.g. USD (the default).", defaultValue: "USD" })
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency: string;

  @Field(() => LocalDateResolver, { description: "When the funding starts." })
  startDate: string;

  @Field(() => LocalDateResolver, { description: "When the funding ends, not before it starts; omit when open-ended.", nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { description: "What it pays for, up to 2000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 2000)
  purpose?: string | null;

  @Field(() => Visibility, { defaultValue: Visibility.NETWORK, description: "Who may see the award; the network's members by default." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are. The network cannot change." })
export class UpdateFundingAwardInput {
  @Field({ description: "A new funder name.", nullable: true })
  @IsOptional()
  @Length(2, 200)
  funder?: string;

  @Field(() => ID, { description: "The funder as an organization of the hub; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 64)
  funderOrganizationId?: string | null;

  @Field(() => FundingKind, { description: "A new kind.", nullable: true })
  @IsOptional()
  @IsEnum(FundingKind)
  kind?: FundingKind;

  @Field(() => Float, { description: "A new amount: positive, to the cent.", nullable: true })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(MAX_AMOUNT)
  amount?: number;

  @Field({ description: "A new ISO 4217 currency code.", nullable: true })
  @IsOptional()
  @Matches(CURRENCY, { message: CURRENCY_MESSAGE })
  currency?: string;

  @Field(() => LocalDateResolver, { description: "A new start date, not after the end date.", nullable: true })
  @IsOptional()
  startDate?: string;

  @Field(() => LocalDateResolver, { description: "A new end date; null makes it open-ended.", nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { description: "A new purpose; null clears it.", nullable: true })
  @IsOptional()
  @Length(1, 2000)
  purpose?: string | null;

  @Field(() => Visibility, { description: "Who may see the award from now on.", nullable: true })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

@ArgsType()
export class FundingAwardsArgs extends PageArgs {
  @Field(() => ID, { description: "Awards secured through this network.", nullable: true })
  @IsOptional()
  networkId?: string | null;

  @Field(() => FundingKind, { description: "Awards of this kind.", nullable: true })
  @IsOptional()
  @IsEnum(FundingKind)
  kind?: FundingKind | null;

  @Field(() => String, { nullable: true, description: "Awards from this funder (exact name)." })
  @IsOptional()
  @Length(1, 200)
  funder?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Awards ending on or after this day (open-ended awards never match)." })
  @IsOptional()
  endingFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Awards ending on or before this day, e.g. the last day of this year (open-ended awards never match)." })
  @IsOptional()
  endingTo?: string | null;
}
