import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { CampaignAction, CampaignActionConnection } from "../action/action";
import { CampaignActionListArgs, NextActionsArgs } from "../action/action.inputs";
import { Advocate, Network, Organization, School, toAdvocate } from "../advocate/advocate";
import type { AdvocacyContext } from "../context";
import { EndorsementConnection } from "../endorsement/endorsement";
import { EndorsementListArgs } from "../endorsement/endorsement.inputs";
import { AdvocateKind } from "../enums";
import { CampaignMilestone } from "../milestone/milestone";
import { Campaign, CampaignConnection, EndorsementCounts } from "./campaign";
import { CampaignsArgs, ChangeCampaignStatusInput, CreateCampaignInput, UpdateCampaignInput } from "./campaign.inputs";

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true })
  campaign(@Arg("id", () => ID) id: string, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(id);
  }

  @Query(() => CampaignConnection, { description: "Campaigns filtered by level, status, jurisdiction, region, issue area or lead network." })
  campaigns(@Args() args: CampaignsArgs, @Ctx() { access, repos }: AdvocacyContext) {
    return repos.campaigns.list(access, args);
  }

  @FieldResolver(() => Network, { description: "The network that leads the campaign." })
  leadNetwork(@Root() campaign: Campaign): Network {
    return { id: campaign.leadNetworkId };
  }

  @FieldResolver(() => [School], { description: "Schools that lead the campaign with the network." })
  leadSchools(@Root() campaign: Campaign): School[] {
    return campaign.leadSchoolIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The organization behind the campaign, if any." })
  leadOrganization(@Root() campaign: Campaign): Organization | null {
    return campaign.leadOrganizationId ? { id: campaign.leadOrganizationId } : null;
  }

  @FieldResolver(() => Advocate, { description: "Who owns the record: the lead network, or a school within it." })
  owner(@Root() campaign: Campaign) {
    const { networkId, schoolId } = campaign.owner;
    return schoolId ? toAdvocate({ kind: AdvocateKind.SCHOOL, id: schoolId }) : toAdvocate({ kind: AdvocateKind.NETWORK, id: networkId });
  }

  @FieldResolver(() => EndorsementCounts, { description: "Current endorsements by kind of endorser." })
  async endorsementCounts(@Root() campaign: Campaign, @Ctx() { loaders }: AdvocacyContext): Promise<EndorsementCounts> {
    const counts = await loaders.endorsementCountsByCampaign.load(campaign.id);
    return counts ?? { schools: 0, networks: 0, organizations: 0, total: 0 };
  }

  @FieldResolver(() => EndorsementConnection, { description: "Endorsements in signing order; current ones unless includeWithdrawn." })
  endorsements(@Root() campaign: Campaign, @Args() args: EndorsementListArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
    return loaders.pages.load("endorsements", args, campaign.id, (ids) => repos.endorsements.pagesForCampaigns(access, ids, args));
  }

  @FieldResolver(() => CampaignActionConnection, { description: "The campaign's actions, in date order (or latest first)." })
  actions(@Root() campaign: Campaign, @Args() args: CampaignActionListArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
    return loaders.pages.load("actions", args, campaign.id, (ids) => repos.actions.pagesForCampaigns(access, ids, args));
  }

  @FieldResolver(() => [CampaignAction], { description: "The next planned actions, from today on, soonest first." })
  async nextActions(@Root() campaign: Campaign, @Args() { first }: NextActionsArgs, @Ctx() { loaders }: AdvocacyContext) {
    return (await loaders.upcomingActionsByCampaign.load(campaign.id)).slice(0, first);
  }

  @FieldResolver(() => [CampaignMilestone], { description: "Progress and outcomes, oldest first." })
  milestones(@Root() campaign: Campaign, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.milestonesByCampaign.load(campaign.id);
  }

  @Mutation(() => Campaign, { description: "Starts a campaign as PLANNING (default) or ACTIVE." })
  createCampaign(@Arg("input") input: CreateCampaignInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.campaigns.create(access, input);
  }

  @Mutation(() => Campaign, { description: "Changes a campaign's details. CONFLICT once it is CLOSED." })
  updateCampaign(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateCampaignInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.campaigns.update(access, id, input);
  }

  @Mutation(() => Campaign, { description: "Moves a campaign to another status; CONFLICT for a move CampaignStatus does not allow." })
  changeCampaignStatus(
    @Arg("id", () => ID) id: string,
    @Arg("input") input: ChangeCampaignStatusInput,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.campaigns.changeStatus(access, id, input);
  }
}
