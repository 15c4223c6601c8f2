import type { AdvocacyContext } from "../context";
import type { Endorsement } from "./endorsement";

export function resolveEndorsementReference(reference: Pick<Endorsement, "id">, context: AdvocacyContext) {
  return context.loaders.endorsementById.load(reference.id);
}
