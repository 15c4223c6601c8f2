import { assertDateOrder, newId, NotFoundError, type Access } from "../../kit";
import { fundingAwardPolicy } from "../policies";
import type { ResourcesRepositories } from "../repositories";
import type { RecordFundingAwardInput, UpdateFundingAwardInput } from "./funding.inputs";
import { toMinorUnits, type FundingAwardDocument } from "./funding.repository";

/** Funding rules: recorded and changed by the network's managers; a positive amount to the cent in an ISO currency, a period in order. */
export class FundingService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async record(access: Access, input: RecordFundingAwardInput) {
    fundingAwardPolicy.assertMayCreate(access, { owner: { networkId: input.networkId, schoolId: null }, visibility: input.visibility });
    assertDateOrder(input.startDate, input.endDate, "input.endDate");
    const now = new Date();
    return this.repos.fundingAwards.insert({
      _id: newId(),
      owner: { networkId: input.networkId, schoolId: null },
      visibility: input.visibility,
      funder: input.funder.trim(),
      funderOrganizationId: input.funderOrganizationId ?? null,
      kind: input.kind,
      amountMinor: toMinorUnits(input.amount),
      currency: input.currency,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      purpose: input.purpose ?? null,
      createdAt: now,
      updatedAt: now,
    });
  }

  async update(access: Access, id: string, input: UpdateFundingAwardInput) {
    const award = await this.repos.fundingAwards.requireChangeable(access, id);
    const endDate = input.endDate === undefined ? award.endDate : input.endDate;
    assertDateOrder(input.startDate ?? award.startDate, endDate, "input.endDate");
    const changes: Partial<FundingAwardDocument> = {
      funder: input.funder?.trim() ?? undefined,
      funderOrganizationId: input.funderOrganizationId,
      kind: input.kind ?? undefined,
      amountMinor: input.amount != null ? toMinorUnits(input.amount) : undefined,
      currency: input.currency ?? undefined,
      startDate: input.startDate ?? undefined,
      endDate: input.endDate,
      purpose: input.purpose,
      visibility: input.visibility ?? undefined,
    };
    const updated = await this.repos.fundingAwards.update(id, changes);
    if (!updated) throw new NotFoundError("FundingAward", id);
    await this.repos.fundedWork.inherit("awardId", id, fundingAwardPolicy.inheritedFrom(updated));
    return updated;
  }
}
