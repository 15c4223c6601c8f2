import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { Network, networkReference, Organization } from "../federation/entities";
import { FundingAward, FundingAwardConnection, FundingTotal } from "./funding";
import { FundingAwardsArgs, RecordFundingAwardInput, UpdateFundingAwardInput } from "./funding.inputs";

@Resolver(() => FundingAward)
export class FundingAwardResolver {
  @Query(() => FundingAward, { nullable: true, description: "A funding award by id; null when there is none you may see." })
  fundingAward(@Arg("id", () => ID, { description: "The award's id." }) id: string, @Ctx() { loaders }: ResourcesContext) {
    return loaders.fundingAwardById.load(id);
  }

  @Query(() => FundingAwardConnection, { description: "Funding awards you may see, newest first, by network, kind or funder." })
  fundingAwards(@Args() args: FundingAwardsArgs, @Ctx() { access, repos }: ResourcesContext) {
    return repos.fundingAwards.list(access, args);
  }

  @FieldResolver(() => Float, { description: "In the currency's unit, to the cent (for in-kind support, its estimated value)." })
  amount(@Root() award: FundingAward): number {
    return award.amountMinor / 100;
  }

  @FieldResolver(() => Network, { description: "The network it was secured through." })
  network(@Root() award: FundingAward): Network {
    return networkReference(award.owner.networkId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The funder, when it is an organization of the hub." })
  funderOrganization(@Root() award: FundingAward): Organization | null {
    return award.funderOrganizationId ? { id: award.funderOrganizationId } : null;
  }

  @Mutation(() => FundingAward, { description: "Records a grant or in-kind support secured through a network: for its coordinators and admins." })
  recordFundingAward(@Arg("input", { description: "The award: network, funder, amount, period, visibility." }) input: RecordFundingAwardInput, @Ctx() { access, services }: ResourcesContext) {
    return services.funding.record(access, input);
  }

  @Mutation(() => FundingAward, { description: "Changes a funding award: for its network's coordinators and admins." })
  updateFundingAward(@Arg("id", () => ID, { description: "The award's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateFundingAwardInput, @Ctx() { access, services }: ResourcesContext) {
    return services.funding.update(access, id, input);
  }
}

@Resolver(() => Network)
export class NetworkFundingResolver {
  @FieldResolver(() => FundingAwardConnection, {
    description: "Funding awards secured through the network that you may see, newest first, with the filters of `fundingAwards`.",
  })
  fundingAwards(@Root() network: Network, @Args() args: FundingAwardsArgs, @Ctx() { access, repos, loaders }: ResourcesContext) {
    return loaders.pages.load("fundingAwards", args, network.id, (ids) => repos.fundingAwards.pagesForNetworks(access, ids, args));
  }

  @FieldResolver(() => [FundingTotal], {
    description: "The network's funding awards that you may see, summed per currency, largest first (one entry per currency).",
  })
  fundingTotals(@Root() network: Network, @Ctx() { loaders }: ResourcesContext) {
    return loaders.fundingTotalsByNetwork.load(network.id);
  }
}
