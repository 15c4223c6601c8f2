import { assertDateOrder, BadUserInputError, ConflictError, ForbiddenError, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import type { NetworksRepositories } from "../repositories";
import type { DataSharingAgreementInput, FormAllianceInput } from "./alliance.inputs";
import { allianceMemberKey } from "./alliance.repository";

/**
 * Alliance rules: founded by two or more active networks, all managed by the founder (other networks
 * join through their own managers); a network is in an open alliance once at a time; a member
 * network's managers change the agreement or dissolve the alliance.
 */
export class AllianceService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async form(access: Access, input: FormAllianceInput) {
    if (input.networkIds.length < 2) throw new BadUserInputError("An alliance needs at least two networks", "input.networkIds");
    const networks = await this.repos.networks.findByIds(input.networkIds);
    const active = new Set(networks.filter((network) => !network.archivedAt).map((network) => network.id));
    const missing = input.networkIds.find((id) => !active.has(id));
    if (missing) throw new BadUserInputError(`No active network has id ${missing}`, "input.networkIds");
    input.networkIds.forEach((networkId) => this.authorization.assertManagesNetwork(access, networkId));
    const formedOn = input.formedOn ?? today();
    const now = new Date();
    const alliance = await this.repos.alliances.insert({
      _id: newId(),
      name: input.name,
      description: input.description,
      scope: input.scope,
      formedOn,
      endedOn: null,
      agreement: toAgreement(input.agreement, formedOn),
      createdAt: now,
      updatedAt: now,
    });
    await this.repos.allianceMembers.collection.insertMany(
      input.networkIds.map((networkId) => ({
        _id: newId(),
        allianceId: alliance.id,
        networkId,
        joinedOn: formedOn,
        leftOn: null,
        openKey: allianceMemberKey(alliance.id, networkId),
      })),
    );
    return alliance;
  }

  async join(access: Access, allianceId: string, networkId: string, joinedOn = today()) {
    this.authorization.assertManagesNetwork(access, networkId);
    const alliance = await this.openAlliance(allianceId);
    const network = await this.repos.networks.findById(networkId);
    if (!network || network.archivedAt) throw new BadUserInputError(`No active network has id ${networkId}`, "networkId");
    assertDateOrder(alliance.formedOn, joinedOn, "joinedOn");
    try {
      await this.repos.allianceMembers.insert({
        _id: newId(),
        allianceId,
        networkId,
        joinedOn,
        leftOn: null,
        openKey: allianceMemberKey(allianceId, networkId),
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`${network.name} is already in ${alliance.name}`);
      throw error;
    }
    return alliance;
  }

  async leave(access: Access, allianceId: string, networkId: string, leftOn = today()) {
    this.authorization.assertManagesNetwork(access, networkId);
    const alliance = await this.openAlliance(allianceId);
    const left = await this.repos.allianceMembers.leave(allianceId, networkId, leftOn);
    if (!left) throw new ConflictError(`Network ${networkId} is not in ${alliance.name}`);
    return alliance;
  }

  async updateAgreement(access: Access, allianceId: string, input: DataSharingAgreementInput) {
    await this.openAlliance(allianceId);
    await this.assertManagesMember(access, allianceId);
    const updated = await this.repos.alliances.update(allianceId, { agreement: toAgreement(input, today()) });
    if (!updated) throw new NotFoundError("Alliance", allianceId);
    return updated;
  }

  /** Ends the alliance; its networks stop sharing through it. */
  async dissolve(access: Access, allianceId: string, endedOn = today()) {
    const alliance = await this.openAlliance(allianceId);
    await this.assertManagesMember(access, allianceId);
    assertDateOrder(alliance.formedOn, endedOn, "endedOn");
    const members = await this.repos.allianceMembers.findByAllianceIds([allianceId]);
    for (const member of members.filter((m) => !m.leftOn)) {
      await this.repos.allianceMembers.leave(allianceId, member.networkId, endedOn);
    }
    return (await this.repos.alliances.update(allianceId, { endedOn }))!;
  }

  private async assertManagesMember(access: Access, allianceId: string): Promise<void> {
    this.authorization.assertCanWrite(access);
    const members = await this.repos.allianceMembers.findOpenByAllianceIds([allianceId]);
    if (!members.some((member) => access.managedNetworkIds.includes(member.networkId))) {
      throw new ForbiddenError("Only the managers of a member network may do this");
    }
  }

  private async openAlliance(id: string) {
    const alliance = await this.repos.alliances.findById(id);
    if (!alliance) throw new NotFoundError("Alliance", id);
    if (alliance.endedOn) throw new ConflictError(`${alliance.name} was dissolved on ${alliance.endedOn}`);
    return alliance;
  }
}

function toAgreement(input: DataSharingAgreementInput, defaultStart: string) {
  return { sharedKinds: input.sharedKinds, effectiveFrom: input.effectiveFrom ?? defaultStart, terms: input.terms ?? null };
}
