import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { EventFormat, EventKind, EventStatus } from "../enums";
import type { OwnerRef } from "../shared/owner";

@ObjectType({ description: "Where an in-person event takes place." })
export class EventVenue {
  @Field({ description: "e.g. Francis W. Parker Charter Essential School, Regional Teachers Center." })
  name: string;

  @Field(() => String, { nullable: true, description: "Street address; null when not given." })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "City; null when not given." })
  city?: string | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. MA." })
  region?: string | null;

  @Field({ description: "ISO 3166-1 alpha-2 country code." })
  country: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType({
  description:
    "A professional-development event (workshop, retreat, summer institute, forum, visitation day, webinar, in-service day) " +
    "hosted by a network, school or organization. Registrations never exceed its capacity; past it, registrants wait in order.",
})
export class Event {
  @Field(() => ID, { description: "The event's id." })
  id: string;

  @Field({ description: "The event's title, e.g. NESSN Summer Institute." })
  title: string;

  @Field(() => EventKind, { description: "What sort of event it is." })
  kind: EventKind;

  @Field(() => String, { nullable: true, description: "What the event is about, in the host's words; null when not given." })
  description?: string | null;

  /** The hosting network, school or organization (exposed as `host`). */
  owner: OwnerRef;

  /** Networks the event is offered to (a hosting network always included). */
  networkIds: string[];

  @Field(() => LocalDateResolver, { description: "The first day (local date of the venue, YYYY-MM-DD)." })
  startDate: string;

  @Field(() => LocalDateResolver, { description: "Same as the start date for one-day events." })
  endDate: string;

  @Field(() => EventFormat, { description: "In person, online or both." })
  format: EventFormat;

  @Field(() => EventVenue, { nullable: true, description: "Set for in-person and hybrid events." })
  venue?: EventVenue | null;

  @Field(() => String, { nullable: true, description: "Set for online and hybrid events." })
  onlineUrl?: string | null;

  @Field(() => [String], { description: "What the event addresses, e.g. advisories, literacy; matched against needs." })
  focusAreas: string[];

  focusAreaKeys: string[];

  @Field(() => Int, { description: "Seats available in all." })
  capacity: number;

  @Field(() => Int, { description: "Seats taken by confirmed registrations." })
  confirmedSeats: number;

  @Field(() => Int, { description: "Seats still free: capacity minus confirmed seats." })
  seatsLeft: number;

  @Field(() => Int, { description: "How many confirmed registrations (a school's registration may take several seats)." })
  confirmedCount: number;

  @Field(() => Int, { description: "How many registrations wait for a seat." })
  waitlistCount: number;

  registrationSequence: number;

  @Field(() => EventStatus, { description: "SCHEDULED, or CANCELLED (no more registrations)." })
  status: EventStatus;

  @Field(() => Visibility, { description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone)." })
  visibility: Visibility;

  @Field({ description: "When the record was created (UTC)." })
  createdAt: Date;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: "When the event was cancelled (UTC); null while scheduled." })
  cancelledAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of events (Relay connection)." })
export class EventConnection extends ConnectionType(Event) {}
