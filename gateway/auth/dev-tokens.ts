import { SignJWT, type KeyLike } from "jose";
import { DEV_ISSUER, HUB_AUDIENCE } from "./issuers";
import { formatRole, type PersonRole } from "./identity";

export interface DevTokenClaims {
  personId: string;
  organizationId: string;
  roles: PersonRole[];
  /** e.g. "8h", "15m" */
  expiresIn?: string;
}

/** A person's token from the hub's development issuer, as a partner's identity provider would issue one. */
export function mintDevToken(issuerPrivateKey: KeyLike, claims: DevTokenClaims): Promise<string> {
  return new SignJWT({ org: claims.organizationId, roles: claims.roles.map(formatRole) })
    .setProtectedHeader({ alg: "EdDSA" })
    .setIssuer(DEV_ISSUER)
    .setAudience(HUB_AUDIENCE)
    .setSubject(claims.personId)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? "8h")
    .sign(issuerPrivateKey);
}
