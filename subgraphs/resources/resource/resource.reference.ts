import type { ResourcesContext } from "../context";
import type { Resource } from "./resource";

export function resolveResourceReference(reference: Pick<Resource, "id">, context: ResourcesContext) {
  return context.loaders.resourceById.load(reference.id);
}
