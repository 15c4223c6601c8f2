import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { Campaign } from "../campaign/campaign";
import type { AdvocacyContext } from "../context";
import { CampaignMilestone } from "./milestone";
import { RecordCampaignMilestoneInput } from "./milestone.inputs";

@Resolver(() => CampaignMilestone)
export class CampaignMilestoneResolver {
  @FieldResolver(() => Campaign)
  campaign(@Root() milestone: CampaignMilestone, @Ctx() { loaders }: AdvocacyContext) {
    return loaders.campaignById.load(milestone.campaignId);
  }

  @Mutation(() => CampaignMilestone, { description: "Records progress, a setback or an outcome (dated today or earlier)." })
  recordCampaignMilestone(@Arg("input") input: RecordCampaignMilestoneInput, @Ctx() { access, services }: AdvocacyContext) {
    return services.milestones.record(access, input);
  }
}
