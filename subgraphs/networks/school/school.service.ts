import { BadUserInputError, ConflictError, isDuplicateKeyError, NotFoundError, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { CreateSchoolInput, UpdateSchoolInput } from "./school.inputs";

/** School rules: grades in order, NCES ids unique, names kept in step where copied. */
export class SchoolService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async create(access: Access, input: CreateSchoolInput) {
    this.authorization.assertCanWrite(access);
    assertGradeOrder(input.lowestGrade, input.highestGrade);
    return this.withUniqueNcesId(input.ncesId, () => this.repos.schools.create(input, access.organizationId));
  }

  async update(access: Access, id: string, input: UpdateSchoolInput) {
    const school = await this.repos.schools.findById(id);
    if (!school) throw new NotFoundError("School", id);
    await this.authorization.assertCanEditSchool(access, id);
    assertGradeOrder(input.lowestGrade ?? school.lowestGrade, input.highestGrade ?? school.highestGrade);
    const updated = await this.withUniqueNcesId(input.ncesId, () => this.repos.schools.update(id, input));
    if (!updated) throw new NotFoundError("School", id);
    if (input.name && input.name !== school.name) await this.repos.memberships.renameSchool(id, input.name);
    return updated;
  }

  async archive(access: Access, id: string) {
    if (!(await this.repos.schools.findById(id))) throw new NotFoundError("School", id);
    await this.authorization.assertCanEditSchool(access, id);
    return (await this.repos.schools.update(id, { archivedAt: new Date() }))!;
  }

  private async withUniqueNcesId<T>(ncesId: string | null | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`Another school already has NCES id ${ncesId}`);
      throw error;
    }
  }
}

function assertGradeOrder(lowest: number | null, highest: number | null): void {
  if (lowest !== null && highest !== null && highest < lowest) {
    throw new BadUserInputError(`highestGrade (${highest}) is below lowestGrade (${lowest})`, "input.highestGrade");
  }
}
