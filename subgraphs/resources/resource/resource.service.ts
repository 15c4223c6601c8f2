import { BadUserInputError, ConflictError, NotFoundError, Visibility, type Access } from "../../kit";
import { assertMayPublish, resourcePolicy, type Sharing } from "../policies";
import type { ResourcesRepositories } from "../repositories";
import type { PublishResourceInput, UpdateResourceInput } from "./resource.inputs";
import { normalizeTerms, type ResourceDocument, type ResourceFields } from "./resource.repository";

const WIDTH: Record<Visibility, number> = { [Visibility.PRIVATE]: 0, [Visibility.NETWORK]: 1, [Visibility.ALLIANCE]: 2, [Visibility.PUBLIC]: 3 };

/**
 * Resource rules: a role on the owner to publish or change (policies.ts), grades in order, distinct
 * co-developers other than the owning school, the owning network among its networks. Adoptions carry a copy
 * of the resource's owner and visibility; this service keeps it in step.
 */
export class ResourceService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async publish(access: Access, input: PublishResourceInput) {
    const owner = { networkId: input.networkId, schoolId: input.schoolId ?? null };
    assertMayPublish(access, owner);
    const lowestGrade = input.lowestGrade ?? -1;
    const highestGrade = input.highestGrade ?? 12;
    assertGradeOrder(lowestGrade, highestGrade, "input.highestGrade");
    return this.repos.resources.create({
      title: input.title.trim(),
      summary: input.summary ?? null,
      kind: input.kind,
      owner,
      coDeveloperSchoolIds: coDevelopers(owner, input.coDeveloperSchoolIds, "input.coDeveloperSchoolIds"),
      networkIds: networksOf(owner, input.networkIds),
      subjects: normalizeTerms(input.subjects),
      lowestGrade,
      highestGrade,
      tags: normalizeTerms(input.tags),
      license: input.license ?? null,
      url: input.url ?? null,
      visibility: input.visibility,
    });
  }

  async update(access: Access, id: string, input: UpdateResourceInput) {
    const resource = await this.repos.resources.requireChangeable(access, id);
    assertGradeOrder(input.lowestGrade ?? resource.lowestGrade, input.highestGrade ?? resource.highestGrade, "input.highestGrade");
    // null clears optional fields (summary, license, url); the others ignore it and keep their value
    const changes: Partial<ResourceDocument> = {
      title: input.title?.trim() ?? undefined,
      summary: input.summary,
      kind: input.kind ?? undefined,
      lowestGrade: input.lowestGrade ?? undefined,
      highestGrade: input.highestGrade ?? undefined,
      license: input.license,
      url: input.url,
      visibility: input.visibility ?? undefined,
      coDeveloperSchoolIds: input.coDeveloperSchoolIds ? coDevelopers(resource.owner, input.coDeveloperSchoolIds, "input.coDeveloperSchoolIds") : undefined,
      networkIds: input.networkIds ? networksOf(resource.owner, input.networkIds) : undefined,
      subjects: input.subjects ? normalizeTerms(input.subjects) : undefined,
      tags: input.tags ? normalizeTerms(input.tags) : undefined,
    };
    const visibility = input.visibility ?? resource.visibility;
    // the copies on adoptions are never wider than the resource: narrow them first, widen them after
    const narrowing = WIDTH[visibility] < WIDTH[resource.visibility];
    if (narrowing) await this.repos.adoptions.inherit("resourceId", id, resourcePolicy.inheritedFrom({ ...resource, visibility }));
    const updated = await this.repos.resources.update(id, changes);
    if (!updated) throw new NotFoundError("Resource", id);
    if (updated.visibility !== resource.visibility && !narrowing) await this.repos.adoptions.inherit("resourceId", id, resourcePolicy.inheritedFrom(updated));
    return updated;
  }

  async archive(access: Access, id: string) {
    await this.repos.resources.requireChangeable(access, id);
    const archived = await this.repos.resources.archive(id);
    if (archived) return archived;
    throw new ConflictError(`Resource ${id} was already archived`);
  }

  /**
   * An active resource the caller may read, for an adoption or a share request; `field` names the input that
   * points at it. One the caller may not read is answered like an unknown one.
   */
  async requireActive(access: Access, id: string, field: string) {
    const [resource] = await this.repos.resources.findReadableByIds(access, [id]);
    if (!resource) throw new BadUserInputError(`No resource has id ${id}`, field);
    if (resource.archivedAt) throw new BadUserInputError(`Resource ${id} is archived`, field);
    return resource;
  }

}

/** The copy of a resource's owner and visibility that its adoptions carry. */
export function sharingOf(resource: Sharing): Sharing {
  return resourcePolicy.inheritedFrom(resource) as Sharing;
}

/** True when the school owns the resource or developed it with the owner. */
export function isDeveloper(resource: Pick<ResourceFields, "owner" | "coDeveloperSchoolIds">, schoolId: string): boolean {
  return resource.owner.schoolId === schoolId || resource.coDeveloperSchoolIds.includes(schoolId);
}

function assertGradeOrder(lowest: number, highest: number, field: string): void {
  if (highest < lowest) throw new BadUserInputError(`highestGrade (${highest}) is below lowestGrade (${lowest})`, field);
}

function coDevelopers(owner: ResourceFields["owner"], schoolIds: readonly string[], field: string): string[] {
  if (new Set(schoolIds).size !== schoolIds.length) throw new BadUserInputError("A co-developing school appears twice", field);
  if (owner.schoolId && schoolIds.includes(owner.schoolId)) throw new BadUserInputError("The owning school is not also a co-developer", field);
  return [...schoolIds];
}

function networksOf(owner: ResourceFields["owner"], networkIds: readonly string[]): string[] {
  return [...new Set([owner.networkId, ...networkIds])];
}
