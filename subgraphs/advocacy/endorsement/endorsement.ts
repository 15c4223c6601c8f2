import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { AdvocateKind } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A school, network or organization signing on to a campaign; one per endorser and campaign." })
export class Endorsement {
  @Field(() => ID)
  id: string;

  campaignId: string;

  @Field(() => AdvocateKind)
  endorserKind: AdvocateKind;

  endorserId: string;

  @Field(() => LocalDateResolver)
  endorsedOn: string;

  @Field(() => String, { nullable: true, description: "Why the endorser supports the campaign, in its own words." })
  statement?: string | null;

  @Field(() => String, { nullable: true, description: "Who signed for the endorser, e.g. its principal." })
  signatory?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Set once the endorsement is withdrawn." })
  withdrawnOn?: string | null;

  @Field(() => String, { nullable: true })
  withdrawalReason?: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class EndorsementConnection extends ConnectionType(Endorsement) {}
