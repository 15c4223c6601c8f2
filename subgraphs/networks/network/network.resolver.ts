import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import { findJoined, selectedArgs } from "../../kit";
import { AllianceConnection } from "../alliance/alliance";
import { AlliancesArgs } from "../alliance/alliance.inputs";
import type { NetworksContext } from "../context";
import { MembershipConnection } from "../membership/membership";
import { NetworkMembershipsArgs } from "../membership/membership.inputs";
import { Organization } from "../organization/organization";
import { SchoolConnection } from "../school/school";
import { SchoolsArgs } from "../school/school.inputs";
import { Network, NetworkConnection } from "./network";
import { CreateNetworkInput, NetworksArgs, UpdateNetworkInput } from "./network.inputs";

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, { nullable: true, description: "A network by id (archived ones too); null when there is none." })
  async network(@Arg("id", () => ID, { description: "The network's id." }) id: string, @Ctx() { loaders, repos }: NetworksContext, @Info() info: GraphQLResolveInfo) {
    // the network's schools, when asked for, are read with it in one command
    const schoolsArgs = await selectedArgs(info, "schools", SchoolsArgs);
    if (!schoolsArgs) return loaders.networkById.load(id);
    const [found] = await findJoined(repos.networks.collection, [id], repos.schools.pageThroughJoined(repos.memberships.acceptedLink("networkId"), schoolsArgs));
    if (!found) return null;
    loaders.networkById.prime(id, found.entity);
    loaders.pages.prime("Network.schools", schoolsArgs, id, found.page);
    return found.entity;
  }

  @Query(() => NetworkConnection, { description: "Networks by name, filtered by organization, scope, focus area or strategy." })
  networks(@Args() args: NetworksArgs, @Ctx() { repos }: NetworksContext) {
    return repos.networks.list(args);
  }

  @FieldResolver(() => Organization, { description: "The organization that operates the network." })
  organization(@Root() network: Network, @Ctx() { loaders }: NetworksContext) {
    return loaders.organizationById.load(network.organizationId);
  }

  @FieldResolver(() => MembershipConnection, {
    description: "The network's memberships, by school name, filtered as the `memberships` query is: accepted and ended ones for everyone, the others for their parties.",
  })
  async memberships(@Root() network: Network, @Args() args: NetworkMembershipsArgs, @Ctx() { loaders, parties, repos }: NetworksContext) {
    const readable = await parties.readableFilter();
    return loaders.pages.load("Network.memberships", args, network.id, (ids) => repos.memberships.pagesForNetworks(readable, ids, args));
  }

  @FieldResolver(() => SchoolConnection, { description: "The network's member schools (accepted memberships), by name, filtered as the `schools` query is." })
  schools(@Root() network: Network, @Args() args: SchoolsArgs, @Ctx() { loaders, repos }: NetworksContext) {
    return loaders.pages.load("Network.schools", args, network.id, (ids) => repos.schools.pagesThrough(repos.memberships.acceptedLink("networkId"), ids, args));
  }

  @FieldResolver(() => AllianceConnection, { description: "The alliances the network is an accepted member of, by name, filtered as the `alliances` query is." })
  alliances(@Root() network: Network, @Args() args: AlliancesArgs, @Ctx() { loaders, repos }: NetworksContext) {
    return loaders.pages.load("Network.alliances", args, network.id, (ids) => repos.alliances.pagesThrough(repos.allianceMembers.acceptedLink(), ids, args));
  }

  @Mutation(() => Network, { description: "Creates a network operated by the caller's organization (its admins only)." })
  createNetwork(@Arg("input", { description: "The network to create." }) input: CreateNetworkInput, @Ctx() { access, services }: NetworksContext) {
    return services.networks.create(access, input);
  }

  @Mutation(() => Network, { description: "Changes a network's record (its managers only)." })
  updateNetwork(@Arg("id", () => ID, { description: "The network's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateNetworkInput, @Ctx() { access, services }: NetworksContext) {
    return services.networks.update(access, id, input);
  }

  @Mutation(() => Network, { description: "Archives the network: it leaves lists but stays readable by id." })
  archiveNetwork(@Arg("id", () => ID, { description: "The network's id." }) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.networks.archive(access, id);
  }
}
