import type { ResourcesContext } from "../context";
import type { Agreement } from "./agreement";

export function resolveAgreementReference(reference: Pick<Agreement, "id">, context: ResourcesContext) {
  return context.loaders.agreementById.load(reference.id);
}
