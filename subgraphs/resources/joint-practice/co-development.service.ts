import { assertCanWrite, ConflictError, ForbiddenError, NotFoundError, type Access } from "../../kit";
import { ResourceOwnerKind } from "../enums";
import type { ResourcesRepositories } from "../repositories";
import { CREDIT_FIELDS } from "../resource/resource.repository";
import { creditsOf, speaksFor } from "./credits";
import type { CoDeveloperInput } from "./co-development.inputs";

/**
 * A credited school or network answers for its own credit (credits.ts): it accepts a proposal, or declines
 * one or withdraws an accepted credit. Only its staff (a school) or coordinators and admins (a network) answer,
 * and only on a resource they may see; each answer is one conditional update, so of two answers one applies.
 */
export class CoDevelopmentService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async accept(access: Access, resourceId: string, coDeveloper: CoDeveloperInput) {
    const resource = await this.requireCredited(access, resourceId, coDeveloper);
    const credits = creditsOf(resource) as Record<string, string[]>;
    if (credits[CREDIT_FIELDS[coDeveloper.kind].accepted].includes(coDeveloper.id)) {
      throw new ConflictError(`${label(coDeveloper)} has already accepted its credit on "${resource.title}"`);
    }
    const accepted = await this.repos.resources.acceptCredit(resourceId, coDeveloper.kind, coDeveloper.id);
    if (!accepted) throw new ConflictError(`${label(coDeveloper)} has no proposed credit on "${resource.title}" to accept`);
    return accepted;
  }

  async decline(access: Access, resourceId: string, coDeveloper: CoDeveloperInput) {
    const resource = await this.requireCredited(access, resourceId, coDeveloper);
    const removed = await this.repos.resources.removeCredit(resourceId, coDeveloper.kind, coDeveloper.id);
    if (!removed) throw new ConflictError(`${label(coDeveloper)} has no credit on "${resource.title}" to decline`);
    return removed;
  }

  /** FORBIDDEN unless the caller answers for the co-developer; NOT_FOUND for a resource they may not see. */
  private async requireCredited(access: Access, resourceId: string, coDeveloper: CoDeveloperInput) {
    assertCanWrite(access);
    if (!speaksFor(access, coDeveloper.kind, coDeveloper.id)) {
      const who = coDeveloper.kind === ResourceOwnerKind.SCHOOL ? "the school's staff" : "the network's coordinators and admins";
      throw new ForbiddenError(`Only ${who} answer for its co-development credits`);
    }
    const resource = await this.repos.resources.findReadableById(access, resourceId);
    if (!resource) throw new NotFoundError("Resource", resourceId);
    return resource;
  }
}

function label(coDeveloper: CoDeveloperInput): string {
  return `${coDeveloper.kind === ResourceOwnerKind.SCHOOL ? "School" : "Network"} ${coDeveloper.id}`;
}
