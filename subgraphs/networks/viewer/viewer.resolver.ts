import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { pageOfList, PageArgs } from "../../kit";
import type { NetworksContext } from "../context";
import { Network, NetworkConnection } from "../network/network";
import { Organization } from "../organization/organization";
import { SchoolConnection } from "../school/school";
import { SchoolsArgs } from "../school/school.inputs";
import { NetworksArgs } from "../network/network.inputs";
import { AllianceShare, AllianceShareConnection, AlliedData, Viewer } from "./viewer";
import { alliedDataOf, viewerOf } from "./viewer.service";

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: "Who is calling, and what the hub grants them in this request. Anonymous callers get an answer too." })
  viewer(@Ctx() { access }: NetworksContext): Viewer {
    return viewerOf(access);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The caller's organization; null for an anonymous caller." })
  organization(@Root() viewer: Viewer, @Ctx() { loaders }: NetworksContext) {
    return viewer.access.organizationId ? loaders.organizationById.load(viewer.access.organizationId) : null;
  }

  @FieldResolver(() => SchoolConnection, {
    description: "Schools the caller is staff of, by name, filtered as the `schools` query is: only schools with an accepted membership in a network their organization operates.",
  })
  schools(@Root() viewer: Viewer, @Args() args: SchoolsArgs, @Ctx() { repos }: NetworksContext) {
    return repos.schools.listByIds(viewer.access.schoolIds, args);
  }

  @FieldResolver(() => NetworkConnection, {
    description: "Networks the caller belongs to, by name, filtered as the `networks` query is: their organization's, their schools' (accepted memberships) and the ones they manage.",
  })
  memberNetworks(@Root() viewer: Viewer, @Args() args: NetworksArgs, @Ctx() { repos }: NetworksContext) {
    return repos.networks.listByIds(viewer.access.memberNetworkIds, args);
  }

  @FieldResolver(() => NetworkConnection, {
    description: "Networks whose own records the caller manages, by name, filtered as the `networks` query is: all their organization's as its admin, or those they coordinate.",
  })
  managedNetworks(@Root() viewer: Viewer, @Args() args: NetworksArgs, @Ctx() { repos }: NetworksContext) {
    return repos.networks.listByIds(viewer.access.managedNetworkIds, args);
  }

  @FieldResolver(() => [AlliedData], {
    description:
      "For each kind of data, in `SharedDataKind` order: the networks outside the caller's own that share it with them, and through " +
      "which alliance. Records they share this way are those with ALLIANCE visibility.",
  })
  alliedData(@Root() viewer: Viewer, @Ctx() { repos }: NetworksContext) {
    return alliedDataOf(viewer.access, repos);
  }
}

@Resolver(() => AlliedData)
export class AlliedDataResolver {
  @FieldResolver(() => AllianceShareConnection, {
    description: "One entry per (network, alliance) pair, by network id then alliance id; empty when no alliance shares this kind with the caller.",
  })
  shares(@Root() data: AlliedData, @Args() page: PageArgs) {
    return pageOfList(data.shares, [["networkId", 1], ["allianceId", 1]], (share, field) => (field === "networkId" ? share.networkId : share.alliance.id), page);
  }
}

@Resolver(() => AllianceShare)
export class AllianceShareResolver {
  @FieldResolver(() => Network, { description: "The network whose records are shared." })
  network(@Root() share: AllianceShare, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(share.networkId);
  }
}
