import { Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from "type-graphql";
import { CampaignConnection } from "../campaign/campaign";
import { CampaignsArgs } from "../campaign/campaign.inputs";
import type { AdvocacyContext } from "../context";
import { EndorsementConnection } from "../endorsement/endorsement";
import { EndorsementListArgs } from "../endorsement/endorsement.inputs";
import { AdvocateKind } from "../enums";
import { Network, Organization, School } from "./advocate";

/**
 * Adds to a school, network or organization the campaigns it leads and endorses and its endorsements:
 * connections with the arguments of `Query.campaigns` and `Campaign.endorsements`, each batched for all
 * entities of a request.
 */
function advocateCampaignsResolver(kind: AdvocateKind, entity: ClassType<{ id: string }>, noun: string) {
  @Resolver(() => entity)
  class AdvocateCampaignsResolver {
    @FieldResolver(() => CampaignConnection, { description: `Campaigns the ${noun} leads that you may see, with the filters and order of \`campaigns\`.` })
    ledCampaigns(@Root() advocate: { id: string }, @Args() args: CampaignsArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
      return loaders.pages.load(`ledCampaigns:${kind}`, args, advocate.id, (ids) => repos.campaigns.pagesLedBy(access, kind, ids, args));
    }

    @FieldResolver(() => CampaignConnection, {
      description: `Campaigns the ${noun} currently endorses that you may see, with the filters and order of \`campaigns\`.`,
    })
    endorsedCampaigns(@Root() advocate: { id: string }, @Args() args: CampaignsArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
      return loaders.pages.load(`endorsedCampaigns:${kind}`, args, advocate.id, (ids) =>
        repos.campaigns.pagesEndorsedBy(access, repos.endorsements.currentLinks(access, kind), ids, args),
      );
    }

    @FieldResolver(() => EndorsementConnection, {
      description: `The ${noun}'s endorsements of campaigns you may see (with dates and statements), in signing order, with the arguments of \`Campaign.endorsements\`.`,
    })
    campaignEndorsements(@Root() advocate: { id: string }, @Args() args: EndorsementListArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
      return loaders.pages.load(`campaignEndorsements:${kind}`, args, advocate.id, (ids) => repos.endorsements.pagesForEndorsers(access, kind, ids, args));
    }
  }
  return AdvocateCampaignsResolver;
}

export const SchoolCampaignsResolver = advocateCampaignsResolver(AdvocateKind.SCHOOL, School, "school");
export const NetworkCampaignsResolver = advocateCampaignsResolver(AdvocateKind.NETWORK, Network, "network");
export const OrganizationCampaignsResolver = advocateCampaignsResolver(AdvocateKind.ORGANIZATION, Organization, "organization");
