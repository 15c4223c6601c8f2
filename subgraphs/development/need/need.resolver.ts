import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { needEventsKey, type DevelopmentContext } from "../context";
import { Event } from "../event/event";
import { entityRef, Network, School } from "../federation/entities";
import { CommonNeed, Need, NeedConnection } from "./need";
import { CloseNeedArgs, CommonNeedsArgs, NeedsArgs, RecordNeedInput, UpcomingEventsArgs, UpdateNeedInput } from "./need.inputs";

@Resolver(() => Need)
export class NeedResolver {
  @Query(() => Need, { nullable: true })
  need(@Arg("id", () => ID) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.needById.load(id);
  }

  @Query(() => NeedConnection, { description: "Needs, oldest first, of a school or shared with a network." })
  needs(@Args() args: NeedsArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.needs.list(access, args);
  }

  @FieldResolver(() => School)
  school(@Root() need: Need) {
    return entityRef(need.schoolId);
  }

  @FieldResolver(() => [Network], { description: "The networks the school shares the need with." })
  networks(@Root() need: Need) {
    return need.networkIds.map(entityRef);
  }

  @Mutation(() => Need, { description: "Records a school's need and shares it with networks. CONFLICT if the school has it open already." })
  recordNeed(@Arg("input") input: RecordNeedInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.needs.record(access, input);
  }

  @Mutation(() => Need)
  updateNeed(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateNeedInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.needs.update(access, id, input);
  }

  @Mutation(() => Need, { description: "Marks an open need addressed or withdrawn: it leaves the common needs." })
  closeNeed(@Args() { id, status }: CloseNeedArgs, @Ctx() { access, services }: DevelopmentContext) {
    return services.needs.close(access, id, status);
  }
}

@Resolver(() => CommonNeed)
export class CommonNeedResolver {
  @FieldResolver(() => Network)
  network(@Root() need: CommonNeed) {
    return entityRef(need.networkId);
  }

  @FieldResolver(() => [School], { description: "The schools that share this need." })
  schools(@Root() need: CommonNeed) {
    return need.schoolIds.map(entityRef);
  }

  @FieldResolver(() => [Event], { description: "Upcoming events offered to the network that address this need, soonest first, with their seats left." })
  async upcomingEvents(@Root() need: CommonNeed, @Args() args: UpcomingEventsArgs, @Ctx() { loaders }: DevelopmentContext) {
    const events = await loaders.upcomingEventsForNeed.load(needEventsKey(need.networkId, need.focusAreaKey));
    return (args.withSeatsOnly ? events.filter((event) => event.seatsLeft > 0) : events).slice(0, args.first);
  }
}

@Resolver(() => School)
export class SchoolNeedsResolver {
  @FieldResolver(() => [Need], { description: "The school's open professional-development needs, oldest first." })
  needs(@Root() school: School, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.openNeedsBySchool.load(school.id);
  }
}

@Resolver(() => Network)
export class NetworkNeedsResolver {
  @FieldResolver(() => [CommonNeed], {
    description: "The needs the network's schools share with it, ranked by how many schools share each (then by high priority).",
  })
  async commonNeeds(@Root() network: Network, @Args() args: CommonNeedsArgs, @Ctx() { loaders }: DevelopmentContext) {
    const ranked = await loaders.commonNeedsByNetwork.load(network.id);
    return ranked.filter((need) => need.schoolCount >= args.minSchools).slice(0, args.first);
  }
}
