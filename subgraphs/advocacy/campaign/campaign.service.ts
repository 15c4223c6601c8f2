import { assertDateOrder, BadUserInputError, ConflictError, NotFoundError, today, type Access } from "../../kit";
import { assertCanManageCampaign, assertCanWrite } from "../policies";
import { CampaignStatus } from "../enums";
import type { AdvocacyRepositories } from "../repositories";
import type { ChangeCampaignStatusInput, CreateCampaignInput, UpdateCampaignInput } from "./campaign.inputs";
import type { CampaignDocument } from "./campaign.repository";
import type { CampaignSharingSync } from "./campaign.sharing";

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

/** Fields a campaign cannot be without: null for them is BAD_USER_INPUT, not a removal. */
const REQUIRED_FIELDS = [
  "title",
  "policyGoal",
  "level",
  "jurisdiction",
  "country",
  "targetBody",
  "issueAreas",
  "leadNetworkId",
  "leadSchoolIds",
  "visibility",
] as const satisfies ReadonlyArray<keyof UpdateCampaignInput>;

type Campaign = NonNullable<Awaited<ReturnType<AdvocacyRepositories["campaigns"]["findReadableById"]>>>;

/**
 * Campaign rules: created as PLANNING or ACTIVE, dates in order, status moves only along
 * CAMPAIGN_TRANSITIONS (guarded atomically against concurrent changes), a CLOSED campaign is final.
 * Only managers of the lead network (the owner) create and change a campaign and its record; whoever
 * may not see a campaign gets NOT_FOUND for it.
 */
export class CampaignService {
  constructor(
    private readonly repos: AdvocacyRepositories,
    private readonly sharing: CampaignSharingSync,
  ) {}

  async create(access: Access, input: CreateCampaignInput) {
    const owner = { networkId: input.leadNetworkId, schoolId: null };
    assertCanManageCampaign(access, owner);
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
      owner,
      startDate,
      targetDate: input.targetDate ?? null,
      endDate: null,
      // A planning record starts today; a running campaign entered the hub with its launch date.
      statusHistory: [{ from: null, status: input.status, on: input.status === ACTIVE ? startDate! : today(), note: null, changedAt: new Date() }],
    });
  }

  async update(access: Access, id: string, input: UpdateCampaignInput) {
    const campaign = await this.requireCampaignToManage(access, id);
    // handing the campaign to another lead network needs a role there too
    if (input.leadNetworkId && input.leadNetworkId !== campaign.owner.networkId) {
      assertCanManageCampaign(access, { networkId: input.leadNetworkId, schoolId: null });
    }
    const cleared = REQUIRED_FIELDS.find((field) => input[field] === null);
    if (cleared) throw new BadUserInputError(`A campaign always has a ${cleared}`, `input.${cleared}`);
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
    const updated = await this.repos.campaigns.updateOpen(id, campaign.owner, changes);
    if (!updated) throw new ConflictError(`Campaign "${campaign.title}" was closed or handed to another network by another request`);
    if (changes.owner || changes.visibility) await this.sharing.followCampaign(id);
    return updated;
  }

  async changeStatus(access: Access, id: string, input: ChangeCampaignStatusInput) {
    const campaign = await this.requireCampaignToManage(access, id);
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
      campaign.owner,
      { from: campaign.status, status: to, on, note: input.note ?? null, changedAt: new Date() },
      dates,
    );
    if (!changed) throw new ConflictError(`Campaign "${campaign.title}" changed status or lead network in another request; reload it and try again`);
    return changed;
  }

  /**
   * The campaign, for writes under it by `access`: FORBIDDEN for anonymous and read-only callers,
   * NOT_FOUND when missing or not visible to the caller.
   */
  async requireCampaign(access: Access, id: string): Promise<Campaign> {
    assertCanWrite(access);
    const campaign = await this.repos.campaigns.findReadableById(access, id);
    if (!campaign) throw new NotFoundError("Campaign", id);
    return campaign;
  }

  /** The campaign, for changing it or its record: also FORBIDDEN unless `access` manages its owner. */
  async requireCampaignToManage(access: Access, id: string): Promise<Campaign> {
    const campaign = await this.requireCampaign(access, id);
    assertCanManageCampaign(access, campaign.owner);
    return campaign;
  }

  /** CONFLICT unless `allowed` includes the campaign's status. */
  assertStatus(campaign: Campaign, allowed: readonly CampaignStatus[], doing: string): void {
    if (!allowed.includes(campaign.status)) throw new ConflictError(`Campaign "${campaign.title}" is ${campaign.status}: cannot ${doing}`);
  }
}
