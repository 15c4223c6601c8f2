import type { DevelopmentContext } from "../context";
import type { Need } from "./need";

export function resolveNeedReference(reference: Pick<Need, "id">, context: DevelopmentContext) {
  return context.loaders.needById.load(reference.id);
}
