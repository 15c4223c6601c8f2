import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CampaignMilestoneKind } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A step of a campaign's progress or one of its outcomes, on the day it happened." })
export class CampaignMilestone {
  @Field(() => ID)
  id: string;

  campaignId: string;

  @Field(() => CampaignMilestoneKind)
  kind: CampaignMilestoneKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => LocalDateResolver)
  date: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}
