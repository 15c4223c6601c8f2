import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NetworksContext } from "../context";
import { MembershipConnection } from "../membership/membership";
import { SchoolMembershipsArgs } from "../membership/membership.inputs";
import { NetworkConnection } from "../network/network";
import { NetworksArgs } from "../network/network.inputs";
import { School, SchoolConnection } from "./school";
import { CreateSchoolInput, SchoolByNcesIdArgs, SchoolsArgs, UpdateSchoolInput } from "./school.inputs";

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, { nullable: true, description: "A school by id (archived ones too); null when there is none." })
  school(@Arg("id", () => ID, { description: "The school's id." }) id: string, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolById.load(id);
  }

  @Query(() => School, { nullable: true, description: "A school by its 12-digit NCES id." })
  schoolByNcesId(@Args() { ncesId }: SchoolByNcesIdArgs, @Ctx() { loaders }: NetworksContext) {
    return loaders.schoolByNcesId.load(ncesId);
  }

  @Query(() => SchoolConnection, { description: "Schools by name, filtered by locale, level, region or governance." })
  schools(@Args() args: SchoolsArgs, @Ctx() { repos }: NetworksContext) {
    return repos.schools.list(args);
  }

  @FieldResolver(() => MembershipConnection, {
    description: "The school's memberships, earliest start first, filtered as the `memberships` query is: accepted and ended ones for everyone, the others for their parties.",
  })
  async memberships(@Root() school: School, @Args() args: SchoolMembershipsArgs, @Ctx() { loaders, parties, repos }: NetworksContext) {
    const readable = await parties.readableFilter();
    return loaders.pages.load("School.memberships", args, school.id, (ids) => repos.memberships.pagesForSchools(readable, ids, args));
  }

  @FieldResolver(() => NetworkConnection, { description: "The networks the school is an accepted member of, by name, filtered as the `networks` query is." })
  networks(@Root() school: School, @Args() args: NetworksArgs, @Ctx() { loaders, repos }: NetworksContext) {
    return loaders.pages.load("School.networks", args, school.id, (ids) => repos.networks.pagesThrough(repos.memberships.acceptedLink("schoolId"), ids, args));
  }

  @Mutation(() => School, { description: "Registers a school; the caller's organization answers for it until it first joins a network." })
  createSchool(@Arg("input", { description: "The school to register." }) input: CreateSchoolInput, @Ctx() { access, services }: NetworksContext) {
    return services.schools.create(access, input);
  }

  @Mutation(() => School, { description: "Changes a school's record (its staff and the managers of its networks)." })
  updateSchool(@Arg("id", () => ID, { description: "The school's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateSchoolInput, @Ctx() { access, services }: NetworksContext) {
    return services.schools.update(access, id, input);
  }

  @Mutation(() => School, { description: "Archives the school: it leaves lists but stays readable by id." })
  archiveSchool(@Arg("id", () => ID, { description: "The school's id." }) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.schools.archive(access, id);
  }
}
