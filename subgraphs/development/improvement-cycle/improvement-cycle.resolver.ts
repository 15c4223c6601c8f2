import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs, pageOfIds } from "../../kit";
import type { DevelopmentContext } from "../context";
import { entityRef, Network, School, SchoolConnection } from "../federation/entities";
import { ImprovementCycle, ImprovementCycleConnection } from "./improvement-cycle";
import {
  AdvanceImprovementCycleArgs,
  ImprovementCyclesArgs,
  NetworkImprovementCyclesArgs,
  SchoolImprovementCyclesArgs,
  StartImprovementCycleInput,
  UpdateImprovementCycleInput,
} from "./improvement-cycle.inputs";

@Resolver(() => ImprovementCycle)
export class ImprovementCycleResolver {
  @Query(() => ImprovementCycle, { nullable: true, description: "An improvement cycle by id; null when it does not exist or you may not see it." })
  improvementCycle(@Arg("id", () => ID, { description: "The cycle's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.improvementCycleById.load(id);
  }

  @Query(() => ImprovementCycleConnection, { description: "Improvement cycles, newest first, of a network or school, or in a phase." })
  improvementCycles(@Args() args: ImprovementCyclesArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.improvementCycles.list(access, args);
  }

  @FieldResolver(() => Network, { nullable: true, description: "The network the cycle belongs to; null for a school's own cycle outside any network." })
  network(@Root() cycle: ImprovementCycle) {
    return cycle.networkId ? entityRef(cycle.networkId) : null;
  }

  @FieldResolver(() => SchoolConnection, { description: "Schools testing the change, in the order they were named." })
  schools(@Root() cycle: ImprovementCycle, @Args() args: PageArgs) {
    return pageOfIds(cycle.schoolIds, args, entityRef);
  }

  @FieldResolver(() => ImprovementCycle, { nullable: true, description: "The cycle this one builds on." })
  previousCycle(@Root() cycle: ImprovementCycle, @Ctx() { loaders }: DevelopmentContext) {
    return cycle.previousCycleId ? loaders.improvementCycleById.load(cycle.previousCycleId) : null;
  }

  @Mutation(() => ImprovementCycle, { description: "Starts a cycle in the PLAN phase." })
  startImprovementCycle(@Arg("input", { description: "The cycle's owner, aim and plan." }) input: StartImprovementCycleInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.improvementCycles.start(access, input);
  }

  @Mutation(() => ImprovementCycle, { description: "Writes the parts of the cycle that belong to its current phase; CONFLICT for parts of another phase." })
  updateImprovementCycle(
    @Arg("id", () => ID, { description: "The cycle's id." }) id: string,
    @Arg("input", { description: "The parts to write, all of the current phase." }) input: UpdateImprovementCycleInput,
    @Ctx() { access, services }: DevelopmentContext,
  ) {
    return services.improvementCycles.update(access, id, input);
  }

  @Mutation(() => ImprovementCycle, { description: "Moves the cycle to its next phase; CONFLICT when `to` is not the next phase or the current one is unfinished." })
  advanceImprovementCycle(@Args() { id, to }: AdvanceImprovementCycleArgs, @Ctx() { access, services }: DevelopmentContext) {
    return services.improvementCycles.advance(access, id, to);
  }
}

@Resolver(() => School)
export class SchoolImprovementCyclesResolver {
  @FieldResolver(() => ImprovementCycleConnection, {
    description: "Improvement cycles the school takes part in that you may see, newest first; the filters of `Query.improvementCycles`.",
  })
  improvementCycles(@Root() school: School, @Args() args: SchoolImprovementCyclesArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("School.improvementCycles", args, school.id, (ids) => repos.improvementCycles.pagesForSchools(access, ids, args));
  }
}

@Resolver(() => Network)
export class NetworkImprovementCyclesResolver {
  @FieldResolver(() => ImprovementCycleConnection, { description: "The network's improvement cycles that you may see, newest first; the filters of `Query.improvementCycles`." })
  improvementCycles(@Root() network: Network, @Args() args: NetworkImprovementCyclesArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Network.improvementCycles", args, network.id, (ids) => repos.improvementCycles.pagesForNetworks(access, ids, args));
  }
}
