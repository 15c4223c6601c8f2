import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { pageOf, readsAsOwner } from "../../kit";
import type { ResourcesContext } from "../context";
import { ResourceOwnerKind } from "../enums";
import { Network, networkReference, ResourceOwner, School, type EntityReference } from "../federation/entities";
import { Resource, ResourceConnection } from "../resource/resource";
import { ResourceFilterArgs } from "../resource/resource.inputs";
import type { ResourceParent } from "../resource/resource.repository";
import { nestedResources } from "../resource/resource.resolver";
import { CoDeveloperInput } from "./co-development.inputs";
import { speaksFor } from "./credits";

/** Proposed credits are for the credited party's eyes (and the owner's): anyone else gets an empty list. */
function proposalsFor(kind: ResourceOwnerKind, parent: ResourceParent, parentId: string, args: ResourceFilterArgs, context: ResourcesContext) {
  if (!speaksFor(context.access, kind, parentId)) return pageOf([], args, () => "", (node: Resource) => node, async () => 0);
  return nestedResources(parent, parentId, args, context);
}

@Resolver(() => Resource)
export class ResourceCoDevelopmentResolver {
  @FieldResolver(() => [Network], { description: "Networks credited as having developed it with the owner (credits they accepted)." })
  coDeveloperNetworks(@Root() resource: Resource): Network[] {
    return (resource.coDeveloperNetworkIds ?? []).map(networkReference);
  }

  @FieldResolver(() => [ResourceOwner], {
    description:
      "Schools and networks the owner credits as co-developers that have not accepted yet: all of them for the owner, to a credited " +
      "school's staff or network's managers their own proposal, to anyone else none. Accepted, they show in `coDevelopers` or `coDeveloperNetworks`.",
  })
  proposedCoDevelopers(@Root() resource: Resource, @Ctx() { access }: ResourcesContext): EntityReference[] {
    const owner = readsAsOwner(access, resource.owner);
    const schools = (resource.proposedCoDeveloperSchoolIds ?? []).filter((id) => owner || speaksFor(access, ResourceOwnerKind.SCHOOL, id));
    const networks = (resource.proposedCoDeveloperNetworkIds ?? []).filter((id) => owner || speaksFor(access, ResourceOwnerKind.NETWORK, id));
    return [...schools.map((id) => ({ __typename: "School" as const, id })), ...networks.map((id) => ({ __typename: "Network" as const, id }))];
  }

  @Mutation(() => Resource, {
    description:
      "Accepts a proposed co-development credit on a resource you may see, for the credited school (its staff) or network (its coordinators " +
      "and admins): the credit then shows in `coDevelopers` or `coDeveloperNetworks`. CONFLICT when there is no proposal to accept.",
  })
  acceptCoDevelopmentCredit(
    @Arg("resourceId", () => ID, { description: "The resource crediting you." }) resourceId: string,
    @Arg("coDeveloper", { description: "The credited school or network you answer for." }) coDeveloper: CoDeveloperInput,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.coDevelopment.accept(access, resourceId, coDeveloper);
  }

  @Mutation(() => Resource, {
    description:
      "Declines a proposed co-development credit, or withdraws an accepted one, for the credited school or network (as for accepting). " +
      "The owner may propose it again. CONFLICT when there is no credit.",
  })
  declineCoDevelopmentCredit(
    @Arg("resourceId", () => ID, { description: "The resource crediting you." }) resourceId: string,
    @Arg("coDeveloper", { description: "The credited school or network you answer for." }) coDeveloper: CoDeveloperInput,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.coDevelopment.decline(access, resourceId, coDeveloper);
  }
}

@Resolver(() => School)
export class SchoolCoDevelopmentResolver {
  @FieldResolver(() => ResourceConnection, {
    description:
      "Resources proposing to credit the school as a co-developer, waiting for its answer, that you may see: for the school's staff " +
      "(empty for anyone else), by title, with the filters of `resources`.",
  })
  coDevelopmentProposals(@Root() school: School, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return proposalsFor(ResourceOwnerKind.SCHOOL, "proposedCoDeveloper", school.id, args, context);
  }
}

@Resolver(() => Network)
export class NetworkCoDevelopmentResolver {
  @FieldResolver(() => ResourceConnection, {
    description: "Resources crediting the network as a co-developer (credits it accepted) that you may see, by title, with the filters of `resources`.",
  })
  coDevelopedResources(@Root() network: Network, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return nestedResources("coDeveloperNetwork", network.id, args, context);
  }

  @FieldResolver(() => ResourceConnection, {
    description:
      "Resources proposing to credit the network as a co-developer, waiting for its answer, that you may see: for the network's " +
      "coordinators and admins (empty for anyone else), by title, with the filters of `resources`.",
  })
  coDevelopmentProposals(@Root() network: Network, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return proposalsFor(ResourceOwnerKind.NETWORK, "proposedCoDeveloperNetwork", network.id, args, context);
  }
}
