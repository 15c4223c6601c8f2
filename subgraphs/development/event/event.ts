import { LocalDateResolver } from "graphql-scalars";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Visibility, Provenance } from "../../kit";
import { EventFormat, EventKind, EventStatus } from "../enums";
import type { OwnerRef } from "../shared/owner";

@ObjectType({ description: "Where an in-person event takes place." })
export class EventVenue {
  @Field({ description: "e.g. Francis W. Parker Charter Essential School, Regional Teachers Center." })
  name: string;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
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
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  /** The hosting network, school or organization (exposed as `host`). */
  owner: OwnerRef;

  /** Networks the event is offered to (a hosting network always included). */
  networkIds: string[];

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver, { description: "Same as the start date for one-day events." })
  endDate: string;

  @Field(() => EventFormat)
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

  @Field(() => EventStatus)
  status: EventStatus;

  @Field(() => Visibility)
  visibility: Visibility;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt?: Date | null;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class EventConnection extends ConnectionType(Event) {}
