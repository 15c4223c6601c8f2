import type { DevelopmentContext } from "../context";
import type { ImprovementCycle } from "./improvement-cycle";

export function resolveImprovementCycleReference(reference: Pick<ImprovementCycle, "id">, context: DevelopmentContext) {
  return context.loaders.improvementCycleById.load(reference.id);
}
