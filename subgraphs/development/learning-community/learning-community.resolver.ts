import { LocalDateResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { loadExisting } from "../../kit";
import type { DevelopmentContext } from "../context";
import { Educator, entityRef, Network, School } from "../federation/entities";
import { LearningCommunity, LearningCommunityConnection, LearningCommunityMember } from "./learning-community";
import { FormLearningCommunityInput, LearningCommunitiesArgs, LearningCommunityMemberInput } from "./learning-community.inputs";

@Resolver(() => LearningCommunity)
export class LearningCommunityResolver {
  @Query(() => LearningCommunity, { nullable: true })
  learningCommunity(@Arg("id", () => ID) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.learningCommunityById.load(id);
  }

  @Query(() => LearningCommunityConnection, { description: "Learning communities by name, of a network or on a focus area." })
  learningCommunities(@Args() args: LearningCommunitiesArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.learningCommunities.list(access, args);
  }

  @FieldResolver(() => Network, { nullable: true })
  network(@Root() community: LearningCommunity) {
    return community.networkId ? entityRef(community.networkId) : null;
  }

  @FieldResolver(() => [LearningCommunityMember], { description: "Members in the order they joined; current ones unless includeLeft." })
  async members(
    @Root() community: LearningCommunity,
    @Arg("includeLeft", { defaultValue: false }) includeLeft: boolean,
    @Ctx() { loaders }: DevelopmentContext,
  ) {
    const members = await loaders.membersByCommunity.load(community.id);
    return includeLeft ? members : members.filter((member) => !member.leftOn);
  }

  @FieldResolver(() => Int, { description: "Current members." })
  async memberCount(@Root() community: LearningCommunity, @Ctx() { loaders }: DevelopmentContext) {
    return (await loaders.membersByCommunity.load(community.id)).filter((member) => !member.leftOn).length;
  }

  @FieldResolver(() => [School], { description: "The schools of its current members." })
  async schools(@Root() community: LearningCommunity, @Ctx() { loaders }: DevelopmentContext) {
    const members = (await loaders.membersByCommunity.load(community.id)).filter((member) => !member.leftOn);
    return [...new Set(members.map((member) => member.schoolId))].map(entityRef);
  }

  @Mutation(() => LearningCommunity, { description: "Forms a job-alike group, with its founding members." })
  formLearningCommunity(@Arg("input") input: FormLearningCommunityInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.learningCommunities.form(access, input);
  }

  @Mutation(() => LearningCommunityMember, { description: "Adds a member; CONFLICT if already a member." })
  joinLearningCommunity(
    @Arg("communityId", () => ID) communityId: string,
    @Arg("member") member: LearningCommunityMemberInput,
    @Arg("joinedOn", () => LocalDateResolver, { nullable: true }) joinedOn: string | null,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.learningCommunities.join(access, communityId, member, joinedOn ?? undefined);
  }

  @Mutation(() => LearningCommunityMember)
  leaveLearningCommunity(
    @Arg("memberId", () => ID) memberId: string,
    @Arg("leftOn", () => LocalDateResolver, { nullable: true }) leftOn: string | null,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.learningCommunities.leave(access, memberId, leftOn ?? undefined);
  }
}

@Resolver(() => LearningCommunityMember)
export class LearningCommunityMemberResolver {
  @FieldResolver(() => LearningCommunity)
  community(@Root() member: LearningCommunityMember, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.learningCommunityById.load(member.communityId);
  }

  @FieldResolver(() => School)
  school(@Root() member: LearningCommunityMember) {
    return entityRef(member.schoolId);
  }

  @FieldResolver(() => Educator, { nullable: true })
  educator(@Root() member: LearningCommunityMember) {
    return member.educatorId ? entityRef(member.educatorId) : null;
  }
}

@Resolver(() => School)
export class SchoolLearningCommunitiesResolver {
  @FieldResolver(() => [LearningCommunity], { description: "Learning communities the school's educators currently take part in." })
  async learningCommunities(@Root() school: School, @Ctx() { loaders }: DevelopmentContext) {
    const members = await loaders.currentMembersBySchool.load(school.id);
    return loadExisting(loaders.learningCommunityById, [...new Set(members.map((member) => member.communityId))]);
  }
}

@Resolver(() => Network)
export class NetworkLearningCommunitiesResolver {
  @FieldResolver(() => [LearningCommunity], { description: "The network's learning communities, by name." })
  learningCommunities(@Root() network: Network, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.learningCommunitiesByNetwork.load(network.id);
  }
}

@Resolver(() => Educator)
export class EducatorLearningCommunitiesResolver {
  @FieldResolver(() => [LearningCommunity], { description: "Learning communities the educator currently belongs to." })
  async learningCommunities(@Root() educator: Educator, @Ctx() { loaders }: DevelopmentContext) {
    const members = await loaders.currentMembersByEducator.load(educator.id);
    return loadExisting(loaders.learningCommunityById, [...new Set(members.map((member) => member.communityId))]);
  }
}
