import type { Document, Filter, IndexDescription } from "mongodb";
import { SecuredRepository, type Access, type RecordOwner, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
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

/** A network's awards in one currency: summed exactly in hundredths, then shown in units. */
export interface NetworkFundingTotal {
  networkId: string;
  currency: string;
  amount: number;
  awardCount: number;
}

const AWARD_ORDER: SortKeys = [["startDate", -1]];

function filterFor(args: FundingAwardsArgs): Filter<FundingAwardDocument> {
  const filter: Document = {};
  if (args.networkId) filter["owner.networkId"] = args.networkId;
  if (args.kind) filter.kind = args.kind;
  if (args.funder) filter.funder = args.funder;
  if (args.endingFrom || args.endingTo) {
    filter.endDate = { $ne: null, ...(args.endingFrom ? { $gte: args.endingFrom } : {}), ...(args.endingTo ? { $lte: args.endingTo } : {}) };
  }
  return filter as Filter<FundingAwardDocument>;
}

export class FundingAwardRepository extends SecuredRepository<FundingAwardDocument> {
  readonly policy = fundingAwardPolicy;
  readonly collectionName = "funding_awards";
  readonly indexes: IndexDescription[] = [{ key: { "owner.networkId": 1, startDate: -1 } }, { key: { funder: 1, startDate: -1 } }, { key: { startDate: -1 } }, { key: { endDate: 1 } }];

  /** Funding awards `access` may read, by the filters asked for. */
  list(access: Access, args: FundingAwardsArgs) {
    return this.pageReadable(access, filterFor(args), AWARD_ORDER, args);
  }

  /** One page per network of its awards that `access` may read and that match `args` (the filters of `fundingAwards`). */
  pagesForNetworks(access: Access, networkIds: readonly string[], args: FundingAwardsArgs) {
    return this.pagesByGroupReadable(access, "owner.networkId", networkIds, filterFor(args), AWARD_ORDER, args);
  }

  /** The awards of each network that `access` may read, summed per currency, in one aggregate. */
  async totalsByNetworkIds(access: Access, networkIds: readonly string[]): Promise<NetworkFundingTotal[]> {
    const rows = await this.collection
      .aggregate<{ _id: { networkId: string; currency: string }; minor: number; count: number }>([
        { $match: this.readable(access, { "owner.networkId": { $in: [...networkIds] } }) },
        { $group: { _id: { networkId: "$owner.networkId", currency: "$currency" }, minor: { $sum: "$amountMinor" }, count: { $sum: 1 } } },
      ])
      .toArray();
    return rows
      .map((row) => ({ networkId: row._id.networkId, currency: row._id.currency, amount: row.minor / 100, awardCount: row.count }))
      .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
  }
}
