import { LocalDateResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DevelopmentContext } from "../context";
import { Educator, entityRef, Network, School } from "../federation/entities";
import { LearningCommunity, LearningCommunityConnection, LearningCommunityMember, LearningCommunityMemberConnection } from "./learning-community";
import {
  FormLearningCommunityInput,
  LearningCommunitiesArgs,
  LearningCommunityFilterArgs,
  LearningCommunityMemberInput,
  LearningCommunityMembersArgs,
} from "./learning-community.inputs";

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

  @FieldResolver(() => LearningCommunityMemberConnection, { description: "The community's members in the order they joined; current ones unless `includeLeft`." })
  members(@Root() community: LearningCommunity, @Args() args: LearningCommunityMembersArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("LearningCommunity.members", args, community.id, (ids) => repos.learningCommunityMembers.pagesForCommunities(access, ids, args));
  }

  @FieldResolver(() => Int, { description: "How many current members it has." })
  async memberCount(@Root() community: LearningCommunity, @Ctx() { loaders }: DevelopmentContext) {
    return (await loaders.currentMembersByCommunity.load(community.id))?.count ?? 0;
  }

  @FieldResolver(() => [School], { description: "The distinct schools of its current members, in the order they joined." })
  async schools(@Root() community: LearningCommunity, @Ctx() { loaders }: DevelopmentContext) {
    return ((await loaders.currentMembersByCommunity.load(community.id))?.schoolIds ?? []).map(entityRef);
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
  @FieldResolver(() => LearningCommunityConnection, {
    description: "Learning communities the school (or one of its educators) currently belongs to, that you may see, by name; the filters of `Query.learningCommunities`.",
  })
  learningCommunities(@Root() school: School, @Args() args: LearningCommunitiesArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("School.learningCommunities", args, school.id, async (ids) =>
      repos.learningCommunities.pagesForMembers(access, await repos.learningCommunityMembers.currentCommunities(access, "schoolId", ids), args),
    );
  }
}

@Resolver(() => Network)
export class NetworkLearningCommunitiesResolver {
  @FieldResolver(() => LearningCommunityConnection, { description: "The network's learning communities that you may see, by name; the filters of `Query.learningCommunities`." })
  learningCommunities(@Root() network: Network, @Args() args: LearningCommunityFilterArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Network.learningCommunities", args, network.id, (ids) => repos.learningCommunities.pagesForNetworks(access, ids, args));
  }
}

@Resolver(() => Educator)
export class EducatorLearningCommunitiesResolver {
  @FieldResolver(() => LearningCommunityConnection, {
    description: "Learning communities the educator currently belongs to, that you may see, by name; the filters of `Query.learningCommunities`.",
  })
  learningCommunities(@Root() educator: Educator, @Args() args: LearningCommunitiesArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Educator.learningCommunities", args, educator.id, async (ids) =>
      repos.learningCommunities.pagesForMembers(access, await repos.learningCommunityMembers.currentCommunities(access, "educatorId", ids), args),
    );
  }
}
