import { LocalDateResolver } from "graphql-scalars";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs, pageOfIds } from "../../kit";
import type { DevelopmentContext } from "../context";
import { Educator, entityRef, Network, School, SchoolConnection } from "../federation/entities";
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
  @Query(() => LearningCommunity, { nullable: true, description: "A learning community by id; null when it does not exist or you may not see it." })
  learningCommunity(@Arg("id", () => ID, { description: "The community's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.learningCommunityById.load(id);
  }

  @Query(() => LearningCommunityConnection, { description: "Learning communities by name, of a network or on a focus area." })
  learningCommunities(@Args() args: LearningCommunitiesArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.learningCommunities.list(access, args);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network it belongs to; null for a school's own community." })
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

  @FieldResolver(() => SchoolConnection, { description: "The distinct schools of its current members, in the order they joined." })
  async schools(@Root() community: LearningCommunity, @Args() args: PageArgs, @Ctx() { loaders }: DevelopmentContext) {
    return pageOfIds((await loaders.currentMembersByCommunity.load(community.id))?.schoolIds ?? [], args, entityRef);
  }

  @Mutation(() => LearningCommunity, { description: "Forms a job-alike group, with its founding members." })
  formLearningCommunity(@Arg("input", { description: "The community and its founding members." }) input: FormLearningCommunityInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.learningCommunities.form(access, input);
  }

  @Mutation(() => LearningCommunityMember, { description: "Adds a member; CONFLICT if already a member." })
  joinLearningCommunity(
    @Arg("communityId", () => ID, { description: "The community's id." }) communityId: string,
    @Arg("member", { description: "The school (and educator) joining." }) member: LearningCommunityMemberInput,
    @Arg("joinedOn", () => LocalDateResolver, { nullable: true, description: "The day the member joined (YYYY-MM-DD); defaults to today, not before the community formed." }) joinedOn: string | null,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.learningCommunities.join(access, communityId, member, joinedOn ?? undefined);
  }

  @Mutation(() => LearningCommunityMember, { description: "Ends a membership: the community's convenors, or the member school's staff. CONFLICT if it already ended." })
  leaveLearningCommunity(
    @Arg("memberId", () => ID, { description: "The membership's id (`LearningCommunityMember.id`)." }) memberId: string,
    @Arg("leftOn", () => LocalDateResolver, { nullable: true, description: "The day the member left (YYYY-MM-DD); defaults to today, not before they joined." }) leftOn: string | null,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.learningCommunities.leave(access, memberId, leftOn ?? undefined);
  }
}

@Resolver(() => LearningCommunityMember)
export class LearningCommunityMemberResolver {
  @FieldResolver(() => LearningCommunity, { description: "The community." })
  community(@Root() member: LearningCommunityMember, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.learningCommunityById.load(member.communityId);
  }

  @FieldResolver(() => School, { description: "The member's school." })
  school(@Root() member: LearningCommunityMember) {
    return entityRef(member.schoolId);
  }

  @FieldResolver(() => Educator, { nullable: true, description: "The member educator, when the hub knows them; null for a school taking part as a whole or a member named only." })
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
