import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, PageArgs, requireFound } from "../../kit";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { School } from "../school/school";
import { Educator, EducatorConnection } from "./educator";
import { CreateEducatorInput, UpdateEducatorInput } from "./educator.inputs";

@Resolver(() => Educator)
export class EducatorResolver {
  @Query(() => Educator, { nullable: true })
  educator(@Arg("id", () => ID) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.educatorById.load(id);
  }

  @FieldResolver(() => School, { nullable: true })
  school(@Root() educator: Educator, @Ctx() { loaders }: NetworksContext) {
    return educator.schoolId ? loaders.schoolById.load(educator.schoolId) : null;
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network a coordinator coordinates." })
  network(@Root() educator: Educator, @Ctx() { loaders }: NetworksContext) {
    return educator.networkId ? loaders.networkById.load(educator.networkId) : null;
  }

  @Mutation(() => Educator)
  async createEducator(@Arg("input") input: CreateEducatorInput, @Ctx() { repos }: NetworksContext) {
    if (input.schoolId && !(await repos.schools.findById(input.schoolId))) {
      throw new BadUserInputError(`No school has id ${input.schoolId}`, "input.schoolId");
    }
    if (input.networkId && !(await repos.networks.findById(input.networkId))) {
      throw new BadUserInputError(`No network has id ${input.networkId}`, "input.networkId");
    }
    return repos.educators.create(input);
  }

  @Mutation(() => Educator)
  async updateEducator(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateEducatorInput, @Ctx() { repos }: NetworksContext) {
    return requireFound(await repos.educators.update(id, input), "Educator", id);
  }
}

@Resolver(() => School)
export class SchoolEducatorsResolver {
  @FieldResolver(() => EducatorConnection, { description: "The school's educators, by name." })
  educators(@Root() school: School, @Args() args: PageArgs, @Ctx() { repos }: NetworksContext) {
    return repos.educators.listForSchool(school.id, args);
  }
}
