import { LocalDateResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadExisting } from "../../kit";
import { ConsentStatus, ConsentStep, PUBLIC_STATUSES, type ConsentStepDocument } from "../consent/consent";
import type { NetworksContext } from "../context";
import { SharedDataKind } from "../enums";
import { Network } from "../network/network";
import { AgreementProposal, AgreementProposalConnection, Alliance, AllianceConnection, AllianceMember, AllianceMemberConnection } from "./alliance";
import { AlliancesArgs, ConsentListArgs, DataSharingAgreementInput, FormAllianceInput } from "./alliance.inputs";

const NOTE = { nullable: true, description: "A word to the other networks, kept in the history." } as const;
type WithHistory = { history: ConsentStepDocument[] };

/** Whether the caller manages one of the alliance's accepted member networks (a party to its joins and proposals). */
async function managesMember({ access, loaders }: NetworksContext, allianceId: string): Promise<boolean> {
  const members = await loaders.allianceMembersByAlliance.load(allianceId);
  return members.some((member) => member.status === ConsentStatus.ACCEPTED && access.managedNetworkIds.includes(member.networkId));
}

const managedAlliances = new WeakMap<NetworksContext, Promise<string[]>>();

/** The alliances in which the caller manages an accepted member network (a party to all their joins); read once per request. */
function alliancesOfManagedMembers(context: NetworksContext): Promise<string[]> {
  const { access, repos } = context;
  if (access.managedNetworkIds.length === 0) return Promise.resolve([]);
  let alliances = managedAlliances.get(context);
  if (!alliances) {
    alliances = repos.allianceMembers.findAcceptedByNetworkIds(access.managedNetworkIds).then((members) => [...new Set(members.map((member) => member.allianceId))]);
    managedAlliances.set(context, alliances);
  }
  return alliances;
}

