import type { Filter, IndexDescription } from "mongodb";
import { READ_ALL, Repository, toEntity, type StoredDocument } from "../../kit";
import type { AllianceScope, SharedDataKind } from "../enums";
import type { AlliancesArgs } from "./alliance.inputs";

export interface AllianceDocument extends StoredDocument {
  name: string;
  description?: string | null;
  scope: AllianceScope;
  formedOn: string;
  endedOn?: string | null;
  agreement: { sharedKinds: SharedDataKind[]; effectiveFrom: string; terms?: string | null };
  createdAt: Date;
  updatedAt: Date;
}

export class AllianceRepository extends Repository<AllianceDocument> {
  readonly collectionName = "alliances";
  readonly indexes: IndexDescription[] = [{ key: { name: 1 } }];

  list(args: AlliancesArgs) {
    const filter: Filter<AllianceDocument> = {};
    if (args.scope) filter.scope = args.scope;
    if (!args.includeEnded) filter.endedOn = null;
    return this.page(filter, [["name", 1]], args);
  }
}

export interface AllianceMemberDocument extends StoredDocument {
  allianceId: string;
  networkId: string;
  joinedOn: string;
  leftOn?: string | null;
  /** `allianceId:networkId` while the network is in the alliance (unique: no double joining). */
  openKey?: string;
}

export function allianceMemberKey(allianceId: string, networkId: string): string {
  return `${allianceId}:${networkId}`;
}

export class AllianceMemberRepository extends Repository<AllianceMemberDocument> {
  readonly collectionName = "alliance_members";
  readonly indexes: IndexDescription[] = [
    { key: { openKey: 1 }, unique: true, sparse: true, name: "one_open_alliance_membership" },
    { key: { allianceId: 1, joinedOn: 1 } },
    { key: { networkId: 1 } },
  ];

  async findByNetworkIds(networkIds: readonly string[]) {
    return (await this.collection.find({ networkId: { $in: [...networkIds] } }, READ_ALL).toArray()).map(toEntity);
  }

  async findOpenByNetworkIds(networkIds: readonly string[]) {
    return (await this.collection.find({ networkId: { $in: [...networkIds] }, leftOn: null }, READ_ALL).toArray()).map(toEntity);
  }

  async findOpenByAllianceIds(allianceIds: readonly string[]) {
    return (await this.collection.find({ allianceId: { $in: [...allianceIds] }, leftOn: null }, READ_ALL).toArray()).map(toEntity);
  }

  async findByAllianceIds(allianceIds: readonly string[]) {
    const docs = await this.collection.find({ allianceId: { $in: [...allianceIds] } }, READ_ALL).sort({ joinedOn: 1 }).toArray();
    return docs.map(toEntity);
  }

  async leave(allianceId: string, networkId: string, leftOn: string) {
    const doc = await this.collection.findOneAndUpdate(
      { openKey: allianceMemberKey(allianceId, networkId) },
      { $set: { leftOn, updatedAt: new Date() }, $unset: { openKey: "" } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
