import type { Filter, IndexDescription } from "mongodb";
import { READ_ALL, Repository, toEntity, type StoredDocument } from "../../kit";
import type { MembershipRole } from "../enums";
import type { MembershipListArgs } from "./membership.inputs";

export interface MembershipDocument extends StoredDocument {
  schoolId: string;
  networkId: string;
  /** Copied from the school so a network's schools page in name order; kept in step on rename. */
  schoolName: string;
  role: MembershipRole;
  startDate: string;
  endDate?: string | null;
  /** `schoolId:networkId` while open; its unique index allows one open membership per pair, also under races. */
  openKey?: string;
  createdAt: Date;
  updatedAt: Date;
}

export function openKey(schoolId: string, networkId: string): string {
  return `${schoolId}:${networkId}`;
}

export class MembershipRepository extends Repository<MembershipDocument> {
  readonly collectionName = "memberships";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_membership_per_school_and_network" },
    { key: { networkId: 1, schoolName: 1 } },
    { key: { schoolId: 1, startDate: 1 } },
  ];

  async findForPair(schoolId: string, networkId: string) {
    return (await this.collection.find({ schoolId, networkId }).toArray()).map(toEntity);
  }

  async findBySchoolIds(schoolIds: readonly string[]) {
    const docs = await this.collection.find({ schoolId: { $in: [...schoolIds] } }, READ_ALL).sort({ startDate: 1 }).toArray();
    return docs.map(toEntity);
  }

  async findOpenBySchoolIds(schoolIds: readonly string[]) {
    return (await this.collection.find({ schoolId: { $in: [...schoolIds] }, endDate: null }, READ_ALL).toArray()).map(toEntity);
  }

  listForNetwork(networkId: string, args: MembershipListArgs) {
    const filter: Filter<MembershipDocument> = { networkId };
    if (args.role) filter.role = args.role;
    if (!args.includeEnded) filter.endDate = null;
    return this.page(filter, [["schoolName", 1]], args);
  }

  /** Ends an open membership; null when there is no open membership with that id. */
  async end(id: string, endDate: string) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, endDate: null },
      { $set: { endDate, updatedAt: new Date() }, $unset: { openKey: "" } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  async renameSchool(schoolId: string, schoolName: string): Promise<void> {
    await this.collection.updateMany({ schoolId }, { $set: { schoolName } });
  }
}
