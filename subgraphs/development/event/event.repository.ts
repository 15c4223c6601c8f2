import type { Filter, IndexDescription } from "mongodb";
import { SecuredRepository, toEntity, type Access, type SortKeys, type StoredDocument, type Visibility } from "../../kit";
import { EventStatus, type EventFormat, type EventKind } from "../enums";
import { focusKey } from "../shared/focus";
import type { OwnerRef } from "../shared/owner";
import { Policies } from "../policies";
import type { EventsArgs, HostedEventsArgs, OfferedEventsArgs, UpcomingEventsArgs } from "./event.inputs";

export interface EventDocument extends StoredDocument {
  title: string;
  kind: EventKind;
  description?: string | null;
  /** The host. */
  owner: OwnerRef;
  networkIds: string[];
  startDate: string;
  endDate: string;
  format: EventFormat;
  venue?: { name: string; address?: string | null; city?: string | null; region?: string | null; country: string } | null;
  onlineUrl?: string | null;
  focusAreas: string[];
  focusAreaKeys: string[];
  capacity: number;
  /** Seat counters, changed only by guarded atomic updates: `seatsLeft = capacity - confirmedSeats` and never below 0. */
  seatsLeft: number;
  confirmedSeats: number;
  confirmedCount: number;
  waitlistCount: number;
  /** Hands out registration numbers: the waitlist's order. */
  registrationSequence: number;
  status: EventStatus;
  visibility: Visibility;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date | null;
}

/** The filters any list of events may take (see `event.inputs.ts`); each list passes those it has. */
type EventFilter = Partial<Omit<EventsArgs, "first" | "after">>;

const BY_START: SortKeys = [["startDate", 1]];

function eventFilter(args: EventFilter): Filter<EventDocument> {
  const filter: Filter<EventDocument> = {};
  if (args.kind) filter.kind = args.kind;
  if (args.focusArea) filter.focusAreaKeys = focusKey(args.focusArea);
  if (args.hostKind) filter["owner.kind"] = args.hostKind;
  if (args.hostId) filter["owner.id"] = args.hostId;
  if (args.networkId) filter.networkIds = args.networkId;
  if (args.from) filter.endDate = { $gte: args.from };
  if (args.to) filter.startDate = { $lte: args.to };
  if (!args.includeCancelled) filter.status = EventStatus.SCHEDULED;
  if (args.withSeatsOnly) filter.seatsLeft = { $gt: 0 };
  return filter;
}

/** Key of the upcoming events addressing one common need: its network and focus area. */
export function needEventsKey(networkId: string, focusAreaKey: string): string {
  return `${networkId}\u0000${focusAreaKey}`;
}

/** An event's `needEventsKey`s: every pair of a network it is offered to and a focus area it addresses. */
const NEED_KEYS = {
  $reduce: {
    input: "$networkIds",
    initialValue: [],
    in: { $concatArrays: ["$$value", { $map: { input: "$focusAreaKeys", as: "area", in: { $concat: ["$$this", "\u0000", "$$area"] } } }] },
  },
};

export class EventRepository extends SecuredRepository<EventDocument> {
  readonly policy = Policies.event;
  readonly collectionName = "events";
  readonly indexes: IndexDescription[] = [
    { key: { startDate: 1 } },
    { key: { "owner.id": 1, startDate: 1 } },
    { key: { networkIds: 1, startDate: 1 } },
    { key: { focusAreaKeys: 1, startDate: 1 } },
  ];

  list(access: Access, args: EventsArgs) {
    return this.pageReadable(access, eventFilter(args), BY_START, args);
  }

  /** One page per host (school) of the events it hosts that `access` may read. */
  pagesHostedBy(access: Access, hostIds: readonly string[], args: HostedEventsArgs) {
    return this.pagesByGroupReadable(access, "owner.id", hostIds, eventFilter(args), BY_START, args);
  }

  /** One page per network of the events offered to it that `access` may read. */
  pagesOfferedTo(access: Access, networkIds: readonly string[], args: OfferedEventsArgs) {
    return this.pagesByGroupReadable(access, "networkIds", networkIds, eventFilter(args), BY_START, args);
  }

