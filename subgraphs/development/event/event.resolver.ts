import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DevelopmentContext } from "../context";
import { entityRef, Network, School } from "../federation/entities";
import { EventRegistrationConnection } from "../registration/registration";
import { EventRegistrationFilterArgs } from "../registration/registration.inputs";
import { DevelopmentOwner, type OwnerRef } from "../shared/owner";
import { Event, EventConnection } from "./event";
import { CreateEventInput, EventsArgs, HostedEventsArgs, OfferedEventsArgs, UpdateEventInput } from "./event.inputs";

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { nullable: true, description: "An event by id; null when it does not exist or you may not see it." })
  event(@Arg("id", () => ID, { description: "The event's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
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

  @FieldResolver(() => EventRegistrationConnection, {
    description: "The event's registrations in registration order (the waitlist's order): live ones (confirmed and waitlisted) unless filtered.",
  })
  registrations(@Root() event: Event, @Args() args: EventRegistrationFilterArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Event.registrations", args, event.id, (ids) => repos.registrations.pagesForEvents(access, ids, args));
  }

  @Mutation(() => Event, { description: "Creates an event hosted by a network (its coordinators), a school (its staff) or an organization (its admins), offered to the networks named." })
  createEvent(@Arg("input", { description: "The event." }) input: CreateEventInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.events.create(access, input);
  }

  @Mutation(() => Event, { description: "Changes an event; a new capacity cannot drop below the confirmed seats and, raised, moves the waitlist up." })
  updateEvent(@Arg("id", () => ID, { description: "The event's id." }) id: string, @Arg("input", { description: "The fields to change." }) input: UpdateEventInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.events.update(access, id, input);
  }

  @Mutation(() => Event, { description: "Cancels a scheduled event: it takes no more registrations." })
  cancelEvent(@Arg("id", () => ID, { description: "The event's id." }) id: string, @Ctx() { access, services }: DevelopmentContext) {
    return services.events.cancel(access, id);
  }
}

@Resolver(() => School)
export class SchoolEventsResolver {
  @FieldResolver(() => EventConnection, { description: "Events the school hosts that you may see, by start date; the filters of `Query.events`." })
  events(@Root() school: School, @Args() args: HostedEventsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("School.events", args, school.id, (ids) => repos.events.pagesHostedBy(access, ids, args));
  }
}

@Resolver(() => Network)
export class NetworkEventsResolver {
  @FieldResolver(() => EventConnection, {
    description: "Events offered to the network (its own included) that you may see, by start date; the filters of `Query.events`.",
  })
  events(@Root() network: Network, @Args() args: OfferedEventsArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Network.events", args, network.id, (ids) => repos.events.pagesOfferedTo(access, ids, args));
  }
}
