import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, type Access, type RecordOwner, type StoredDocument, type Visibility } from "../../kit";
import { fundingAwardPolicy } from "../policies";
import type { FundingKind } from "../enums";
import type { FundingAwardsArgs } from "./funding.inputs";

export interface FundingAwardDocument extends StoredDocument {
  /** The network it was secured through, which owns the record (never a school). */
  owner: RecordOwner & { schoolId: null };
  /** Who may see it (NETWORK unless the network's managers chose otherwise); alliances when they share RESOURCES. */
  visibility: Visibility;
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

export class FundingAwardRepository extends SecuredRepository<FundingAwardDocument> {
  readonly policy = fundingAwardPolicy;
  readonly collectionName = "funding_awards";
  readonly indexes: IndexDescription[] = [{ key: { "owner.networkId": 1, startDate: -1 } }, { key: { funder: 1, startDate: -1 } }, { key: { startDate: -1 } }];

  /** Funding awards `access` may read, by the filters asked for. */
  list(access: Access, args: FundingAwardsArgs) {
    const filter: Document = {};
    if (args.networkId) filter["owner.networkId"] = args.networkId;
    if (args.kind) filter.kind = args.kind;
    if (args.funder) filter.funder = args.funder;
    return this.pageReadable(access, filter as Filter<FundingAwardDocument>, [["startDate", -1]], args);
  }

  /** Awards of these networks that `access` may read, newest first. */
  findByNetworkIds(access: Access, networkIds: readonly string[]) {
    return this.findReadable(access, { "owner.networkId": { $in: [...networkIds] } }, { startDate: -1, _id: 1 });
  }
}
