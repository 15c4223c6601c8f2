import type { Document, Filter } from "mongodb";
import { canWrite, ForbiddenError, readableFilter, type Access, type RecordOwner, type SharedKind } from "../kit";
import type { AdvocateRef } from "./advocate/advocate";
import { AdvocateKind } from "./enums";

/*
 * Who may see and change what in the advocacy subgraph, in one place.
 *
 * Reads: a campaign is seen under its owner (the lead network) and visibility; its endorsements, actions
 * and milestones carry a copy of both and are seen exactly when the campaign is. Alliances share them
 * when their agreement shares CAMPAIGNS.
 *
 * Writes: the campaign's record (the campaign, its status, actions and milestones) needs a role on its
 * owner (`canWrite`: a manager of the lead network). An endorsement is given, and withdrawn, by the
 * endorser: a school's staff (or a manager of the campaign's network), a network's managers, an
 * organization's admins. A record the caller may not see is NOT_FOUND, as if it did not exist.
 */

/** The kind of data an alliance agreement must share for allied networks to see campaigns. */
export const CAMPAIGN_DATA: SharedKind = "CAMPAIGNS";

/** The MongoDB filter of the campaigns (and campaign records) `access` may read. */
export function readableByCaller(access: Access): Filter<Document> {
  return readableFilter(access, CAMPAIGN_DATA);
}

/** Anonymous callers and read-only keys change nothing. */
export function assertCanWrite(access: Access): void {
  if (!access.canWrite) throw new ForbiddenError(access.principal.kind === "ANONYMOUS" ? "Sign in to make changes" : "This credential is read-only");
}

/** Writes to a campaign's record: staff of the owning school, or managers of the owning network. */
export function assertCanManageCampaign(access: Access, owner: RecordOwner): void {
  assertCanWrite(access);
  if (!canWrite(access, owner)) throw new ForbiddenError("Only the coordinators and admins of the campaign's lead network may do this");
}

/** Whether `access` may speak for this school, network or organization on a campaign owned by `campaignOwner`. */
export function canActFor(access: Access, advocate: AdvocateRef, campaignOwner: RecordOwner): boolean {
  if (!access.canWrite) return false;
  switch (advocate.kind) {
    case AdvocateKind.SCHOOL:
      // the subgraph does not know a school's networks: its staff, or a manager of the campaign's network
      return access.schoolIds.includes(advocate.id) || access.managedNetworkIds.includes(campaignOwner.networkId);
    case AdvocateKind.NETWORK:
      return access.managedNetworkIds.includes(advocate.id);
    case AdvocateKind.ORGANIZATION:
      return access.organizationAdmin && access.organizationId === advocate.id;
    default:
      return false;
  }
}

/** Endorsing (or withdrawing an endorsement) for a school, network or organization. */
export function assertCanActFor(access: Access, advocate: AdvocateRef, campaignOwner: RecordOwner): void {
  assertCanWrite(access);
  if (!canActFor(access, advocate, campaignOwner)) {
    const who =
      advocate.kind === AdvocateKind.SCHOOL
        ? "the school's staff (or the campaign's network coordinators)"
        : advocate.kind === AdvocateKind.NETWORK
          ? "the network's coordinators and admins"
          : "the organization's admins";
    throw new ForbiddenError(`Only ${who} may endorse for it`);
  }
}
