import { IsEnum, IsOptional, Length } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";
import { CampaignMilestoneKind } from "../enums";

@InputType({ description: "A step of a campaign's progress or one of its outcomes." })
export class RecordCampaignMilestoneInput {
  @Field(() => ID, { description: "The campaign: one whose lead network you coordinate, not CLOSED." })
  @Length(1, 64)
  campaignId: string;

  @Field(() => CampaignMilestoneKind, { description: "Progress (default), a setback or an outcome.", defaultValue: CampaignMilestoneKind.PROGRESS })
  @IsEnum(CampaignMilestoneKind)
  kind: CampaignMilestoneKind;

  @Field({ description: "What happened, in short, 2 to 200 characters." })
  @Length(2, 200)
  title: string;

  @Field(() => String, { description: "What happened, in more detail, up to 4000 characters.", nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "When it happened (today or earlier); defaults to today." })
  @IsOptional()
  date?: string | null;
}
