import type { Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import type { LearningCommunityRole } from "../enums";
import { focusKey } from "../shared/focus";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { LearningCommunitiesArgs, LearningCommunityFilterArgs, LearningCommunityMembersArgs } from "./learning-community.inputs";

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

const BY_NAME: SortKeys = [["name", 1]];

function communityFilter(args: Partial<LearningCommunitiesArgs>): Filter<LearningCommunityDocument> {
  const filter: Filter<LearningCommunityDocument> = {};
  if (args.networkId) filter.networkId = args.networkId;
  if (args.focusArea) filter.focusAreaKeys = focusKey(args.focusArea);
  return filter;
}

export class LearningCommunityRepository extends SecuredRepository<LearningCommunityDocument> {
  readonly policy = Policies.learningCommunity;
  readonly collectionName = "learning_communities";
  readonly indexes: IndexDescription[] = [{ key: { networkId: 1, name: 1 } }, { key: { name: 1 } }, { key: { focusAreaKeys: 1 } }];

  list(access: Access, args: LearningCommunitiesArgs) {
    return this.pageReadable(access, communityFilter(args), BY_NAME, args);
  }

  pagesForNetworks(access: Access, networkIds: readonly string[], args: LearningCommunityFilterArgs) {
    return this.pagesByGroupReadable(access, "networkId", networkIds, communityFilter(args), BY_NAME, args);
  }

  /**
   * One page per member (school or educator) of the communities `communityIdsByMember` lists for it, that
   * `access` may read. The lists come from the member's current memberships (another collection), so they
   * go into the query as literals: one command for all members.
   */
  pagesForMembers(access: Access, communityIdsByMember: ReadonlyMap<string, readonly string[]>, args: LearningCommunitiesArgs) {
    const memberships = [...communityIdsByMember].map(([member, communityIds]) => ({ member, communityIds: [...communityIds] }));
    const expression = {
      $map: {
        input: { $filter: { input: { $literal: memberships }, as: "m", cond: { $in: ["$_id", "$$m.communityIds"] } } },
        as: "m",
        in: "$$m.member",
      },
    };
    const filter = { $and: [{ _id: { $in: [...new Set(memberships.flatMap((m) => m.communityIds))] } }, communityFilter(args)] } as Filter<LearningCommunityDocument>;
    return this.pagesByGroupReadable(access, { expression }, [...communityIdsByMember.keys()], filter, BY_NAME, args);
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

const BY_JOINING: SortKeys = [["joinedOn", 1]];

export class LearningCommunityMemberRepository extends SecuredRepository<LearningCommunityMemberDocument> {
  readonly policy = Policies.learningCommunityMember;
  readonly collectionName = "learning_community_members";
  readonly indexes: IndexDescription[] = [
    { key: { activeKey: 1 }, unique: true, sparse: true, name: "one_active_membership_per_member" },
    { key: { communityId: 1, joinedOn: 1 } },
    { key: { schoolId: 1 } },
    { key: { educatorId: 1 } },
  ];

  /** One page per community of its members that `access` may read (they follow their community), in the order they joined. */
  pagesForCommunities(access: Access, communityIds: readonly string[], args: LearningCommunityMembersArgs) {
    return this.pagesByGroupReadable(access, "communityId", communityIds, args.includeLeft ? {} : { leftOn: null }, BY_JOINING, args);
  }

  /** Per community, how many current members `access` may read and their distinct schools. */
  async currentByCommunityIds(access: Access, communityIds: readonly string[]): Promise<Array<{ communityId: string; count: number; schoolIds: string[] }>> {
    const groups = await this.collection
      .aggregate<{ _id: string; count: number; schoolIds: string[] }>([
        { $match: this.readable(access, { communityId: { $in: [...communityIds] }, leftOn: null }) },
        { $sort: { joinedOn: 1, _id: 1 } },
        { $group: { _id: "$communityId", count: { $sum: 1 }, schoolIds: { $push: "$schoolId" } } },
      ])
      .toArray();
    return groups.map((group) => ({ communityId: group._id, count: group.count, schoolIds: [...new Set(group.schoolIds)] }));
  }

  /** The communities these schools (or educators) currently belong to, as far as `access` may read them: member id → community ids. */
  async currentCommunities(access: Access, field: "schoolId" | "educatorId", memberIds: readonly string[]): Promise<Map<string, string[]>> {
    const docs = await this.collection
      .find(this.readable(access, { [field]: { $in: [...memberIds] }, leftOn: null }), { projection: { schoolId: 1, educatorId: 1, communityId: 1 } })
      .toArray();
    const byMember = new Map<string, string[]>(memberIds.map((id) => [id, []]));
    for (const doc of docs) byMember.get(doc[field] ?? "")?.push(doc.communityId);
    return new Map([...byMember].map(([id, communityIds]) => [id, [...new Set(communityIds)]]));
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
