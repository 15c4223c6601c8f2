import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs, pageOfIds, today } from "../../kit";
import type { DevelopmentContext } from "../context";
import { EventConnection } from "../event/event";
import { UpcomingEventsArgs } from "../event/event.inputs";
import { needEventsKey } from "../event/event.repository";
import { entityRef, Network, School, SchoolConnection } from "../federation/entities";
import { CommonNeed, CommonNeedConnection, Need, NeedConnection } from "./need";
import { CloseNeedArgs, CommonNeedsArgs, NeedFilterArgs, NeedsArgs, RecordNeedInput, UpdateNeedInput } from "./need.inputs";
import { pageCommonNeeds } from "./need.service";

@Resolver(() => Need)
export class NeedResolver {
  @Query(() => Need, { nullable: true, description: "A need by id; null when it does not exist or you may not see it." })
  need(@Arg("id", () => ID, { description: "The need's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.needById.load(id);
  }

  @Query(() => NeedConnection, { description: "Needs, oldest first, of a school or shared with a network." })
  needs(@Args() args: NeedsArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.needs.list(access, args);
  }

  @FieldResolver(() => School, { description: "The school that has the need." })
  school(@Root() need: Need) {
    return entityRef(need.schoolId);
  }

  @FieldResolver(() => [Network], { description: "The networks the school shares the need with." })
  networks(@Root() need: Need) {
    return need.networkIds.map(entityRef);
  }

  @Mutation(() => Need, { description: "Records a school's need and shares it with networks. CONFLICT if the school has it open already." })
  recordNeed(@Arg("input", { description: "The school, the focus area and the networks to share it with." }) input: RecordNeedInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.needs.record(access, input);
  }

  @Mutation(() => Need, { description: "Changes an open need (its school's staff): the networks it is shared with, its description, priority or visibility." })
  updateNeed(@Arg("id", () => ID, { description: "The need's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateNeedInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.needs.update(access, id, input);
  }

  @Mutation(() => Need, { description: "Marks an open need addressed or withdrawn: it leaves the common needs." })
  closeNeed(@Args() { id, status }: CloseNeedArgs, @Ctx() { access, services }: DevelopmentContext) {
    return services.needs.close(access, id, status);
  }
}

@Resolver(() => CommonNeed)
export class CommonNeedResolver {
  @FieldResolver(() => Network, { description: "The network whose schools share the need." })
  network(@Root() need: CommonNeed) {
    return entityRef(need.networkId);
  }

  @FieldResolver(() => SchoolConnection, { description: "The schools that share this need." })
  schools(@Root() need: CommonNeed, @Args() args: PageArgs) {
    return pageOfIds(need.schoolIds, args, entityRef);
  }

  @FieldResolver(() => EventConnection, {
    description:
      "Scheduled events offered to the network that address this need and start today or later, soonest first, that you may see; " +
      "the filters of `Query.events` that the need leaves open.",
  })
  upcomingEvents(@Root() need: CommonNeed, @Args() args: UpcomingEventsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    const from = today();
    return loaders.pages.load("CommonNeed.upcomingEvents", args, needEventsKey(need.networkId, need.focusAreaKey), (keys) =>
      repos.events.pagesAddressing(access, keys, from, args),
    );
  }
}

@Resolver(() => School)
export class SchoolNeedsResolver {
  @FieldResolver(() => NeedConnection, { description: "The school's needs that you may see, oldest first (open ones unless `includeClosed`); the filters of `Query.needs`." })
  needs(@Root() school: School, @Args() args: NeedFilterArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("School.needs", args, school.id, (ids) => repos.needs.pagesForSchools(access, ids, args));
  }
}

@Resolver(() => Network)
export class NetworkNeedsResolver {
  @FieldResolver(() => CommonNeedConnection, {
    description:
      "The open needs the network's schools share with it, grouped by focus area and ranked by how many schools share each (then by how many rate it high priority); " +
      "counted from the needs you may see only.",
  })
  async commonNeeds(@Root() network: Network, @Args() args: CommonNeedsArgs, @Ctx() { loaders }: DevelopmentContext) {
    return pageCommonNeeds(await loaders.commonNeedsByNetwork.load(network.id), args);
  }
}
