import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { AdvocateKind } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A school, network or organization signing on to a campaign; one per endorser and campaign." })
export class Endorsement {
  @Field(() => ID, { description: "The endorsement's id." })
  id: string;

  campaignId: string;

  @Field(() => AdvocateKind, { description: "Whether a school, a network or an organization endorses." })
  endorserKind: AdvocateKind;

  endorserId: string;

  @Field(() => LocalDateResolver, { description: "The day the endorser signed on." })
  endorsedOn: string;

  @Field(() => String, { nullable: true, description: "Why the endorser supports the campaign, in its own words." })
  statement?: string | null;

  @Field(() => String, { nullable: true, description: "Who signed for the endorser, e.g. its principal." })
  signatory?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Set once the endorsement is withdrawn." })
  withdrawnOn?: string | null;

  @Field(() => String, { description: "Why it was withdrawn, in the endorser's words.", nullable: true })
  withdrawalReason?: string | null;

  @Field({ description: "When it was recorded." })
  createdAt: Date;

  @Field({ description: "When it last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of endorsements." })
export class EndorsementConnection extends ConnectionType(Endorsement) {}
