import { BadUserInputError, ConflictError, NotFoundError, today, type Access, type RecordOwner } from "../../kit";
import { assertCanWrite } from "../policies";
import type { AdvocateRefInput } from "../advocate/advocate";
import { NOT_CLOSED_STATUSES, OPEN_STATUSES, type CampaignService } from "../campaign/campaign.service";
import type { CampaignSharingSync } from "../campaign/campaign.sharing";
import { CampaignActionStatus } from "../enums";
import type { AdvocacyRepositories } from "../repositories";
import type { CompleteCampaignActionInput, LogCampaignActionInput, UpdateCampaignActionInput } from "./action.inputs";
import type { CampaignActionDocument } from "./action.repository";

const { PLANNED, DONE, CANCELLED } = CampaignActionStatus;

/** The participants, each once. */
function participants(refs: AdvocateRefInput[]) {
  const byKey = new Map(refs.map((ref) => [`${ref.kind}:${ref.id}`, { kind: ref.kind, id: ref.id }]));
  return [...byKey.values()];
}

/**
 * Action rules: PLANNED actions are dated today or later and only for open campaigns; DONE actions are
 * dated today or earlier, carry the outcome, and may be logged until the campaign is CLOSED. A planned
 * action is completed or cancelled once (guarded atomically); done and cancelled actions stay so.
 * Only managers of the campaign's lead network log and change its actions.
 */
export class CampaignActionService {
  constructor(
    private readonly repos: AdvocacyRepositories,
    private readonly campaigns: CampaignService,
    private readonly sharing: CampaignSharingSync,
  ) {}

  async log(access: Access, input: LogCampaignActionInput) {
    const campaign = await this.campaigns.requireCampaignToManage(access, input.campaignId);
    const status = input.status ?? (input.date > today() ? PLANNED : DONE);
    if (status === CANCELLED) throw new BadUserInputError("Log an action as PLANNED or DONE", "input.status");
    this.assertDateFits(status, input.date, "input.date");
    if (status === PLANNED && input.outcome) throw new BadUserInputError("A planned action has no outcome yet", "input.outcome");
    this.campaigns.assertStatus(campaign, status === PLANNED ? OPEN_STATUSES : NOT_CLOSED_STATUSES, status === PLANNED ? "plan actions" : "log actions");
    const created = await this.repos.actions.create({
      campaignId: campaign.id,
      kind: input.kind,
      title: input.title,
      description: input.description ?? null,
      date: input.date,
      status,
      location: input.location ?? null,
      participants: participants(input.participants),
      people: [...new Set(input.people)],
      participantCount: input.participantCount ?? null,
      outcome: input.outcome ?? null,
      owner: campaign.owner,
      visibility: campaign.visibility,
    });
    await this.sharing.afterRecordWritten(campaign.id, created);
    return created;
  }

  async update(access: Access, id: string, input: UpdateCampaignActionInput) {
    const { action, campaign } = await this.requireActionToManage(access, id);
    if (action.status === CANCELLED) throw new ConflictError(`Action "${action.title}" was cancelled`);
    this.campaigns.assertStatus(campaign, NOT_CLOSED_STATUSES, "change its actions");
    if (input.date) this.assertDateFits(action.status, input.date, "input.date");
    if (action.status === PLANNED && input.outcome) throw new BadUserInputError("A planned action has no outcome yet", "input.outcome");
    const changes: Partial<CampaignActionDocument> = { ...input, participants: input.participants ? participants(input.participants) : undefined };
    if (input.people) changes.people = [...new Set(input.people)];
    return this.changeInStatus({ ...action, owner: campaign.owner }, changes);
  }

  async complete(access: Access, id: string, input: CompleteCampaignActionInput) {
    const { action, campaign } = await this.requireActionToManage(access, id);
    if (action.status !== PLANNED) throw new ConflictError(`Action "${action.title}" is ${action.status}, not PLANNED`);
    this.campaigns.assertStatus(campaign, NOT_CLOSED_STATUSES, "complete its actions");
    const date = input.date ?? (action.date <= today() ? action.date : today());
    this.assertDateFits(DONE, date, "input.date");
    return this.changeInStatus({ ...action, owner: campaign.owner }, {
      status: DONE,
      date,
      outcome: input.outcome ?? undefined,
      participantCount: input.participantCount ?? undefined,
    });
  }

  async cancel(access: Access, id: string, reason: string | null) {
    const { action, campaign } = await this.requireActionToManage(access, id);
    if (action.status !== PLANNED) throw new ConflictError(`Action "${action.title}" is ${action.status}, not PLANNED`);
    this.campaigns.assertStatus(campaign, NOT_CLOSED_STATUSES, "cancel its actions");
    return this.changeInStatus({ ...action, owner: campaign.owner }, { status: CANCELLED, outcome: reason ?? undefined });
  }

  private async changeInStatus(
    action: { id: string; title: string; status: CampaignActionStatus; owner: RecordOwner },
    changes: Partial<CampaignActionDocument>,
  ) {
    const changed = await this.repos.actions.updateInStatus(action.id, action.status, action.owner, changes);
    if (!changed) throw new ConflictError(`Action "${action.title}" was changed by another request; reload it and try again`);
    return changed;
  }

  /** The action and its campaign, for changing it: NOT_FOUND unless `access` sees it, FORBIDDEN unless it manages the campaign. */
  private async requireActionToManage(access: Access, id: string) {
    assertCanWrite(access);
    const action = await this.repos.actions.findReadableById(access, id);
    if (!action) throw new NotFoundError("CampaignAction", id);
    const campaign = await this.campaigns.requireCampaignToManage(access, action.campaignId);
    return { action, campaign };
  }

  private assertDateFits(status: CampaignActionStatus, date: string, field: string) {
    if (status === PLANNED && date < today()) throw new BadUserInputError(`A planned action is dated today or later, not ${date}`, field);
    if (status === DONE && date > today()) throw new BadUserInputError(`A done action is dated today or earlier, not ${date}`, field);
  }
}
