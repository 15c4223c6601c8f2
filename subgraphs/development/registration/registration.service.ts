import { assertCanWrite, BadUserInputError, ConflictError, isDuplicateKeyError, newId, NotFoundError, today, type Access } from "../../kit";
import { assertMayCancelRegistration, assertMayRegisterEducator, assertMayRegisterSchool } from "../authorization";
import { EventRegistrantKind, EventRegistrationStatus, EventStatus } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import type { RegisterForEventInput } from "./registration.inputs";
import { registrationKey, type EventRegistrationDocument } from "./registration.repository";
import { Policies } from "../policies";

/** Enough for any waitlist: each round confirms a registration or stops. */
const MAX_PROMOTION_ROUNDS = 10000;

/**
 * Registration rules: one live registration per registrant and event; confirmed seats never exceed the
 * capacity, whatever the number of simultaneous requests (every seat is taken by a guarded atomic update
 * of the event's counters); past capacity registrants wait, and move up in registration order when seats free.
 */
export class EventRegistrationService {
  constructor(private readonly repos: DevelopmentRepositories) {}

  async register(access: Access, input: RegisterForEventInput) {
    assertCanWrite(access);
    const registrantId = this.registrantId(input);
    // an event the caller may not see does not exist for them
    const [event] = await this.repos.events.findReadableByIds(access, [input.eventId]);
    if (!event) throw new BadUserInputError(`No event has id ${input.eventId}`, "input.eventId");
    if (input.registrantKind === EventRegistrantKind.EDUCATOR) assertMayRegisterEducator(access, input.schoolId!);
    else assertMayRegisterSchool(access, input.schoolId!, event);
    if (event.status !== EventStatus.SCHEDULED) throw new ConflictError(`${event.title} was cancelled`);
    if (event.endDate < today()) throw new ConflictError(`${event.title} ended on ${event.endDate}`);
    if (input.seats > event.capacity) {
      throw new BadUserInputError(`${event.title} has ${event.capacity} seats in all; ${input.seats} can never be confirmed`, "input.seats");
    }
    const key = registrationKey(event.id, input.registrantKind, registrantId);
    if (await this.repos.registrations.findLive(key)) throw new ConflictError(`Already registered for ${event.title}`);

    // Seats at once when nobody waits and enough are left; otherwise a place on the waitlist.
    let status = EventRegistrationStatus.CONFIRMED;
    let counters = await this.repos.events.claimSeatsForNewcomer(event.id, input.seats);
    if (!counters) {
      status = EventRegistrationStatus.WAITLISTED;
      counters = await this.repos.events.joinWaitlist(event.id);
      if (!counters) throw new ConflictError(`${event.title} was cancelled`);
    }
    const now = new Date();
    const id = newId();
    try {
      await this.repos.registrations.insert({
        _id: id,
        eventId: event.id,
        ...(Policies.event.inheritedFrom(event) as Pick<EventRegistrationDocument, "owner" | "visibility" | "networkIds">),
        registrantKind: input.registrantKind,
        educatorId: input.registrantKind === EventRegistrantKind.EDUCATOR ? input.educatorId : null,
        schoolId: input.schoolId ?? null,
        seats: input.seats,
        status,
        sequence: counters.registrationSequence,
        note: input.note ?? null,
        activeKey: key,
        createdAt: now,
        updatedAt: now,
        confirmedAt: status === EventRegistrationStatus.CONFIRMED ? now : null,
        cancelledAt: null,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // a simultaneous request of the same registrant won: give back what this one took
      if (status === EventRegistrationStatus.CONFIRMED) await this.repos.events.releaseSeats(event.id, input.seats);
      else await this.repos.events.leaveWaitlist(event.id);
      await this.promoteWaiting(event.id);
      throw new ConflictError(`Already registered for ${event.title}`);
    }
    // seats may have freed between the two updates above: let the waitlist move
    if (status === EventRegistrationStatus.WAITLISTED) await this.promoteWaiting(event.id);
    return (await this.repos.registrations.findById(id))!;
  }

  async cancel(access: Access, id: string) {
    assertCanWrite(access);
    // a registration follows its event: hidden with it
    const [registration] = await this.repos.registrations.findReadableByIds(access, [id]);
    if (!registration) throw new NotFoundError("EventRegistration", id);
    const event = (await this.repos.events.findById(registration.eventId))!;
    assertMayCancelRegistration(access, registration, event);
    const before = await this.repos.registrations.cancelLive(id);
    if (!before) {
      const registration = await this.repos.registrations.findById(id);
      if (!registration) throw new NotFoundError("EventRegistration", id);
      throw new ConflictError(`Registration ${id} is already cancelled`);
    }
    if (before.status === EventRegistrationStatus.CONFIRMED) await this.repos.events.releaseSeats(before.eventId, before.seats);
    else await this.repos.events.leaveWaitlist(before.eventId);
    await this.promoteWaiting(before.eventId);
    return (await this.repos.registrations.findById(id))!;
  }

  /**
   * Confirms waiting registrations in order while seats are left. Seats are claimed on the event first
   * (guarded), then the registration is confirmed if it still waits; if another request confirmed or
   * cancelled it meanwhile, the seats go back and the next in line is tried. Stops at the first
   * registration that does not fit: the waitlist is first come, first served.
   */
  async promoteWaiting(eventId: string): Promise<void> {
    for (let round = 0; round < MAX_PROMOTION_ROUNDS; round++) {
      const head = await this.repos.registrations.firstWaiting(eventId);
      if (!head) return;
      if (!(await this.repos.events.claimSeatsForWaiting(eventId, head.seats))) return;
      if (!(await this.repos.registrations.confirmWaiting(head.id))) await this.repos.events.undoClaimForWaiting(eventId, head.seats);
    }
  }

  private registrantId(input: RegisterForEventInput): string {
    if (input.registrantKind === EventRegistrantKind.EDUCATOR) {
      if (!input.educatorId) throw new BadUserInputError("An educator's registration needs educatorId", "input.educatorId");
      if (!input.schoolId) throw new BadUserInputError("An educator registers with their school (schoolId)", "input.schoolId");
      if (input.seats !== 1) throw new BadUserInputError("An educator registers for one seat; a school registers a team", "input.seats");
      return input.educatorId;
    }
    if (!input.schoolId) throw new BadUserInputError("A school's registration needs schoolId", "input.schoolId");
    return input.schoolId;
  }
}
