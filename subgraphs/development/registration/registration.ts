import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { ConnectionType, Provenance } from "../../kit";
import { EventRegistrantKind, EventRegistrationStatus } from "../enums";

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "An educator's or a school's registration for an event: confirmed, waitlisted or cancelled." })
export class EventRegistration {
  @Field(() => ID)
  id: string;

  eventId: string;

  @Field(() => EventRegistrantKind)
  registrantKind: EventRegistrantKind;

  educatorId?: string | null;

  /** The registering school, or the educator's school when given. */
  schoolId?: string | null;

  @Field(() => Int, { description: "Seats this registration takes (a school may register a team)." })
  seats: number;

  @Field(() => EventRegistrationStatus)
  status: EventRegistrationStatus;

  /** Registration number on the event: the waitlist's order. */
  sequence: number;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field({ description: "When the registration arrived." })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When a seat was confirmed (at once, or on moving up from the waitlist)." })
  confirmedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  cancelledAt?: Date | null;

  @Field()
  updatedAt: Date;

  @Field(() => Provenance, { nullable: true, description: "Where this demo record comes from (a seed document, or illustration); null for records partners entered." })
  provenance?: Provenance | null;
}

@ObjectType()
export class EventRegistrationConnection extends ConnectionType(EventRegistration) {}
