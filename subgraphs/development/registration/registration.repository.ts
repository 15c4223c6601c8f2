import type { Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type StoredDocument, type Visibility } from "../../kit";
import type { OwnerRef } from "../shared/owner";
import { EventRegistrationStatus, type EventRegistrantKind } from "../enums";
import { Policies } from "../policies";
import type { EventRegistrationsArgs } from "./registration.inputs";

export interface EventRegistrationDocument extends StoredDocument {
  eventId: string;
  registrantKind: EventRegistrantKind;
  educatorId?: string | null;
  schoolId?: string | null;
  seats: number;
  status: EventRegistrationStatus;
  sequence: number;
  note?: string | null;
  /** `eventId:kind:registrantId` while not cancelled: its unique index allows one live registration per registrant, also under races. */
  activeKey?: string;
  createdAt: Date;
  updatedAt: Date;
  confirmedAt?: Date | null;
  cancelledAt?: Date | null;
  /** A copy of what the event's policy reads (owner, visibility, networkIds), kept in step by EventService. */
  owner: OwnerRef;
  visibility: Visibility;
  networkIds: string[];
}

export function registrationKey(eventId: string, kind: EventRegistrantKind, registrantId: string): string {
  return `${eventId}:${kind}:${registrantId}`;
}

const LIVE = [EventRegistrationStatus.CONFIRMED, EventRegistrationStatus.WAITLISTED];

export class EventRegistrationRepository extends SecuredRepository<EventRegistrationDocument> {
  readonly policy = Policies.registration;
  readonly collectionName = "event_registrations";
  readonly indexes: IndexDescription[] = [
    { key: { activeKey: 1 }, unique: true, sparse: true, name: "one_live_registration_per_registrant" },
    { key: { eventId: 1, status: 1, sequence: 1 } },
    { key: { eventId: 1, sequence: 1 } },
    { key: { schoolId: 1, createdAt: 1 } },
    { key: { educatorId: 1, createdAt: 1 } },
  ];

  /** One page of an event's registrations; `eventReadable` says whether the caller may see the event (nothing otherwise). */
  listForEvent(args: EventRegistrationsArgs, eventReadable: boolean) {
    const filter: Filter<EventRegistrationDocument> = eventReadable ? { eventId: args.eventId } : { _id: { $in: [] } };
    if (args.status) filter.status = args.status;
    return this.page(filter, [["sequence", 1]], args);
  }

  /** The live registration of a registrant (uniqueness check before registering: every record counts). */
  async findLive(key: string) {
    const doc = await this.collection.findOne({ activeKey: key });
    return doc ? toEntity(doc) : null;
  }


  /**
   * Registrations of these events, in registration order; `statuses` empty means all. Only asked for
   * events the caller reached through a readable path (`Event.registrations`).
   */
  async findByEventIds(eventIds: readonly string[], statuses: readonly EventRegistrationStatus[]) {
    const filter: Filter<EventRegistrationDocument> = { eventId: { $in: [...eventIds] } };
    if (statuses.length > 0) filter.status = { $in: [...statuses] };
    const docs = await this.collection.find(filter).sort({ sequence: 1 }).toArray();
    return docs.map(toEntity);
  }

  /** The waiting registrations of these events, in waitlist order (only what positions need). */
  async findWaitingByEventIds(eventIds: readonly string[]) {
    const docs = await this.collection
      .find({ eventId: { $in: [...eventIds] }, status: EventRegistrationStatus.WAITLISTED }, { projection: { eventId: 1, sequence: 1 } })
      .sort({ sequence: 1 })
      .toArray();
    return docs.map((doc) => ({ id: doc._id, eventId: doc.eventId, sequence: doc.sequence }));
  }

  /** Registrations of these schools (or their educators) for events `access` may read, oldest first. */
  findBySchoolIds(access: Access, schoolIds: readonly string[], includeCancelled: boolean) {
    const filter: Filter<EventRegistrationDocument> = { schoolId: { $in: [...schoolIds] } };
    if (!includeCancelled) filter.status = { $in: LIVE };
    return this.findReadable(access, filter, { createdAt: 1, _id: 1 });
  }

  /** Registrations of these educators for events `access` may read, oldest first. */
  findByEducatorIds(access: Access, educatorIds: readonly string[], includeCancelled: boolean) {
    const filter: Filter<EventRegistrationDocument> = { educatorId: { $in: [...educatorIds] } };
    if (!includeCancelled) filter.status = { $in: LIVE };
    return this.findReadable(access, filter, { createdAt: 1, _id: 1 });
  }

  /** The most seats a waiting registration of the event asks for (0 when nobody waits). */
  async largestWaiting(eventId: string): Promise<number> {
    const doc = await this.collection.findOne({ eventId, status: EventRegistrationStatus.WAITLISTED }, { sort: { seats: -1 }, projection: { seats: 1 } });
    return doc?.seats ?? 0;
  }

  /** The first registration waiting for a seat on the event, if any. */
  async firstWaiting(eventId: string) {
    const doc = await this.collection.findOne(
      { eventId, status: EventRegistrationStatus.WAITLISTED },
      { sort: { sequence: 1 } },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Confirms a registration that is still waiting; null if it was cancelled or confirmed meanwhile. */
  async confirmWaiting(id: string) {
    const now = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: EventRegistrationStatus.WAITLISTED },
      { $set: { status: EventRegistrationStatus.CONFIRMED, confirmedAt: now, updatedAt: now } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Cancels a live registration; returns it as it was before (to know whether it held seats), null if not live. */
  async cancelLive(id: string) {
    const now = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: id, status: { $in: LIVE } },
      { $set: { status: EventRegistrationStatus.CANCELLED, cancelledAt: now, updatedAt: now }, $unset: { activeKey: "" } },
      { returnDocument: "before" },
    );
    return doc ? toEntity(doc) : null;
  }
}
