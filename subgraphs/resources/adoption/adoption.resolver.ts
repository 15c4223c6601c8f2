import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs } from "../../kit";
import type { ResourcesContext } from "../context";
import { School, schoolReference } from "../federation/entities";
import { Resource } from "../resource/resource";
import { ResourceAdoption, ResourceAdoptionConnection } from "./adoption";
import { AdoptResourceInput } from "./adoption.inputs";

@Resolver(() => ResourceAdoption)
export class AdoptionResolver {
  @Query(() => ResourceAdoption, { nullable: true, description: "An adoption by id; null when there is none you may see (adoptions follow their resource's visibility)." })
  resourceAdoption(@Arg("id", () => ID, { description: "The adoption's id." }) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.adoptionById.load(id);
  }

  @FieldResolver(() => Resource, { description: "The adopted resource." })
  resource(@Root() adoption: ResourceAdoption, @Ctx() { loaders }: ResourcesContext) {
    return loaders.resourceById.load(adoption.resourceId);
  }

  @FieldResolver(() => School, { description: "The adopting school." })
  school(@Root() adoption: ResourceAdoption): School {
    return schoolReference(adoption.schoolId);
  }

  @Mutation(() => ResourceAdoption, {
    description: "Records that a school adopted a resource you may see: for the school's staff. CONFLICT if it already did.",
  })
  adoptResource(@Arg("input", { description: "The resource, the school and how it adapted it." }) input: AdoptResourceInput, @Ctx() { access, services }: ResourcesContext) {
    return services.adoptions.adopt(access, input);
  }

  @Mutation(() => ResourceAdoption, { description: "Rewrites how the school adapted the resource (null clears it): for the school's staff." })
  updateResourceAdoption(
    @Arg("id", () => ID, { description: "The adoption's id." }) id: string,
    @Arg("adaptationNote", () => String, { description: "How the school adapted the resource, 1 to 4000 characters; null clears it.", nullable: true }) adaptationNote: string | null,
    @Ctx() { access, services }: ResourcesContext,
  ) {
    return services.adoptions.updateNote(access, id, adaptationNote);
  }
}

@Resolver(() => Resource)
export class ResourceAdoptionsResolver {
  @FieldResolver(() => ResourceAdoptionConnection, { description: "Adoptions of the resource, oldest first; `node.school` is the adopting school." })
  adoptions(@Root() resource: Resource, @Args() args: PageArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("adoptions:resourceId", args, resource.id, (ids) => repos.adoptions.pagesFor(access, "resourceId", ids, args));
  }

  @FieldResolver(() => Int, { description: "How many schools adopted the resource (`adoptions.totalCount`, without a page)." })
  async adoptionCount(@Root() resource: Resource, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.adoptionCountByResource.load(resource.id))?.count ?? 0;
  }
}

@Resolver(() => School)
export class SchoolAdoptionsResolver {
  @FieldResolver(() => ResourceAdoptionConnection, {
    description: "The school's adoptions of resources you may see, oldest first; `node.resource` is the adopted resource.",
  })
  resourceAdoptions(@Root() school: School, @Args() args: PageArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("adoptions:schoolId", args, school.id, (ids) => repos.adoptions.pagesFor(access, "schoolId", ids, args));
  }
}
