import { IsEnum, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs } from "../../kit";
import { EventRegistrantKind, EventRegistrationStatus } from "../enums";

export const MAX_SEATS_PER_REGISTRATION = 50;

@InputType({ description: "A registration for an event: an educator (one seat) or a school's team." })
export class RegisterForEventInput {
  @Field(() => ID, { description: "The event's id (one you may see)." })
  @Length(1, 64)
  eventId: string;

  @Field(() => EventRegistrantKind, { description: "EDUCATOR (registers themselves) or SCHOOL (a team, registered by its staff or the event network's coordinators)." })
  @IsEnum(EventRegistrantKind)
  registrantKind: EventRegistrantKind;

  @Field(() => ID, { nullable: true, description: "Required when an educator registers." })
  @IsOptional()
  @Length(1, 64)
  educatorId?: string | null;

  @Field(() => ID, { nullable: true, description: "The registering school, or the educator's school (required in both cases)." })
  @IsOptional()
  @Length(1, 64)
  schoolId?: string | null;

  @Field(() => Int, { defaultValue: 1, description: `Seats; more than one only for a school's team (at most ${MAX_SEATS_PER_REGISTRATION}).` })
  @IsInt()
  @Min(1)
  @Max(MAX_SEATS_PER_REGISTRATION)
  seats: number;

  @Field(() => String, { nullable: true, description: "A note to the host (up to 1000 characters)." })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

/** The filters of every list of registrations (`Query.eventRegistrations`, `Event.registrations`, `School.eventRegistrations`, `Educator.eventRegistrations`). */
@ArgsType()
export class EventRegistrationFilterArgs extends PageArgs {
  @Field(() => EventRegistrationStatus, { nullable: true, description: "Only registrations in this status; when null, the live ones (confirmed and waitlisted)." })
  @IsOptional()
  status?: EventRegistrationStatus | null;

  @Field({ defaultValue: false, description: "With no `status`: also list cancelled registrations." })
  includeCancelled: boolean;
}

@ArgsType()
export class EventRegistrationsArgs extends EventRegistrationFilterArgs {
  @Field(() => ID, { description: "The event; an event you may not see has no registrations for you." })
  @Length(1, 64)
  eventId: string;
}
