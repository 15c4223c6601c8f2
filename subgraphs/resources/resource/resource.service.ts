import type { Filter } from "mongodb";
import { assertCanWrite, BadUserInputError, ConflictError, ForbiddenError, NotFoundError, readsAsOwner, Visibility, type Access } from "../../kit";
import { creditsAfter, creditsOf, NO_CREDITS } from "../joint-practice/credits";
import { assertMayPublish, resourcePolicy, type Sharing } from "../policies";
import type { ResourcesRepositories } from "../repositories";
import type { PublishResourceInput, UpdateResourceInput } from "./resource.inputs";
import { normalizeTerms, type ResourceDocument, type ResourceFields } from "./resource.repository";

const WIDTH: Record<Visibility, number> = { [Visibility.PRIVATE]: 0, [Visibility.NETWORK]: 1, [Visibility.ALLIANCE]: 2, [Visibility.PUBLIC]: 3 };

/**
 * Resource rules: a role on the owner to publish or change (policies.ts), grades in order, co-developers
 * credited with their consent (joint-practice/credits.ts), the owning network among its networks, an
 * adaptation linked at publication to an active original the publisher may see. Adoptions carry a copy of
 * the resource's owner and visibility; this service keeps it in step.
 */
export class ResourceService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async publish(access: Access, input: PublishResourceInput) {
    const owner = { networkId: input.networkId, schoolId: input.schoolId ?? null };
    assertMayPublish(access, owner);
    const lowestGrade = input.lowestGrade ?? -1;
    const highestGrade = input.highestGrade ?? 12;
    assertGradeOrder(lowestGrade, highestGrade, "input.highestGrade");
    const credits = creditsAfter(access, owner, NO_CREDITS, { schoolIds: input.coDeveloperSchoolIds, networkIds: input.coDeveloperNetworkIds }, "input");
    // the original is read with the caller's access: one they may not see is answered as unknown
    const original = input.adaptedFromId ? await this.requireActive(access, input.adaptedFromId, "input.adaptedFromId") : null;
    return this.repos.resources.create({
      title: input.title.trim(),
      summary: input.summary ?? null,
      kind: input.kind,
      owner,
      ...credits,
      adaptedFromId: original?.id ?? null,
      adaptedFromOwner: original ? { networkId: original.owner.networkId, schoolId: original.owner.schoolId ?? null } : null,
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
      networkIds: input.networkIds ? networksOf(resource.owner, input.networkIds) : undefined,
      subjects: input.subjects ? normalizeTerms(input.subjects) : undefined,
      tags: input.tags ? normalizeTerms(input.tags) : undefined,
    };
    const renamingCredits = input.coDeveloperSchoolIds != null || input.coDeveloperNetworkIds != null;
    const credits = creditsOf(resource);
    if (renamingCredits) {
      Object.assign(changes, creditsAfter(access, resource.owner, credits, { schoolIds: input.coDeveloperSchoolIds, networkIds: input.coDeveloperNetworkIds }, "input"));
    }
    const visibility = input.visibility ?? resource.visibility;
    // the copies on adoptions are never wider than the resource: narrow them first, widen them after
    const narrowing = WIDTH[visibility] < WIDTH[resource.visibility];
    if (narrowing) await this.repos.adoptions.inherit("resourceId", id, resourcePolicy.inheritedFrom({ ...resource, visibility }));
    // credits are decided on the ones read: a credited party that answered meanwhile is not overruled
    const updated = await this.repos.resources.update(id, changes, renamingCredits ? sameCredits(credits) : {});
    const current = !updated && renamingCredits ? await this.repos.resources.findById(id) : null;
    if (current) {
      if (narrowing) await this.repos.adoptions.inherit("resourceId", id, resourcePolicy.inheritedFrom(current));
      throw new ConflictError(`A co-developer of resource ${id} answered meanwhile: read its credits again and retry`);
    }
    if (!updated) throw new NotFoundError("Resource", id);
    if (updated.visibility !== resource.visibility && !narrowing) await this.repos.adoptions.inherit("resourceId", id, resourcePolicy.inheritedFrom(updated));
    return updated;
  }

  /**
   * Ends an adaptation's link to its original, for either side: the adapter (who may change the adaptation)
   * withdraws its consent to the original's owner reading it, or the original's owner declines the association.
   * The original's owner stops reading it (adoptions' copies first, the resource after); its own adaptations keep
   * their link to it. A link never comes back, so lineages still cannot loop.
   */
  async unlinkAdaptation(access: Access, id: string) {
    assertCanWrite(access);
    const resource = await this.repos.resources.findById(id);
    if (!resource || !resourcePolicy.canRead(access, resource)) throw new NotFoundError("Resource", id);
    if (!resourcePolicy.canWrite(access, resource) && !readsAsOwner(access, resource.adaptedFromOwner)) {
      throw new ForbiddenError("Only the adaptation's owner, or its original's owner, may unlink it");
    }
    if (!resource.adaptedFromId) throw new ConflictError(`Resource ${id} is not linked to an original`);
    const unlinked = { ...resource, adaptedFromId: null, adaptedFromOwner: null };
    await this.repos.adoptions.inherit("resourceId", id, resourcePolicy.inheritedFrom(unlinked));
    const updated = await this.repos.resources.update(id, { adaptedFromId: null, adaptedFromOwner: null }, { adaptedFromId: resource.adaptedFromId });
    if (updated) return updated;
    throw new ConflictError(`Resource ${id} was unlinked meanwhile`);
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

/** A filter matching the resource while its credits are still `credits` (stored before networks could be credited: none). */
function sameCredits(credits: ReturnType<typeof creditsOf>): Filter<ResourceDocument> {
  const stillIs = (field: string, ids: string[]) => (ids.length === 0 ? { $or: [{ [field]: { $size: 0 } }, { [field]: { $exists: false } }] } : { [field]: ids });
  return { $and: Object.entries(credits).map(([field, ids]) => stillIs(field, ids)) } as Filter<ResourceDocument>;
}

function networksOf(owner: ResourceFields["owner"], networkIds: readonly string[]): string[] {
  return [...new Set([owner.networkId, ...networkIds])];
}
