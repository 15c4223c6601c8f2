import { BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today } from "../../kit";
import { ShareRequestStatus } from "../enums";
import type { ResourcesRepositories } from "../repositories";
import { ownerKey } from "../resource/resource.repository";
import { isDeveloper, type ResourceService } from "../resource/resource.service";
import type { RequestResourceInput } from "./share-request.inputs";
import { openShareRequestKey, SHARE_REQUEST_TRANSITIONS } from "./share-request.repository";

/** Share request rules: an active resource, asked for by a school that did not develop it, one open request per pair, legal moves only. */
export class ShareRequestService {
  constructor(
    private readonly repos: ResourcesRepositories,
    private readonly resources: ResourceService,
  ) {}

  async request(input: RequestResourceInput) {
    const resource = await this.resources.requireActive(input.resourceId, "input.resourceId");
    if (isDeveloper(resource, input.schoolId)) {
      throw new BadUserInputError(`School ${input.schoolId} developed "${resource.title}": it need not ask for it`, "input.schoolId");
    }
    const now = new Date();
    try {
      return await this.repos.shareRequests.insert({
        _id: newId(),
        resourceId: resource.id,
        requesterSchoolId: input.schoolId,
        resourceOwner: resource.owner,
        resourceOwnerKey: ownerKey(resource.owner),
        message: input.message ?? null,
        status: ShareRequestStatus.REQUESTED,
        requestedOn: today(),
        history: [{ status: ShareRequestStatus.REQUESTED, at: now, note: input.message ?? null }],
        openKey: openShareRequestKey(resource.id, input.schoolId),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(`School ${input.schoolId} already has an open request for "${resource.title}"`);
      }
      throw error;
    }
  }

  /** Applies a legal move atomically; an impossible one is a CONFLICT that changes nothing. */
  async transition(id: string, to: ShareRequestStatus, note: string | null) {
    if (note != null && (note.length < 1 || note.length > 4000)) throw new BadUserInputError("note must be 1 to 4000 characters", "note");
    const moved = await this.repos.shareRequests.transition(id, to, note);
    if (moved) return moved;
    const request = await this.repos.shareRequests.findById(id);
    if (!request) throw new NotFoundError("ShareRequest", id);
    const from = SHARE_REQUEST_TRANSITIONS[to];
    throw new ConflictError(`Share request ${id} is ${request.status}: only a ${from} request can become ${to}`);
  }
}
