import { LocalDateResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { today } from "../../kit";
import { ConsentStatus, ConsentStep, PUBLIC_STATUSES } from "../consent/consent";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { School } from "../school/school";
import { Membership, MembershipConnection } from "./membership";
import { MembershipInput, MembershipsArgs } from "./membership.inputs";
import type { MembershipDocument } from "./membership.repository";

const NOTE = { nullable: true, description: "A word to the other side, kept in the history." } as const;

@Resolver(() => Membership)
export class MembershipResolver {
  @Query(() => Membership, { nullable: true, description: "A membership by id; pending, declined and withdrawn ones only for their parties." })
  async membership(@Arg("id", () => ID, { description: "The membership's id." }) id: string, @Ctx() { repos, parties }: NetworksContext) {
    const membership = await repos.memberships.findById(id);
    if (!membership) return null;
    return PUBLIC_STATUSES.includes(membership.status) || (await parties.isParty(membership)) ? membership : null;
  }

  @Query(() => MembershipConnection, {
    description: "Memberships in any status, newest first, by school, network or status: accepted and ended ones for everyone, the others for their parties.",
  })
  async memberships(@Args() args: MembershipsArgs, @Ctx() { repos, parties }: NetworksContext) {
    return repos.memberships.list(await parties.readableFilter(), args);
  }

  @FieldResolver(() => School, { description: "The member school." })
  school(@Root() membership: Membership, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(membership.schoolId);
  }

  @FieldResolver(() => Network, { description: "The network." })
  network(@Root() membership: Membership, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(membership.networkId);
  }

  @FieldResolver(() => Boolean, { description: "True while accepted, from the start date on." })
  active(@Root() membership: Membership): boolean {
    return membership.status === ConsentStatus.ACCEPTED && membership.startDate <= today();
  }

  @FieldResolver(() => [ConsentStep], { nullable: true, description: "Every consent step, oldest first: for the school's and the network's side only, otherwise null." })
  async history(@Root() membership: Membership & Pick<MembershipDocument, "history">, @Ctx() { parties }: NetworksContext) {
    return (await parties.isParty(membership)) ? membership.history : null;
  }

  @Mutation(() => Membership, {
    description: "The network's managers propose a membership; it counts once the school accepts. CONFLICT if one is already pending or accepted.",
  })
  proposeMembership(@Arg("input", { description: "The school, the network and the school's role." }) input: MembershipInput, @Ctx() { access, parties, services }: NetworksContext) {
    return services.memberships.propose(access, parties, input);
  }

  @Mutation(() => Membership, {
    description:
      "The school (its staff, or the managers of a network it belongs to) asks to join a network; it counts once the network's managers accept.",
  })
  requestMembership(@Arg("input", { description: "The school, the network and the school's role." }) input: MembershipInput, @Ctx() { access, parties, services }: NetworksContext) {
    return services.memberships.request(access, parties, input);
  }

  @Mutation(() => Membership, { description: "The side asked accepts a PENDING membership; otherwise CONFLICT." })
  acceptMembership(@Arg("id", () => ID, { description: "The membership's id." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, parties, services }: NetworksContext) {
    return services.memberships.decide(access, parties, id, ConsentStatus.ACCEPTED, note);
  }

  @Mutation(() => Membership, { description: "The side asked declines a PENDING membership; otherwise CONFLICT." })
  declineMembership(@Arg("id", () => ID, { description: "The membership's id." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, parties, services }: NetworksContext) {
    return services.memberships.decide(access, parties, id, ConsentStatus.DECLINED, note);
  }

  @Mutation(() => Membership, { description: "The side that asked withdraws a PENDING membership; otherwise CONFLICT." })
  withdrawMembership(@Arg("id", () => ID, { description: "The membership's id." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, parties, services }: NetworksContext) {
    return services.memberships.decide(access, parties, id, ConsentStatus.WITHDRAWN, note);
  }

  @Mutation(() => Membership, { description: "Either side ends an ACCEPTED membership on the given date (default today); otherwise CONFLICT." })
  endMembership(
    @Arg("id", () => ID, { description: "The membership's id." }) id: string,
    @Arg("endDate", () => LocalDateResolver, { nullable: true, description: "The day the membership ends; defaults to today." }) endDate: string | null,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, parties, services }: NetworksContext,
  ) {
    return services.memberships.decide(access, parties, id, ConsentStatus.ENDED, note, endDate ?? today());
  }
}
