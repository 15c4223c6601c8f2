import type { IndexDescription } from "mongodb";
import { READ_ALL, Repository, toEntity, type Access, type StoredDocument, type Visibility } from "../../kit";
import { readable, type StoredOwner } from "../authorization";

export interface AdoptionDocument extends StoredDocument {
  resourceId: string;
  schoolId: string;
  adaptationNote?: string | null;
  adoptedOn: string;
  /** Copies of the resource's owner and visibility (kept in step by ResourceService): an adoption is seen when its resource is. */
  owner: StoredOwner;
  visibility: Visibility;
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

  /** Adoptions `access` may read, by id, in one reply. */
  async findReadableByIds(access: Access, ids: readonly string[]) {
    const docs = await this.collection.find(readable<AdoptionDocument>(access, { _id: { $in: [...ids] } }), READ_ALL).toArray();
    return docs.map(toEntity);
  }

  /** Adoptions of these resources that `access` may read, oldest first. */
  async findByResourceIds(access: Access, resourceIds: readonly string[]) {
    const filter = readable<AdoptionDocument>(access, { resourceId: { $in: [...resourceIds] } });
    const docs = await this.collection.find(filter, READ_ALL).sort({ adoptedOn: 1, _id: 1 }).toArray();
    return docs.map(toEntity);
  }

  /** Adoptions by these schools that `access` may read, oldest first. */
  async findBySchoolIds(access: Access, schoolIds: readonly string[]) {
    const filter = readable<AdoptionDocument>(access, { schoolId: { $in: [...schoolIds] } });
    const docs = await this.collection.find(filter, READ_ALL).sort({ adoptedOn: 1, _id: 1 }).toArray();
    return docs.map(toEntity);
  }
}
