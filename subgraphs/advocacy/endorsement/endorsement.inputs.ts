import { IsEnum, IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kit";
import { AdvocateKind } from "../enums";

@InputType({ description: "A school, network or organization signing on to a campaign." })
export class EndorseCampaignInput {
  @Field(() => ID, { description: "The campaign: an open one you may see." })
  @Length(1, 64)
  campaignId: string;

  @Field(() => AdvocateKind, { description: "Whether a school, a network or an organization endorses." })
  @IsEnum(AdvocateKind)
  endorserKind: AdvocateKind;

  @Field(() => ID, { description: "The endorsing school, network or organization." })
  @Length(1, 64)
  endorserId: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  endorsedOn?: string | null;

  @Field(() => String, { description: "Why the endorser supports the campaign, up to 2000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 2000)
  statement?: string | null;

  @Field(() => String, { description: "Who signs for the endorser, e.g. its principal.", nullable: true })
  @IsOptional()
  @Length(1, 200)
  signatory?: string | null;
}

@InputType({ description: "When and why an endorsement is withdrawn." })
export class WithdrawEndorsementInput {
  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to today." })
  @IsOptional()
  withdrawnOn?: string | null;

  @Field(() => String, { description: "Why, up to 1000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 1000)
  reason?: string | null;
}

@ArgsType()
export class EndorsementListArgs extends PageArgs {
  @Field(() => AdvocateKind, { description: "Endorsements by schools, networks or organizations only.", nullable: true })
  @IsOptional()
  endorserKind?: AdvocateKind | null;

  @Field({ defaultValue: false, description: "Also list withdrawn endorsements." })
  includeWithdrawn: boolean;
}
