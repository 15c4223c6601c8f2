import type { Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type StoredDocument, type Visibility } from "../../kit";
import type { LearningCommunityRole } from "../enums";
import { focusKey } from "../shared/focus";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { LearningCommunitiesArgs } from "./learning-community.inputs";

export interface LearningCommunityDocument extends StoredDocument {
  name: string;
  jobAlike: string;
  description?: string | null;
  owner: OwnerRef;
  networkId?: string | null;
  focusAreas: string[];
  focusAreaKeys: string[];
  meetingCadence?: string | null;
  formedOn: string;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export class LearningCommunityRepository extends SecuredRepository<LearningCommunityDocument> {
  readonly policy = Policies.learningCommunity;
  readonly collectionName = "learning_communities";
  readonly indexes: IndexDescription[] = [{ key: { networkId: 1, name: 1 } }, { key: { name: 1 } }, { key: { focusAreaKeys: 1 } }];

  list(access: Access, args: LearningCommunitiesArgs) {
    const filter: Filter<LearningCommunityDocument> = {};
    if (args.networkId) filter.networkId = args.networkId;
    if (args.focusArea) filter.focusAreaKeys = focusKey(args.focusArea);
    return this.page(this.readable(access, filter), [["name", 1]], args);
  }


  findByNetworkIds(access: Access, networkIds: readonly string[]) {
    return this.findReadable(access, { networkId: { $in: [...networkIds] } }, { name: 1, _id: 1 });
  }
}

export interface LearningCommunityMemberDocument extends StoredDocument {
  communityId: string;
  schoolId: string;
  educatorId?: string | null;
  name?: string | null;
  role: LearningCommunityRole;
  joinedOn: string;
  leftOn?: string | null;
  /** `communityId:educatorId` (or `communityId:school:schoolId` without an educator) while a member: no joining twice. */
  activeKey?: string;
  /** A copy of the community's owner and visibility, kept in step by LearningCommunityService. */
  owner: OwnerRef;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
}

export function communityMemberKey(communityId: string, member: { schoolId: string; educatorId?: string | null }): string {
  return member.educatorId ? `${communityId}:${member.educatorId}` : `${communityId}:school:${member.schoolId}`;
}

export class LearningCommunityMemberRepository extends SecuredRepository<LearningCommunityMemberDocument> {
  readonly policy = Policies.learningCommunityMember;
  readonly collectionName = "learning_community_members";
  readonly indexes: IndexDescription[] = [
    { key: { activeKey: 1 }, unique: true, sparse: true, name: "one_active_membership_per_member" },
    { key: { communityId: 1, joinedOn: 1 } },
    { key: { schoolId: 1 } },
    { key: { educatorId: 1 } },
  ];

  /** The members of these communities; asked only for communities reached through a readable path. */
  async findByCommunityIds(communityIds: readonly string[]) {
    const docs = await this.collection
      .find({ communityId: { $in: [...communityIds] } })
      .sort({ joinedOn: 1, _id: 1 })
      .toArray();
    return docs.map(toEntity);
  }

  /** Current memberships of these schools in communities `access` may read. */
  findCurrentBySchoolIds(access: Access, schoolIds: readonly string[]) {
    return this.findReadable(access, { schoolId: { $in: [...schoolIds] }, leftOn: null });
  }

  /** Current memberships of these educators in communities `access` may read. */
  findCurrentByEducatorIds(access: Access, educatorIds: readonly string[]) {
    return this.findReadable(access, { educatorId: { $in: [...educatorIds] }, leftOn: null });
  }

  /** Ends a current membership; null when it has already ended. */
  async leave(id: string, leftOn: string) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, leftOn: null },
      { $set: { leftOn, updatedAt: new Date() }, $unset: { activeKey: "" } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
