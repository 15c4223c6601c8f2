import { assertDateOrder, BadUserInputError, ConflictError, ForbiddenError, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import type { NetworksAuthorization } from "../authorization";
import { assertNote, consentStep, CONSENT_TRANSITIONS, ConsentStatus, PUBLIC_STATUSES } from "../consent/consent";
import { MembershipRole, MembershipSide } from "../enums";
import type { NetworksRepositories } from "../repositories";
import type { MembershipParties } from "./membership-parties";
import type { MembershipInput } from "./membership.inputs";
import { openKey, type MembershipDocument } from "./membership.repository";

const FORBIDDEN_MESSAGES = {
  INITIATOR: "Only the side that asked for this membership may withdraw it",
  RESPONDENT: "Only the side asked may answer: the school for a network's proposal, the network's managers for a school's request",
  EITHER: "Only the school's side or the network's managers may end this membership",
} as const;

/**
 * Membership rules: a network's managers propose and the school accepts, or the school requests and the network's
 * managers accept; who asked may withdraw, either side may end an accepted one. Both ends exist and are active; one
 * pending-or-accepted membership per pair; periods in order and apart. A caller who speaks for both sides consents
 * for both at once.
 */
export class MembershipService {
  constructor(
    private readonly repos: NetworksRepositories,
    private readonly authorization: NetworksAuthorization,
  ) {}

  async propose(access: Access, parties: MembershipParties, input: MembershipInput) {
    this.authorization.assertCanWrite(access);
    const { school, network } = await this.ends(input);
    if (!parties.forNetwork(network.id)) throw new ForbiddenError("Only the network's coordinators and admins may propose a membership");
    return this.open(access, parties, school, network, input, MembershipSide.NETWORK);
  }

  async request(access: Access, parties: MembershipParties, input: MembershipInput) {
    this.authorization.assertCanWrite(access);
    const { school, network } = await this.ends(input);
    if (!(await parties.forSchool(school.id))) {
      throw new ForbiddenError("Only the school's staff, or the managers of a network it belongs to, may ask for its membership");
    }
    return this.open(access, parties, school, network, input, MembershipSide.SCHOOL);
  }

  /** Accepts, declines, withdraws or ends a membership, for the side whose move it is; otherwise nothing changes. */
  async decide(access: Access, parties: MembershipParties, id: string, to: ConsentStatus, note: string | null, endDate?: string) {
    this.authorization.assertCanWrite(access);
    assertNote(note);
    const membership = await this.repos.memberships.findById(id);
    const networkSide = membership ? parties.forNetwork(membership.networkId) : false;
    const schoolSide = membership ? await parties.forSchool(membership.schoolId) : false;
    if (!membership || (!networkSide && !schoolSide && !PUBLIC_STATUSES.includes(membership.status))) throw new NotFoundError("Membership", id);
    const rule = CONSENT_TRANSITIONS[to]!;
    const initiator = membership.initiatedBy === MembershipSide.NETWORK ? networkSide : schoolSide;
    const respondent = membership.initiatedBy === MembershipSide.NETWORK ? schoolSide : networkSide;
    const allowed = rule.by === "INITIATOR" ? initiator : rule.by === "RESPONDENT" ? respondent : initiator || respondent;
    if (!allowed) throw new ForbiddenError(FORBIDDEN_MESSAGES[rule.by]);
    if (to === ConsentStatus.ENDED) assertDateOrder(membership.startDate, endDate, "endDate");
    const moved = await this.repos.memberships.move(id, to, consentStep(access, to, note), to === ConsentStatus.ENDED ? { endDate } : undefined);
    if (moved) return moved;
    const current = await this.repos.memberships.findById(id);
    throw new ConflictError(`Membership ${id} is ${current?.status}: only a ${rule.from} membership can become ${to}`);
  }

  /**
   * Proposals of one batch (a OneRoster import): the documents `proposeMembership` stores, accepted at once where
   * `acceptAtOnce` (the caller also speaks for the school, as `parties.forSchool` says). All or nothing: a pair that
   * has an open membership by now is CONFLICT, and none of the batch stays. Returns the new memberships' ids.
   */
  async proposeMany(access: Access, network: { id: string; name: string }, proposals: Array<{ school: { id: string; name: string }; acceptAtOnce: boolean }>, note: string) {
    this.authorization.assertCanWrite(access);
    const startDate = today();
    const docs = proposals.map(({ school, acceptAtOnce }) => {
      const doc = openingDocument(access, school, network, MembershipRole.MEMBER, startDate, MembershipSide.NETWORK, note);
      if (acceptAtOnce) Object.assign(doc, { status: ConsentStatus.ACCEPTED, history: [...doc.history, consentStep(access, ConsentStatus.ACCEPTED)] });
      return doc;
    });
    try {
      await this.repos.memberships.insertMany(docs);
    } catch (error) {
      await this.repos.memberships.undoInserts(docs.map((doc) => doc._id));
      if (isDuplicateKeyError(error)) throw new ConflictError(`A school of the batch has an open membership of ${network.name} by now`);
      throw error;
    }
    return docs.map((doc) => doc._id);
  }

  private async ends(input: MembershipInput) {
    const [school, network] = await Promise.all([this.repos.schools.findById(input.schoolId), this.repos.networks.findById(input.networkId)]);
    if (!school || school.archivedAt) throw new BadUserInputError(`No active school has id ${input.schoolId}`, "input.schoolId");
    if (!network || network.archivedAt) throw new BadUserInputError(`No active network has id ${input.networkId}`, "input.networkId");
    return { school, network };
  }

  private async open(
    access: Access,
    parties: MembershipParties,
    school: { id: string; name: string },
    network: { id: string; name: string },
    input: MembershipInput,
    side: MembershipSide,
  ) {
    const startDate = input.startDate ?? today();
    for (const existing of await this.repos.memberships.findForPair(school.id, network.id)) {
      if (existing.openKey) throw new ConflictError(`${school.name} already has a ${existing.status} membership of ${network.name}`);
      if (existing.status === ConsentStatus.ENDED && existing.endDate && existing.endDate >= startDate) {
        throw new ConflictError(`${school.name}'s earlier membership of ${network.name} ran until ${existing.endDate}`);
      }
    }
    let created;
    try {
      created = await this.repos.memberships.insert(openingDocument(access, school, network, input.role, startDate, side, input.note ?? null));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConflictError(`${school.name} already has an open membership of ${network.name}`);
      throw error;
    }
    const speaksForOtherSide = side === MembershipSide.NETWORK ? await parties.forSchool(school.id) : parties.forNetwork(network.id);
    if (!speaksForOtherSide) return created;
    return (await this.repos.memberships.move(created.id, ConsentStatus.ACCEPTED, consentStep(access, ConsentStatus.ACCEPTED))) ?? created;
  }
}

/** A new membership as its asking side opens it: PENDING, with its first consent step and the pair's open key. */
function openingDocument(
  access: Access,
  school: { id: string; name: string },
  network: { id: string },
  role: MembershipRole,
  startDate: string,
  side: MembershipSide,
  note: string | null,
): MembershipDocument {
  const now = new Date();
  return {
    _id: newId(),
    schoolId: school.id,
    networkId: network.id,
    schoolName: school.name,
    role,
    startDate,
    endDate: null,
    status: ConsentStatus.PENDING,
    initiatedBy: side,
    history: [consentStep(access, ConsentStatus.PENDING, note)],
    openKey: openKey(school.id, network.id),
    createdAt: now,
    updatedAt: now,
  };
}
