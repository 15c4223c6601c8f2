import { assertDateOrder, BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { AddMembershipInput } from "./membership.inputs";
import { openKey } from "./membership.repository";

/**
 * Membership rules: the network's managers add schools; both ends exist and are active; one open
 * membership per pair; periods in order and apart. A school's staff may also end its membership.
 */
export class MembershipService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async add(access: Access, input: AddMembershipInput) {
    this.authorization.assertManagesNetwork(access, input.networkId);
    const [school, network] = await Promise.all([
      this.repos.schools.findById(input.schoolId),
      this.repos.networks.findById(input.networkId),
    ]);
    if (!school || school.archivedAt) throw new BadUserInputError(`No active school has id ${input.schoolId}`, "input.schoolId");
    if (!network || network.archivedAt) throw new BadUserInputError(`No active network has id ${input.networkId}`, "input.networkId");
    const startDate = input.startDate ?? today();
    for (const existing of await this.repos.memberships.findForPair(school.id, network.id)) {
      if (!existing.endDate) throw new ConflictError(`${school.name} is already a member of ${network.name}`);
      if (existing.endDate >= startDate) {
        throw new ConflictError(`${school.name}'s earlier membership of ${network.name} ran until ${existing.endDate}`);
      }
    }
    const now = new Date();
    try {
      return await this.repos.memberships.insert({
        _id: newId(),
        schoolId: school.id,
        networkId: network.id,
        schoolName: school.name,
        role: input.role,
        startDate,
        endDate: null,
        openKey: openKey(school.id, network.id),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`${school.name} is already a member of ${network.name}`);
      throw error;
    }
  }

  async end(access: Access, id: string, endDate = today()) {
    const membership = await this.repos.memberships.findById(id);
    if (!membership) throw new NotFoundError("Membership", id);
    if (!access.schoolIds.includes(membership.schoolId)) this.authorization.assertManagesNetwork(access, membership.networkId);
    if (membership.endDate) throw new ConflictError(`Membership ${id} already ended on ${membership.endDate}`);
    assertDateOrder(membership.startDate, endDate, "endDate");
    const ended = await this.repos.memberships.end(id, endDate);
    if (!ended) throw new ConflictError(`Membership ${id} was ended by another request`);
    return ended;
  }
}
