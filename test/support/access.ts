import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";

/** A person's access as the gateway would forward it; unspecified grants are empty. */
export function personAccess(grants: Partial<Omit<Access, "principal">> & { personId?: string } = {}): Access {
  const { personId = "test-person", ...rest } = grants;
  return { ...ANONYMOUS_ACCESS, canWrite: true, organizationId: "test-organization", ...rest, principal: { kind: "PERSON", personId } };
}

/** The gateway itself, as it asks the networks subgraph for access grants. */
export const SYSTEM_ACCESS: Access = { ...ANONYMOUS_ACCESS, principal: { kind: "SYSTEM" } };
