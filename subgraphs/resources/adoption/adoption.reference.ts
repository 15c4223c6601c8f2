import type { ResourcesContext } from "../context";
import type { ResourceAdoption } from "./adoption";

export function resolveAdoptionReference(reference: Pick<ResourceAdoption, "id">, context: ResourcesContext) {
  return context.loaders.adoptionById.load(reference.id);
}
