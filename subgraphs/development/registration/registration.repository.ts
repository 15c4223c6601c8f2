import type { Filter, IndexDescription } from "mongodb";
import { READ_ALL, SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import type { OwnerRef } from "../shared/owner";
import { EventRegistrationStatus, type EventRegistrantKind } from "../enums";
import { Policies } from "../policies";
import type { EventRegistrationFilterArgs, EventRegistrationsArgs } from "./registration.inputs";

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

/** An event's registrations go in registration order (the waitlist's), a school's or educator's oldest first. */
const BY_SEQUENCE: SortKeys = [["sequence", 1]];
const OLDEST_FIRST: SortKeys = [["createdAt", 1]];

function registrationFilter(args: EventRegistrationFilterArgs): Filter<EventRegistrationDocument> {
  if (args.status) return { status: args.status };
  return args.includeCancelled ? {} : { status: { $in: LIVE } };
}

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

  /** One page of an event's registrations that `access` may read (those of an event it may read: they follow it). */
  list(access: Access, args: EventRegistrationsArgs) {
    return this.pageReadable(access, { $and: [{ eventId: args.eventId }, registrationFilter(args)] } as Filter<EventRegistrationDocument>, BY_SEQUENCE, args);
  }

  pagesForEvents(access: Access, eventIds: readonly string[], args: EventRegistrationFilterArgs) {
    return this.pagesByGroupReadable(access, "eventId", eventIds, registrationFilter(args), BY_SEQUENCE, args);
  }

  /** Registrations of these schools (or of their educators) for events `access` may read. */
  pagesForSchools(access: Access, schoolIds: readonly string[], args: EventRegistrationFilterArgs) {
    return this.pagesByGroupReadable(access, "schoolId", schoolIds, registrationFilter(args), OLDEST_FIRST, args);
  }

  pagesForEducators(access: Access, educatorIds: readonly string[], args: EventRegistrationFilterArgs) {
    return this.pagesByGroupReadable(access, "educatorId", educatorIds, registrationFilter(args), OLDEST_FIRST, args);
  }

  /** The waiting registrations of these events that `access` may read, in waitlist order (only what positions need). */
  async findWaitingByEventIds(access: Access, eventIds: readonly string[]) {
    const docs = await this.collection
      .find(this.readable(access, { eventId: { $in: [...eventIds] }, status: EventRegistrationStatus.WAITLISTED }), { ...READ_ALL, projection: { eventId: 1, sequence: 1 } })
      .sort({ sequence: 1 })
      .toArray();
    return docs.map((doc) => ({ id: doc._id, eventId: doc.eventId, sequence: doc.sequence }));
  }

  /** The live registration of a registrant: the uniqueness check before registering, for writes only (every record counts, whoever reads it). */
  async findLive(key: string) {
    const doc = await this.collection.findOne({ activeKey: key });
    return doc ? toEntity(doc) : null;
  }


  /** The most seats a waiting registration of the event asks for (0 when nobody waits): for the capacity check of a write. */
  async largestWaiting(eventId: string): Promise<number> {
    const doc = await this.collection.findOne({ eventId, status: EventRegistrationStatus.WAITLISTED }, { sort: { seats: -1 }, projection: { seats: 1 } });
    return doc?.seats ?? 0;
  }

  /** The first registration waiting for a seat on the event, if any: for moving the waitlist up (a write). */
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
