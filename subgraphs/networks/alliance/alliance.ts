import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, ObjectType } from "type-graphql";
import { ConnectionType } from "../../kit";
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

@ObjectType({ description: "A network's place in an alliance." })
export class AllianceMember {
  allianceId: string;

  networkId: string;

  @Field(() => LocalDateResolver)
  joinedOn: string;

  @Field(() => LocalDateResolver, { nullable: true })
  leftOn?: string | null;
}
