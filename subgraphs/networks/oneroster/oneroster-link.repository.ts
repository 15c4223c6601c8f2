import type { IndexDescription } from "mongodb";
import { READ_ALL, Repository, toEntity, type StoredDocument } from "../../kit";

/**
 * A partner's sourcedId for a school of the hub. sourcedIds are unique only within the system that issued them, so
 * each organization has its own: another partner's "s-101" is a different key, and names none of this one's schools.
 */
export interface OneRosterLinkDocument extends StoredDocument {
  organizationId: string;
  sourcedId: string;
  schoolId: string;
  createdAt: Date;
}

export class OneRosterLinkRepository extends Repository<OneRosterLinkDocument> {
  readonly collectionName = "oneRosterLinks";
  readonly indexes: IndexDescription[] = [
    // one school per sourcedId and organization, also when two imports race
    { key: { organizationId: 1, sourcedId: 1 }, unique: true, name: "one_school_per_sourced_id" },
  ];

  async findForSourcedIds(organizationId: string, sourcedIds: readonly string[]) {
    const docs = await this.collection.find({ organizationId, sourcedId: { $in: [...sourcedIds] } }, READ_ALL).toArray();
    return docs.map(toEntity);
  }

  async insertMany(docs: OneRosterLinkDocument[]): Promise<void> {
    if (docs.length > 0) await this.collection.insertMany(docs);
  }

  async deleteByIds(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.collection.deleteMany({ _id: { $in: [...ids] } });
  }
}
