import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { ResourcesContext } from "../context";
import { Network, networkReference, Organization } from "../federation/entities";
import { NestedListArgs } from "../resource/resource.inputs";
import { FundingAward, FundingAwardConnection, FundingTotal } from "./funding";
import { FundingAwardsArgs, RecordFundingAwardInput, UpdateFundingAwardInput } from "./funding.inputs";
import { fundingTotals } from "./funding.service";

@Resolver(() => FundingAward)
export class FundingAwardResolver {
  @Query(() => FundingAward, { nullable: true, description: "A funding award by id; null when there is none you may see." })
  fundingAward(@Arg("id", () => ID) id: string, @Ctx() { loaders }: ResourcesContext) {
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
  recordFundingAward(@Arg("input") input: RecordFundingAwardInput, @Ctx() { access, services }: ResourcesContext) {
    return services.funding.record(access, input);
  }

  @Mutation(() => FundingAward, { description: "Changes a funding award: for its network's coordinators and admins." })
  updateFundingAward(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateFundingAwardInput, @Ctx() { access, services }: ResourcesContext) {
    return services.funding.update(access, id, input);
  }
}

@Resolver(() => Network)
export class NetworkFundingResolver {
  @FieldResolver(() => [FundingAward], { description: "Funding awards secured through the network that you may see, newest first." })
  async fundingAwards(@Root() network: Network, @Args() { first }: NestedListArgs, @Ctx() { loaders }: ResourcesContext) {
    return (await loaders.fundingAwardsByNetwork.load(network.id)).slice(0, first);
  }

  @FieldResolver(() => [FundingTotal], { description: "The network's funding awards that you may see, summed per currency, largest first." })
  async fundingTotals(@Root() network: Network, @Ctx() { loaders }: ResourcesContext) {
    return fundingTotals(await loaders.fundingAwardsByNetwork.load(network.id));
  }
}
