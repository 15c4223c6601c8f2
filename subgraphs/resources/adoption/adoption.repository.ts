import type { IndexDescription } from "mongodb";
import { SecuredRepository, type Access, type StoredDocument, type Visibility } from "../../kit";
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

  /** Adoptions of these resources that `access` may read, oldest first. */
  findByResourceIds(access: Access, resourceIds: readonly string[]) {
    return this.findReadable(access, { resourceId: { $in: [...resourceIds] } }, { adoptedOn: 1, _id: 1 });
  }

  /** Adoptions by these schools that `access` may read, oldest first. */
  findBySchoolIds(access: Access, schoolIds: readonly string[]) {
    return this.findReadable(access, { schoolId: { $in: [...schoolIds] } }, { adoptedOn: 1, _id: 1 });
  }
}
