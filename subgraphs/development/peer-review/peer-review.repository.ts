import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type GroupExpression, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { PeerReviewFindingsAccess, PeerReviewRole, PeerReviewStatus, type PeerReviewFindingKind } from "../enums";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { NetworkPeerReviewsArgs, PeerReviewsArgs, SchoolPeerReviewsArgs } from "./peer-review.inputs";

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

const RECENT_FIRST: SortKeys = [["startDate", -1]];

function reviewFilter(args: Partial<PeerReviewsArgs>): Filter<PeerReviewDocument> {
  const filter: Filter<PeerReviewDocument> = {};
  if (args.hostSchoolId) filter.hostSchoolId = args.hostSchoolId;
  if (args.visitingSchoolId) filter.teamSchoolIds = args.visitingSchoolId;
  if (args.networkId) filter.networkId = args.networkId;
  if (args.status) filter.status = args.status;
  return filter;
}

/*
 * The schools a review lists under `School.peerReviews`, as aggregation expressions: by role (host first,
 * then visitor, then named reader, as `participation` says) and those that may read the findings (as
 * `schoolMayReadFindings` says).
 */
const HOST = ["$hostSchoolId"];
const SCHOOLS_BY_ROLE: Record<PeerReviewRole, Document> = {
  [PeerReviewRole.HOST]: { $setUnion: [HOST] },
  [PeerReviewRole.VISITOR]: { $setDifference: ["$teamSchoolIds", HOST] },
  [PeerReviewRole.READER]: { $setDifference: ["$findingsReaderSchoolIds", { $setUnion: [HOST, "$teamSchoolIds"] }] },
};
const INVOLVED = { $setUnion: [HOST, "$teamSchoolIds", "$findingsReaderSchoolIds"] };
const MAY_READ_FINDINGS = {
  $cond: [
    { $eq: ["$findingsAccess", PeerReviewFindingsAccess.PUBLIC] },
    INVOLVED,
    { $setUnion: [HOST, "$findingsReaderSchoolIds", { $cond: [{ $eq: ["$findingsAccess", PeerReviewFindingsAccess.REVIEW_TEAM] }, "$teamSchoolIds", []] }] },
  ],
};

function schoolsListing(args: SchoolPeerReviewsArgs): GroupExpression {
  const byRole = args.role ? SCHOOLS_BY_ROLE[args.role] : INVOLVED;
  return { expression: args.readableOnly ? { $setIntersection: [byRole, MAY_READ_FINDINGS] } : byRole };
}

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
    return this.pageReadable(access, reviewFilter(args), RECENT_FIRST, args);
  }

  /** One page per school of the reviews it hosts, visits or was named a reader of (see `schoolsListing`), that `access` may read. */
  pagesInvolvingSchools(access: Access, schoolIds: readonly string[], args: SchoolPeerReviewsArgs) {
    const ids = [...schoolIds];
    const involving = { $or: [{ hostSchoolId: { $in: ids } }, { teamSchoolIds: { $in: ids } }, { findingsReaderSchoolIds: { $in: ids } }] };
    const filter = { $and: [involving, reviewFilter(args)] } as Filter<PeerReviewDocument>;
    return this.pagesByGroupReadable(access, schoolsListing(args), schoolIds, filter, RECENT_FIRST, args);
  }

  pagesForNetworks(access: Access, networkIds: readonly string[], args: NetworkPeerReviewsArgs) {
    return this.pagesByGroupReadable(access, "networkId", networkIds, reviewFilter(args), RECENT_FIRST, args);
  }

  /** One page per educator of the reviews they visited as a team member, that `access` may read. */
  pagesForTeamEducators(access: Access, educatorIds: readonly string[], args: PeerReviewsArgs) {
    const filter = { $and: [{ "visitingTeam.educatorId": { $in: [...educatorIds] } }, reviewFilter(args)] } as Filter<PeerReviewDocument>;
    return this.pagesByGroupReadable(access, "visitingTeam.educatorId", educatorIds, filter, RECENT_FIRST, args);
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
