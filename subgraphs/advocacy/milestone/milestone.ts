import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Provenance } from "../../kit";
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

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}
