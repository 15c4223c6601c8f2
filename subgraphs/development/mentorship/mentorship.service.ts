import { assertCanWrite, assertDateOrder, BadUserInputError, ConflictError, isAcceptedMember, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import { assertMayChange, assertMaySetMentorCapacity, assertMayWriteFor } from "../authorization";
import { MentorshipStatus } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import { cleanFocusAreas, focusKey } from "../shared/focus";
import { schoolOwner } from "../shared/owner";
import { Policies } from "../policies";
import type { EndMentorshipInput, LogMentorshipActivityInput, StartMentorshipInput } from "./mentorship.inputs";
import { mentorshipKey, type MentorshipActivityDocument } from "./mentorship.repository";

/**
 * Mentorship rules: a mentor school states its capacity and never has more active partners than that,
 * whatever the number of simultaneous requests (each partner takes a place through a guarded atomic
 * update); one active mentorship per pair; a mentorship ends once, with a reason; activities are logged
 * within its period and not in the future.
 */
export class MentorshipService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  /**
   * Sets a mentor school's capacity: its staff, or the managers of a network the school accepted
   * membership in. `networkId` (the network it mentors for) is descriptive and grants nothing; when given,
   * it must be one the school accepted.
   */
  async setCapacity(access: Access, schoolId: string, capacity: number, networkId?: string | null) {
    assertMaySetMentorCapacity(access, schoolId);
    if (networkId && !isAcceptedMember(access, schoolId, networkId)) {
      throw new BadUserInputError("The school mentors for a network it is an accepted member of", "networkId");
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.repos.mentorCapacities.findBySchoolId(schoolId);
      if (!current) {
        const now = new Date();
        try {
          return await this.repos.mentorCapacities.insert({
            _id: newId(),
            schoolId,
            networkId: networkId ?? null,
            capacity,
            activeCount: 0,
            openSlots: capacity,
            createdAt: now,
            updatedAt: now,
          });
        } catch (error) {
          if (isDuplicateKeyError(error)) continue; // stated at the same moment by another request: update it
          throw error;
        }
      }
      if (current.activeCount > capacity) {
        throw new ConflictError(`The school mentors ${current.activeCount} partner schools now: its capacity cannot drop to ${capacity}`);
      }
      const updated = await this.repos.mentorCapacities.changeCapacity(schoolId, current.capacity, capacity, networkId);
      if (updated) return updated;
    }
    throw new ConflictError("The school's mentorships keep changing; try again");
  }

  async start(access: Access, input: StartMentorshipInput) {
    assertCanWrite(access);
    const owner = schoolOwner(input.mentorSchoolId, input.networkId);
    assertMayWriteFor(access, owner);
    if (input.mentorSchoolId === input.partnerSchoolId) {
      throw new BadUserInputError("A school cannot mentor itself", "input.partnerSchoolId");
    }
    const startDate = input.startDate ?? today();
    if (startDate > today()) throw new BadUserInputError("A mentorship starts today or earlier", "input.startDate");
    if (await this.repos.mentorships.findActive(input.mentorSchoolId, input.partnerSchoolId)) {
      throw new ConflictError("The two schools already have an active mentorship");
    }
    if (!(await this.repos.mentorCapacities.takeSlot(input.mentorSchoolId))) {
      const capacity = await this.repos.mentorCapacities.findBySchoolId(input.mentorSchoolId);
      if (!capacity) throw new ConflictError("The mentor school has not stated how many partners it can take (setMentorCapacity)");
      throw new ConflictError(`The mentor school is at its capacity of ${capacity.capacity} active partner schools`);
    }
    const focusAreas = cleanFocusAreas(input.focusAreas);
    const now = new Date();
    try {
      return await this.repos.mentorships.insert({
        _id: newId(),
        mentorSchoolId: input.mentorSchoolId,
        partnerSchoolId: input.partnerSchoolId,
        networkId: input.networkId ?? null,
        focusAreas,
        focusAreaKeys: focusAreas.map(focusKey),
        goals: input.goals ?? null,
        startDate,
        endDate: null,
        status: MentorshipStatus.ACTIVE,
        endReason: null,
        endNote: null,
        activeKey: mentorshipKey(input.mentorSchoolId, input.partnerSchoolId),
        owner,
        visibility: input.visibility,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      await this.repos.mentorCapacities.releaseSlot(input.mentorSchoolId);
      if (isDuplicateKeyError(error)) throw new ConflictError("The two schools already have an active mentorship");
      throw error;
    }
  }

  async end(access: Access, id: string, input: EndMentorshipInput) {
    const mentorship = await this.existing(access, id);
    if (mentorship.status !== MentorshipStatus.ACTIVE) throw new ConflictError(`Mentorship ${id} already ended on ${mentorship.endDate}`);
    const endDate = input.endDate ?? today();
    assertDateOrder(mentorship.startDate, endDate, "input.endDate");
    const ended = await this.repos.mentorships.end(id, { endDate, endReason: input.reason, endNote: input.note ?? null });
    if (!ended) throw new ConflictError(`Mentorship ${id} was ended by another request`);
    await this.repos.mentorCapacities.releaseSlot(mentorship.mentorSchoolId);
    return ended;
  }

  async logActivity(access: Access, mentorshipId: string, input: LogMentorshipActivityInput) {
    const mentorship = await this.existing(access, mentorshipId);
    const date = input.date ?? today();
    if (date > today()) throw new BadUserInputError("Log activities once they took place", "input.date");
    if (date < mentorship.startDate) throw new BadUserInputError(`The mentorship started on ${mentorship.startDate}`, "input.date");
    if (mentorship.endDate && date > mentorship.endDate) throw new BadUserInputError(`The mentorship ended on ${mentorship.endDate}`, "input.date");
    const now = new Date();
    return this.repos.mentorshipActivities.insert({
      _id: newId(),
      mentorshipId,
      ...(Policies.mentorship.inheritedFrom(mentorship) as Pick<MentorshipActivityDocument, "owner" | "visibility" | "partnerSchoolId">),
      kind: input.kind,
      direction: input.direction,
      date,
      summary: input.summary,
      participantCount: input.participantCount ?? null,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** The mentorship, if `access` may see and change it: NOT_FOUND when it may not see it, FORBIDDEN when it may not change it. */
  private async existing(access: Access, id: string) {
    assertCanWrite(access);
    const mentorship = await this.repos.mentorships.findById(id);
    if (!mentorship) throw new NotFoundError("Mentorship", id);
    assertMayChange(access, Policies.mentorship, mentorship);
    return mentorship;
  }
}
