import type { ApiKeyScope } from "../../contracts/access";

/** A role a person holds, as their issuer states it in the token's `roles` claim. */
export type PersonRole = { role: "ORG_ADMIN" } | { role: "COORDINATOR"; networkId: string } | { role: "STAFF"; schoolId: string };

/** Who is calling, once their credentials are verified; access is worked out from this. */
export type Identity =
  | { kind: "ANONYMOUS" }
  | { kind: "PERSON"; personId: string; organizationId: string; roles: PersonRole[] }
  | { kind: "API_KEY"; keyId: string; organizationId: string; canWrite: boolean; scopes: ApiKeyScope[] };

/**
 * Roles travel as strings: `ORG_ADMIN`, `COORDINATOR:<networkId>`, `STAFF:<schoolId>`.
 * Unknown roles are ignored: they grant nothing.
 */
export function parseRoles(claim: unknown): PersonRole[] {
  if (!Array.isArray(claim)) return [];
  return claim.flatMap((value): PersonRole[] => {
    if (typeof value !== "string") return [];
    const [role, id] = value.split(":", 2);
    if (role === "ORG_ADMIN" && !id) return [{ role }];
    if (role === "COORDINATOR" && id) return [{ role, networkId: id }];
    if (role === "STAFF" && id) return [{ role, schoolId: id }];
    return [];
  });
}

export function formatRole(role: PersonRole): string {
  if (role.role === "COORDINATOR") return `COORDINATOR:${role.networkId}`;
  if (role.role === "STAFF") return `STAFF:${role.schoolId}`;
  return role.role;
}
