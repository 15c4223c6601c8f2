import { LocalDateResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { Alliance, AllianceConnection, AllianceMember } from "./alliance";
import { AlliancesArgs, DataSharingAgreementInput, FormAllianceInput } from "./alliance.inputs";

@Resolver(() => Alliance)
export class AllianceResolver {
  @Query(() => Alliance, { nullable: true })
  alliance(@Arg("id", () => ID) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.allianceById.load(id);
  }

  @Query(() => AllianceConnection)
  alliances(@Args() args: AlliancesArgs, @Ctx() { repos }: NetworksContext) {
    return repos.alliances.list(args);
  }

  @FieldResolver(() => [AllianceMember], { description: "Member networks, earliest first." })
  async members(
    @Root() alliance: Alliance,
    @Arg("includeFormer", { defaultValue: false }) includeFormer: boolean,
    @Ctx() { loaders }: NetworksContext,
  ) {
    const members = await loaders.allianceMembersByAlliance.load(alliance.id);
    return includeFormer ? members : members.filter((member) => !member.leftOn);
  }

  @Mutation(() => Alliance, { description: "Forms an alliance of two or more networks with its data-sharing agreement." })
  formAlliance(@Arg("input") input: FormAllianceInput, @Ctx() { access, services }: NetworksContext) {
    return services.alliances.form(access, input);
  }

  @Mutation(() => Alliance)
  joinAlliance(
    @Arg("allianceId", () => ID) allianceId: string,
    @Arg("networkId", () => ID) networkId: string,
    @Arg("joinedOn", () => LocalDateResolver, { nullable: true }) joinedOn: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.join(access, allianceId, networkId, joinedOn ?? undefined);
  }

  @Mutation(() => Alliance)
  leaveAlliance(
    @Arg("allianceId", () => ID) allianceId: string,
    @Arg("networkId", () => ID) networkId: string,
    @Arg("leftOn", () => LocalDateResolver, { nullable: true }) leftOn: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.leave(access, allianceId, networkId, leftOn ?? undefined);
  }

  @Mutation(() => Alliance, { description: "Replaces the data-sharing agreement." })
  updateAllianceAgreement(
    @Arg("allianceId", () => ID) allianceId: string,
    @Arg("agreement") agreement: DataSharingAgreementInput,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.updateAgreement(access, allianceId, agreement);
  }

  @Mutation(() => Alliance, { description: "Dissolves the alliance: sharing through it stops." })
  dissolveAlliance(
    @Arg("allianceId", () => ID) allianceId: string,
    @Arg("endedOn", () => LocalDateResolver, { nullable: true }) endedOn: string | null,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.alliances.dissolve(access, allianceId, endedOn ?? undefined);
  }
}

@Resolver(() => AllianceMember)
export class AllianceMemberResolver {
  @FieldResolver(() => Network)
  network(@Root() member: AllianceMember, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(member.networkId);
  }

  @FieldResolver(() => Alliance)
  alliance(@Root() member: AllianceMember, @Ctx() { loaders }: NetworksContext) {
    return loaders.allianceById.load(member.allianceId);
  }
}
