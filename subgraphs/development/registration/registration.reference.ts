import type { DevelopmentContext } from "../context";
import type { EventRegistration } from "./registration";

export function resolveEventRegistrationReference(reference: Pick<EventRegistration, "id">, context: DevelopmentContext) {
  return context.loaders.registrationById.load(reference.id);
}
