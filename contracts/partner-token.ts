/*
 * The partner access contract, version 1: what a partner's subgraph learns about each caller. The gateway
 * signs it for that subgraph only (audience = the subgraph's name) with a key published at
 * `/.well-known/jwks.json` (EdDSA, `kid` in the header) and sends it as `Authorization: Bearer <token>`.
 * It says who calls and what they are to the partner's own organization, never the caller's whole access.
 * Adding a claim is compatible; removing or changing one is a new version (`hub_claims_version`).
 */

export const PARTNER_CLAIMS_VERSION = 1;
export const PARTNER_TOKEN_ISSUER = "school-network-hub-gateway";
export const PARTNER_TOKEN_LIFETIME_SECONDS = 60;
export const JWKS_PATH = "/.well-known/jwks.json";

/** A network of the partner's own organization and what the caller is to it. */
export interface PartnerNetworkClaim {
  id: string;
  /** MANAGER: manages the network's records (its coordinators, its organization's admins); MEMBER: belongs to it. */
  relation: "MANAGER" | "MEMBER";
}

export interface PartnerClaims {
  iss: typeof PARTNER_TOKEN_ISSUER;
  /** The partner subgraph's name. */
  aud: string;
  /** `person:<id>`, `api-key:<id>` or `anonymous`. */
  sub: string;
  iat: number;
  exp: number;
  jti: string;
  hub_claims_version: typeof PARTNER_CLAIMS_VERSION;
  /** The caller's organization; null for anonymous callers. */
  org: string | null;
  /** `ORG_ADMIN` when the caller administers `org`. */
  roles: string[];
  /** False for anonymous callers and read-only keys. */
  can_write: boolean;
  /** Only networks operated by the partner's organization that the caller manages or belongs to. */
  networks: PartnerNetworkClaim[];
}
