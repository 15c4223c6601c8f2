import { assertCanWrite, assertDateOrder, BadUserInputError, ConflictError, newId, NotFoundError, today, type Access, type Entity } from "../../kit";
import { assertHostStaff, assertMayChange, assertMayWriteFor, callerMayReadFindings } from "../authorization";
import { PeerReviewFindingsAccess, PeerReviewRole, PeerReviewStatus } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import { schoolOwner } from "../shared/owner";
import { Policies } from "../policies";
import type { PeerReviewParticipation } from "./peer-review";
import type { PeerReviewFindingInput, PlanPeerReviewInput } from "./peer-review.inputs";
import type { PeerReviewDocument } from "./peer-review.repository";

type Review = Entity<PeerReviewDocument>;

/**
 * Peer review rules: the visiting team comes from other schools than the host; findings are recorded
 * once the visit has begun; the host decides who may read them (HOST_ONLY, the REVIEW_TEAM's schools,
 * PUBLIC, plus schools it names).
 */
export class PeerReviewService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  async plan(access: Access, input: PlanPeerReviewInput) {
    assertCanWrite(access);
    assertDateOrder(input.startDate, input.endDate, "input.endDate");
    const owner = schoolOwner(input.hostSchoolId, input.networkId);
    // the host's staff plan it (a school's record), and so decide from the start who reads the findings
    assertMayWriteFor(access, owner);
    const hostIndex = input.visitingTeam.findIndex((member) => member.schoolId === input.hostSchoolId);
    if (hostIndex >= 0) {
      throw new BadUserInputError("The visiting team comes from other schools than the host", `input.visitingTeam.${hostIndex}.schoolId`);
    }
    const now = new Date();
    return this.repos.peerReviews.insert({
      _id: newId(),
      hostSchoolId: input.hostSchoolId,
      networkId: input.networkId ?? null,
      title: input.title,
      description: input.description ?? null,
      focusQuestions: input.focusQuestions,
      startDate: input.startDate,
      endDate: input.endDate,
      visitingTeam: input.visitingTeam.map((member) => ({
        schoolId: member.schoolId,
        educatorId: member.educatorId ?? null,
        name: member.name ?? null,
        role: member.role ?? null,
      })),
      teamSchoolIds: [...new Set(input.visitingTeam.map((member) => member.schoolId))],
      findings: [],
      findingsAccess: input.findingsAccess,
      findingsReaderSchoolIds: [],
      status: PeerReviewStatus.PLANNED,
      owner,
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    });
  }

  async recordFindings(access: Access, id: string, findings: PeerReviewFindingInput[]) {
    const review = await this.existing(access, id);
    if (review.status === PeerReviewStatus.CANCELLED) throw new ConflictError(`${review.title} was cancelled`);
    if (review.startDate > today()) throw new ConflictError(`${review.title} starts on ${review.startDate}: findings come from the visit`);
    const outOfRange = findings.findIndex((finding) => finding.focusQuestion != null && finding.focusQuestion >= review.focusQuestions.length);
    if (outOfRange >= 0) {
      throw new BadUserInputError(`The review has ${review.focusQuestions.length} focus questions`, `findings.${outOfRange}.focusQuestion`);
    }
    const recordedAt = new Date();
    const updated = await this.repos.peerReviews.appendFindings(
      id,
      findings.map((finding) => ({ kind: finding.kind, focusQuestion: finding.focusQuestion ?? null, text: finding.text, recordedAt })),
    );
    if (!updated) throw new ConflictError(`${review.title} was cancelled`);
    return updated;
  }

  async complete(access: Access, id: string) {
    const review = await this.existing(access, id);
    if (review.status !== PeerReviewStatus.PLANNED) throw new ConflictError(`${review.title} is already ${review.status.toLowerCase()}`);
    if (review.endDate > today()) throw new ConflictError(`${review.title} runs until ${review.endDate}`);
    if (review.findings.length === 0) throw new ConflictError(`Record the findings of ${review.title} before completing it`);
    const completed = await this.repos.peerReviews.closePlanned(id, PeerReviewStatus.COMPLETED);
    if (!completed) throw new ConflictError(`${review.title} was closed by another request`);
    return completed;
  }

  async cancel(access: Access, id: string) {
    const review = await this.existing(access, id);
    const cancelled = await this.repos.peerReviews.closePlanned(id, PeerReviewStatus.CANCELLED);
    if (!cancelled) throw new ConflictError(`${review.title} is already ${review.status.toLowerCase()}`);
    return cancelled;
  }

  /** The host's decision on who may read the findings. */
  async setFindingsAccess(access: Access, id: string, findingsAccess: PeerReviewFindingsAccess, readerSchoolIds: string[]) {
    assertCanWrite(access);
    const review = await this.repos.peerReviews.findById(id);
    if (!review || !Policies.peerReview.canRead(access, review)) throw new NotFoundError("PeerReview", id);
    assertHostStaff(access, review);
    const hostIndex = readerSchoolIds.indexOf(review.hostSchoolId);
    if (hostIndex >= 0) throw new BadUserInputError("The host always reads its findings", `readerSchoolIds.${hostIndex}`);
    return (await this.repos.peerReviews.update(id, { findingsAccess, findingsReaderSchoolIds: [...new Set(readerSchoolIds)] }))!;
  }

  /** The review, if `access` may see and change it: NOT_FOUND when it may not see it, FORBIDDEN when it may not change it. */
  private async existing(access: Access, id: string) {
    assertCanWrite(access);
    const review = await this.repos.peerReviews.findById(id);
    if (!review) throw new NotFoundError("PeerReview", id);
    assertMayChange(access, Policies.peerReview, review);
    return review;
  }
}

/** Whether a school may read a review's findings: the host, its named readers, the team when allowed, everyone when public. */
export function schoolMayReadFindings(review: Review, schoolId: string): boolean {
  if (review.hostSchoolId === schoolId || review.findingsReaderSchoolIds.includes(schoolId)) return true;
  if (review.findingsAccess === PeerReviewFindingsAccess.PUBLIC) return true;
  return review.findingsAccess === PeerReviewFindingsAccess.REVIEW_TEAM && review.teamSchoolIds.includes(schoolId);
}

/**
 * A school's part in a review (host first, then visitor, then named reader), with the findings it may
 * read: shown only when the caller may read them too (as staff of the host or of a school the host lets read them).
 */
export function participation(access: Access, review: Review, schoolId: string): PeerReviewParticipation {
  const role =
    review.hostSchoolId === schoolId
      ? PeerReviewRole.HOST
      : review.teamSchoolIds.includes(schoolId)
        ? PeerReviewRole.VISITOR
        : PeerReviewRole.READER;
  const readable = schoolMayReadFindings(review, schoolId);
  return { schoolId, role, review, mayReadFindings: readable, findings: readable && callerMayReadFindings(access, review) ? review.findings : null };
}
