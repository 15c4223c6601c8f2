import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { PageArgs, today } from "../../kit";
import { CampaignActionConnection } from "../action/action";
import { CampaignActionListArgs } from "../action/action.inputs";
import { Advocate, Network, Organization, School, toAdvocate } from "../advocate/advocate";
import type { AdvocacyContext } from "../context";
import { EndorsementConnection } from "../endorsement/endorsement";
import { EndorsementListArgs } from "../endorsement/endorsement.inputs";
import { AdvocateKind } from "../enums";
import { CampaignMilestoneConnection } from "../milestone/milestone";
import { Campaign, CampaignConnection, EndorsementCounts } from "./campaign";
import { CampaignsArgs, ChangeCampaignStatusInput, CreateCampaignInput, UpdateCampaignInput } from "./campaign.inputs";

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true, description: "A campaign by id; null when there is none you may see." })
  campaign(@Arg("id", () => ID, { description: "The campaign's id." }) id: string, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(id);
  }

  @Query(() => CampaignConnection, { description: "Campaigns you may see, filtered by level, status, jurisdiction, region, issue area or lead network, by title or newest first." })
  campaigns(@Args() args: CampaignsArgs, @Ctx() { access, repos }: AdvocacyContext) {
    return repos.campaigns.list(access, args);
  }

  @FieldResolver(() => Network, { description: "The network that leads the campaign." })
  leadNetwork(@Root() campaign: Campaign): Network {
    return { id: campaign.leadNetworkId };
  }

  @FieldResolver(() => [School], { description: "Schools that lead the campaign with the network (at most 20)." })
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

  @FieldResolver(() => CampaignActionConnection, {
    description: "The next planned actions, from today on, soonest first: `actions(status: PLANNED, from: <today>)` without the date to compute.",
  })
  nextActions(@Root() campaign: Campaign, @Args() args: PageArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
    const from = today();
    return loaders.pages.load(`nextActions:${from}`, args, campaign.id, (ids) => repos.actions.upcomingPagesForCampaigns(access, ids, from, args));
  }

  @FieldResolver(() => CampaignMilestoneConnection, { description: "Progress, setbacks and outcomes, oldest first." })
  milestones(@Root() campaign: Campaign, @Args() args: PageArgs, @Ctx() { access, repos, loaders }: AdvocacyContext) {
    return loaders.pages.load("milestones", args, campaign.id, (ids) => repos.milestones.pagesForCampaigns(access, ids, args));
  }

  @Mutation(() => Campaign, { description: "Starts a campaign as PLANNING (default) or ACTIVE." })
  createCampaign(@Arg("input", { description: "The campaign: its goal, target body, lead network and who may see it." }) input: CreateCampaignInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.campaigns.create(access, input);
  }

  @Mutation(() => Campaign, { description: "Changes a campaign's details. CONFLICT once it is CLOSED." })
  updateCampaign(@Arg("id", () => ID, { description: "The campaign's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateCampaignInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.campaigns.update(access, id, input);
  }

  @Mutation(() => Campaign, { description: "Moves a campaign to another status; CONFLICT for a move CampaignStatus does not allow." })
  changeCampaignStatus(
    @Arg("id", () => ID, { description: "The campaign's id." }) id: string,
    @Arg("input", { description: "The status to move to, when and why." }) input: ChangeCampaignStatusInput,
    @Ctx() { access, services }: AdvocacyContext,
  ) {
    return services.campaigns.changeStatus(access, id, input);
  }
}
