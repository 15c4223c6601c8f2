import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { Network, networkReference, ownerReference, ResourceOwner, School, schoolReference } from "../federation/entities";
import { Resource, ResourceConnection, ResourceSearchConnection } from "./resource";
import { NestedListArgs, PublishResourceInput, ResourceFilterArgs, SearchResourcesArgs, UpdateResourceInput } from "./resource.inputs";

/*
 * Every read goes through a per-request loader or repository method that filters by the caller's access
 * inside the query (authorization.ts): a resource the caller may not see is null by id and absent from lists.
 */

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true, description: "A resource by id (archived ones too); null when there is none you may see." })
  resource(@Arg("id", () => ID) id: string, @Ctx() { loaders }: ResourcesContext) {
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

  @FieldResolver(() => [School], { description: "Schools that developed it with the owner." })
  coDevelopers(@Root() resource: Resource): School[] {
    return resource.coDeveloperSchoolIds.map(schoolReference);
  }

  @FieldResolver(() => [Network], { description: "Networks it belongs to and is listed under (the owning network first)." })
  networks(@Root() resource: Resource): Network[] {
    return resource.networkIds.map(networkReference);
  }

  @Mutation(() => Resource, {
    description: "Publishes a resource owned by a network, or by a school within it: for the school's staff or the network's coordinators and admins.",
  })
  publishResource(@Arg("input") input: PublishResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.publish(access, input);
  }

  @Mutation(() => Resource, { description: "Changes a resource: for the owning school's staff or the owning network's coordinators and admins." })
  updateResource(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.update(access, id, input);
  }

  @Mutation(() => Resource, { description: "Archives the resource: it leaves searches and lists but stays readable by id. CONFLICT if already archived." })
  archiveResource(@Arg("id", () => ID) id: string, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.archive(access, id);
  }
}

@Resolver(() => School)
export class SchoolResourcesResolver {
  @FieldResolver(() => [Resource], { description: "Active resources the school owns that you may see, by title." })
  async ownedResources(@Root() school: School, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.resourcesBySchoolOwner.load(school.id)).slice(0, first);
  }

  @FieldResolver(() => [Resource], { description: "Active resources the school developed with their owner that you may see, by title." })
  async coDevelopedResources(@Root() school: School, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.resourcesByCoDeveloper.load(school.id)).slice(0, first);
  }
}

@Resolver(() => Network)
export class NetworkResourcesResolver {
  @FieldResolver(() => [Resource], { description: "Active resources the network itself owns (not its schools') that you may see, by title." })
  async ownedResources(@Root() network: Network, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.resourcesByNetworkOwner.load(network.id)).slice(0, first);
  }

  @FieldResolver(() => [Resource], {
    description: "Active resources that belong to the network (its own, its schools' and those listed under it) that you may see, by title.",
  })
  async sharedResources(@Root() network: Network, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.resourcesByNetwork.load(network.id)).slice(0, first);
  }
}
