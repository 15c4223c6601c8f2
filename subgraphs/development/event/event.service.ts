import { assertCanWrite, assertDateOrder, BadUserInputError, ConflictError, newId, NotFoundError, type Access } from "../../kit";
import { assertMayChange, assertMayWriteFor } from "../authorization";
import { DevelopmentOwnerKind, EventFormat, EventStatus } from "../enums";
import type { DevelopmentRepositories } from "../repositories";
import type { EventRegistrationService } from "../registration/registration.service";
import { cleanFocusAreas, focusKey } from "../shared/focus";
import { ownerRef, toOwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { CreateEventInput, UpdateEventInput } from "./event.inputs";
import type { EventDocument } from "./event.repository";

/** Event rules: dates in order, a place or link to match the format, a hosting network among its networks, capacity above the confirmed seats. */
export class EventService {
  constructor(
    private readonly repos: DevelopmentRepositories,
    private readonly registrations: EventRegistrationService,
  ) {}

  async create(access: Access, input: CreateEventInput) {
    assertCanWrite(access);
    const endDate = input.endDate ?? input.startDate;
    assertDateOrder(input.startDate, endDate, "input.endDate");
    assertPlace(input.format, input.venue, input.onlineUrl);
    const networkIds = offeredTo(input.host.kind === DevelopmentOwnerKind.NETWORK ? input.host.id : null, input.networkIds);
    if (input.host.kind === DevelopmentOwnerKind.ORGANIZATION && networkIds.length === 0) {
      throw new BadUserInputError("An organization's event is offered to at least one of its networks", "input.networkIds");
    }
    // a school's or organization's event sits in the first network it is offered to
    const owner = toOwnerRef(input.host, networkIds[0]);
    assertMayWriteFor(access, owner);
    const focusAreas = cleanFocusAreas(input.focusAreas);
    const now = new Date();
    return this.repos.events.insert({
      _id: newId(),
      title: input.title,
      kind: input.kind,
      description: input.description ?? null,
      owner,
      networkIds,
      startDate: input.startDate,
      endDate,
      format: input.format,
      venue: input.venue ?? null,
      onlineUrl: input.onlineUrl ?? null,
      focusAreas,
      focusAreaKeys: focusAreas.map(focusKey),
      capacity: input.capacity,
      seatsLeft: input.capacity,
      confirmedSeats: 0,
      confirmedCount: 0,
      waitlistCount: 0,
      registrationSequence: 0,
      status: EventStatus.SCHEDULED,
      visibility: input.visibility,
      createdAt: now,
      updatedAt: now,
      cancelledAt: null,
    });
  }

  async update(access: Access, id: string, input: UpdateEventInput) {
    const event = await this.existing(access, id);
    if (event.status === EventStatus.CANCELLED) throw new ConflictError(`${event.title} was cancelled`);
    assertDateOrder(input.startDate ?? event.startDate, input.endDate ?? event.endDate, "input.endDate");
    const format = input.format ?? event.format;
    const venue = input.venue === undefined ? event.venue : input.venue;
    const onlineUrl = input.onlineUrl === undefined ? event.onlineUrl : input.onlineUrl;
    assertPlace(format, venue, onlineUrl);
    const changes: Partial<EventDocument> = {
      title: input.title,
      description: input.description,
      startDate: input.startDate,
      endDate: input.endDate,
      format: input.format,
      venue: input.venue,
      onlineUrl: input.onlineUrl,
      visibility: input.visibility,
    };
    if (input.networkIds) {
      changes.networkIds = offeredTo(event.owner.kind === DevelopmentOwnerKind.NETWORK ? event.owner.id : null, input.networkIds);
      changes.owner = ownerRef(event.owner.kind, event.owner.id, changes.networkIds[0]);
      if (event.owner.kind === DevelopmentOwnerKind.ORGANIZATION && changes.networkIds.length === 0) {
        throw new BadUserInputError("An organization's event is offered to at least one of its networks", "input.networkIds");
      }
      // moving the event to another network needs a role there too
      if (changes.owner.networkId !== event.owner.networkId) assertMayWriteFor(access, changes.owner);
    }
    if (input.focusAreas) {
      changes.focusAreas = cleanFocusAreas(input.focusAreas);
      changes.focusAreaKeys = changes.focusAreas.map(focusKey);
    }
    if (input.capacity !== undefined && input.capacity !== event.capacity) await this.changeCapacity(id, input.capacity);
    // registrations carry what the event's policy reads: brought in step before (never wider than the event) and after
    const registrations = (sharing: EventDocument) => this.repos.registrations.inherit("eventId", id, Policies.event.inheritedFrom(sharing));
    const sharingChanges = changes.visibility !== undefined || changes.networkIds !== undefined;
    if (sharingChanges) await registrations({ ...event, ...definedOnly(changes) } as EventDocument);
    const updated = (await this.repos.events.update(id, changes))!;
    if (sharingChanges) await registrations(updated as unknown as EventDocument);
    return updated;
  }

  async cancel(access: Access, id: string) {
    await this.existing(access, id);
    const cancelled = await this.repos.events.cancel(id);
    if (cancelled) return cancelled;
    if (!(await this.repos.events.findById(id))) throw new NotFoundError("Event", id);
    throw new ConflictError(`Event ${id} is already cancelled`);
  }

  /** The event, if `access` may see and change it: NOT_FOUND when it may not see it, FORBIDDEN when it may not change it. */
  private async existing(access: Access, id: string) {
    assertCanWrite(access);
    const event = await this.repos.events.findById(id);
    if (!event) throw new NotFoundError("Event", id);
    assertMayChange(access, Policies.event, event);
    return event;
  }

  /** A new capacity never drops below the seats already confirmed; raising it moves the waitlist up. */
  private async changeCapacity(id: string, capacity: number): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const event = await this.repos.events.findById(id);
      if (!event) throw new NotFoundError("Event", id);
      if (event.confirmedSeats > capacity) {
        throw new ConflictError(`${event.confirmedSeats} seats of ${event.title} are confirmed: the capacity cannot drop to ${capacity}`);
      }
      // a waiting team larger than the capacity could never be confirmed, and would hold up the waitlist
      const largest = capacity < event.capacity ? await this.repos.registrations.largestWaiting(id) : 0;
      if (largest > capacity) throw new ConflictError(`A waiting registration needs ${largest} seats: the capacity cannot drop to ${capacity}`);
      // fails only if the capacity or the confirmed seats changed since the read: read again
      if (await this.repos.events.changeCapacity(id, event.capacity, capacity)) {
        if (capacity > event.capacity) await this.registrations.promoteWaiting(id);
        return;
      }
    }
    throw new ConflictError("The event's registrations keep changing; try again");
  }
}

const FORMAT_LABEL: Record<EventFormat, string> = {
  [EventFormat.IN_PERSON]: "An in-person event",
  [EventFormat.ONLINE]: "An online event",
  [EventFormat.HYBRID]: "A hybrid event",
};

function assertPlace(format: EventFormat, venue: unknown, onlineUrl: string | null | undefined): void {
  if (format !== EventFormat.ONLINE && !venue) throw new BadUserInputError(`${FORMAT_LABEL[format]} needs a venue`, "input.venue");
  if (format !== EventFormat.IN_PERSON && !onlineUrl) throw new BadUserInputError(`${FORMAT_LABEL[format]} needs an online link`, "input.onlineUrl");
}

function offeredTo(hostNetworkId: string | null, networkIds: readonly string[]): string[] {
  return [...new Set([...(hostNetworkId ? [hostNetworkId] : []), ...networkIds])];
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}
