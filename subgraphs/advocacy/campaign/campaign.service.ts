import { assertDateOrder, BadUserInputError, ConflictError, NotFoundError, today } from "../../kit";
import { CampaignStatus } from "../enums";
import type { AdvocacyRepositories } from "../repositories";
import type { ChangeCampaignStatusInput, CreateCampaignInput, UpdateCampaignInput } from "./campaign.inputs";
import type { CampaignDocument } from "./campaign.repository";

const { PLANNING, ACTIVE, WON, LOST, PAUSED, CLOSED } = CampaignStatus;

/** The sensible moves between statuses; anything else is a CONFLICT. */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, CampaignStatus[]> = {
  [PLANNING]: [ACTIVE, CLOSED],
  [ACTIVE]: [PAUSED, WON, LOST, CLOSED],
  [PAUSED]: [ACTIVE, LOST, CLOSED],
  [WON]: [CLOSED],
  [LOST]: [CLOSED],
  [CLOSED]: [],
};

/** Statuses in which a campaign still gathers endorsements and plans actions. */
export const OPEN_STATUSES: readonly CampaignStatus[] = [PLANNING, ACTIVE, PAUSED];

/** Statuses in which a campaign's record (actions, milestones) can still be added to. */
export const NOT_CLOSED_STATUSES: readonly CampaignStatus[] = [PLANNING, ACTIVE, PAUSED, WON, LOST];

/**
 * Campaign rules: created as PLANNING or ACTIVE, dates in order, status moves only along
 * CAMPAIGN_TRANSITIONS (guarded atomically against concurrent changes), a CLOSED campaign is final.
 */
export class CampaignService {
  constructor(private readonly repos: AdvocacyRepositories) {}

  async create(input: CreateCampaignInput) {
    if (input.status !== PLANNING && input.status !== ACTIVE) {
      throw new BadUserInputError("A campaign starts as PLANNING or ACTIVE", "input.status");
    }
    // For a PLANNING campaign the start date is the planned launch; for an ACTIVE one, when it launched.
    const startDate = input.startDate ?? (input.status === ACTIVE ? today() : null);
    if (input.status === ACTIVE && startDate! > today()) {
      throw new BadUserInputError(`An ACTIVE campaign cannot start in the future (${startDate})`, "input.startDate");
    }
    assertDateOrder(startDate, input.targetDate, "input.targetDate");
    const { leadSchoolIds, ...fields } = input;
    return this.repos.campaigns.create({
      ...fields,
      description: input.description ?? null,
      region: input.region ?? null,
      leadSchoolIds: [...new Set(leadSchoolIds)],
      leadOrganizationId: input.leadOrganizationId ?? null,
      owner: { networkId: input.leadNetworkId, schoolId: null },
      startDate,
      targetDate: input.targetDate ?? null,
      endDate: null,
      // A planning record starts today; a running campaign entered the hub with its launch date.
      statusHistory: [{ from: null, status: input.status, on: input.status === ACTIVE ? startDate! : today(), note: null, changedAt: new Date() }],
    });
  }

  async update(id: string, input: UpdateCampaignInput) {
    const campaign = await this.requireCampaign(id);
    if (campaign.status === CLOSED) throw new ConflictError(`Campaign "${campaign.title}" is closed and can no longer change`);
    const startDate = input.startDate === undefined ? campaign.startDate : input.startDate;
    const targetDate = input.targetDate === undefined ? campaign.targetDate : input.targetDate;
    if (campaign.status !== PLANNING && input.startDate !== undefined) {
      if (!input.startDate) throw new BadUserInputError("A launched campaign keeps its start date", "input.startDate");
      if (input.startDate > today()) throw new BadUserInputError(`A launched campaign cannot start in the future (${input.startDate})`, "input.startDate");
    }
    assertDateOrder(startDate, targetDate, "input.targetDate");
    assertDateOrder(startDate, campaign.endDate, "input.startDate");
    const changes: Partial<CampaignDocument> = { ...input };
    if (input.leadSchoolIds) changes.leadSchoolIds = [...new Set(input.leadSchoolIds)];
    // the lead network owns the campaign
    if (input.leadNetworkId) changes.owner = { networkId: input.leadNetworkId, schoolId: null };
    const updated = await this.repos.campaigns.updateOpen(id, changes);
    if (!updated) throw new ConflictError(`Campaign "${campaign.title}" was closed by another request`);
    return updated;
  }

  async changeStatus(id: string, input: ChangeCampaignStatusInput) {
    const campaign = await this.requireCampaign(id);
    const to = input.status;
    if (campaign.status === to) throw new ConflictError(`Campaign "${campaign.title}" is already ${to}`);
    if (!CAMPAIGN_TRANSITIONS[campaign.status].includes(to)) {
      throw new ConflictError(`Campaign "${campaign.title}" cannot go from ${campaign.status} to ${to}`);
    }
    const on = input.on ?? today();
    if (on > today()) throw new BadUserInputError(`A status change cannot be dated in the future (${on})`, "input.on");
    const last = campaign.statusHistory.at(-1);
    if (last && on < last.on) {
      throw new BadUserInputError(`The campaign became ${last.status} on ${last.on}; a later change cannot precede it`, "input.on");
    }
    const dates: Pick<CampaignDocument, "startDate" | "endDate"> = {};
    // A planned campaign's start date is when it meant to launch; launching sets when it did.
    if (campaign.status === PLANNING) dates.startDate = to === ACTIVE ? on : null; // null: closed before it ever launched
    else assertDateOrder(campaign.startDate, on, "input.on");
    if ((to === WON || to === LOST || to === CLOSED) && !campaign.endDate) dates.endDate = on;
    const changed = await this.repos.campaigns.transition(
      id,
      campaign.status,
      { from: campaign.status, status: to, on, note: input.note ?? null, changedAt: new Date() },
      dates,
    );
    if (!changed) throw new ConflictError(`Campaign "${campaign.title}" changed status in another request; reload it and try again`);
    return changed;
  }

  /** The campaign, for writes under it: NOT_FOUND when missing, CONFLICT unless `allowed` includes its status. */
  async requireCampaign(id: string, allowed?: readonly CampaignStatus[], doing = "change") {
    const campaign = await this.repos.campaigns.findById(id);
    if (!campaign) throw new NotFoundError("Campaign", id);
    if (allowed && !allowed.includes(campaign.status)) {
      throw new ConflictError(`Campaign "${campaign.title}" is ${campaign.status}: cannot ${doing}`);
    }
    return campaign;
  }
}
