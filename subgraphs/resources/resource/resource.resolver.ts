import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { ResourceOwnerKind } from "../enums";
import { Network, networkReference, Organization, ownerReference, ResourceOwner, School, schoolReference } from "../federation/entities";
import { Resource, ResourceConnection, ResourceSearchConnection } from "./resource";
import { NestedListArgs, PublishResourceInput, ResourceFilterArgs, SearchResourcesArgs, UpdateResourceInput } from "./resource.inputs";
import { ownerKey } from "./resource.repository";

@Resolver(() => Resource)
export class ResourceResolver {
  @Query(() => Resource, { nullable: true })
  resource(@Arg("id", () => ID) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.resourceById.load(id);
  }

  @Query(() => ResourceConnection, { description: "Resources by title, filtered by kind, subject, grades, tags, network or owner." })
  resources(@Args() args: ResourceFilterArgs, @Ctx() { repos }: ResourcesContext) {
    return repos.resources.list(args);
  }

  @Query(() => ResourceSearchConnection, {
    description: "Resources matching words (MongoDB text index), most relevant first, with the same filters as `resources`.",
  })
  searchResources(@Args() args: SearchResourcesArgs, @Ctx() { repos }: ResourcesContext) {
    return repos.resources.search(args);
  }

  @FieldResolver(() => ResourceOwner, { description: "The school, network or organization that owns it." })
  owner(@Root() resource: Resource) {
    return ownerReference(resource.owner);
  }

  @FieldResolver(() => [School], { description: "Schools that developed it with the owner." })
  coDevelopers(@Root() resource: Resource): School[] {
    return resource.coDeveloperSchoolIds.map(schoolReference);
  }

  @FieldResolver(() => [Network], { description: "Networks it belongs to and is shared through." })
  networks(@Root() resource: Resource): Network[] {
    return resource.networkIds.map(networkReference);
  }

  @Mutation(() => Resource, { description: "Publishes a resource owned by a school, network or organization." })
  publishResource(@Arg("input") input: PublishResourceInput, @Ctx() { services }: ResourcesContext) {
    return services.resources.publish(input);
  }

  @Mutation(() => Resource)
  updateResource(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateResourceInput, @Ctx() { services }: ResourcesContext) {
    return services.resources.update(id, input);
  }

  @Mutation(() => Resource, { description: "Archives the resource: it leaves searches and lists but stays readable by id. CONFLICT if already archived." })
  archiveResource(@Arg("id", () => ID) id: string, @Ctx() { services }: ResourcesContext) {
    return services.resources.archive(id);
  }
}

async function owned(context: ResourcesContext, kind: ResourceOwnerKind, id: string, first: number) {
  return (await context.loaders.resourcesByOwner.load(ownerKey({ kind, id }))).slice(0, first);
}

@Resolver(() => School)
export class SchoolResourcesResolver {
  @FieldResolver(() => [Resource], { description: "Active resources the school owns, by title." })
  ownedResources(@Root() school: School, @Args() { first }: NestedListArgs, @Ctx() context: ResourcesContext) {
    return owned(context, ResourceOwnerKind.SCHOOL, school.id, first);
  }

  @FieldResolver(() => [Resource], { description: "Active resources the school developed with their owner, by title." })
  async coDevelopedResources(@Root() school: School, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.resourcesByCoDeveloper.load(school.id)).slice(0, first);
  }
}

@Resolver(() => Network)
export class NetworkResourcesResolver {
  @FieldResolver(() => [Resource], { description: "Active resources the network owns, by title." })
  ownedResources(@Root() network: Network, @Args() { first }: NestedListArgs, @Ctx() context: ResourcesContext) {
    return owned(context, ResourceOwnerKind.NETWORK, network.id, first);
  }

  @FieldResolver(() => [Resource], {
    description: "Active resources that belong to the network (its own and those its schools share through it), by title.",
  })
  async sharedResources(@Root() network: Network, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.resourcesByNetwork.load(network.id)).slice(0, first);
  }
}

@Resolver(() => Organization)
export class OrganizationResourcesResolver {
  @FieldResolver(() => [Resource], { description: "Active resources the organization owns, by title." })
  ownedResources(@Root() organization: Organization, @Args() { first }: NestedListArgs, @Ctx() context: ResourcesContext) {
    return owned(context, ResourceOwnerKind.ORGANIZATION, organization.id, first);
  }
}
