import type { ResourcesContext } from "../context";
import type { SchoolAgreement } from "./school-agreement";

export function resolveAgreementReference(reference: Pick<SchoolAgreement, "id">, context: ResourcesContext) {
  return context.loaders.agreementById.load(reference.id);
}
