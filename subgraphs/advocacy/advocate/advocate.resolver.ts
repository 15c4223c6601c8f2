import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { loadExisting } from "../../kit";
import { Campaign } from "../campaign/campaign";
import { AdvocateCampaignsArgs } from "../campaign/campaign.inputs";
import type { AdvocacyContext } from "../context";
import { Endorsement } from "../endorsement/endorsement";
import { EndorserCampaignsArgs } from "../endorsement/endorsement.inputs";
import { AdvocateKind } from "../enums";
import { Network, Organization, School } from "./advocate";

function withStatus(campaigns: Campaign[], { status }: AdvocateCampaignsArgs): Campaign[] {
  return status?.length ? campaigns.filter((campaign) => status.includes(campaign.status)) : campaigns;
}

/**
 * Adds to a school, network or organization the campaigns it leads and endorses. Plain lists (an
 * endorser's campaigns are few), each batched for all entities of a request.
 */
function advocateCampaignsResolver(kind: AdvocateKind, entity: ClassType<{ id: string }>, noun: string) {
  @Resolver(() => entity)
  class AdvocateCampaignsResolver {
    @FieldResolver(() => [Campaign], { description: `Campaigns the ${noun} leads, by title.` })
    async ledCampaigns(@Root() advocate: { id: string }, @Args() args: AdvocateCampaignsArgs, @Ctx() { loaders }: AdvocacyContext) {
      return withStatus(await loaders.campaignsLedBy[kind].load(advocate.id), args);
    }

    @FieldResolver(() => [Campaign], { description: `Campaigns the ${noun} currently endorses, in the order it signed on.` })
    async endorsedCampaigns(@Root() advocate: { id: string }, @Args() args: AdvocateCampaignsArgs, @Ctx() { loaders }: AdvocacyContext) {
      const current = (await loaders.endorsementsBy[kind].load(advocate.id)).filter((endorsement) => !endorsement.withdrawnOn);
      const campaigns = await loadExisting(loaders.campaignById, current.map((endorsement) => endorsement.campaignId));
      return withStatus(campaigns, args);
    }

    @FieldResolver(() => [Endorsement], { description: `The ${noun}'s endorsements (with dates and statements), oldest first.` })
    async campaignEndorsements(@Root() advocate: { id: string }, @Args() { includeWithdrawn }: EndorserCampaignsArgs, @Ctx() { loaders }: AdvocacyContext) {
      const endorsements = await loaders.endorsementsBy[kind].load(advocate.id);
      return includeWithdrawn ? endorsements : endorsements.filter((endorsement) => !endorsement.withdrawnOn);
    }
  }
  return AdvocateCampaignsResolver;
}

export const SchoolCampaignsResolver = advocateCampaignsResolver(AdvocateKind.SCHOOL, School, "school");
export const NetworkCampaignsResolver = advocateCampaignsResolver(AdvocateKind.NETWORK, Network, "network");
export const OrganizationCampaignsResolver = advocateCampaignsResolver(AdvocateKind.ORGANIZATION, Organization, "organization");
