import { assertDateOrder, BadUserInputError, ConflictError, ForbiddenError, isDuplicateKeyError, newId, NotFoundError, today, type Access, type Entity } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import { assertNote, consentStep, CONSENT_TRANSITIONS, ConsentStatus, PUBLIC_STATUSES } from "../consent/consent";
import type { SharedDataKind } from "../enums";
import type { NetworksRepositories } from "../repositories";
import type { DataSharingAgreementInput, FormAllianceInput } from "./alliance.inputs";
import { allianceMemberKey, type AgreementProposalDocument, type AllianceMemberDocument } from "./alliance.repository";

type Join = Entity<AllianceMemberDocument>;
type Proposal = Entity<AgreementProposalDocument>;

/**
 * Alliance rules. Founded by two or more active networks, all managed by the founder. A network joins when every
 * member network accepted it (a newcomer reads every member's alliance-shared records, so each member consents);
 * any member may decline. Widening the agreement (any change but removing kinds) is a proposal every member accepts;
 * removing kinds, leaving and dissolving are each member's own right. A network is in an open alliance once.
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
    const step = consentStep(access, ConsentStatus.ACCEPTED, null, input.networkIds);
    await this.repos.allianceMembers.collection.insertMany(
      input.networkIds.map((networkId) => ({
        _id: newId(),
        allianceId: alliance.id,
        networkId,
        joinedOn: formedOn,
        leftOn: null,
        status: ConsentStatus.ACCEPTED,
        approvals: input.networkIds,
        history: [step],
        openKey: allianceMemberKey(alliance.id, networkId),
        createdAt: now,
        updatedAt: now,
      })),
    );
    return alliance;
  }

  /** A network's managers ask to join; the join counts once every member network accepted it. */
  async join(access: Access, allianceId: string, networkId: string, joinedOn = today(), note: string | null = null) {
    this.authorization.assertManagesNetwork(access, networkId);
    assertNote(note);
    const alliance = await this.openAlliance(allianceId);
    const network = await this.repos.networks.findById(networkId);
    if (!network || network.archivedAt) throw new BadUserInputError(`No active network has id ${networkId}`, "networkId");
    assertDateOrder(alliance.formedOn, joinedOn, "joinedOn");
    const now = new Date();
    let join: Join;
    try {
      join = await this.repos.allianceMembers.insert({
        _id: newId(),
        allianceId,
        networkId,
        joinedOn,
        leftOn: null,
        status: ConsentStatus.PENDING,
        approvals: [],
        history: [consentStep(access, ConsentStatus.PENDING, note, [networkId])],
        openKey: allianceMemberKey(allianceId, networkId),
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`${network.name} already asked to join, or is in, ${alliance.name}`);
      throw error;
    }
    const mine = await this.membersManagedBy(access, allianceId);
    if (mine.length === 0) return join;
    const voted = await this.repos.allianceMembers.approve(join.id, mine, consentStep(access, ConsentStatus.PENDING, null, mine));
    return this.settleJoin(access, voted ?? join);
  }

  async acceptJoin(access: Access, id: string, note: string | null) {
    const join = await this.visibleJoin(access, id);
    const mine = await this.assertMemberManager(access, join.allianceId, "accept a join");
    await this.openAlliance(join.allianceId);
    if (mine.every((networkId) => join.approvals.includes(networkId))) throw new ConflictError("Your member networks already accepted this join");
    const voted = await this.repos.allianceMembers.approve(id, mine, consentStep(access, ConsentStatus.PENDING, note, mine));
    if (!voted) throw new ConflictError(`This join is ${join.status}: only a PENDING join can be accepted`);
    return this.settleJoin(access, voted);
  }

  async declineJoin(access: Access, id: string, note: string | null) {
    const join = await this.visibleJoin(access, id);
    const mine = await this.assertMemberManager(access, join.allianceId, "decline a join");
    return this.moveJoin(access, join, ConsentStatus.DECLINED, note, mine);
  }

  async withdrawJoin(access: Access, id: string, note: string | null) {
    const join = await this.visibleJoin(access, id);
    if (!access.managedNetworkIds.includes(join.networkId)) throw new ForbiddenError("Only the joining network's managers may withdraw its request");
    return this.moveJoin(access, join, ConsentStatus.WITHDRAWN, note, [join.networkId]);
  }

  /** A member's managers take it out of the alliance: it stops sharing and seeing through it at once. */
  async leave(access: Access, allianceId: string, networkId: string, leftOn = today(), note: string | null = null) {
    this.authorization.assertManagesNetwork(access, networkId);
    assertNote(note);
    const alliance = await this.openAlliance(allianceId);
    const member = await this.repos.allianceMembers.findOpen(allianceId, networkId);
    if (!member || member.status !== ConsentStatus.ACCEPTED) throw new ConflictError(`Network ${networkId} is not in ${alliance.name}`);
    assertDateOrder(member.joinedOn, leftOn, "leftOn");
    const left = await this.repos.allianceMembers.move(member.id, ConsentStatus.ENDED, consentStep(access, ConsentStatus.ENDED, note, [networkId]), { set: { leftOn } });
    if (!left) throw new ConflictError(`Network ${networkId} left ${alliance.name} in another request`);
    // fewer members may now be enough for what is pending
    for (const join of await this.repos.allianceMembers.findPendingByAllianceId(allianceId)) await this.settleJoin(access, join);
    for (const proposal of await this.repos.agreementProposals.findPendingByAllianceId(allianceId)) await this.settleProposal(access, proposal);
    return alliance;
  }

  /** Proposes a new agreement; it replaces the current one once every member network accepted it. */
  async proposeAgreement(access: Access, allianceId: string, input: DataSharingAgreementInput, note: string | null) {
    this.authorization.assertCanWrite(access);
    assertNote(note);
    await this.openAlliance(allianceId);
    const mine = await this.assertMemberManager(access, allianceId, "propose an agreement");
    const now = new Date();
    let proposal: Proposal;
    try {
      proposal = await this.repos.agreementProposals.insert({
        _id: newId(),
        allianceId,
        agreement: toAgreement(input, today()),
        proposedBy: mine,
        approvals: mine,
        status: ConsentStatus.PENDING,
        history: [consentStep(access, ConsentStatus.PENDING, note, mine)],
        openKey: allianceId,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError("The alliance already has a pending agreement proposal: accept, decline or withdraw it first");
      throw error;
    }
    return this.settleProposal(access, proposal);
  }

  async acceptAgreement(access: Access, id: string, note: string | null) {
    const proposal = await this.visibleProposal(access, id);
    const mine = await this.assertMemberManager(access, proposal.allianceId, "accept an agreement");
    await this.openAlliance(proposal.allianceId);
    if (mine.every((networkId) => proposal.approvals.includes(networkId))) throw new ConflictError("Your member networks already accepted this proposal");
    const voted = await this.repos.agreementProposals.approve(id, mine, consentStep(access, ConsentStatus.PENDING, note, mine));
    if (!voted) throw new ConflictError(`This proposal is ${proposal.status}: only a PENDING proposal can be accepted`);
    return this.settleProposal(access, voted);
  }

  async declineAgreement(access: Access, id: string, note: string | null) {
    const proposal = await this.visibleProposal(access, id);
    const mine = await this.assertMemberManager(access, proposal.allianceId, "decline an agreement");
    return this.moveProposal(access, proposal, ConsentStatus.DECLINED, note, mine);
  }

  async withdrawAgreement(access: Access, id: string, note: string | null) {
    const proposal = await this.visibleProposal(access, id);
    const mine = proposal.proposedBy.filter((networkId) => access.managedNetworkIds.includes(networkId));
    if (mine.length === 0) throw new ForbiddenError("Only the proposing networks' managers may withdraw a proposal");
    return this.moveProposal(access, proposal, ConsentStatus.WITHDRAWN, note, mine);
  }

  /** Stops sharing some kinds at once: one member's right. Its acceptance of pending proposals is taken back. */
  async narrowAgreement(access: Access, allianceId: string, kinds: SharedDataKind[]) {
    this.authorization.assertCanWrite(access);
    await this.openAlliance(allianceId);
    const mine = await this.assertMemberManager(access, allianceId, "narrow the agreement");
    const narrowed = await this.repos.alliances.removeSharedKinds(allianceId, kinds);
    if (!narrowed) throw new ConflictError(`Alliance ${allianceId} was dissolved in another request`);
    await this.repos.agreementProposals.retractApprovals(allianceId, mine);
    return narrowed;
  }

  /** Ends the alliance; its networks stop sharing through it, and what was pending is declined. */
  async dissolve(access: Access, allianceId: string, endedOn = today()) {
    this.authorization.assertCanWrite(access);
    const alliance = await this.openAlliance(allianceId);
    const mine = await this.assertMemberManager(access, allianceId, "dissolve the alliance");
    assertDateOrder(alliance.formedOn, endedOn, "endedOn");
    const step = consentStep(access, ConsentStatus.ENDED, "The alliance was dissolved", mine);
    for (const member of await this.repos.allianceMembers.findAcceptedByAllianceIds([allianceId])) {
      await this.repos.allianceMembers.move(member.id, ConsentStatus.ENDED, step, { set: { leftOn: endedOn } });
    }
    const declined = { ...step, status: ConsentStatus.DECLINED };
    await this.repos.allianceMembers.declinePending(allianceId, declined);
    await this.repos.agreementProposals.declinePending(allianceId, declined);
    return (await this.repos.alliances.update(allianceId, { endedOn }))!;
  }

  /** The accepted member networks of the alliance that the caller manages. */
  async membersManagedBy(access: Access, allianceId: string): Promise<string[]> {
    const members = await this.repos.allianceMembers.findAcceptedByAllianceIds([allianceId]);
    return members.map((member) => member.networkId).filter((networkId) => access.managedNetworkIds.includes(networkId));
  }

  private async assertMemberManager(access: Access, allianceId: string, what: string): Promise<string[]> {
    this.authorization.assertCanWrite(access);
    const mine = await this.membersManagedBy(access, allianceId);
    if (mine.length === 0) throw new ForbiddenError(`Only the managers of a member network may ${what}`);
    return mine;
  }

  /** A join request, as its parties see it: pending, declined and withdrawn ones are hidden from everyone else. */
  private async visibleJoin(access: Access, id: string): Promise<Join> {
    this.authorization.assertCanWrite(access);
    const join = await this.repos.allianceMembers.findById(id);
    const party = join && (access.managedNetworkIds.includes(join.networkId) || (await this.membersManagedBy(access, join.allianceId)).length > 0);
    if (!join || (!party && !PUBLIC_STATUSES.includes(join.status))) throw new NotFoundError("AllianceMember", id);
    return join;
  }

  private async visibleProposal(access: Access, id: string): Promise<Proposal> {
    this.authorization.assertCanWrite(access);
    const proposal = await this.repos.agreementProposals.findById(id);
    const party = proposal && (await this.membersManagedBy(access, proposal.allianceId)).length > 0;
    if (!proposal || (!party && proposal.status !== ConsentStatus.ACCEPTED)) throw new NotFoundError("AgreementProposal", id);
    return proposal;
  }

  private async moveJoin(access: Access, join: Join, to: ConsentStatus, note: string | null, networkIds: string[]) {
    assertNote(note);
    const moved = await this.repos.allianceMembers.move(join.id, to, consentStep(access, to, note, networkIds));
    if (moved) return moved;
    throw new ConflictError(`This join is ${(await this.repos.allianceMembers.findById(join.id))?.status}: only a ${CONSENT_TRANSITIONS[to]!.from} join can become ${to}`);
  }

  private async moveProposal(access: Access, proposal: Proposal, to: ConsentStatus, note: string | null, networkIds: string[]) {
    assertNote(note);
    const moved = await this.repos.agreementProposals.move(proposal.id, to, consentStep(access, to, note, networkIds));
    if (moved) return moved;
    const current = await this.repos.agreementProposals.findById(proposal.id);
    throw new ConflictError(`This proposal is ${current?.status}: only a ${CONSENT_TRANSITIONS[to]!.from} proposal can become ${to}`);
  }

  /** Accepts the join once every current member network accepted it (checked atomically against the approvals). */
  private async settleJoin(access: Access, join: Join): Promise<Join> {
    const members = await this.memberIds(join.allianceId);
    if (members.length === 0 || !members.every((networkId) => join.approvals.includes(networkId))) return join;
    const accepted = await this.repos.allianceMembers.move(join.id, ConsentStatus.ACCEPTED, consentStep(access, ConsentStatus.ACCEPTED), {
      guard: { approvals: { $all: members } },
    });
    return accepted ?? (await this.repos.allianceMembers.findById(join.id))!;
  }

  /** Applies the proposal once every current member network accepted it. */
  private async settleProposal(access: Access, proposal: Proposal): Promise<Proposal> {
    const members = await this.memberIds(proposal.allianceId);
    if (members.length === 0 || !members.every((networkId) => proposal.approvals.includes(networkId))) return proposal;
    const accepted = await this.repos.agreementProposals.move(proposal.id, ConsentStatus.ACCEPTED, consentStep(access, ConsentStatus.ACCEPTED), {
      guard: { approvals: { $all: members } },
    });
    if (!accepted) return (await this.repos.agreementProposals.findById(proposal.id))!;
    await this.repos.alliances.replaceAgreement(proposal.allianceId, accepted.agreement);
    return accepted;
  }

  private async memberIds(allianceId: string): Promise<string[]> {
    return (await this.repos.allianceMembers.findAcceptedByAllianceIds([allianceId])).map((member) => member.networkId);
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
