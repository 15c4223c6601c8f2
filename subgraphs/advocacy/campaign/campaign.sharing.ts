import type { CampaignSharing } from "../documents";
import type { AdvocacyRepositories } from "../repositories";

/** Rounds of catching up with a campaign changed again while its records were being brought in step. */
const MAX_ROUNDS = 10;

function sameSharing(a: CampaignSharing, b: CampaignSharing): boolean {
  return a.visibility === b.visibility && a.owner.networkId === b.owner.networkId && (a.owner.schoolId ?? null) === (b.owner.schoolId ?? null);
}

/**
 * Keeps the copy of a campaign's owner and visibility on its endorsements, actions and milestones in step
 * with the campaign, so that they are filtered inside every query exactly as the campaign is.
 *
 * Without transactions, each writer finishes by checking the campaign against what it just wrote: a
 * campaign change brings all its records in step and repeats while the campaign changed meanwhile; a new
 * record, written with the campaign's sharing as read before, is brought in step if the campaign changed
 * since. Whichever write comes last, the records end up as the campaign is.
 */
export class CampaignSharingSync {
  constructor(private readonly repos: AdvocacyRepositories) {}

  /** After a campaign's owner or visibility changed. */
  async followCampaign(campaignId: string): Promise<void> {
    let sharing = await this.repos.campaigns.sharingOf(campaignId);
    for (let round = 0; sharing && round < MAX_ROUNDS; round++) {
      await Promise.all([
        this.repos.endorsements.followCampaign(campaignId, sharing),
        this.repos.actions.followCampaign(campaignId, sharing),
        this.repos.milestones.followCampaign(campaignId, sharing),
      ]);
      const now = await this.repos.campaigns.sharingOf(campaignId);
      if (!now || sameSharing(now, sharing)) return;
      sharing = now;
    }
  }

  /** After a record of the campaign was written with `sharing`, as the campaign had it when read. */
  async afterRecordWritten(campaignId: string, sharing: CampaignSharing): Promise<void> {
    const now = await this.repos.campaigns.sharingOf(campaignId);
    if (now && !sameSharing(now, sharing)) await this.followCampaign(campaignId);
  }

  /** At start: records stored before they carried their campaign's sharing get it (until then nobody sees them). */
  async backfill(): Promise<void> {
    const missing = { visibility: { $exists: false } };
    const campaignIds = new Set<string>();
    for (const repository of [this.repos.endorsements, this.repos.actions, this.repos.milestones]) {
      for (const id of await repository.collection.distinct("campaignId", missing)) campaignIds.add(id as string);
    }
    for (const campaignId of campaignIds) await this.followCampaign(campaignId);
  }
}
