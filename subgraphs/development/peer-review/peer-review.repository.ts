import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type StoredDocument, type Visibility } from "../../kit";
import { PeerReviewStatus, type PeerReviewFindingKind, type PeerReviewFindingsAccess } from "../enums";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { PeerReviewsArgs } from "./peer-review.inputs";

export interface PeerReviewDocument extends StoredDocument {
  hostSchoolId: string;
  networkId?: string | null;
  title: string;
  description?: string | null;
  focusQuestions: string[];
  startDate: string;
  endDate: string;
  visitingTeam: Array<{ schoolId: string; educatorId?: string | null; name?: string | null; role?: string | null }>;
  /** The visiting team's distinct schools (indexed: a school's reviews as visitor). */
  teamSchoolIds: string[];
  findings: Array<{ kind: PeerReviewFindingKind; focusQuestion?: number | null; text: string; recordedAt: Date }>;
  findingsAccess: PeerReviewFindingsAccess;
  findingsReaderSchoolIds: string[];
  status: PeerReviewStatus;
  owner: OwnerRef;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
  completedAt?: Date | null;
}

const RECENT_FIRST = { startDate: -1, _id: 1 } as const;

export class PeerReviewRepository extends SecuredRepository<PeerReviewDocument> {
  readonly policy = Policies.peerReview;
  readonly collectionName = "peer_reviews";
  readonly indexes: IndexDescription[] = [
    { key: { hostSchoolId: 1, startDate: -1 } },
    { key: { teamSchoolIds: 1 } },
    { key: { findingsReaderSchoolIds: 1 } },
    { key: { "visitingTeam.educatorId": 1 } },
    { key: { networkId: 1, startDate: -1 } },
    { key: { startDate: -1 } },
  ];

  list(access: Access, args: PeerReviewsArgs) {
    const filter: Filter<PeerReviewDocument> = {};
    if (args.hostSchoolId) filter.hostSchoolId = args.hostSchoolId;
    if (args.visitingSchoolId) filter.teamSchoolIds = args.visitingSchoolId;
    if (args.networkId) filter.networkId = args.networkId;
    if (args.status) filter.status = args.status;
    return this.page(this.readable(access, filter), [["startDate", -1]], args);
  }


  /** Reviews a school hosts, visits, or was named a reader of, that `access` may read; most recent first. */
  findInvolvingSchools(access: Access, schoolIds: readonly string[]) {
    const ids = [...schoolIds];
    return this.findReadable(access, { $or: [{ hostSchoolId: { $in: ids } }, { teamSchoolIds: { $in: ids } }, { findingsReaderSchoolIds: { $in: ids } }] },
      RECENT_FIRST,
    );
  }

  findByNetworkIds(access: Access, networkIds: readonly string[]) {
    return this.findReadable(access, { networkId: { $in: [...networkIds] } }, RECENT_FIRST);
  }

  findByTeamEducatorIds(access: Access, educatorIds: readonly string[]) {
    return this.findReadable(access, { "visitingTeam.educatorId": { $in: [...educatorIds] } }, RECENT_FIRST);
  }

  /** Appends findings unless the review was cancelled; null when it was (or does not exist). */
  async appendFindings(id: string, findings: PeerReviewDocument["findings"]) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: { $ne: PeerReviewStatus.CANCELLED } },
      { $push: { findings: { $each: findings } }, $set: { updatedAt: new Date() } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Moves a planned review to `status`; null when it is no longer planned. */
  async closePlanned(id: string, status: PeerReviewStatus.COMPLETED | PeerReviewStatus.CANCELLED) {
    const now = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: PeerReviewStatus.PLANNED },
      { $set: { status, updatedAt: now, ...(status === PeerReviewStatus.COMPLETED ? { completedAt: now } : {}) } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
