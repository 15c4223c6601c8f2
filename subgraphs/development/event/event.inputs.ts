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

@ArgsType()
export class EventsArgs extends PageArgs {
  @Field(() => EventKind, { nullable: true })
  @IsOptional()
  kind?: EventKind | null;

  @Field(() => String, { nullable: true, description: "Events that address this focus area (any capitalization)." })
  @IsOptional()
  focusArea?: string | null;

  @Field(() => DevelopmentOwnerKind, { nullable: true })
  @IsOptional()
  hostKind?: DevelopmentOwnerKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  hostId?: string | null;

  @Field(() => ID, { nullable: true, description: "Events offered to this network." })
  @IsOptional()
  networkId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Events still running on or after this date." })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Events starting on or before this date." })
  @IsOptional()
  to?: string | null;

  @Field({ defaultValue: false })
  includeCancelled: boolean;
}

/** Date window of a nested event list (`School.events`, `Network.events`). */
@ArgsType()
export class EventWindowArgs {
  @Field(() => LocalDateResolver, { nullable: true, description: "Events still running on or after this date; defaults to today." })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: "Events starting on or before this date (e.g. the end of the term)." })
  @IsOptional()
  to?: string | null;

  @Field({ defaultValue: false })
  includeCancelled: boolean;
}
