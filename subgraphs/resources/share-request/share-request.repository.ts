import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, Visibility, type Access, type StoredDocument } from "../../kit";
import { shareRequestPolicy, type StoredOwner } from "../policies";
import { ShareRequestStatus } from "../enums";
import { ownerCondition } from "../resource/resource.repository";
import type { ShareRequestsArgs } from "./share-request.inputs";

export interface ShareRequestDocument extends StoredDocument {
  resourceId: string;
  requesterSchoolId: string;
  /**
   * A copy of the resource's owner (which never changes) and PRIVATE: a request is read by the requesting
   * school and by the resource's owner only, whatever the resource's visibility.
   */
  owner: StoredOwner;
  visibility: Visibility;
  message?: string | null;
  status: ShareRequestStatus;
  requestedOn: string;
  history: Array<{ status: ShareRequestStatus; at: Date; note?: string | null }>;
  /** `resourceId:schoolId` while requested or approved; its unique index allows one open request per pair, also under races. */
  openKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

export function openShareRequestKey(resourceId: string, schoolId: string): string {
  return `${resourceId}:${schoolId}`;
}

/** The only moves a share request can make: to a status, from the one status it may come from. */
export const SHARE_REQUEST_TRANSITIONS: Partial<Record<ShareRequestStatus, ShareRequestStatus>> = {
  [ShareRequestStatus.APPROVED]: ShareRequestStatus.REQUESTED,
  [ShareRequestStatus.DECLINED]: ShareRequestStatus.REQUESTED,
  [ShareRequestStatus.FULFILLED]: ShareRequestStatus.APPROVED,
};

const CLOSED = new Set([ShareRequestStatus.DECLINED, ShareRequestStatus.FULFILLED]);

export class ShareRequestRepository extends SecuredRepository<ShareRequestDocument> {
  readonly policy = shareRequestPolicy;
  readonly collectionName = "share_requests";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_request_per_school_and_resource" },
    { key: { resourceId: 1, requestedOn: -1 } },
    { key: { requesterSchoolId: 1, requestedOn: -1 } },
    { key: { "owner.schoolId": 1, status: 1, requestedOn: -1 } },
    { key: { "owner.networkId": 1, status: 1, requestedOn: -1 } },
    { key: { requestedOn: -1 } },
  ];

  /** Share requests `access` may read, by the filters asked for. */
  list(access: Access, args: ShareRequestsArgs) {
    const filter: Document = {};
    if (args.resourceId) filter.resourceId = args.resourceId;
    if (args.requesterSchoolId) filter.requesterSchoolId = args.requesterSchoolId;
    if (args.owner) Object.assign(filter, ownerCondition(args.owner));
    if (args.status) filter.status = args.status;
    return this.pageReadable(access, filter as Filter<ShareRequestDocument>, [["requestedOn", -1]], args);
  }

  /** Requests stored when they followed their resource's visibility become PRIVATE (idempotent, at start). */
  async ensureIndexes(): Promise<void> {
    await super.ensureIndexes();
    await this.collection.updateMany({ visibility: { $ne: Visibility.PRIVATE } }, { $set: { visibility: Visibility.PRIVATE } });
  }

  /**
   * Moves a request to `to` if, at this moment, it is in the status `to` may come from (an atomic guard:
   * two concurrent decisions cannot both apply). Null when the request is not in that status.
   */
  async transition(id: string, to: ShareRequestStatus, note: string | null) {
    const from = SHARE_REQUEST_TRANSITIONS[to];
    if (!from) return null;
    const at = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: from },
      {
        $set: { status: to, updatedAt: at },
        $push: { history: { status: to, at, note } },
        ...(CLOSED.has(to) ? { $unset: { openKey: "" } } : {}),
      } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
