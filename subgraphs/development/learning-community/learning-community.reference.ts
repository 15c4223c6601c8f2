import type { DevelopmentContext } from "../context";
import type { LearningCommunity } from "./learning-community";

export function resolveLearningCommunityReference(reference: Pick<LearningCommunity, "id">, context: DevelopmentContext) {
  return context.loaders.learningCommunityById.load(reference.id);
}
