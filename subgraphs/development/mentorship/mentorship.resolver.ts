import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { actsForSchool, PageArgs, type Access, type Entity } from "../../kit";
import type { DevelopmentContext } from "../context";
import { entityRef, Network, School } from "../federation/entities";
import { MentorCapacity, Mentorship, MentorshipActivity, MentorshipActivityConnection, MentorshipConnection } from "./mentorship";
import { EndMentorshipInput, LogMentorshipActivityInput, MentorshipsArgs, NetworkMentorshipsArgs, SchoolMentorshipsArgs, SetMentorCapacityArgs, StartMentorshipInput } from "./mentorship.inputs";
import type { MentorCapacityDocument } from "./mentorship.repository";

/**
 * A school's published capacity, as `access` may see it. Counts must not reveal mentorships the caller may
 * not read: `activePartners` counts the active mentorships they see (`visibleActive`), and `remaining` is
 * given only to those who act for the school or who see all its active mentorships; everyone learns whether
 * it takes new partners.
 */
export function toMentorCapacity(doc: Entity<MentorCapacityDocument>, access: Access, visibleActive: number): MentorCapacity {
  const seesAll = actsForSchool(access, doc.schoolId) || visibleActive >= doc.activeCount;
  return {
    schoolId: doc.schoolId,
    capacity: doc.capacity,
    activePartners: seesAll ? doc.activeCount : visibleActive,
    remaining: seesAll ? doc.openSlots : null,
    acceptingPartners: doc.openSlots > 0,
    updatedAt: doc.updatedAt,
  };
}

@Resolver(() => Mentorship)
export class MentorshipResolver {
  @Query(() => Mentorship, { nullable: true, description: "A mentorship by id; null when it does not exist or you may not see it." })
  mentorship(@Arg("id", () => ID, { description: "The mentorship's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.mentorshipById.load(id);
  }

  @Query(() => MentorshipConnection, { description: "Mentorships, most recent first, by mentor, partner, network, status or focus area." })
  mentorships(@Args() args: MentorshipsArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.mentorships.list(access, args);
  }

  @FieldResolver(() => School, { description: "The mentor school." })
  mentorSchool(@Root() mentorship: Mentorship) {
    return entityRef(mentorship.mentorSchoolId);
  }

  @FieldResolver(() => School, { description: "The partner school it mentors; its staff always see the mentorship." })
  partnerSchool(@Root() mentorship: Mentorship) {
    return entityRef(mentorship.partnerSchoolId);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network the pairing belongs to; null when none." })
  network(@Root() mentorship: Mentorship) {
    return mentorship.networkId ? entityRef(mentorship.networkId) : null;
  }

  @FieldResolver(() => MentorshipActivityConnection, { description: "Visits and exchanges logged on the mentorship, newest first (`first: 3` for the last three)." })
  activities(@Root() mentorship: Mentorship, @Args() args: PageArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Mentorship.activities", args, mentorship.id, (ids) => repos.mentorshipActivities.pagesForMentorships(access, ids, args));
  }

  @Mutation(() => MentorCapacity, { description: "States how many partner schools a mentor school can take at once; not below its active partners." })
  async setMentorCapacity(@Args() { schoolId, capacity, networkId }: SetMentorCapacityArgs, @Ctx() { access, services }: DevelopmentContext) {
    const stated = await services.mentorships.setCapacity(access, schoolId, capacity, networkId);
    return toMentorCapacity(stated, access, stated.activeCount);
  }

  @Mutation(() => Mentorship, { description: "Starts a mentorship; CONFLICT when the mentor school is at capacity or the pair is already active." })
  startMentorship(@Arg("input", { description: "The mentor and partner schools and what they work on." }) input: StartMentorshipInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.mentorships.start(access, input);
  }

  @Mutation(() => Mentorship, { description: "Ends an active mentorship with a reason; the mentor school's place frees." })
  endMentorship(@Arg("id", () => ID, { description: "The mentorship's id." }) id: string, @Arg("input", { description: "Why and when it ends." }) input: EndMentorshipInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.mentorships.end(access, id, input);
  }

  @Mutation(() => MentorshipActivity, { description: "Logs a visit, exchange or meeting that took place." })
  logMentorshipActivity(
    @Arg("mentorshipId", () => ID, { description: "The mentorship's id." }) mentorshipId: string,
    @Arg("input", { description: "What took place, and when." }) input: LogMentorshipActivityInput,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.mentorships.logActivity(access, mentorshipId, input);
  }
}

@Resolver(() => MentorshipActivity)
export class MentorshipActivityResolver {
  @FieldResolver(() => Mentorship, { description: "The mentorship it belongs to." })
  mentorship(@Root() activity: MentorshipActivity, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.mentorshipById.load(activity.mentorshipId);
  }
}

@Resolver(() => MentorCapacity)
export class MentorCapacityResolver {
  @FieldResolver(() => School, { description: "The mentor school." })
  school(@Root() capacity: MentorCapacity) {
    return entityRef(capacity.schoolId);
  }
}

@Resolver(() => School)
export class SchoolMentorshipsResolver {
  @FieldResolver(() => MentorshipConnection, {
    description:
      "Mentorships the school is in that you may see, most recent first; the filters of `Query.mentorships`, with `role` in place of the mentor and partner school.",
  })
  mentorships(@Root() school: School, @Args() args: SchoolMentorshipsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("School.mentorships", args, school.id, (ids) => repos.mentorships.pagesForSchools(access, ids, args));
  }

  @FieldResolver(() => MentorCapacity, {
    nullable: true,
    description: "The school's stated mentoring capacity and what is left of it (its published availability: numbers, no partner named); null if never stated.",
  })
  async mentorCapacity(@Root() school: School, @Ctx() { access, loaders }: DevelopmentContext) {
    const [capacity, visibleActive] = await Promise.all([loaders.mentorCapacityBySchool.load(school.id), loaders.activeMentorshipsReadable.load(school.id)]);
    return capacity ? toMentorCapacity(capacity, access, visibleActive) : null;
  }
}

@Resolver(() => Network)
export class NetworkMentorshipsResolver {
  @FieldResolver(() => MentorshipConnection, {
    description: "Mentorships held as part of the network that you may see, most recent first; the filters of `Query.mentorships`.",
  })
  mentorships(@Root() network: Network, @Args() args: NetworkMentorshipsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Network.mentorships", args, network.id, (ids) => repos.mentorships.pagesForNetworks(access, ids, args));
  }
}
