import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { CampaignMilestoneKind } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A step of a campaign's progress or one of its outcomes, on the day it happened." })
export class CampaignMilestone {
  @Field(() => ID, { description: "The milestone's id." })
  id: string;

  campaignId: string;

  @Field(() => CampaignMilestoneKind, { description: "Progress, a setback or an outcome." })
  kind: CampaignMilestoneKind;

  @Field({ description: "What happened, in short." })
  title: string;

  @Field(() => String, { description: "What happened, in more detail.", nullable: true })
  description?: string | null;

  @Field(() => LocalDateResolver, { description: "The day it happened." })
  date: string;

  @Field({ description: "When it was recorded." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of a campaign's milestones." })
export class CampaignMilestoneConnection extends ConnectionType(CampaignMilestone) {}
