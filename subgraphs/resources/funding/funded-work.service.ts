import { BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, type Access } from "../../kit";
import type { ResourcesRepositories } from "../repositories";
import { FundedWorkKind } from "./funded-work.enums";
import type { LinkFundedWorkInput } from "./funded-work.inputs";
import { fundedWorkKey } from "./funded-work.repository";

/**
 * Links from an award to the work it pays for: made and removed by the award's writers. A resource or agreement
 * must be one the writer may see (otherwise it is unknown to them); events and mentorships belong to the
 * development subgraph and are stored by id, to be resolved there under its policy for each reader.
 */
export class FundedWorkService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async link(access: Access, input: LinkFundedWorkInput) {
    const award = await this.repos.fundingAwards.requireChangeable(access, input.awardId);
    await this.assertKnownTarget(access, input.targetKind, input.targetId);
    const now = new Date();
    try {
      return await this.repos.fundedWork.insert({
        _id: newId(),
        awardId: award.id,
        owner: { networkId: award.owner.networkId, schoolId: null },
        visibility: award.visibility,
        targetKind: input.targetKind,
        targetId: input.targetId,
        note: input.note ?? null,
        linkKey: fundedWorkKey(award.id, input.targetKind, input.targetId),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`Award ${award.id} already pays for ${input.targetKind} ${input.targetId}`);
      throw error;
    }
  }

  async unlink(access: Access, id: string) {
    const link = await this.repos.fundedWork.requireChangeable(access, id);
    if (!(await this.repos.fundedWork.delete(id))) throw new NotFoundError("FundedWork", id);
    return link;
  }

  private async assertKnownTarget(access: Access, kind: FundedWorkKind, id: string): Promise<void> {
    const repository = kind === FundedWorkKind.RESOURCE ? this.repos.resources : kind === FundedWorkKind.AGREEMENT ? this.repos.agreements : null;
    if (repository && !(await repository.findReadableById(access, id))) {
      throw new BadUserInputError(`No ${kind.toLowerCase()} ${id} that you may see`, "input.targetId");
    }
  }
}
