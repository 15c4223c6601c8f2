import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { ResourceAdoption } from "../adoption/adoption";
import type { ResourcesContext } from "../context";
import { Resource, ResourceConnection } from "../resource/resource";
import { ResourceFilterArgs } from "../resource/resource.inputs";
import { nestedResources } from "../resource/resource.resolver";

/** How far `lineage` walks up: further generations are reached through `adaptedFrom` of the last one. */
export const MAX_LINEAGE = 20;

/*
 * Lineage of adapted versions, both ways. Every step is read with the caller's access, so a hidden original
 * is null, a walk up stops at it (showing a grand-original past it would tell that it exists), and hidden
 * adaptations are neither listed nor counted. The original's owner reads every adaptation (policies.ts).
 */

@Resolver(() => Resource)
export class ResourceLineageResolver {
  @FieldResolver(() => Resource, {
    nullable: true,
    description: "The resource this one is an adapted version of; null for an original, and when you may not see the original.",
  })
  adaptedFrom(@Root() resource: Resource, @Ctx() { loaders }: ResourcesContext) {
    return resource.adaptedFromId ? loaders.resourceById.load(resource.adaptedFromId) : null;
  }

  @FieldResolver(() => [Resource], {
    description: `The resources this one descends from, nearest first (\`adaptedFrom\`, its \`adaptedFrom\`, …): up to the first you may not see, at most ${MAX_LINEAGE}.`,
  })
  async lineage(@Root() resource: Resource, @Ctx() { loaders }: ResourcesContext) {
    const ancestors: Resource[] = [];
    for (let id = resource.adaptedFromId; id && ancestors.length < MAX_LINEAGE; ) {
      const ancestor = await loaders.resourceById.load(id);
      if (!ancestor) break;
      ancestors.push(ancestor);
      id = ancestor.adaptedFromId;
    }
    return ancestors;
  }

  @FieldResolver(() => ResourceConnection, {
    description:
      "Adapted versions of this resource that you may see (its owner sees them all), by title, with the filters of `resources`; " +
      "each has `adaptations` of its own.",
  })
  adaptations(@Root() resource: Resource, @Args() args: ResourceFilterArgs, @Ctx() context: ResourcesContext) {
    return nestedResources("original", resource.id, args, context);
  }

  @Mutation(() => Resource, {
    description:
      "Ends an adapted version's link to its original, for the adaptation's owner or the original's owner: the original's owner no longer " +
      "reads it, and it leaves the original's `adaptations`. A link never comes back. CONFLICT when it is not linked.",
  })
  unlinkAdaptation(@Arg("id", () => ID, { description: "The adapted version's id." }) id: string, @Ctx() { access, services }: ResourcesContext) {
    return services.resources.unlinkAdaptation(access, id);
  }
}

@Resolver(() => ResourceAdoption)
export class AdoptionAdaptationsResolver {
  @FieldResolver(() => ResourceConnection, {
    description:
      "The adapted versions of the adopted resource that the adopting school published (resources it owns whose `adaptedFrom` is it), " +
      "that you may see, by title, with the filters of `resources`.",
  })
  adaptations(@Root() adoption: ResourceAdoption, @Args() args: ResourceFilterArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("resources:adoption", args, `${adoption.resourceId}:${adoption.schoolId}`, (keys) => repos.resources.adaptationsByAdopter(access, keys, args));
  }
}