  /**
   * One page per `needEventsKey` of the scheduled events starting on or after `from`, offered to its
   * network and addressing its focus area, that `access` may read.
   */
  pagesAddressing(access: Access, keys: readonly string[], from: string, args: UpcomingEventsArgs) {
    const pairs = keys.map((key) => key.split("\u0000"));
    const filter = {
      $and: [
        { networkIds: { $in: [...new Set(pairs.map(([networkId]) => networkId))] }, focusAreaKeys: { $in: [...new Set(pairs.map(([, area]) => area))] } },
        { startDate: { $gte: from } },
        eventFilter(args),
      ],
    } as Filter<EventDocument>;
    return this.pagesByGroupReadable(access, { expression: NEED_KEYS }, keys, filter, BY_START, args);
  }

  /**
   * Takes `seats` for a new registrant in one atomic update, only while the event is scheduled, nobody
   * waits (no jumping the queue) and enough seats are left; also hands out the registration number.
   * Null when the registrant must wait instead.
   */
  async claimSeatsForNewcomer(eventId: string, seats: number) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: eventId, status: EventStatus.SCHEDULED, waitlistCount: { $lte: 0 }, seatsLeft: { $gte: seats } },
      { $inc: { seatsLeft: -seats, confirmedSeats: seats, confirmedCount: 1, registrationSequence: 1 }, $set: { updatedAt: new Date() } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  /** Puts one more registrant on the waitlist and hands out its number; null unless the event is scheduled. */
  async joinWaitlist(eventId: string) {
    const doc = await this.collection.findOneAndUpdate(
      { _id: eventId, status: EventStatus.SCHEDULED },
      { $inc: { waitlistCount: 1, registrationSequence: 1 }, $set: { updatedAt: new Date() } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  async leaveWaitlist(eventId: string): Promise<void> {
    await this.collection.updateOne({ _id: eventId }, { $inc: { waitlistCount: -1 }, $set: { updatedAt: new Date() } });
  }

  /** Takes `seats` for the head of the waitlist, only while enough are left; false when they are not. */
  async claimSeatsForWaiting(eventId: string, seats: number): Promise<boolean> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: eventId, status: EventStatus.SCHEDULED, seatsLeft: { $gte: seats } },
      { $inc: { seatsLeft: -seats, confirmedSeats: seats, confirmedCount: 1, waitlistCount: -1 }, $set: { updatedAt: new Date() } },
    );
    return doc !== null;
  }

  /** Gives back seats claimed for a waiting registration that turned out to be promoted or cancelled meanwhile. */
  async undoClaimForWaiting(eventId: string, seats: number): Promise<void> {
    await this.collection.updateOne(
      { _id: eventId },
      { $inc: { seatsLeft: seats, confirmedSeats: -seats, confirmedCount: -1, waitlistCount: 1 }, $set: { updatedAt: new Date() } },
    );
  }

  /** Frees the seats of a cancelled confirmed registration. */
  async releaseSeats(eventId: string, seats: number): Promise<void> {
    await this.collection.updateOne(
      { _id: eventId },
      { $inc: { seatsLeft: seats, confirmedSeats: -seats, confirmedCount: -1 }, $set: { updatedAt: new Date() } },
    );
  }

  /**
   * Sets a new capacity if it is still `previous` and the confirmed seats fit under the new one.
   * Null when either condition fails (the caller re-reads to tell which).
   */
  async changeCapacity(eventId: string, previous: number, capacity: number) {
    const delta = capacity - previous;
    const doc = await this.collection.findOneAndUpdate(
      { _id: eventId, capacity: previous, seatsLeft: { $gte: -delta } },
      { $set: { capacity, updatedAt: new Date() }, $inc: { seatsLeft: delta } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }

  async cancel(eventId: string) {
    const now = new Date();
    const doc = await this.collection.findOneAndUpdate(
      { _id: eventId, status: EventStatus.SCHEDULED },
      { $set: { status: EventStatus.CANCELLED, cancelledAt: now, updatedAt: now } },
      { returnDocument: "after" },
    );
    return doc ? toEntity(doc) : null;
  }
}
