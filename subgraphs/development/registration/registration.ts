import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { EventRegistrantKind, EventRegistrationStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "An educator's or a school's registration for an event: confirmed, waitlisted or cancelled." })
export class EventRegistration {
  @Field(() => ID, { description: "The registration's id." })
  id: string;

  eventId: string;

  @Field(() => EventRegistrantKind, { description: "Whether an educator (one seat) or a school (a team) registered." })
  registrantKind: EventRegistrantKind;

  educatorId?: string | null;

  /** The registering school, or the educator's school when given. */
  schoolId?: string | null;

  @Field(() => Int, { description: "Seats this registration takes (a school may register a team)." })
  seats: number;

  @Field(() => EventRegistrationStatus, { description: "CONFIRMED (holds its seats), WAITLISTED (waits for seats, see `waitlistPosition`) or CANCELLED." })
  status: EventRegistrationStatus;

  /** Registration number on the event: the waitlist's order. */
  sequence: number;

  @Field(() => String, { nullable: true, description: "A note from the registrant to the host; null when none." })
  note?: string | null;

  @Field({ description: "When the registration arrived." })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When a seat was confirmed (at once, or on moving up from the waitlist)." })
  confirmedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "When the registration was cancelled (UTC); null unless cancelled." })
  cancelledAt?: Date | null;

  @Field({ description: "When the record last changed (UTC)." })
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType({ description: "A page of event registrations (Relay connection)." })
export class EventRegistrationConnection extends ConnectionType(EventRegistration) {}
