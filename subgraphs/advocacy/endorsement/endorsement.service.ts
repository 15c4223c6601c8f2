import { assertDateOrder, BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError, today } from "../../kit";
import { OPEN_STATUSES, type CampaignService } from "../campaign/campaign.service";
import type { AdvocacyRepositories } from "../repositories";
import type { EndorseCampaignInput, WithdrawEndorsementInput } from "./endorsement.inputs";

/**
 * Endorsement rules: only open campaigns (PLANNING, ACTIVE, PAUSED) gather or lose endorsements; one
 * endorsement per endorser and campaign (unique index, so also under concurrent requests); a withdrawn
 * endorsement may be renewed; dates are not in the future and a withdrawal follows its endorsement.
 */
export class EndorsementService {
  constructor(
    private readonly repos: AdvocacyRepositories,
    private readonly campaigns: CampaignService,
  ) {}

  async endorse(input: EndorseCampaignInput) {
    const campaign = await this.campaigns.requireCampaign(input.campaignId, OPEN_STATUSES, "gather endorsements");
    const endorsedOn = input.endorsedOn ?? today();
    if (endorsedOn > today()) throw new BadUserInputError(`An endorsement cannot be dated in the future (${endorsedOn})`, "input.endorsedOn");
    const endorsement = {
      campaignId: campaign.id,
      endorserKind: input.endorserKind,
      endorserId: input.endorserId,
      endorsedOn,
      statement: input.statement ?? null,
      signatory: input.signatory ?? null,
    };
    try {
      return await this.repos.endorsements.create(endorsement);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const renewed = await this.repos.endorsements.renewWithdrawn(endorsement);
    if (renewed) return renewed;
    throw new ConflictError(`This ${input.endorserKind.toLowerCase()} already endorses "${campaign.title}"`);
  }

  async withdraw(id: string, input: WithdrawEndorsementInput) {
    const endorsement = await this.repos.endorsements.findById(id);
    if (!endorsement) throw new NotFoundError("Endorsement", id);
    if (endorsement.withdrawnOn) throw new ConflictError(`Endorsement ${id} was already withdrawn on ${endorsement.withdrawnOn}`);
    await this.campaigns.requireCampaign(endorsement.campaignId, OPEN_STATUSES, "withdraw endorsements");
    const withdrawnOn = input.withdrawnOn ?? today();
    if (withdrawnOn > today()) throw new BadUserInputError(`A withdrawal cannot be dated in the future (${withdrawnOn})`, "input.withdrawnOn");
    assertDateOrder(endorsement.endorsedOn, withdrawnOn, "input.withdrawnOn");
    const withdrawn = await this.repos.endorsements.withdraw(id, withdrawnOn, input.reason ?? null);
    if (!withdrawn) throw new ConflictError(`Endorsement ${id} was withdrawn by another request`);
    return withdrawn;
  }
}
