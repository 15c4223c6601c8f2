import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadExisting } from "../../kit";
import { ConsentStatus } from "../consent/consent";
import type { NetworksContext } from "../context";
import { Membership } from "../membership/membership";
import { Network } from "../network/network";
import { School, SchoolConnection } from "./school";
import { CreateSchoolInput, SchoolByNcesIdArgs, SchoolsArgs, UpdateSchoolInput } from "./school.inputs";

@Resolver(() => School)
export class SchoolResolver {
  @Query(() => School, { nullable: true })
  school(@Arg("id", () => ID) id: string, @Ctx() { loaders }: NetworksContext) {
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

  @FieldResolver(() => [Membership], { description: "The school's accepted memberships, oldest first (pending ones: the `memberships` query)." })
  async memberships(
    @Root() school: School,
    @Arg("includeEnded", { defaultValue: false }) includeEnded: boolean,
    @Ctx() { loaders }: NetworksContext,
  ) {
    const shown = includeEnded ? [ConsentStatus.ACCEPTED, ConsentStatus.ENDED] : [ConsentStatus.ACCEPTED];
    return (await loaders.membershipsBySchool.load(school.id)).filter((membership) => shown.includes(membership.status));
  }

  @FieldResolver(() => [Network], { description: "The networks the school currently belongs to." })
  async networks(@Root() school: School, @Ctx() { loaders }: NetworksContext) {
    const open = (await loaders.membershipsBySchool.load(school.id)).filter((membership) => membership.status === ConsentStatus.ACCEPTED);
    return loadExisting(loaders.networkById, open.map((membership) => membership.networkId));
  }

  @Mutation(() => School)
  createSchool(@Arg("input") input: CreateSchoolInput, @Ctx() { access, services }: NetworksContext) {
    return services.schools.create(access, input);
  }

  @Mutation(() => School)
  updateSchool(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateSchoolInput, @Ctx() { access, services }: NetworksContext) {
    return services.schools.update(access, id, input);
  }

  @Mutation(() => School, { description: "Archives the school: it leaves lists but stays readable by id." })
  archiveSchool(@Arg("id", () => ID) id: string, @Ctx() { access, services }: NetworksContext) {
    return services.schools.archive(access, id);
  }
}
