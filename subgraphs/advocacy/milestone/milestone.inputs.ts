import { IsEnum, IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { CampaignMilestoneKind } from "../enums";

@InputType()
export class RecordCampaignMilestoneInput {
  @Field(() => ID)
  @Length(1, 64)
  campaignId: string;

  @Field(() => CampaignMilestoneKind, { defaultValue: CampaignMilestoneKind.PROGRESS })
  @IsEnum(CampaignMilestoneKind)
  kind: CampaignMilestoneKind;

  @Field()
  @Length(2, 200)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it happened (today or earlier); defaults to today." })
  @IsOptional()
  date?: string | null;
}
