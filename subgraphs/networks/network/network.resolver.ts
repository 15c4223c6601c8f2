import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadExisting } from "../../kit";
import { Alliance } from "../alliance/alliance";
import { ConsentStatus } from "../consent/consent";
import type { NetworksContext } from "../context";
import { MembershipConnection } from "../membership/membership";
import { MembershipListArgs } from "../membership/membership.inputs";
import { Organization } from "../organization/organization";
import { SchoolConnection } from "../school/school";
import { Network, NetworkConnection } from "./network";
import { CreateNetworkInput, NetworksArgs, UpdateNetworkInput } from "./network.inputs";

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => Network, { nullable: true })
  network(@Arg("id", () => ID) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.networkById.load(id);
  }

  @Query(() => NetworkConnection, { description: "Networks by name, filtered by organization, scope, focus area or strategy." })
  networks(@Args() args: NetworksArgs, @Ctx() { repos }: NetworksContext) {
    return repos.networks.list(args);
  }

  @FieldResolver(() => Organization)
  organization(@Root() network: Network, @Ctx() { loaders }: NetworksContext) {
    return loaders.organizationById.load(network.organizationId);
  }

  @FieldResolver(() => MembershipConnection, { description: "The network's memberships, by school name." })
  memberships(@Root() network: Network, @Args() args: MembershipListArgs, @Ctx() { repos }: NetworksContext) {
    return repos.memberships.listForNetwork(network.id, args);
  }

  @FieldResolver(() => SchoolConnection, { description: "The network's member schools, by name." })
  async schools(@Root() network: Network, @Args() args: MembershipListArgs, @Ctx() { repos, loaders }: NetworksContext) {
    const page = await repos.memberships.listForNetwork(network.id, args);
    const schools = await loaders.schoolById.loadMany(page.edges.map((edge) => edge.node.schoolId));
    return {
      ...page,
      edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: schools[i] })),
    };
  }

  @FieldResolver(() => [Alliance], { description: "The alliances the network currently belongs to." })
  async alliances(@Root() network: Network, @Ctx() { loaders }: NetworksContext) {
    const current = (await loaders.allianceMembersByNetwork.load(network.id)).filter((member) => member.status === ConsentStatus.ACCEPTED);
    return loadExisting(loaders.allianceById, current.map((member) => member.allianceId));
  }

  @Mutation(() => Network)
  createNetwork(@Arg("input") input: CreateNetworkInput, @Ctx() { access, services }: NetworksContext) {
    return services.networks.create(access, input);
  }

  @Mutation(() => Network)
  updateNetwork(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateNetworkInput, @Ctx() { access, services }: NetworksContext) {
    return services.networks.update(access, id, input);
  }

  @Mutation(() => Network, { description: "Archives the network: it leaves lists but stays readable by id." })
  archiveNetwork(@Arg("id", () => ID) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.networks.archive(access, id);
  }
}
