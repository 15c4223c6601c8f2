import type { Filter, IndexDescription } from "mongodb";
import { Repository, toEntity, type StoredDocument } from "../../kit";
import { READ_ALL } from "../reads";
import type { FundingKind } from "../enums";
import type { FundingAwardsArgs } from "./funding.inputs";

export interface FundingAwardDocument extends StoredDocument {
  networkId: string;
  funder: string;
  funderOrganizationId?: string | null;
  kind: FundingKind;
  /** Hundredths of the currency unit: integers add up exactly. */
  amountMinor: number;
  currency: string;
  startDate: string;
  endDate?: string | null;
  purpose?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toMinorUnits(amount: number): number {
  return Math.round(amount * 100);
}

export class FundingAwardRepository extends Repository<FundingAwardDocument> {
  readonly collectionName = "funding_awards";
  readonly indexes: IndexDescription[] = [{ key: { networkId: 1, startDate: -1 } }, { key: { funder: 1, startDate: -1 } }, { key: { startDate: -1 } }];

  /** The one place where funding award filters are built (access control goes here). */
  list(args: FundingAwardsArgs) {
    const filter: Filter<FundingAwardDocument> = {};
    if (args.networkId) filter.networkId = args.networkId;
    if (args.kind) filter.kind = args.kind;
    if (args.funder) filter.funder = args.funder;
    return this.page(filter, [["startDate", -1]], args);
  }

  /** Awards of these networks, newest first. */
  async findByNetworkIds(networkIds: readonly string[]) {
    const docs = await this.collection.find({ networkId: { $in: [...networkIds] } }, READ_ALL).sort({ startDate: -1, _id: 1 }).toArray();
    return docs.map(toEntity);
  }
}
