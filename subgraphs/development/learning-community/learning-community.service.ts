import { assertCanWrite, assertDateOrder, BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today, type Access, type Visibility } from "../../kit";
import { assertMayChangeMembership, assertMayWriteFor } from "../authorization";
import { DevelopmentOwnerKind } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import { cleanFocusAreas, focusKey } from "../shared/focus";
import { toOwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { OwnerRef } from "../shared/owner";
import type { FormLearningCommunityInput, LearningCommunityMemberInput } from "./learning-community.inputs";
import { communityMemberKey, type LearningCommunityMemberDocument } from "./learning-community.repository";

/** Learning community rules: each educator (or school, without one) belongs once at a time; members join on or after it formed. */
export class LearningCommunityService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  async form(access: Access, input: FormLearningCommunityInput) {
    assertCanWrite(access);
    const keys = input.members.map((member) => communityMemberKey("", member));
    const repeated = keys.findIndex((key, i) => keys.indexOf(key) !== i);
    if (repeated >= 0) throw new BadUserInputError("A member appears twice", `input.members.${repeated}`);
    const networkId = input.networkId ?? (input.owner.kind === DevelopmentOwnerKind.NETWORK ? input.owner.id : null);
    if (input.owner.kind === DevelopmentOwnerKind.ORGANIZATION && !networkId) {
      throw new BadUserInputError("An organization convenes a community within one of its networks", "input.networkId");
    }
    const owner = toOwnerRef(input.owner, networkId);
    assertMayWriteFor(access, owner);
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
      await this.repos.learningCommunityMembers.collection.insertMany(input.members.map((member) => memberDocument(community, member, formedOn)));
    }
    return community;
  }

  /** Adds a member: the community's convenors add anyone; a school's staff add their school's educators to a community they can see. */
  async join(access: Access, communityId: string, member: LearningCommunityMemberInput, joinedOn = today()) {
    const community = await this.visible(access, communityId);
    assertMayChangeMembership(access, community, member.schoolId);
    assertDateOrder(community.formedOn, joinedOn, "joinedOn");
    try {
      return await this.repos.learningCommunityMembers.insert(memberDocument(community, member, joinedOn));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`Already a member of ${community.name}`);
      throw error;
    }
  }

  /** Ends a membership: the community's convenors, or the member school's staff. */
  async leave(access: Access, memberId: string, leftOn = today()) {
    assertCanWrite(access);
    const member = await this.repos.learningCommunityMembers.findById(memberId);
    if (!member) throw new NotFoundError("LearningCommunityMember", memberId);
    // a membership follows its community: hidden with it
    const community = await this.repos.learningCommunities.findById(member.communityId);
    if (!community || !Policies.learningCommunity.canRead(access, community)) throw new NotFoundError("LearningCommunityMember", memberId);
    assertMayChangeMembership(access, community, member.schoolId);
    if (member.leftOn) throw new ConflictError(`This member left on ${member.leftOn}`);
    assertDateOrder(member.joinedOn, leftOn, "leftOn");
    const left = await this.repos.learningCommunityMembers.leave(memberId, leftOn);
    if (!left) throw new ConflictError("This member was removed by another request");
    return left;
  }

  /** The community, if `access` may see it (NOT_FOUND otherwise). */
  private async visible(access: Access, id: string) {
    assertCanWrite(access);
    const community = await this.repos.learningCommunities.findById(id);
    if (!community || !Policies.learningCommunity.canRead(access, community)) throw new NotFoundError("LearningCommunity", id);
    return community;
  }
}

/** A membership, with the copy of its community's owner and visibility that its policy reads. */
function memberDocument(community: { id: string; owner: OwnerRef; visibility: Visibility }, member: LearningCommunityMemberInput, joinedOn: string): LearningCommunityMemberDocument {
  const now = new Date();
  const communityId = community.id;
  return {
    _id: newId(),
    communityId,
    owner: community.owner,
    visibility: community.visibility,
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
