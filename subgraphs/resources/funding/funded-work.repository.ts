import type { Filter, IndexDescription } from "mongodb";
import { SecuredRepository, type Access, type RecordOwner, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { fundingLinkPolicy } from "../policies";
import type { FundedWorkKind } from "./funded-work.enums";
import type { FundedWorkArgs } from "./funded-work.inputs";

export interface FundedWorkDocument extends StoredDocument {
  awardId: string;
  /** A copy of the award's owner and visibility, kept in step by FundingService: read exactly as the award. */
  owner: RecordOwner & { schoolId: null };
  visibility: Visibility;
  targetKind: FundedWorkKind;
  /** An id of the target's own subgraph; never resolved here for events and mentorships. */
  targetId: string;
  note?: string | null;
  /** `awardId:kind:targetId`: an award pays for a piece of work once (unique, also under races). */
  linkKey: string;
  createdAt: Date;
  updatedAt: Date;
}

export function fundedWorkKey(awardId: string, kind: FundedWorkKind, targetId: string): string {
  return `${awardId}:${kind}:${targetId}`;
}

const LINK_ORDER: SortKeys = [["createdAt", 1]];

export class FundedWorkRepository extends SecuredRepository<FundedWorkDocument> {
  readonly policy = fundingLinkPolicy;
  readonly collectionName = "funded_work";
  readonly indexes: IndexDescription[] = [
    { key: { linkKey: 1 }, unique: true, name: "one_link_per_award_and_work" },
    { key: { awardId: 1, createdAt: 1 } },
    { key: { targetKind: 1, targetId: 1 } },
  ];

  /** One page per award of the work it pays for, readable by `access` (as the award is). */
  pagesForAwards(access: Access, awardIds: readonly string[], args: FundedWorkArgs) {
    const filter = args.kinds?.length ? { targetKind: { $in: [...args.kinds] } } : {};
    return this.pagesByGroupReadable(access, "awardId", awardIds, filter as Filter<FundedWorkDocument>, LINK_ORDER, args);
  }

  async delete(id: string): Promise<boolean> {
    const { deletedCount } = await this.collection.deleteOne({ _id: id } as Filter<FundedWorkDocument>);
    return deletedCount === 1;
  }
}
