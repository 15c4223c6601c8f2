import { BadUserInputError, ConflictError, NotFoundError } from "../../kit";
import { ResourceOwnerKind } from "../enums";
import type { ResourcesRepositories } from "../repositories";
import type { PublishResourceInput, UpdateResourceInput } from "./resource.inputs";
import { normalizeTerms, type ResourceDocument, type ResourceOwnerRef } from "./resource.repository";

/** Resource rules: grades in order, distinct co-developers other than the owner, a network owner among its networks. */
export class ResourceService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async publish(input: PublishResourceInput) {
    const owner: ResourceOwnerRef = { kind: input.owner.kind, id: input.owner.id };
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

  async update(id: string, input: UpdateResourceInput) {
    const resource = await this.repos.resources.findById(id);
    if (!resource) throw new NotFoundError("Resource", id);
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
    const updated = await this.repos.resources.update(id, changes);
    if (!updated) throw new NotFoundError("Resource", id);
    return updated;
  }

  async archive(id: string) {
    const archived = await this.repos.resources.archive(id);
    if (archived) return archived;
    const resource = await this.repos.resources.findById(id);
    if (!resource) throw new NotFoundError("Resource", id);
    throw new ConflictError(`Resource ${id} was already archived`);
  }

  /** An active resource for an adoption or a share request; `field` names the input that points at it. */
  async requireActive(id: string, field: string) {
    const resource = await this.repos.resources.findById(id);
    if (!resource) throw new BadUserInputError(`No resource has id ${id}`, field);
    if (resource.archivedAt) throw new BadUserInputError(`Resource ${id} is archived`, field);
    return resource;
  }
}

/** True when the school owns the resource or developed it with the owner. */
export function isDeveloper(resource: { owner: ResourceOwnerRef; coDeveloperSchoolIds: string[] }, schoolId: string): boolean {
  return (resource.owner.kind === ResourceOwnerKind.SCHOOL && resource.owner.id === schoolId) || resource.coDeveloperSchoolIds.includes(schoolId);
}

function assertGradeOrder(lowest: number, highest: number, field: string): void {
  if (highest < lowest) throw new BadUserInputError(`highestGrade (${highest}) is below lowestGrade (${lowest})`, field);
}

function coDevelopers(owner: ResourceOwnerRef, schoolIds: readonly string[], field: string): string[] {
  if (new Set(schoolIds).size !== schoolIds.length) throw new BadUserInputError("A co-developing school appears twice", field);
  if (owner.kind === ResourceOwnerKind.SCHOOL && schoolIds.includes(owner.id)) {
    throw new BadUserInputError("The owning school is not also a co-developer", field);
  }
  return [...schoolIds];
}

function networksOf(owner: ResourceOwnerRef, networkIds: readonly string[]): string[] {
  const ids = new Set(networkIds);
  if (owner.kind === ResourceOwnerKind.NETWORK) ids.add(owner.id);
  return [...ids];
}
