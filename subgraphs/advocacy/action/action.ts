import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import type { AdvocateRef } from "../advocate/advocate";
import { CampaignActionKind, CampaignActionStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "Something a campaign does (testimony, a letter, a meeting, an event, a petition), planned or done." })
export class CampaignAction {
  @Field(() => ID)
  id: string;

  campaignId: string;

  @Field(() => CampaignActionKind)
  kind: CampaignActionKind;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => LocalDateResolver, { description: "When it happens (PLANNED) or happened (DONE)." })
  date: string;

  @Field(() => CampaignActionStatus)
  status: CampaignActionStatus;

  @Field(() => String, { nullable: true, description: "Where, e.g. the Regents meeting room in Albany, or online." })
  location?: string | null;

  participants: AdvocateRef[];

  @Field(() => [String], { description: "People who took part, e.g. principals who testified." })
  people: string[];

  @Field(() => Int, { nullable: true, description: "How many people took part, e.g. signatures of a petition or attendance of an event." })
  participantCount?: number | null;

  @Field(() => String, { nullable: true, description: "What came of it (DONE), or why it was cancelled (CANCELLED)." })
  outcome?: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class CampaignActionConnection extends ConnectionType(CampaignAction) {}
