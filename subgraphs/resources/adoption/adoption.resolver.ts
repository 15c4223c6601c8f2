import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadExisting } from "../../kit";
import type { ResourcesContext } from "../context";
import { School, schoolReference } from "../federation/entities";
import { Resource } from "../resource/resource";
import { NestedListArgs } from "../resource/resource.inputs";
import { ResourceAdoption } from "./adoption";
import { AdoptResourceInput } from "./adoption.inputs";

@Resolver(() => ResourceAdoption)
export class AdoptionResolver {
  @Query(() => ResourceAdoption, { nullable: true, description: "An adoption by id; null when there is none you may see (adoptions follow their resource's visibility)." })
  resourceAdoption(@Arg("id", () => ID) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.adoptionById.load(id);
  }

  @FieldResolver(() => Resource)
  resource(@Root() adoption: ResourceAdoption, @Ctx() { loaders }: ResourcesContext) {
    return loaders.resourceById.load(adoption.resourceId);
  }

  @FieldResolver(() => School)
  school(@Root() adoption: ResourceAdoption): School {
    return schoolReference(adoption.schoolId);
  }

  @Mutation(() => ResourceAdoption, {
    description: "Records that a school adopted a resource you may see: for the school's staff. CONFLICT if it already did.",
  })
  adoptResource(@Arg("input") input: AdoptResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.adoptions.adopt(access, input);
  }

  @Mutation(() => ResourceAdoption, { description: "Rewrites how the school adapted the resource (null clears it): for the school's staff." })
  updateResourceAdoption(
    @Arg("id", () => ID) id: string,
    @Arg("adaptationNote", () => String, { nullable: true }) adaptationNote: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.adoptions.updateNote(access, id, adaptationNote);
  }
}

@Resolver(() => Resource)
export class ResourceAdoptionsResolver {
  @FieldResolver(() => [ResourceAdoption], { description: "Adoptions of the resource, oldest first." })
  async adoptions(@Root() resource: Resource, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.adoptionsByResource.load(resource.id)).slice(0, first);
  }

  @FieldResolver(() => [School], { description: "Schools that adopted the resource, first adopters first." })
  async adoptingSchools(@Root() resource: Resource, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.adoptionsByResource.load(resource.id)).slice(0, first).map((adoption) => schoolReference(adoption.schoolId));
  }

  @FieldResolver(() => Int, { description: "How many schools adopted the resource." })
  async adoptionCount(@Root() resource: Resource, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.adoptionsByResource.load(resource.id)).length;
  }
}

@Resolver(() => School)
export class SchoolAdoptionsResolver {
  @FieldResolver(() => [ResourceAdoption], { description: "The school's adoptions of resources you may see, oldest first." })
  async resourceAdoptions(@Root() school: School, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.adoptionsBySchool.load(school.id)).slice(0, first);
  }

  @FieldResolver(() => [Resource], { description: "Resources you may see that the school adopted, oldest adoption first." })
  async adoptedResources(@Root() school: School, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    const adoptions = (await loaders.adoptionsBySchool.load(school.id)).slice(0, first);
    return loadExisting(loaders.resourceById, adoptions.map((adoption) => adoption.resourceId));
  }
}
