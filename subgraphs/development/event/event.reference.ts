import type { DevelopmentContext } from "../context";
import type { Event } from "./event";

export function resolveEventReference(reference: Pick<Event, "id">, context: DevelopmentContext) {
  return context.loaders.eventById.load(reference.id);
}
