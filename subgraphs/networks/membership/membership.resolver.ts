import { LocalDateResolver } from "graphql-scalars";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { today } from "../../kit";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { School } from "../school/school";
import { Membership } from "./membership";
import { AddMembershipInput } from "./membership.inputs";

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => School)
  school(@Root() membership: Membership, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(membership.schoolId);
  }

  @FieldResolver(() => Network)
  network(@Root() membership: Membership, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(membership.networkId);
  }

  @FieldResolver(() => Boolean, { description: "True from the start date until the end date, if any." })
  active(@Root() membership: Membership): boolean {
    const now = today();
    return membership.startDate <= now && (!membership.endDate || membership.endDate >= now);
  }

  @Mutation(() => Membership, { description: "Adds a school to a network. CONFLICT if it is already a member." })
  addMembership(@Arg("input") input: AddMembershipInput, @Ctx() { access, services }: NetworksContext) {
    return services.memberships.add(access, input);
  }

  @Mutation(() => Membership, { description: "Ends an open membership on the given date (default today)." })
  endMembership(
    @Arg("id", () => ID) id: string,
    @Arg("endDate", () => LocalDateResolver, { nullable: true }) endDate: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.memberships.end(access, id, endDate ?? undefined);
  }
}
