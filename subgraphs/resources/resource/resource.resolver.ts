import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { Network, networkReference, ownerReference, ResourceOwner, School, schoolReference } from "../federation/entities";
import { Resource, ResourceConnection, ResourceSearchConnection } from "./resource";
import type { ResourceParent } from "./resource.repository";
import { PublishResourceInput, ResourceFilterArgs, SearchResourcesArgs, UpdateResourceInput } from "./resource.inputs";

/*
 * Every read goes through a per-request loader or repository method that filters by the caller's access
 * inside the query (policies.ts): a resource the caller may not see is null by id and absent from lists.
 */

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true, description: "A resource by id (archived ones too); null when there is none you may see." })
  resource(@Arg("id", () => ID, { description: "The resource's id." }) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.resourceById.load(id);
  }

  @Query(() => ResourceConnection, { description: "Resources you may see, by title, filtered by kind, subject, grades, tags, network or owner." })
  resources(@Args() args: ResourceFilterArgs, @Ctx() { access, repos }: ResourcesContext) {
    return repos.resources.list(access, args);
  }

  @Query(() => ResourceSearchConnection, {
    description: "Resources you may see matching words (MongoDB text index), most relevant first, with the same filters as `resources`.",
  })
  searchResources(@Args() args: SearchResourcesArgs, @Ctx() { access, repos }: ResourcesContext) {
    return repos.resources.search(access, args);
  }

  @FieldResolver(() => ResourceOwner, { description: "The school or network that owns it." })
  owner(@Root() resource: Resource) {
    return ownerReference(resource.owner);
  }

  @FieldResolver(() => Network, { description: "The owning network, or the network the owning school publishes it through: its visibility is decided there." })
  network(@Root() resource: Resource): Network {
    return networkReference(resource.owner.networkId);
  }

  @FieldResolver(() => [School], { description: "Schools credited as having developed it with the owner (credits they accepted)." })
  coDevelopers(@Root() resource: Resource): School[] {
    return (resource.coDeveloperSchoolIds ?? []).map(schoolReference);
  }

  @FieldResolver(() => [Network], { description: "Networks it belongs to and is listed under (the owning network first)." })
  networks(@Root() resource: Resource): Network[] {
    return resource.networkIds.map(networkReference);
  }

  @Mutation(() => Resource, {
    description: "Publishes a resource owned by a network, or by a school within it: for the school's staff or the network's coordinators and admins.",
  })
  publishResource(@Arg("input", { description: "The resource, its owner and who may see it." }) input: PublishResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.publish(access, input);
  }

  @Mutation(() => Resource, { description: "Changes a resource: for the owning school's staff or the owning network's coordinators and admins." })
  updateResource(@Arg("id", () => ID, { description: "The resource's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.update(access, id, input);
  }

  @Mutation(() => Resource, { description: "Archives the resource: it leaves searches and lists but stays readable by id. CONFLICT if already archived." })
  archiveResource(@Arg("id", () => ID, { description: "The resource's id." }) id: string, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.archive(access, id);
  }
}

/** A nested list of resources takes the filters of `Query.resources`, within its parent's resources. */
export function nestedResources(parent: ResourceParent, parentId: string, args: ResourceFilterArgs, { access, repos, loaders }: ResourcesContext) {
  return loaders.pages.load(`resources:${parent}`, args, parentId, (ids) => repos.resources.pagesByParent(access, parent, ids, args));
}

@Resolver(() => School)
export class SchoolResourcesResolver {
  @FieldResolver(() => ResourceConnection, {
    description: "Resources the school owns that you may see, by title, with the filters of `resources` (active ones unless includeArchived).",
  })
  ownedResources(@Root() school: School, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return nestedResources("schoolOwner", school.id, args, context);
  }

  @FieldResolver(() => ResourceConnection, {
    description: "Resources crediting the school as a co-developer (credits it accepted) that you may see, by title, with the filters of `resources`.",
  })
  coDevelopedResources(@Root() school: School, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return nestedResources("coDeveloper", school.id, args, context);
  }
}

@Resolver(() => Network)
export class NetworkResourcesResolver {
  @FieldResolver(() => ResourceConnection, {
    description: "Resources the network itself owns (not its schools') that you may see, by title, with the filters of `resources`.",
  })
  ownedResources(@Root() network: Network, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return nestedResources("networkOwner", network.id, args, context);
  }

  @FieldResolver(() => ResourceConnection, {
    description:
      "Resources that belong to the network (its own, its schools' and those listed under it) that you may see, by title, with the filters of `resources`.",
  })
  sharedResources(@Root() network: Network, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return nestedResources("network", network.id, args, context);
  }
}
