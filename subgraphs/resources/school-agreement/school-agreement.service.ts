import { assertCanWrite, assertDateOrder, BadUserInputError, ConflictError, ForbiddenError, newId, NotFoundError, Visibility, type Access } from "../../kit";
import { agreementPolicy } from "../policies";
import type { ResourcesRepositories } from "../repositories";
import type { StoredParty } from "./school-agreement";
import { SchoolAgreementConsent, SchoolAgreementKind, SchoolAgreementStatus } from "./school-agreement.enums";
import type { ProposeSchoolAgreementInput } from "./school-agreement.inputs";
import { SCHOOL_AGREEMENT_CONSENT_TRANSITIONS } from "./school-agreement.repository";

/** A full-time position, in the thousandths shares are stored in. */
const FULL_TIME_MILLI = 1000;

/** PROPOSED while a school has not answered; then IN_FORCE with two schools in it or more, otherwise FAILED. */
export function agreementStatus(parties: readonly StoredParty[]): SchoolAgreementStatus {
  if (parties.some((party) => party.consent === SchoolAgreementConsent.PENDING)) return SchoolAgreementStatus.PROPOSED;
  return parties.filter((party) => party.consent === SchoolAgreementConsent.ACCEPTED).length >= 2 ? SchoolAgreementStatus.IN_FORCE : SchoolAgreementStatus.FAILED;
}

/**
 * The parties of a proposal, checked: distinct schools, the proposer among them (accepted by proposing, first),
 * a time share in (0, 1] for each school sharing staff and at most one full-time position in all, a cost for each
 * school buying together, one currency.
 */
function partiesOf(input: ProposeSchoolAgreementInput): StoredParty[] {
  const staff = input.kind === SchoolAgreementKind.SHARED_STAFF;
  const seen = new Set<string>();
  let currency: string | null = null;
  let totalMilli = 0;
  const parties = input.parties.map((party, index): StoredParty => {
    const field = (name: string) => `input.parties.${index}.${name}`;
    if (seen.has(party.schoolId)) throw new BadUserInputError(`School ${party.schoolId} is named twice`, field("schoolId"));
    seen.add(party.schoolId);
    if (!staff && party.timeShare != null) throw new BadUserInputError("A joint purchase shares costs, not staff time", field("timeShare"));
    if (staff && party.timeShare == null) throw new BadUserInputError("Each school sharing staff needs its share of the position", field("timeShare"));
    if (staff && (party.timeShare! <= 0 || party.timeShare! > 1)) {
      throw new BadUserInputError("A time share is a fraction of full time above 0 and at most 1", field("timeShare"));
    }
    if (!staff && !party.cost) throw new BadUserInputError("Each school buying together needs its share of the cost", field("cost"));
    if (party.cost) {
      currency ??= party.cost.currency;
      if (party.cost.currency !== currency) throw new BadUserInputError(`Every cost of an agreement is in one currency (${currency})`, `${field("cost")}.currency`);
    }
    const timeShareMilli = staff ? Math.round(party.timeShare! * FULL_TIME_MILLI) : null;
    totalMilli += timeShareMilli ?? 0;
    const proposer = party.schoolId === input.schoolId;
    return {
      schoolId: party.schoolId,
      consent: proposer ? SchoolAgreementConsent.ACCEPTED : SchoolAgreementConsent.PENDING,
      timeShareMilli,
      cost: party.cost ? { amountMinor: Math.round(party.cost.amount * 100), currency: party.cost.currency } : null,
      answeredAt: null,
      note: null,
    };
  });
  if (!seen.has(input.schoolId)) throw new BadUserInputError("The proposing school must be one of the parties", "input.parties");
  if (totalMilli > FULL_TIME_MILLI) {
    throw new BadUserInputError(`The schools' time shares add up to ${totalMilli / FULL_TIME_MILLI} full-time positions: at most 1`, "input.parties");
  }
  parties.sort((a, b) => Number(b.schoolId === input.schoolId) - Number(a.schoolId === input.schoolId));
  return parties;
}

/**
 * SchoolAgreement rules: proposed by a school's staff for their school, which accepts by proposing; every other school
 * answers once, through its own staff (a network that lists the school does not answer for it); a legal answer
 * only, applied atomically; nothing stored on a refusal.
 */
export class SchoolAgreementService {
  constructor(private readonly repos: ResourcesRepositories) {}

  async propose(access: Access, input: ProposeSchoolAgreementInput) {
    assertCanWrite(access);
    if (!access.schoolIds.includes(input.schoolId)) throw new ForbiddenError("Only a school's own staff propose agreements for it");
    assertDateOrder(input.startDate, input.endDate, "input.endDate");
    const parties = partiesOf(input);
    const now = new Date();
    return this.repos.agreements.insert({
      _id: newId(),
      owner: { networkId: null, schoolId: input.schoolId },
      visibility: Visibility.PRIVATE,
      kind: input.kind,
      title: input.title.trim(),
      description: input.description ?? null,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      parties,
      readerSchoolIds: parties.map((party) => party.schoolId),
      memberSchoolIds: [input.schoolId],
      createdAt: now,
      updatedAt: now,
    });
  }

  /**
   * A school's answer, by its own staff: NOT_FOUND when the caller may not read the agreement, FORBIDDEN for a
   * school they are not staff of, CONFLICT when the school already answered (nothing changes).
   */
  async answer(access: Access, id: string, schoolId: string, to: SchoolAgreementConsent, note: string | null) {
    assertCanWrite(access);
    if (note != null && (note.length < 1 || note.length > 2000)) throw new BadUserInputError("note must be 1 to 2000 characters", "note");
    const agreement = await this.repos.agreements.findById(id);
    if (!agreement || !agreementPolicy.canRead(access, agreement)) throw new NotFoundError("SchoolAgreement", id);
    if (!access.schoolIds.includes(schoolId)) throw new ForbiddenError("Only a school's own staff answer for it");
    const party = agreement.parties.find((candidate) => candidate.schoolId === schoolId);
    if (!party) throw new BadUserInputError(`School ${schoolId} is not asked to join this agreement`, "schoolId");
    const moved = await this.repos.agreements.transition(id, party, to, note);
    if (moved) return moved;
    const current = (await this.repos.agreements.findById(id))?.parties.find((party) => party.schoolId === schoolId);
    throw new ConflictError(`School ${schoolId} is ${current?.consent}: only a ${SCHOOL_AGREEMENT_CONSENT_TRANSITIONS[to]} school can become ${to}`);
  }
}
