import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUrl, Length, Matches, Max, Min, ValidateNested } from "class-validator";
import { LocalDateResolver } from "graphql-scalars";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PageArgs, Visibility } from "../../kit";
import { DevelopmentOwnerKind, EventFormat, EventKind } from "../enums";
import { DevelopmentOwnerInput } from "../shared/owner";

export const MAX_EVENT_CAPACITY = 100000;

@InputType()
export class EventVenueInput {
  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 120)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 80)
  region?: string | null;

  @Field({ defaultValue: "US" })
  @Matches(/^[A-Z]{2}$/, { message: "country must be an ISO 3166-1 alpha-2 code such as US" })
  country: string;
}

@InputType()
export class CreateEventInput {
  @Field()
  @Length(2, 200)
  title: string;

  @Field(() => EventKind)
  @IsEnum(EventKind)
  kind: EventKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => DevelopmentOwnerInput, { description: "The hosting network, school or organization." })
  @ValidateNested()
  host: DevelopmentOwnerInput;

  @Field(() => [ID], { defaultValue: [], description: "Networks the event is offered to; a hosting network is added." })
  @ArrayMaxSize(50)
  networkIds: string[];

  @Field(() => LocalDateResolver)
  startDate: string;

  @Field(() => LocalDateResolver, { nullable: true, description: "Defaults to the start date." })
  @IsOptional()
  endDate?: string | null;

  @Field(() => EventFormat)
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

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 100, { each: true })
  focusAreas: string[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENT_CAPACITY)
  capacity: number;

  @Field(() => Visibility, { defaultValue: Visibility.PUBLIC })
  @IsEnum(Visibility)
  visibility: Visibility;
}

@InputType({ description: "Fields to change; omitted fields stay as they are." })
export class UpdateEventInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(2, 200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  description?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  networkIds?: string[];

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  startDate?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  @IsOptional()
  endDate?: string;

  @Field(() => EventFormat, { nullable: true })
  @IsOptional()
  @IsEnum(EventFormat)
  format?: EventFormat;

  @Field(() => EventVenueInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  venue?: EventVenueInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl()
  onlineUrl?: string | null;

  @Field(() => [String], { nullable: true })
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

  @Field(() => Visibility, { nullable: true })
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
