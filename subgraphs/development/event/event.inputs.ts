import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { DevelopmentOwnerKind, EventFormat, EventKind } from "../enums";
import { DevelopmentOwnerInput } from "../shared/owner";

export const MAX_EVENT_CAPACITY = 100000;

@InputType({ description: "Where an in-person or hybrid event takes place." })
export class EventVenueInput {
  @Field({ description: "The venue's name (1 to 200 characters)." })
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: "Street address." })
  @IsOptional()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true, description: "City." })
  @IsOptional()
  @Length(1, 120)
  city?: string | null;

  @Field(() => String, { nullable: true, description: "State or province code, e.g. MA." })
  @IsOptional()
  @Length(1, 80)
  region?: string | null;

  @Field({ defaultValue: "US", description: "ISO 3166-1 alpha-2 country code; defaults to US." })
  @Matches(/^[A-Z]{2}$/, { message: "country must be an ISO 3166-1 alpha-2 code such as US" })
  country: string;
}

@InputType({ description: "A new event." })
export class CreateEventInput {
  @Field({ description: "The event's title (2 to 200 characters)." })
  @Length(2, 200)
  title: string;

  @Field(() => EventKind, { description: "What sort of event it is." })
  @IsEnum(EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true, description: "What the event is about (up to 4000 characters)." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => DevelopmentOwnerInput, { description: "The hosting network, school or organization." })
  @ValidateNested()
  host: DevelopmentOwnerInput;

  @Field(() => [ID], { defaultValue: [], description: "Networks the event is offered to; a hosting network is added." })
  @ArrayMaxSize(50)
  networkIds: string[];

  @Field(() => LocalDateResolver, { description: "The first day (YYYY-MM-DD)." })
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to the start date." })
  @IsOptional()
  endDate?: string | null;

  @Field(() => EventFormat, { description: "In person (needs a venue), online (needs a link) or hybrid (both)." })
  @IsEnum(EventFormat)
  format: EventFormat;

  @Field(() => EventVenueInput, { nullable: true, description: "Required in person and hybrid." })
  @IsOptional()
  @ValidateNested()
  venue?: EventVenueInput | null;

  @Field(() => String, { nullable: true, description: "Required online and hybrid." })
  @IsOptional()
  @IsUrl()
  onlineUrl?: string | null;

  @Field(() => [String], { defaultValue: [], description: "What the event addresses (up to 20), matched against needs whatever their capitalization." })
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => Int, { description: "Seats in all (1 to 100000); past them registrants wait in order." })
  @IsInt()
  @Min(1)
  @Max(MAX_EVENT_CAPACITY)
  capacity: number;

  @Field(() => Visibility, { defaultValue: Visibility.PUBLIC, description: "Who may see the record: PRIVATE (its owner's staff or managers), NETWORK (members of its network), ALLIANCE (also allied networks whose agreement shares this kind of data) or PUBLIC (everyone). Defaults to PUBLIC." })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateEventInput {
  @Field({ nullable: true, description: "A new title (2 to 200 characters)." })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true, description: "A new description; null removes it." })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: "The networks it is offered to now (a hosting network stays); registrations follow." })
  @IsOptional()
  @ArrayMaxSize(50)
  networkIds?: string[];

  @Field(() => LocalDateResolver, { nullable: true, description: "A new first day (YYYY-MM-DD)." })
  @IsOptional()
  startDate?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "A new last day (YYYY-MM-DD), not before the first." })
  @IsOptional()
  endDate?: string;

  @Field(() => EventFormat, { nullable: true, description: "A new format; it must fit the venue and link." })
  @IsOptional()
  @IsEnum(EventFormat)
  format?: EventFormat;

  @Field(() => EventVenueInput, { nullable: true, description: "A new venue; null removes it (online events only)." })
  @IsOptional()
  @ValidateNested()
  venue?: EventVenueInput | null;

  @Field(() => String, { nullable: true, description: "A new link; null removes it (in-person events only)." })
  @IsOptional()
  @IsUrl()
  onlineUrl?: string | null;

  @Field(() => [String], { nullable: true, description: "The focus areas now (up to 20)." })
  @IsOptional()
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas?: string[];

  @Field(() => Int, { nullable: true, description: "Raising it moves waitlisted registrations up; it cannot drop below the confirmed seats." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_EVENT_CAPACITY)
  capacity?: number;

  @Field(() => Visibility, { nullable: true, description: "A new visibility; registrations follow." })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;
}

/*
 * Every list of events takes the same filters, with the same names and defaults: the root `events` list
 * all of them, a nested list all but those its parent fixes (`School.events` is hosted by the school,
 * `Network.events` offered to the network, `CommonNeed.upcomingEvents` offered to the network, on the
 * need's focus area, from today on).
 */

@ArgsType()
export class UpcomingEventFilterArgs extends PageArgs {
  @Field(() => EventKind, { nullable: true, description: "Only events of this kind; all kinds when null." })
  @IsOptional()
  kind?: EventKind | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only events starting on or before this date (e.g. the end of the term); no bound when null." })
  @IsOptional()
  to?: string | null;

  @Field({ defaultValue: false, description: "Only events with at least one seat left (`seatsLeft > 0`)." })
  withSeatsOnly: boolean;
}

@ArgsType()
export class EventFilterArgs extends UpcomingEventFilterArgs {
  @Field(() => String, { nullable: true, description: "Only events that address this focus area (any capitalization or spacing)." })
  @IsOptional()
  focusArea?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Only events still running on or after this date (their end date); no bound when null." })
  @IsOptional()
  from?: string | null;

  @Field({ defaultValue: false, description: "Also list cancelled events (by default only scheduled ones)." })
  includeCancelled: boolean;
}

const HOST_KIND = "Only events hosted by this kind of owner (network, school or organization).";
const HOST_ID = "Only events hosted by this network, school or organization (its id in the networks subgraph).";
const NETWORK_ID = "Only events offered to this network (a network's own events included).";

/** The root list: every filter. */
@ArgsType()
export class EventsArgs extends EventFilterArgs {
  @Field(() => DevelopmentOwnerKind, { nullable: true, description: HOST_KIND })
  @IsOptional()
  hostKind?: DevelopmentOwnerKind | null;

  @Field(() => ID, { nullable: true, description: HOST_ID })
  @IsOptional()
  hostId?: string | null;

  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;
}

/** `School.events`: the host is the school. */
@ArgsType()
export class HostedEventsArgs extends EventFilterArgs {
  @Field(() => ID, { nullable: true, description: NETWORK_ID })
  @IsOptional()
  networkId?: string | null;
}

/** `Network.events`: offered to the network. */
@ArgsType()
export class OfferedEventsArgs extends EventFilterArgs {
  @Field(() => DevelopmentOwnerKind, { nullable: true, description: HOST_KIND })
  @IsOptional()
  hostKind?: DevelopmentOwnerKind | null;

  @Field(() => ID, { nullable: true, description: HOST_ID })
  @IsOptional()
  hostId?: string | null;
}

/** `CommonNeed.upcomingEvents`: offered to the need's network, on its focus area, scheduled, starting today or later. */
@ArgsType()
export class UpcomingEventsArgs extends UpcomingEventFilterArgs {
  @Field(() => DevelopmentOwnerKind, { nullable: true, description: HOST_KIND })
  @IsOptional()
  hostKind?: DevelopmentOwnerKind | null;

  @Field(() => ID, { nullable: true, description: HOST_ID })
  @IsOptional()
  hostId?: string | null;
}
