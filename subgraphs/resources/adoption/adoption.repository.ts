import type { IndexDescription } from "mongodb";
import { SecuredRepository, type Access, type PageArgs, type StoredDocument, type Visibility } from "../../kit";
import { adoptionPolicy, type StoredOwner } from "../policies";

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

export class AdoptionRepository extends SecuredRepository<AdoptionDocument> {
  readonly policy = adoptionPolicy;
  readonly collectionName = "adoptions";
  readonly indexes: IndexDescription[] = [
    // a school adopts a resource once, also when two adoptions arrive at the same moment
    { key: { resourceId: 1, schoolId: 1 }, unique: true, name: "one_adoption_per_school_and_resource" },
    { key: { schoolId: 1, adoptedOn: 1 } },
  ];

  /** One page per resource (`resourceId`) or school (`schoolId`) of the adoptions `access` may read, oldest first. */
  pagesFor(access: Access, parent: "resourceId" | "schoolId", parentIds: readonly string[], args: PageArgs) {
    return this.pagesByGroupReadable(access, parent, parentIds, {}, [["adoptedOn", 1]], args);
  }

  /** How many adoptions of each resource `access` may read (all of them when it may read the resource), in one aggregate. */
  async countByResourceIds(access: Access, resourceIds: readonly string[]): Promise<Array<{ resourceId: string; count: number }>> {
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: this.readable(access, { resourceId: { $in: [...resourceIds] } }) },
        { $group: { _id: "$resourceId", count: { $sum: 1 } } },
      ])
      .toArray();
    return rows.map((row) => ({ resourceId: row._id, count: row.count }));
  }
}
