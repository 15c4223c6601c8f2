import { assertDateOrder, BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError, today, type Access } from "../../kit";
import { assertCanActFor, assertCanWrite } from "../policies";
import { OPEN_STATUSES, type CampaignService } from "../campaign/campaign.service";
import type { CampaignSharingSync } from "../campaign/campaign.sharing";
import type { AdvocacyRepositories } from "../repositories";
import type { EndorseCampaignInput, WithdrawEndorsementInput } from "./endorsement.inputs";

/**
 * Endorsement rules: only open campaigns (PLANNING, ACTIVE, PAUSED) gather or lose endorsements; one
 * endorsement per endorser and campaign (unique index, so also under concurrent requests); a withdrawn
 * endorsement may be renewed; dates are not in the future and a withdrawal follows its endorsement.
 * The endorser gives and withdraws it (policies.ts, `assertCanActFor`), on a campaign it can see.
 */
export class EndorsementService {
  constructor(
    private readonly repos: AdvocacyRepositories,
    private readonly campaigns: CampaignService,
    private readonly sharing: CampaignSharingSync,
  ) {}

  async endorse(access: Access, input: EndorseCampaignInput) {
    const campaign = await this.campaigns.requireCampaign(access, input.campaignId);
    assertCanActFor(access, { kind: input.endorserKind, id: input.endorserId });
    this.campaigns.assertStatus(campaign, OPEN_STATUSES, "gather endorsements");
    const endorsedOn = input.endorsedOn ?? today();
    if (endorsedOn > today()) throw new BadUserInputError(`An endorsement cannot be dated in the future (${endorsedOn})`, "input.endorsedOn");
    const endorsement = {
      campaignId: campaign.id,
      endorserKind: input.endorserKind,
      endorserId: input.endorserId,
      endorsedOn,
      statement: input.statement ?? null,
      signatory: input.signatory ?? null,
      owner: campaign.owner,
      visibility: campaign.visibility,
    };
    const created = await this.createOrRenew(endorsement, campaign.title);
    await this.sharing.afterRecordWritten(campaign.id, endorsement);
    return created;
  }

  async withdraw(access: Access, id: string, input: WithdrawEndorsementInput) {
    assertCanWrite(access);
    const endorsement = await this.repos.endorsements.findReadableById(access, id);
    if (!endorsement) throw new NotFoundError("Endorsement", id);
    const campaign = await this.campaigns.requireCampaign(access, endorsement.campaignId);
    assertCanActFor(access, { kind: endorsement.endorserKind, id: endorsement.endorserId });
    if (endorsement.withdrawnOn) throw new ConflictError(`Endorsement ${id} was already withdrawn on ${endorsement.withdrawnOn}`);
    this.campaigns.assertStatus(campaign, OPEN_STATUSES, "withdraw endorsements");
    const withdrawnOn = input.withdrawnOn ?? today();
    if (withdrawnOn > today()) throw new BadUserInputError(`A withdrawal cannot be dated in the future (${withdrawnOn})`, "input.withdrawnOn");
    assertDateOrder(endorsement.endorsedOn, withdrawnOn, "input.withdrawnOn");
    const withdrawn = await this.repos.endorsements.withdraw(id, withdrawnOn, input.reason ?? null);
    if (!withdrawn) throw new ConflictError(`Endorsement ${id} was withdrawn by another request`);
    return withdrawn;
  }

  private async createOrRenew(endorsement: Parameters<AdvocacyRepositories["endorsements"]["create"]>[0], title: string) {
    try {
      return await this.repos.endorsements.create(endorsement);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const renewed = await this.repos.endorsements.renewWithdrawn(endorsement);
    if (renewed) return renewed;
    throw new ConflictError(`This ${endorsement.endorserKind.toLowerCase()} already endorses "${title}"`);
  }
}
