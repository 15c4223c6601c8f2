import { BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today } from "../../kit";
import type { ResourcesRepositories } from "../repositories";
import { isDeveloper, type ResourceService } from "../resource/resource.service";
import type { AdoptResourceInput } from "./adoption.inputs";

/** Adoption rules: an active resource, adopted by a school that did not develop it, once per school. */
export class AdoptionService {
  constructor(
    private readonly repos: ResourcesRepositories,
    private readonly resources: ResourceService,
  ) {}

  async adopt(input: AdoptResourceInput) {
    const resource = await this.resources.requireActive(input.resourceId, "input.resourceId");
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
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`School ${input.schoolId} has already adopted "${resource.title}"`);
      throw error;
    }
  }

  async updateNote(id: string, adaptationNote: string | null) {
    if (adaptationNote != null && (adaptationNote.length < 1 || adaptationNote.length > 4000)) {
      throw new BadUserInputError("adaptationNote must be 1 to 4000 characters", "adaptationNote");
    }
    const updated = await this.repos.adoptions.update(id, { adaptationNote });
    if (!updated) throw new NotFoundError("ResourceAdoption", id);
    return updated;
  }
}
