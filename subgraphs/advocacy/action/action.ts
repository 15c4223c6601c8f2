import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import type { AdvocateRef } from "../advocate/advocate";
import { CampaignActionKind, CampaignActionStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "Something a campaign does (testimony, a letter, a meeting, an event, a petition), planned or done." })
export class CampaignAction {
  @Field(() => ID, { description: "The action's id." })
  id: string;

  campaignId: string;

  @Field(() => CampaignActionKind, { description: "What kind of action it is." })
  kind: CampaignActionKind;

  @Field({ description: "A short title, e.g. Testimony before the Board of Regents." })
  title: string;

  @Field(() => String, { description: "What it is about, in more detail.", nullable: true })
  description?: string | null;

  @Field(() => LocalDateResolver, { description: "When it happens (PLANNED) or happened (DONE)." })
  date: string;

  @Field(() => CampaignActionStatus, { description: "PLANNED, DONE or CANCELLED." })
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

  @Field({ description: "When it was logged." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of campaign actions." })
export class CampaignActionConnection extends ConnectionType(CampaignAction) {}
