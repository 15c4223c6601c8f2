import type { NetworksContext } from "../context";
import type { Organization } from "./organization";

export function resolveOrganizationReference(reference: Pick<Organization, "id">, context: NetworksContext) {
  return context.loaders.organizationById.load(reference.id);
}
