import type { Document, Filter, IndexDescription } from "mongodb";
import { READ_ALL, Repository, toEntity, type StoredDocument } from "../../kit";
import type { PathwaysArgs } from "./pathway.inputs";

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

  async findBySchoolIds(schoolIds: readonly string[]) {
    return (await this.collection.find({ "stages.schoolId": { $in: [...schoolIds] } }, READ_ALL).toArray()).map(toEntity);
  }

  list(args: PathwaysArgs) {
    const filter: Filter<PathwayDocument> = {};
    if (args.networkId) filter.networkId = args.networkId;
    if (args.schoolId) filter["stages.schoolId"] = args.schoolId;
    return this.page(filter, [["name", 1]], args);
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