@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, { nullable: true, description: "An alliance by id; null when there is none." })
  alliance(@Arg("id", () => ID, { description: "The alliance's id." }) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.allianceById.load(id);
  }

  @Query(() => AllianceConnection, { description: "Alliances by name, optionally of one scope; dissolved ones when asked." })
  alliances(@Args() args: AlliancesArgs, @Ctx() { repos }: NetworksContext) {
    return repos.alliances.list(args);
  }

  @FieldResolver(() => AllianceMemberConnection, {
    description:
      "The alliance's member networks, earliest joined first: current members with `status: ACCEPTED`, former ones with ENDED. " +
      "Accepted and ended joins are shown to everyone, the others to the joining network's and the members' managers.",
  })
  async members(@Root() alliance: Alliance, @Args() args: ConsentListArgs, @Ctx() context: NetworksContext) {
    const { access, loaders, repos } = context;
    const readable = { $or: [{ status: { $in: PUBLIC_STATUSES } }, { networkId: { $in: access.managedNetworkIds } }, { allianceId: { $in: await alliancesOfManagedMembers(context) } }] };
    return loaders.pages.load("Alliance.members", args, alliance.id, (ids) => repos.allianceMembers.pagesForAlliances(readable, ids, args));
  }

  @FieldResolver(() => AllianceMemberConnection, {
    deprecationReason: "Use `members`, which takes the same `status` filter.",
    description: "Joins in any status, newest first: accepted and ended ones for everyone, the others for the joining network's and the members' managers.",
  })
  async joinRequests(@Root() alliance: Alliance, @Args() args: ConsentListArgs, @Ctx() context: NetworksContext) {
    const readable = (await managesMember(context, alliance.id))
      ? {}
      : { $or: [{ status: { $in: PUBLIC_STATUSES } }, { networkId: { $in: context.access.managedNetworkIds } }] };
    return context.repos.allianceMembers.list(alliance.id, readable, args);
  }

  @FieldResolver(() => AgreementProposalConnection, {
    description: "Proposed agreements, newest first: accepted ones for everyone, the others for the members' managers.",
  })
  async agreementProposals(@Root() alliance: Alliance, @Args() args: ConsentListArgs, @Ctx() context: NetworksContext) {
    const readable = (await managesMember(context, alliance.id)) ? {} : { status: ConsentStatus.ACCEPTED };
    return context.repos.agreementProposals.list(alliance.id, readable, args);
  }

  @Mutation(() => Alliance, { description: "Forms an alliance of two or more networks, all managed by the caller, with its data-sharing agreement." })
  formAlliance(@Arg("input", { description: "The alliance, its founding networks and its agreement." }) input: FormAllianceInput, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.form(access, input);
  }

  @Mutation(() => AllianceMember, {
    description: "A network's managers ask to join an alliance: PENDING until every member network accepted. CONFLICT if already asked or in.",
  })
  joinAlliance(
    @Arg("allianceId", () => ID, { description: "The alliance to join." }) allianceId: string,
    @Arg("networkId", () => ID, { description: "The joining network; the caller must manage it." }) networkId: string,
    @Arg("joinedOn", () => LocalDateResolver, { nullable: true, description: "The day the network joins; defaults to today." }) joinedOn: string | null,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.join(access, allianceId, networkId, joinedOn ?? undefined, note);
  }

  @Mutation(() => AllianceMember, { description: "A member network's managers accept a PENDING join for the member networks they manage." })
  acceptAllianceJoin(@Arg("id", () => ID, { description: "The join's id (`AllianceMember.id`)." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.acceptJoin(access, id, note);
  }

  @Mutation(() => AllianceMember, { description: "A member network's managers decline a PENDING join; otherwise CONFLICT." })
  declineAllianceJoin(@Arg("id", () => ID, { description: "The join's id (`AllianceMember.id`)." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.declineJoin(access, id, note);
  }

  @Mutation(() => AllianceMember, { description: "The joining network's managers withdraw a PENDING join; otherwise CONFLICT." })
  withdrawAllianceJoin(@Arg("id", () => ID, { description: "The join's id (`AllianceMember.id`)." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.withdrawJoin(access, id, note);
  }

  @Mutation(() => Alliance, { description: "A member network's managers take it out of the alliance (its membership ENDS)." })
  leaveAlliance(
    @Arg("allianceId", () => ID, { description: "The alliance to leave." }) allianceId: string,
    @Arg("networkId", () => ID, { description: "The leaving network; the caller must manage it." }) networkId: string,
    @Arg("leftOn", () => LocalDateResolver, { nullable: true, description: "The day the network leaves; defaults to today." }) leftOn: string | null,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.leave(access, allianceId, networkId, leftOn ?? undefined, note);
  }

  @Mutation(() => AgreementProposal, {
    description: "A member network's managers propose a new agreement; it replaces the current one once every member network accepted. One pending proposal per alliance.",
  })
  proposeAllianceAgreement(
    @Arg("allianceId", () => ID, { description: "The alliance whose agreement to change." }) allianceId: string,
    @Arg("agreement", { description: "The agreement proposed in place of the current one." }) agreement: DataSharingAgreementInput,
    @Arg("note", () => String, NOTE) note: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.proposeAgreement(access, allianceId, agreement, note);
  }

  @Mutation(() => AgreementProposal, { description: "A member network's managers accept a PENDING proposal for the member networks they manage." })
  acceptAllianceAgreement(@Arg("id", () => ID, { description: "The proposal's id." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.acceptAgreement(access, id, note);
  }

  @Mutation(() => AgreementProposal, { description: "A member network's managers decline a PENDING proposal; otherwise CONFLICT." })
  declineAllianceAgreement(@Arg("id", () => ID, { description: "The proposal's id." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.declineAgreement(access, id, note);
  }

  @Mutation(() => AgreementProposal, { description: "The proposing networks' managers withdraw a PENDING proposal; otherwise CONFLICT." })
  withdrawAllianceAgreement(@Arg("id", () => ID, { description: "The proposal's id." }) id: string, @Arg("note", () => String, NOTE) note: string | null, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.withdrawAgreement(access, id, note);
  }

  @Mutation(() => Alliance, { description: "A member network's managers stop sharing these kinds at once (narrowing needs nobody else's consent)." })
  narrowAllianceAgreement(
    @Arg("allianceId", () => ID, { description: "The alliance whose agreement to narrow." }) allianceId: string,
    @Arg("sharedKinds", () => [SharedDataKind], { description: "The kinds of data to stop sharing." }) sharedKinds: SharedDataKind[],
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.narrowAgreement(access, allianceId, sharedKinds);
  }

  @Mutation(() => Alliance, { description: "Dissolves the alliance: sharing through it stops, pending joins and proposals are declined." })
  dissolveAlliance(
    @Arg("allianceId", () => ID, { description: "The alliance to dissolve." }) allianceId: string,
    @Arg("endedOn", () => LocalDateResolver, { nullable: true, description: "The day the alliance ends; defaults to today." }) endedOn: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.dissolve(access, allianceId, endedOn ?? undefined);
  }
}

@Resolver(() => AllianceMember)
export class AllianceMemberResolver {
  @FieldResolver(() => Network, { description: "The joining or member network." })
  network(@Root() member: AllianceMember, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(member.networkId);
  }

  @FieldResolver(() => Alliance, { description: "The alliance." })
  alliance(@Root() member: AllianceMember, @Ctx() { loaders }: NetworksContext) {
    return loaders.allianceById.load(member.allianceId);
  }

  @FieldResolver(() => [Network], { description: "The member networks that accepted the join." })
  acceptedBy(@Root() member: AllianceMember, @Ctx() { loaders }: NetworksContext) {
    return loadExisting(loaders.networkById, member.approvals ?? []);
  }

  @FieldResolver(() => [ConsentStep], { nullable: true, description: "Every step, oldest first: for the joining network's and the members' managers only." })
  async history(@Root() member: AllianceMember & WithHistory, @Ctx() context: NetworksContext) {
    const party = context.access.managedNetworkIds.includes(member.networkId) || (await managesMember(context, member.allianceId));
    return party ? member.history : null;
  }
}

@Resolver(() => AgreementProposal)
export class AgreementProposalResolver {
  @FieldResolver(() => Alliance, { description: "The alliance whose agreement it changes." })
  alliance(@Root() proposal: AgreementProposal, @Ctx() { loaders }: NetworksContext) {
    return loaders.allianceById.load(proposal.allianceId);
  }

  @FieldResolver(() => [Network], { description: "The member networks whose managers proposed it." })
  proposedBy(@Root() proposal: AgreementProposal, @Ctx() { loaders }: NetworksContext) {
    return loadExisting(loaders.networkById, proposal.proposedBy);
  }

  @FieldResolver(() => [Network], { description: "The member networks that accepted it." })
  acceptedBy(@Root() proposal: AgreementProposal, @Ctx() { loaders }: NetworksContext) {
    return loadExisting(loaders.networkById, proposal.approvals);
  }

  @FieldResolver(() => [ConsentStep], { nullable: true, description: "Every step, oldest first: for the members' managers only." })
  async history(@Root() proposal: AgreementProposal & WithHistory, @Ctx() context: NetworksContext) {
    return (await managesMember(context, proposal.allianceId)) ? proposal.history : null;
  }
}
