import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { School } from "../school/school";
import { Pathway, PathwayConnection, PathwayStage, PathwayTransition } from "./pathway";
import { CreatePathwayInput, PathwayFilterArgs, PathwaysArgs, PathwayTransitionInput } from "./pathway.inputs";

@Resolver(() => Pathway)
export class PathwayResolver {
  @Query(() => Pathway, { nullable: true, description: "A pathway by id; null when there is none." })
  pathway(@Arg("id", () => ID, { description: "The pathway's id." }) id: string, @Ctx() { repos }: NetworksContext) {
    return repos.pathways.findById(id);
  }

  @Query(() => PathwayConnection, { description: "Pathways of a network, or through a school." })
  pathways(@Args() args: PathwaysArgs, @Ctx() { repos }: NetworksContext) {
    return repos.pathways.list(args);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network the pathway belongs to, if any." })
  network(@Root() pathway: Pathway, @Ctx() { loaders }: NetworksContext) {
    return pathway.networkId ? loaders.networkById.load(pathway.networkId) : null;
  }

  @Mutation(() => Pathway, { description: "Records a pathway: schools students move through in order, e.g. elementary to middle to high school." })
  createPathway(@Arg("input", { description: "The pathway to record." }) input: CreatePathwayInput, @Ctx() { access, services }: NetworksContext) {
    return services.pathways.create(access, input);
  }

  @Mutation(() => Pathway, { description: "Records one school year's count of students moving between consecutive stages." })
  recordPathwayTransition(
    @Arg("pathwayId", () => ID, { description: "The pathway's id." }) pathwayId: string,
    @Arg("input", { description: "The two schools, the school year and the counts." }) input: PathwayTransitionInput,
    @Ctx() { access, services }: NetworksContext,
  ) {
    return services.pathways.recordTransition(access, pathwayId, input);
  }
}

@Resolver(() => PathwayStage)
export class PathwayStageResolver {
  @FieldResolver(() => School, { description: "The school of this stage." })
  school(@Root() stage: PathwayStage, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(stage.schoolId);
  }
}

@Resolver(() => PathwayTransition)
export class PathwayTransitionResolver {
  @FieldResolver(() => School, { description: "The school students left." })
  fromSchool(@Root() transition: PathwayTransition, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(transition.fromSchoolId);
  }

  @FieldResolver(() => School, { description: "The school students moved on to." })
  toSchool(@Root() transition: PathwayTransition, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(transition.toSchoolId);
  }
}

@Resolver(() => School)
export class SchoolPathwaysResolver {
  @FieldResolver(() => PathwayConnection, { description: "The pathways this school is a stage of, by name, filtered as the `pathways` query is." })
  pathways(@Root() school: School, @Args() args: PathwayFilterArgs, @Ctx() { loaders, repos }: NetworksContext) {
    return loaders.pages.load("School.pathways", args, school.id, (ids) => repos.pathways.pagesForSchools(ids, args));
  }
}
