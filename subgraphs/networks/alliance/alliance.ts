import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { AllianceScope, SharedDataKind } from "../enums";

@ObjectType({ description: "Which kinds of data the alliance's member networks share with each other." })
export class DataSharingAgreement {
  @Field(() => [SharedDataKind], { description: "The kinds of data member networks share with each other (records with ALLIANCE visibility)." })
  sharedKinds: SharedDataKind[];

  @Field(() => LocalDateResolver, { description: "The day the agreement takes effect." })
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: "Terms in the partners' own words." })
  terms?: string | null;
}

@ObjectType({ description: "A strategic alliance of networks, national or international." })
export class Alliance {
  @Field(() => ID, { description: "The alliance's id." })
  id: string;

  @Field({ description: "The alliance's name." })
  name: string;

  @Field(() => String, { nullable: true, description: "What the alliance is for, in its own words." })
  description?: string | null;

  @Field(() => AllianceScope, { description: "How far the alliance reaches." })
  scope: AllianceScope;

  @Field(() => LocalDateResolver, { description: "The day the alliance was formed." })
  formedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Set when the alliance is dissolved." })
  endedOn?: string | null;

  @Field(() => DataSharingAgreement, { description: "The data-sharing agreement in force: which kinds of data member networks share with each other." })
  agreement: DataSharingAgreement;

  @Field({ description: "When the alliance was recorded in the hub." })
  createdAt: Date;

  @Field({ description: "When the alliance last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of alliances." })
export class AllianceConnection extends ConnectionType(Alliance) {}

@ObjectType({
  description:
    "A network's place in an alliance. Joining is PENDING until every member network accepted (`acceptedBy`); only an " +
    "ACCEPTED member shares and sees what the agreement shares. Leaving ENDS it.",
})
export class AllianceMember {
  @Field(() => ID, { description: "The join's id (to accept, decline or withdraw it)." })
  id: string;

  allianceId: string;

  networkId: string;

  /** Member networks that accepted the join. */
  approvals: string[];

  @Field(() => LocalDateResolver, { description: "The day the network joined (or asked to)." })
  joinedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "The day the network left; null while it is a member." })
  leftOn?: string | null;

  @Field(() => ConsentStatus, { description: "Where the join stands: only ACCEPTED shares anything." })
  status: ConsentStatus;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of alliance joins." })
export class AllianceMemberConnection extends ConnectionType(AllianceMember) {}

@ObjectType({
  description:
    "A change to an alliance's data-sharing agreement (new kinds, terms or date). PENDING until every member network accepted; " +
    "then it replaces the agreement. Narrowing needs no proposal: one member removes kinds alone.",
})
export class AgreementProposal {
  @Field(() => ID, { description: "The proposal's id (to accept, decline or withdraw it)." })
  id: string;

  allianceId: string;

  /** The member networks whose managers proposed it. */
  proposedBy: string[];

  approvals: string[];

  @Field(() => DataSharingAgreement, { description: "The agreement proposed." })
  agreement: DataSharingAgreement;

  @Field(() => ConsentStatus, { description: "Where the proposal stands: ACCEPTED once every member network accepted." })
  status: ConsentStatus;

  @Field({ description: "When the proposal was made." })
  createdAt: Date;

  @Field({ description: "When the proposal last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of agreement proposals." })
export class AgreementProposalConnection extends ConnectionType(AgreementProposal) {}
