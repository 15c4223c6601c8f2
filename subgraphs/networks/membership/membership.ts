import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ConnectionType } from "../../kit";
import { MembershipRole } from "../enums";

@ObjectType({ description: "A school in a network, with its role and period. Schools belong to several networks." })
export class Membership {
  @Field(() => ID)
  id: string;

  schoolId: string;

  networkId: string;

  @Field(() => MembershipRole)
  role: MembershipRole;

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Null while the membership is open-ended." })
  endDate?: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class MembershipConnection extends ConnectionType(Membership) {}
