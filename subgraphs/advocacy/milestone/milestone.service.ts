import { BadUserInputError, today, type Access } from "../../kit";
import { NOT_CLOSED_STATUSES, type CampaignService } from "../campaign/campaign.service";
import type { CampaignSharingSync } from "../campaign/campaign.sharing";
import type { AdvocacyRepositories } from "../repositories";
import type { RecordCampaignMilestoneInput } from "./milestone.inputs";

/**
 * Milestone rules: they record what happened (dated today or earlier) until the campaign is CLOSED;
 * only managers of the campaign's lead network record them.
 */
export class CampaignMilestoneService {
  constructor(
    private readonly repos: AdvocacyRepositories,
    private readonly campaigns: CampaignService,
    private readonly sharing: CampaignSharingSync,
  ) {}

  async record(access: Access, input: RecordCampaignMilestoneInput) {
    const campaign = await this.campaigns.requireCampaignToManage(access, input.campaignId);
    const date = input.date ?? today();
    if (date > today()) throw new BadUserInputError(`A milestone records what happened; ${date} is in the future`, "input.date");
    this.campaigns.assertStatus(campaign, NOT_CLOSED_STATUSES, "record milestones");
    const created = await this.repos.milestones.create({
      campaignId: campaign.id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      date,
      owner: campaign.owner,
      visibility: campaign.visibility,
    });
    await this.sharing.afterRecordWritten(campaign.id, created);
    return created;
  }
}
