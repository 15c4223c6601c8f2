import { BadUserInputError, today } from "../../kit";
import { NOT_CLOSED_STATUSES, type CampaignService } from "../campaign/campaign.service";
import type { AdvocacyRepositories } from "../repositories";
import type { RecordCampaignMilestoneInput } from "./milestone.inputs";


/** Milestone rules: they record what happened (dated today or earlier) until the campaign is CLOSED. */
export class CampaignMilestoneService {
  constructor(
    private readonly repos: AdvocacyRepositories,
    private readonly campaigns: CampaignService,
  ) {}

  async record(input: RecordCampaignMilestoneInput) {
    const date = input.date ?? today();
    if (date > today()) throw new BadUserInputError(`A milestone records what happened; ${date} is in the future`, "input.date");
    const campaign = await this.campaigns.requireCampaign(input.campaignId, NOT_CLOSED_STATUSES, "record milestones");
    return this.repos.milestones.create({
      campaignId: campaign.id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      date,
    });
  }
}
