import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { FundingAward } from "./funding";
import { FundedTarget, FundedWork, FundedWorkConnection, type TypedTarget } from "./funded-work";
import { FundedWorkKind } from "./funded-work.enums";
import { FundedWorkArgs, LinkFundedWorkInput } from "./funded-work.inputs";

/**
 * A target for the union: resources and agreements are loaded under the caller's access (null when hidden);
 * events and mentorships are references the gateway resolves at the development subgraph, under its policy.
 */
async function targetOf(link: FundedWork, { loaders }: ResourcesContext): Promise<TypedTarget | null> {
  switch (link.targetKind) {
    case FundedWorkKind.EVENT:
      return { __typename: "Event", id: link.targetId };
    case FundedWorkKind.MENTORSHIP:
      return { __typename: "Mentorship", id: link.targetId };
    case FundedWorkKind.RESOURCE: {
      const resource = await loaders.resourceById.load(link.targetId);
      return resource && { ...resource, __typename: "Resource" };
    }
    case FundedWorkKind.AGREEMENT: {
      const agreement = await loaders.agreementById.load(link.targetId);
      return agreement && { ...agreement, __typename: "SchoolAgreement" };
    }
  }
}

@Resolver(() => FundedWork)
export class FundedWorkResolver {
  @FieldResolver(() => FundingAward, { nullable: true, description: "The award paying for it." })
  award(@Root() link: FundedWork, @Ctx() { loaders }: ResourcesContext) {
    return loaders.fundingAwardById.load(link.awardId);
  }

  @FieldResolver(() => FundedTarget, {
    nullable: true,
    description: "The work paid for; null when you may not see it (each kind of work is shown under its own subgraph's rules).",
  })
  target(@Root() link: FundedWork, @Ctx() context: ResourcesContext) {
    return targetOf(link, context);
  }

  @Mutation(() => FundedWork, {
    description: "Records that an award pays for an event, a mentorship, a resource or an agreement: for the award's network's coordinators and admins. CONFLICT when already linked.",
  })
  linkFundedWork(@Arg("input", { description: "The award and the work." }) input: LinkFundedWorkInput, @Ctx() { access, services }: ResourcesContext) {
    return services.fundedWork.link(access, input);
  }

  @Mutation(() => FundedWork, { description: "Removes a link from an award to the work it paid for: for the award's network's coordinators and admins." })
  unlinkFundedWork(@Arg("id", () => ID, { description: "The link's id." }) id: string, @Ctx() { access, services }: ResourcesContext) {
    return services.fundedWork.unlink(access, id);
  }
}

@Resolver(() => FundingAward)
export class FundingAwardWorkResolver {
  @FieldResolver(() => FundedWorkConnection, { description: "What the award pays for, oldest link first; seen by whoever sees the award." })
  fundedWork(@Root() award: FundingAward, @Args() args: FundedWorkArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("fundedWork", args, award.id, (ids) => repos.fundedWork.pagesForAwards(access, ids, args));
  }
}
