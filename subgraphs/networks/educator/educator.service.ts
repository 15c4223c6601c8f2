import { BadUserInputError, ForbiddenError, requireFound, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { CreateEducatorInput, UpdateEducatorInput } from "./educator.inputs";

/** Educators are kept by their school's staff and coordinators (or, for coordinators, their network's managers). */
export class EducatorService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async create(access: Access, input: CreateEducatorInput) {
    this.authorization.assertCanWrite(access);
    // an educator of neither would be kept by nobody, so changeable by everybody
    if (!input.schoolId && !input.networkId) throw new BadUserInputError("An educator belongs to a school or, for a network's coordinator, a network", "input.schoolId");
    if (input.schoolId && !(await this.repos.schools.findById(input.schoolId))) {
      throw new BadUserInputError(`No school has id ${input.schoolId}`, "input.schoolId");
    }
    if (input.networkId && !(await this.repos.networks.findById(input.networkId))) {
      throw new BadUserInputError(`No network has id ${input.networkId}`, "input.networkId");
    }
    await this.assertKeeper(access, input);
    return this.repos.educators.create(input);
  }

  async update(access: Access, id: string, input: UpdateEducatorInput) {
    await this.assertKeeper(access, requireFound(await this.repos.educators.findById(id), "Educator", id));
    return requireFound(await this.repos.educators.update(id, input), "Educator", id);
  }

  private async assertKeeper(access: Access, educator: { schoolId?: string | null; networkId?: string | null }): Promise<void> {
    if (educator.schoolId) return this.authorization.assertCanEditSchool(access, educator.schoolId);
    if (educator.networkId) return this.authorization.assertManagesNetwork(access, educator.networkId);
    this.authorization.assertCanWrite(access);
    throw new ForbiddenError("This educator belongs to no school or network: nobody may change it");
  }
}
