import type { IndexDescription } from "mongodb";
import { Repository, toEntity, type StoredDocument } from "../../kit";
import { READ_ALL } from "../reads";

export interface AdoptionDocument extends StoredDocument {
  resourceId: string;
  schoolId: string;
  adaptationNote?: string | null;
  adoptedOn: string;
  createdAt: Date;
  updatedAt: Date;
}

export class AdoptionRepository extends Repository<AdoptionDocument> {
  readonly collectionName = "adoptions";
  readonly indexes: IndexDescription[] = [
    // a school adopts a resource once, also when two adoptions arrive at the same moment
    { key: { resourceId: 1, schoolId: 1 }, unique: true, name: "one_adoption_per_school_and_resource" },
    { key: { schoolId: 1, adoptedOn: 1 } },
  ];

  /** Adoptions of these resources, oldest first. */
  async findByResourceIds(resourceIds: readonly string[]) {
    const docs = await this.collection.find({ resourceId: { $in: [...resourceIds] } }, READ_ALL).sort({ adoptedOn: 1, _id: 1 }).toArray();
    return docs.map(toEntity);
  }

  /** Adoptions by these schools, oldest first. */
  async findBySchoolIds(schoolIds: readonly string[]) {
    const docs = await this.collection.find({ schoolId: { $in: [...schoolIds] } }, READ_ALL).sort({ adoptedOn: 1, _id: 1 }).toArray();
    return docs.map(toEntity);
  }
}
