import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ConnectionType } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { MembershipRole, MembershipSide } from "../enums";

@ObjectType({
  description:
    "A school in a network, with its role and period. A network proposes it or the school requests it; it counts (for access, " +
    "lists and the school's networks) only once the other side ACCEPTED it. Schools belong to several networks.",
})
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

  @Field(() => ConsentStatus)
  status: ConsentStatus;

  @Field(() => MembershipSide, { description: "Who asked: the network (a proposal) or the school (a request)." })
  initiatedBy: MembershipSide;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class MembershipConnection extends ConnectionType(Membership) {}
