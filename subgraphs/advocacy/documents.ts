import type { Document, Filter } from "mongodb";
import type { RecordOwner, Visibility } from "../kit";

/** The declared fields of a stored document, without the index signature of mongodb's `Document`. */
type DeclaredFields<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** What a service passes to a repository to create a record: the document without id and timestamps. */
export type NewDocument<T> = Omit<DeclaredFields<T>, "_id" | "createdAt" | "updatedAt">;

/**
 * Who may see a record, as the kit's access control reads it (`readableFilter`, `canRead`, the audit
 * log): a campaign's own owner and visibility, and a copy of them on each of its endorsements, actions
 * and milestones, kept in step with the campaign (`CampaignSharingSync`), so that every query filters
 * them inside the database.
 */
export interface CampaignSharing {
  owner: RecordOwner;
  visibility: Visibility;
}

/** A campaign's records whose copy of its owner or visibility differs from `sharing`. */
export function differentSharing<T extends Document>(campaignId: string, sharing: CampaignSharing): Filter<T> {
  return {
    campaignId,
    $or: [
      { visibility: { $ne: sharing.visibility } },
      { "owner.networkId": { $ne: sharing.owner.networkId } },
      { "owner.schoolId": { $ne: sharing.owner.schoolId ?? null } },
    ],
  } as unknown as Filter<T>;
}
