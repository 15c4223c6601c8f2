import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { isSchoolKeeper, PageArgs } from "../../kit";
import type { NetworksContext } from "../context";
import { Network } from "../network/network";
import { School } from "../school/school";
import { Educator, EducatorConnection, EducatorContact } from "./educator";
import { CreateEducatorInput, UpdateEducatorInput } from "./educator.inputs";

@Resolver(() => Educator)
export class EducatorResolver {
  @Query(() => Educator, { nullable: true, description: "An educator by id; null when there is none. Contact details follow `Educator.contact`." })
  educator(@Arg("id", () => ID, { description: "The educator's id." }) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.educatorById.load(id);
  }

  @FieldResolver(() => School, { nullable: true, description: "The educator's school; null for a network's coordinator." })
  school(@Root() educator: Educator, @Ctx() { loaders }: NetworksContext) {
    return educator.schoolId ? loaders.schoolById.load(educator.schoolId) : null;
  }

  @FieldResolver(() => EducatorContact, {
    nullable: true,
    description: "Personal data: visible to the educator's own school and the coordinators of networks it accepted membership in (a network coordinator's: that network's managers), otherwise null.",
  })
  contact(@Root() educator: Educator, @Ctx() { access }: NetworksContext) {
    if (!educator.contact) return null;
    if (educator.schoolId) return isSchoolKeeper(access, educator.schoolId) ? educator.contact : null;
    return educator.networkId && access.managedNetworkIds.includes(educator.networkId) ? educator.contact : null;
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network a coordinator coordinates." })
  network(@Root() educator: Educator, @Ctx() { loaders }: NetworksContext) {
    return educator.networkId ? loaders.networkById.load(educator.networkId) : null;
  }

  @Mutation(() => Educator, { description: "Records an educator of a school, or a network's coordinator." })
  createEducator(@Arg("input", { description: "The educator to record." }) input: CreateEducatorInput, @Ctx() { access, services }: NetworksContext) {
    return services.educators.create(access, input);
  }

  @Mutation(() => Educator, { description: "Changes an educator's record." })
  updateEducator(@Arg("id", () => ID, { description: "The educator's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateEducatorInput, @Ctx() { access, services }: NetworksContext) {
    return services.educators.update(access, id, input);
  }
}

@Resolver(() => School)
export class SchoolEducatorsResolver {
  @FieldResolver(() => EducatorConnection, { description: "The school's educators, by name." })
  educators(@Root() school: School, @Args() args: PageArgs, @Ctx() { repos }: NetworksContext) {
    return repos.educators.listForSchool(school.id, args);
  }
}
