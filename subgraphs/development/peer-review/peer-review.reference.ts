import type { DevelopmentContext } from "../context";
import type { PeerReview } from "./peer-review";

export function resolvePeerReviewReference(reference: Pick<PeerReview, "id">, context: DevelopmentContext) {
  return context.loaders.peerReviewById.load(reference.id);
}
