import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { today } from "../../kit";
import type { DevelopmentContext } from "../context";
import { EventRegistrationStatus } from "../enums";
import { entityRef, Network, School } from "../federation/entities";
import { EventRegistration } from "../registration/registration";
import { DevelopmentOwner, type OwnerRef } from "../shared/owner";
import { Event, EventConnection } from "./event";
import { CreateEventInput, EventsArgs, EventWindowArgs, UpdateEventInput } from "./event.inputs";
import type { EventWindow } from "./event.repository";

function eventWindow(args: EventWindowArgs): EventWindow {
  return { from: args.from ?? today(), to: args.to ?? null, includeCancelled: args.includeCancelled };
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true })
  event(@Arg("id", () => ID) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.eventById.load(id);
  }

  @Query(() => EventConnection, { description: "Events by start date, filtered by kind, focus area, host, network or dates." })
  events(@Args() args: EventsArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.events.list(access, args);
  }

  @FieldResolver(() => DevelopmentOwner, { description: "The network, school or organization hosting the event." })
  host(@Root() event: Event): OwnerRef {
    return event.owner;
  }

  @FieldResolver(() => [Network], { description: "The networks the event is offered to (its host, if a network, first)." })
  networks(@Root() event: Event) {
    return event.networkIds.map(entityRef);
  }

  @FieldResolver(() => Boolean, { description: "True when no seat is left: new registrations go on the waitlist." })
  isFull(@Root() event: Event): boolean {
    return event.seatsLeft <= 0;
  }

  @FieldResolver(() => [EventRegistration], {
    description: "Registrations in registration order: the confirmed and waitlisted ones, or those of one status.",
  })
  registrations(
    @Root() event: Event,
    @Arg("status", () => EventRegistrationStatus, { nullable: true }) status: EventRegistrationStatus | null,
    @Ctx() { loaders }: DevelopmentContext,
  ) {
    const statuses = status ? [status] : [EventRegistrationStatus.CONFIRMED, EventRegistrationStatus.WAITLISTED];
    return loaders.registrationsByEvent(statuses).load(event.id);
  }

  @Mutation(() => Event)
  createEvent(@Arg("input") input: CreateEventInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.events.create(access, input);
  }

  @Mutation(() => Event, { description: "Changes an event; a new capacity cannot drop below the confirmed seats and, raised, moves the waitlist up." })
  updateEvent(@Arg("id", () => ID) id: string, @Arg("input") input: UpdateEventInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.events.update(access, id, input);
  }

  @Mutation(() => Event, { description: "Cancels a scheduled event: it takes no more registrations." })
  cancelEvent(@Arg("id", () => ID) id: string, @Ctx() { access, services }: DevelopmentContext) {
    return services.events.cancel(access, id);
  }
}

@Resolver(() => School)
export class SchoolEventsResolver {
  @FieldResolver(() => [Event], { description: "Events the school hosts in a window (default: from today on), by start date." })
  events(@Root() school: School, @Args() window: EventWindowArgs, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.eventsHostedBy(eventWindow(window)).load(school.id);
  }
}

@Resolver(() => Network)
export class NetworkEventsResolver {
  @FieldResolver(() => [Event], { description: "Events offered to the network (its own included) in a window (default: from today on), by start date." })
  events(@Root() network: Network, @Args() window: EventWindowArgs, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.eventsOfferedTo(eventWindow(window)).load(network.id);
  }
}
