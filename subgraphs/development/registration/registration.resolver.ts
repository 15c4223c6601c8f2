import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DevelopmentContext } from "../context";
import { EventRegistrationStatus } from "../enums";
import { Event } from "../event/event";
import { Educator, entityRef, School } from "../federation/entities";
import { EventRegistration, EventRegistrationConnection } from "./registration";
import { EventRegistrationFilterArgs, EventRegistrationsArgs, RegisterForEventInput } from "./registration.inputs";

@Resolver(() => EventRegistration)
export class EventRegistrationResolver {
  @Query(() => EventRegistration, { nullable: true, description: "A registration by id; null when it does not exist or you may not see its event." })
  eventRegistration(@Arg("id", () => ID, { description: "The registration's id." }) id: string, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.registrationById.load(id);
  }

  @Query(() => EventRegistrationConnection, { description: "An event's registrations in registration order; empty for an event the caller may not see." })
  eventRegistrations(@Args() args: EventRegistrationsArgs, @Ctx() { access, repos }: DevelopmentContext) {
    return repos.registrations.list(access, args);
  }

  @FieldResolver(() => Event, { description: "The event registered for." })
  event(@Root() registration: EventRegistration, @Ctx() { loaders }: DevelopmentContext) {
    return loaders.eventById.load(registration.eventId);
  }

  @FieldResolver(() => Educator, { nullable: true, description: "The registered educator, for an educator's registration; null for a school's team." })
  educator(@Root() registration: EventRegistration) {
    return registration.educatorId ? entityRef(registration.educatorId) : null;
  }

  @FieldResolver(() => School, { nullable: true, description: "The registering school, or the educator's school when given." })
  school(@Root() registration: EventRegistration) {
    return registration.schoolId ? entityRef(registration.schoolId) : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Place on the waitlist (1 is next), while waitlisted." })
  async waitlistPosition(@Root() registration: EventRegistration, @Ctx() { loaders }: DevelopmentContext) {
    if (registration.status !== EventRegistrationStatus.WAITLISTED) return null;
    const waiting = await loaders.waitingByEvent.load(registration.eventId);
    const index = waiting.findIndex((entry) => entry.id === registration.id);
    return index >= 0 ? index + 1 : null;
  }

  @Mutation(() => EventRegistration, {
    description:
      "Registers an educator or a school: CONFIRMED while seats are left and nobody waits, WAITLISTED otherwise. CONFLICT if already registered. " +
      "An educator registers themselves, signed in as staff of their school; a school's team is registered by its staff or the coordinators of the event's network.",
  })
  registerForEvent(@Arg("input", { description: "Who registers for which event, and how many seats." }) input: RegisterForEventInput, @Ctx() { access, services }: DevelopmentContext) {
    return services.registrations.register(access, input);
  }

  @Mutation(() => EventRegistration, { description: "Cancels a registration; freed seats go to the waitlist in order." })
  cancelEventRegistration(@Arg("id", () => ID, { description: "The registration's id." }) id: string, @Ctx() { access, services }: DevelopmentContext) {
    return services.registrations.cancel(access, id);
  }
}

@Resolver(() => School)
export class SchoolRegistrationsResolver {
  @FieldResolver(() => EventRegistrationConnection, {
    description: "The school's registrations and those of its educators, for events you may see, oldest first; the filters of `Query.eventRegistrations`.",
  })
  eventRegistrations(@Root() school: School, @Args() args: EventRegistrationFilterArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("School.eventRegistrations", args, school.id, (ids) => repos.registrations.pagesForSchools(access, ids, args));
  }
}

@Resolver(() => Educator)
export class EducatorRegistrationsResolver {
  @FieldResolver(() => EventRegistrationConnection, {
    description: "The educator's event registrations, for events you may see, oldest first; the filters of `Query.eventRegistrations`.",
  })
  eventRegistrations(@Root() educator: Educator, @Args() args: EventRegistrationFilterArgs, @Ctx() { access, loaders, repos }: DevelopmentContext) {
    return loaders.pages.load("Educator.eventRegistrations", args, educator.id, (ids) => repos.registrations.pagesForEducators(access, ids, args));
  }
}
