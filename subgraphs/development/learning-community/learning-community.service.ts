import { assertDateOrder, BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today } from "../../kit";
import { DevelopmentOwnerKind } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import { cleanFocusAreas, focusKey } from "../shared/focus";
import { toOwnerRef } from "../shared/owner";
import type { FormLearningCommunityInput, LearningCommunityMemberInput } from "./learning-community.inputs";
import { communityMemberKey, type LearningCommunityMemberDocument } from "./learning-community.repository";

/** Learning community rules: each educator (or school, without one) belongs once at a time; members join on or after it formed. */
export class LearningCommunityService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  async form(input: FormLearningCommunityInput) {
    const keys = input.members.map((member) => communityMemberKey("", member));
    const repeated = keys.findIndex((key, i) => keys.indexOf(key) !== i);
    if (repeated >= 0) throw new BadUserInputError("A member appears twice", `input.members.${repeated}`);
    const networkId = input.networkId ?? (input.owner.kind === DevelopmentOwnerKind.NETWORK ? input.owner.id : null);
    const owner = toOwnerRef(input.owner, networkId);
    const formedOn = input.formedOn ?? today();
    const focusAreas = cleanFocusAreas(input.focusAreas);
    const now = new Date();
    const community = await this.repos.learningCommunities.insert({
      _id: newId(),
      name: input.name,
      jobAlike: input.jobAlike,
      description: input.description ?? null,
      owner,
      networkId,
      focusAreas,
      focusAreaKeys: focusAreas.map(focusKey),
      meetingCadence: input.meetingCadence ?? null,
      formedOn,
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
    });
    if (input.members.length > 0) {
      await this.repos.learningCommunityMembers.collection.insertMany(input.members.map((member) => memberDocument(community.id, member, formedOn)));
    }
    return community;
  }

  async join(communityId: string, member: LearningCommunityMemberInput, joinedOn = today()) {
    const community = await this.repos.learningCommunities.findById(communityId);
    if (!community) throw new NotFoundError("LearningCommunity", communityId);
    assertDateOrder(community.formedOn, joinedOn, "joinedOn");
    try {
      return await this.repos.learningCommunityMembers.insert(memberDocument(communityId, member, joinedOn));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`Already a member of ${community.name}`);
      throw error;
    }
  }

  async leave(memberId: string, leftOn = today()) {
    const member = await this.repos.learningCommunityMembers.findById(memberId);
    if (!member) throw new NotFoundError("LearningCommunityMember", memberId);
    if (member.leftOn) throw new ConflictError(`This member left on ${member.leftOn}`);
    assertDateOrder(member.joinedOn, leftOn, "leftOn");
    const left = await this.repos.learningCommunityMembers.leave(memberId, leftOn);
    if (!left) throw new ConflictError("This member was removed by another request");
    return left;
  }
}

function memberDocument(communityId: string, member: LearningCommunityMemberInput, joinedOn: string): LearningCommunityMemberDocument {
  const now = new Date();
  return {
    _id: newId(),
    communityId,
    schoolId: member.schoolId,
    educatorId: member.educatorId ?? null,
    name: member.name ?? null,
    role: member.role,
    joinedOn,
    leftOn: null,
    activeKey: communityMemberKey(communityId, member),
    createdAt: now,
    updatedAt: now,
  };
}
