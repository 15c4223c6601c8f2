import { IsEnum, IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { AdvocateKind } from "../enums";

@InputType()
export class EndorseCampaignInput {
  @Field(() => ID)
  @Length(1, 64)
  campaignId: string;

  @Field(() => AdvocateKind)
  @IsEnum(AdvocateKind)
  endorserKind: AdvocateKind;

  @Field(() => ID, { description: "The endorsing school, network or organization." })
  @Length(1, 64)
  endorserId: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  endorsedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  statement?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  signatory?: string | null;
}

@InputType()
export class WithdrawEndorsementInput {
  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  withdrawnOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  reason?: string | null;
}

@ArgsType()
export class EndorsementListArgs extends PageArgs {
  @Field(() => AdvocateKind, { nullable: true })
  @IsOptional()
  endorserKind?: AdvocateKind | null;

  @Field({ defaultValue: false, description: "Also list withdrawn endorsements." })
  includeWithdrawn: boolean;
}

@ArgsType()
export class EndorserCampaignsArgs {
  @Field({ defaultValue: false, description: "Also list endorsements that were withdrawn." })
  includeWithdrawn: boolean;
}
