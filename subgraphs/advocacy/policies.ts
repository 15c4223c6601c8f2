import { actsForSchool, assertCanWrite, ForbiddenError, RecordPolicy, Visibility, type Access, type SharedKind } from "../kit";
import type { AdvocateRef } from "./advocate/advocate";
import type { CampaignSharing } from "./documents";
import { AdvocateKind } from "./enums";

/*
 * Who may see and change what in the advocacy subgraph: one kit policy per record type (README "Security
 * model" has the table of mutations).
 *
 * - Campaigns: read under their owner (the lead network) and visibility; alliances read them when their
 *   agreement shares CAMPAIGNS. The campaign's record (the campaign, its status, actions and milestones) is
 *   written by a role on the owner: the lead network's coordinators and admins.
 * - Endorsements, actions and milestones follow their campaign (a copy of its owner and visibility, kept in
 *   step by `CampaignSharingSync`). An endorsement is given and withdrawn by the endorser: a school (its staff,
 *   or managers of a network the school accepted membership in), a network's managers, an organization's admins.
 */

/** The kind of data an alliance agreement must share for allied networks to see campaigns. */
export const CAMPAIGN_DATA: SharedKind = "CAMPAIGNS";

const LEAD_NETWORK = "the coordinators and admins of the campaign's lead network";

export const campaignPolicy = new RecordPolicy<CampaignSharing>({ typeName: "Campaign", read: { kind: CAMPAIGN_DATA }, writers: LEAD_NETWORK });

export const endorsementPolicy = campaignPolicy.child<CampaignSharing & { endorserKind: AdvocateKind; endorserId: string }>({
  typeName: "Endorsement",
  write: (access, endorsement) => canActFor(access, { kind: endorsement.endorserKind, id: endorsement.endorserId }),
  writers: "the endorser",
});

export const actionPolicy = campaignPolicy.child<CampaignSharing>({ typeName: "CampaignAction", writers: LEAD_NETWORK });

export const milestonePolicy = campaignPolicy.child<CampaignSharing>({ typeName: "CampaignMilestone", writers: LEAD_NETWORK });

/** Writes to a campaign's record: managers of the lead network. */
export function assertCanManageCampaign(access: Access, owner: CampaignSharing["owner"]): void {
  campaignPolicy.assertMayCreate(access, { owner, visibility: Visibility.PRIVATE });
}

/**
 * Whether `access` may speak for this school, network or organization. A school is spoken for by its staff
 * and by the managers of a network it accepted membership in, never by whoever manages the campaign's network.
 */
export function canActFor(access: Access, advocate: AdvocateRef): boolean {
  if (!access.canWrite) return false;
  switch (advocate.kind) {
    case AdvocateKind.SCHOOL:
      return actsForSchool(access, advocate.id);
    case AdvocateKind.NETWORK:
      return access.managedNetworkIds.includes(advocate.id);
    case AdvocateKind.ORGANIZATION:
      return access.organizationAdmin && access.organizationId === advocate.id;
    default:
      return false;
  }
}

/** Endorsing (or withdrawing an endorsement) for a school, network or organization. */
export function assertCanActFor(access: Access, advocate: AdvocateRef): void {
  assertCanWrite(access);
  if (!canActFor(access, advocate)) {
    const who =
      advocate.kind === AdvocateKind.SCHOOL
        ? "the school's staff (or the coordinators of a network it belongs to)"
        : advocate.kind === AdvocateKind.NETWORK
          ? "the network's coordinators and admins"
          : "the organization's admins";
    throw new ForbiddenError(`Only ${who} may endorse for it`);
  }
}

export { assertCanWrite };
