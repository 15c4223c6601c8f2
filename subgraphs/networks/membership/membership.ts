import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateResolver } from "graphql-scalars";
import { ConnectionType, Provenance } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import { MembershipRole, MembershipSide } from "../enums";

@ObjectType({
  description:
    "A school in a network, with its role and period. A network proposes it or the school requests it; it counts (for access, " +
    "lists and the school's networks) only once the other side ACCEPTED it. Schools belong to several networks.",
})
export class Membership {
  @Field(() => ID, { description: "The membership's id (to accept, decline, withdraw or end it)." })
  id: string;

  schoolId: string;

  networkId: string;

  @Field(() => MembershipRole, { description: "The school's role in the network." })
  role: MembershipRole;

  @Field(() => LocalDateResolver, { description: "The day the membership starts." })
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Null while the membership is open-ended." })
  endDate?: string | null;

  @Field(() => ConsentStatus, { description: "Where the membership stands: only ACCEPTED grants anything." })
  status: ConsentStatus;

  @Field(() => MembershipSide, { description: "Who asked: the network (a proposal) or the school (a request)." })
  initiatedBy: MembershipSide;

  @Field({ description: "When the membership was proposed or requested." })
  createdAt: Date;

  @Field({ description: "When the membership last changed." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of memberships." })
export class MembershipConnection extends ConnectionType(Membership) {}
