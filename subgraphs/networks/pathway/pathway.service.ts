import { BadUserInputError, ForbiddenError, newId, NotFoundError, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { CreatePathwayInput, PathwayTransitionInput } from "./pathway.inputs";

/**
 * Pathway rules: existing, distinct schools; transitions only between consecutive stages. A network's
 * managers keep its pathways, of schools that accepted a membership in it (a network cannot put another
 * organization's school on its pathway by naming it); without a network, the keepers of every school on it.
 */
export class PathwayService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async create(access: Access, input: CreatePathwayInput) {
    this.authorization.assertCanWrite(access);
    const schoolIds = input.stages.map((stage) => stage.schoolId);
    if (new Set(schoolIds).size !== schoolIds.length) throw new BadUserInputError("A school appears twice on the pathway", "input.stages");
    const found = new Set((await this.repos.schools.findByIds(schoolIds)).map((school) => school.id));
    const missing = schoolIds.findIndex((id) => !found.has(id));
    if (missing >= 0) throw new BadUserInputError(`No school has id ${schoolIds[missing]}`, `input.stages.${missing}.schoolId`);
    if (input.networkId && !(await this.repos.networks.findById(input.networkId))) {
      throw new BadUserInputError(`No network has id ${input.networkId}`, "input.networkId");
    }
    await this.assertKeeper(access, input.networkId, schoolIds);
    const now = new Date();
    return this.repos.pathways.insert({
      _id: newId(),
      name: input.name,
      description: input.description,
      networkId: input.networkId,
      stages: input.stages.map((stage, order) => ({ order, schoolId: stage.schoolId, grades: stage.grades ?? null })),
      transitions: [],
      createdAt: now,
      updatedAt: now,
    });
  }

  async recordTransition(access: Access, pathwayId: string, input: PathwayTransitionInput) {
    const pathway = await this.repos.pathways.findById(pathwayId);
    if (!pathway) throw new NotFoundError("Pathway", pathwayId);
    await this.assertKeeper(access, pathway.networkId, pathway.stages.map((stage) => stage.schoolId));
    const from = pathway.stages.find((stage) => stage.schoolId === input.fromSchoolId);
    const to = pathway.stages.find((stage) => stage.schoolId === input.toSchoolId);
    if (!from || !to || to.order !== from.order + 1) {
      throw new BadUserInputError("Transitions go from one stage of the pathway to the next", "input.toSchoolId");
    }
    if (input.onTimeCount != null && input.onTimeCount > input.studentCount) {
      throw new BadUserInputError("onTimeCount cannot exceed studentCount", "input.onTimeCount");
    }
    const updated = await this.repos.pathways.recordTransition(pathwayId, { ...input, onTimeCount: input.onTimeCount ?? null });
    if (!updated) throw new NotFoundError("Pathway", pathwayId);
    return updated;
  }

  private async assertKeeper(access: Access, networkId: string | null | undefined, schoolIds: string[]): Promise<void> {
    if (!networkId) {
      for (const schoolId of schoolIds) await this.authorization.assertCanEditSchool(access, schoolId);
      return;
    }
    this.authorization.assertManagesNetwork(access, networkId);
    const members = new Set((await this.repos.memberships.findAcceptedBySchoolIds(schoolIds)).filter((m) => m.networkId === networkId).map((m) => m.schoolId));
    const outsider = schoolIds.find((id) => !members.has(id));
    if (outsider) throw new ForbiddenError(`School ${outsider} is not an accepted member of the network: only its member schools go on its pathways`);
  }
}
