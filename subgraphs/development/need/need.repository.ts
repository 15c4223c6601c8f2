import type { Filter, IndexDescription } from "mongodb";
import { READ_ALL, SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { NeedStatus, type NeedPriority } from "../enums";
import { focusKey } from "../shared/focus";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { NeedFilterArgs, NeedsArgs } from "./need.inputs";

export interface NeedDocument extends StoredDocument {
  schoolId: string;
  networkIds: string[];
  focusArea: string;
  focusAreaKey: string;
  description?: string | null;
  priority: NeedPriority;
  status: NeedStatus;
  owner: OwnerRef;
  visibility: Visibility;
  /** `schoolId:focusAreaKey` while open: one open need per school and focus area, also under races. */
  openKey?: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt?: Date | null;
}

export function needKey(schoolId: string, focusAreaKey: string): string {
  return `${schoolId}:${focusAreaKey}`;
}

const OLDEST_FIRST: SortKeys = [["createdAt", 1]];

function needFilter(args: Partial<NeedsArgs>): Filter<NeedDocument> {
  const filter: Filter<NeedDocument> = {};
  if (args.schoolId) filter.schoolId = args.schoolId;
  if (args.networkId) filter.networkIds = args.networkId;
  if (args.focusArea) filter.focusAreaKey = focusKey(args.focusArea);
  if (!args.includeClosed) filter.status = NeedStatus.OPEN;
  return filter;
}

export class NeedRepository extends SecuredRepository<NeedDocument> {
  readonly policy = Policies.need;
  readonly collectionName = "needs";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_need_per_school_and_focus_area" },
    { key: { schoolId: 1, createdAt: 1 } },
    { key: { networkIds: 1, status: 1 } },
    { key: { focusAreaKey: 1, createdAt: 1 } },
  ];

  list(access: Access, args: NeedsArgs) {
    return this.pageReadable(access, needFilter(args), OLDEST_FIRST, args);
  }

  /** One page per school of its needs that `access` may read. */
  pagesForSchools(access: Access, schoolIds: readonly string[], args: NeedFilterArgs) {
    return this.pagesByGroupReadable(access, "schoolId", schoolIds, needFilter(args), OLDEST_FIRST, args);
  }

  /** The open needs shared with these networks that `access` may read (what common needs are computed from). */
  async findOpenByNetworkIds(access: Access, networkIds: readonly string[]) {
    const docs = await this.collection
      .find(this.readable(access, { networkIds: { $in: [...networkIds] }, status: NeedStatus.OPEN }), {
        ...READ_ALL,
        projection: { schoolId: 1, networkIds: 1, focusArea: 1, focusAreaKey: 1, priority: 1, createdAt: 1 },
      })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return docs.map(toEntity);
  }

  /** Closes an open need; null when it is not open. */
  async close(id: string, status: NeedStatus) {
    const now = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: NeedStatus.OPEN },
      { $set: { status, closedAt: now, updatedAt: now }, $unset: { openKey: "" } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
