import { BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import { assertStaffOf, shareRequestSharing } from "../policies";
import { ShareRequestStatus } from "../enums";
import type { ResourcesRepositories } from "../repositories";
import { isDeveloper, type ResourceService } from "../resource/resource.service";
import type { RequestResourceInput } from "./share-request.inputs";
import { openShareRequestKey, SHARE_REQUEST_TRANSITIONS } from "./share-request.repository";

/**
 * Share request rules: asked by the requesting school's staff for an active resource they may see and did not
 * develop, one open request per pair; read by the requester and the resource's owner only; decided by those who
 * may write the resource; legal moves only.
 */
export class ShareRequestService {
  constructor(
    private readonly repos: ResourcesRepositories,
    private readonly resources: ResourceService,
  ) {}

  async request(access: Access, input: RequestResourceInput) {
    assertStaffOf(access, input.schoolId, "ask for resources");
    const resource = await this.resources.requireActive(access, input.resourceId, "input.resourceId");
    if (isDeveloper(resource, input.schoolId)) {
      throw new BadUserInputError(`School ${input.schoolId} developed "${resource.title}": it need not ask for it`, "input.schoolId");
    }
    const now = new Date();
    try {
      return await this.repos.shareRequests.insert({
        _id: newId(),
        resourceId: resource.id,
        requesterSchoolId: input.schoolId,
        ...shareRequestSharing(resource),
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

  /**
   * Applies a legal move atomically, for those who may write the resource (its owner never changes, so the
   * check stays true for the update); an impossible move is a CONFLICT that changes nothing.
   */
  async transition(access: Access, id: string, to: ShareRequestStatus, note: string | null) {
    await this.repos.shareRequests.requireChangeable(access, id);
    if (note != null && (note.length < 1 || note.length > 4000)) throw new BadUserInputError("note must be 1 to 4000 characters", "note");
    const moved = await this.repos.shareRequests.transition(id, to, note);
    if (moved) return moved;
    const current = await this.repos.shareRequests.findById(id);
    if (!current) throw new NotFoundError("ShareRequest", id);
    const from = SHARE_REQUEST_TRANSITIONS[to];
    throw new ConflictError(`Share request ${id} is ${current.status}: only a ${from} request can become ${to}`);
  }
}
