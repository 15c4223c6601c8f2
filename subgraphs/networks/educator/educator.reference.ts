import type { NetworksContext } from "../context";
import type { Educator } from "./educator";

export function resolveEducatorReference(reference: Pick<Educator, "id">, context: NetworksContext) {
  return context.loaders.educatorById.load(reference.id);
}
