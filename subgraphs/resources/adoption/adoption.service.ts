import { BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import { assertStaffOf } from "../policies";
import type { ResourcesRepositories } from "../repositories";
import { isDeveloper, sharingOf, type ResourceService } from "../resource/resource.service";
import type { AdoptResourceInput } from "./adoption.inputs";

/** Adoption rules: by the school's staff, of an active resource they may see and did not develop, once per school. */
export class AdoptionService {
  constructor(
    private readonly repos: ResourcesRepositories,
    private readonly resources: ResourceService,
  ) {}

  async adopt(access: Access, input: AdoptResourceInput) {
    assertStaffOf(access, input.schoolId, "adopt resources");
    const resource = await this.resources.requireActive(access, input.resourceId, "input.resourceId");
    if (isDeveloper(resource, input.schoolId)) {
      throw new BadUserInputError(`School ${input.schoolId} developed "${resource.title}": it cannot adopt it`, "input.schoolId");
    }
    const now = new Date();
    try {
      return await this.repos.adoptions.insert({
        _id: newId(),
        resourceId: resource.id,
        schoolId: input.schoolId,
        adaptationNote: input.adaptationNote ?? null,
        adoptedOn: input.adoptedOn ?? today(),
        ...sharingOf(resource),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`School ${input.schoolId} has already adopted "${resource.title}"`);
      throw error;
    }
  }

  /** The adopting school's staff rewrite its note; an adoption the caller may not see is NOT_FOUND. */
  async updateNote(access: Access, id: string, adaptationNote: string | null) {
    await this.repos.adoptions.requireChangeable(access, id);
    if (adaptationNote != null && (adaptationNote.length < 1 || adaptationNote.length > 4000)) {
      throw new BadUserInputError("adaptationNote must be 1 to 4000 characters", "adaptationNote");
    }
    const updated = await this.repos.adoptions.update(id, { adaptationNote });
    if (!updated) throw new NotFoundError("ResourceAdoption", id);
    return updated;
  }
}
