import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Campaign } from "../campaign/campaign";
import type { AdvocacyContext } from "../context";
import { CampaignMilestone } from "./milestone";
import { RecordCampaignMilestoneInput } from "./milestone.inputs";

@Resolver(() => CampaignMilestone)
export class CampaignMilestoneResolver {
  @FieldResolver(() => Campaign, { description: "The campaign the milestone belongs to." })
  campaign(@Root() milestone: CampaignMilestone, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(milestone.campaignId);
  }

  @Mutation(() => CampaignMilestone, { description: "Records progress, a setback or an outcome (dated today or earlier)." })
  recordCampaignMilestone(@Arg("input", { description: "The milestone: its campaign, kind, title and date." }) input: RecordCampaignMilestoneInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.milestones.record(access, input);
  }
}
