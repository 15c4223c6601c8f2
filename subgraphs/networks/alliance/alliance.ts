import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { AllianceScope, SharedDataKind } from "../enums";

@ObjectType({ description: "Which kinds of data the alliance's member networks share with each other." })
export class DataSharingAgreement {
  @Field(() => [SharedDataKind])
  sharedKinds: SharedDataKind[];

  @Field(() => LocalDateResolver)
  effectiveFrom: string;

  @Field(() => String, { nullable: true, description: "Terms in the partners' own words." })
  terms?: string | null;
}

@ObjectType({ description: "A strategic alliance of networks, national or international." })
export class Alliance {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => AllianceScope)
  scope: AllianceScope;

  @Field(() => LocalDateResolver)
  formedOn: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Set when the alliance is dissolved." })
  endedOn?: string | null;

  @Field(() => DataSharingAgreement)
  agreement: DataSharingAgreement;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class AllianceConnection extends ConnectionType(Alliance) {}

@ObjectType({
  description:
    "A network's place in an alliance. Joining is PENDING until every member network accepted (`acceptedBy`); only an " +
    "ACCEPTED member shares and sees what the agreement shares. Leaving ENDS it.",
})
export class AllianceMember {
  @Field(() => ID)
  id: string;

  allianceId: string;

  networkId: string;

  /** Member networks that accepted the join. */
  approvals: string[];

  @Field(() => LocalDateResolver)
  joinedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  leftOn?: string | null;

  @Field(() => ConsentStatus)
  status: ConsentStatus;
}

@ObjectType()
export class AllianceMemberConnection extends ConnectionType(AllianceMember) {}

@ObjectType({
  description:
    "A change to an alliance's data-sharing agreement (new kinds, terms or date). PENDING until every member network accepted; " +
    "then it replaces the agreement. Narrowing needs no proposal: one member removes kinds alone.",
})
export class AgreementProposal {
  @Field(() => ID)
  id: string;

  allianceId: string;

  /** The member networks whose managers proposed it. */
  proposedBy: string[];

  approvals: string[];

  @Field(() => DataSharingAgreement)
  agreement: DataSharingAgreement;

  @Field(() => ConsentStatus)
  status: ConsentStatus;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class AgreementProposalConnection extends ConnectionType(AgreementProposal) {}
