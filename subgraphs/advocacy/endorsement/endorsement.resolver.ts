import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { Advocate, toAdvocate } from "../advocate/advocate";
import { Campaign } from "../campaign/campaign";
import type { AdvocacyContext } from "../context";
import { Endorsement } from "./endorsement";
import { EndorseCampaignInput, WithdrawEndorsementInput } from "./endorsement.inputs";

@Resolver(() => Endorsement)
export class EndorsementResolver {
  @Query(() => Endorsement, { nullable: true, description: "An endorsement by id; null when there is none you may see (endorsements follow their campaign's visibility)." })
  endorsement(@Arg("id", () => ID, { description: "The endorsement's id." }) id: string, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.endorsementById.load(id);
  }

  @FieldResolver(() => Campaign, { description: "The campaign endorsed." })
  campaign(@Root() endorsement: Endorsement, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(endorsement.campaignId);
  }

  @FieldResolver(() => Advocate, { description: "The endorsing school, network or organization." })
  endorser(@Root() endorsement: Endorsement) {
    return toAdvocate({ kind: endorsement.endorserKind, id: endorsement.endorserId });
  }

  @FieldResolver(() => Boolean, { description: "False once withdrawn." })
  current(@Root() endorsement: Endorsement): boolean {
    return !endorsement.withdrawnOn;
  }

  @Mutation(() => Endorsement, {
    description: "Signs a school, network or organization on to an open campaign. CONFLICT if it already endorses it; a withdrawn endorsement is renewed.",
  })
  endorseCampaign(@Arg("input", { description: "The campaign, the endorser and its statement." }) input: EndorseCampaignInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.endorsements.endorse(access, input);
  }

  @Mutation(() => Endorsement, { description: "Withdraws a current endorsement of an open campaign." })
  withdrawEndorsement(
    @Arg("id", () => ID, { description: "The endorsement's id." }) id: string,
    @Arg("input", () => WithdrawEndorsementInput, { description: "When and why (both optional).", nullable: true }) input: WithdrawEndorsementInput | null,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.endorsements.withdraw(access, id, input ?? {});
  }
}
