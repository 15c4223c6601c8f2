import type { Document, Filter, IndexDescription } from "mongodb";
import { pagesByArrayField, Repository, toEntity, type StoredDocument } from "../../kit";
import type { PathwaysArgs } from "./pathway.inputs";

function filterOf(args: PathwaysArgs): Filter<PathwayDocument> {
  const filter: Filter<PathwayDocument> = {};
  if (args.networkId) filter.networkId = args.networkId;
  if (args.schoolId) filter["stages.schoolId"] = args.schoolId;
  return filter;
}

export interface PathwayDocument extends StoredDocument {
  name: string;
  description?: string | null;
  networkId?: string | null;
  stages: Array<{ order: number; schoolId: string; grades?: string | null }>;
  transitions: Array<{ fromSchoolId: string; toSchoolId: string; schoolYear: string; studentCount: number; onTimeCount?: number | null }>;
  createdAt: Date;
  updatedAt: Date;
}

export class PathwayRepository extends Repository<PathwayDocument> {
  readonly collectionName = "pathways";
  readonly indexes: IndexDescription[] = [{ key: { "stages.schoolId": 1 } }, { key: { networkId: 1, name: 1 } }];

  list(args: PathwaysArgs) {
    return this.page(filterOf(args), [["name", 1]], args);
  }

  /** One page per school of the pathways it is a stage of, by name, filtered as `list` is. */
  pagesForSchools(schoolIds: readonly string[], args: PathwaysArgs) {
    return pagesByArrayField(this.collection, "stages.schoolId", schoolIds, filterOf(args), [["name", 1]], args);
  }

  /** Records (or corrects) one year's count for a transition between two schools. */
  async recordTransition(id: string, transition: PathwayDocument["transitions"][number]) {
    const same = { fromSchoolId: transition.fromSchoolId, toSchoolId: transition.toSchoolId, schoolYear: transition.schoolYear };
    await this.collection.updateOne({ _id: id }, { $pull: { transitions: same } } as Document);
    const doc = await this.collection.findOneAndUpdate(
      { _id: id },
      { $push: { transitions: transition }, $set: { updatedAt: new Date() } } as Document,
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
