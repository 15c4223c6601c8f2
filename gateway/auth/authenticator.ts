import { decodeJwt, jwtVerify } from "jose";
import { UnauthenticatedError } from "../errors";
import { parseRoles, type Identity } from "./identity";
import type { TrustedIssuer } from "./issuers";

export interface RequestCredentials {
  authorization?: string;
  "x-api-key"?: string;
}

/** Checks an API key with the service that stores them; null when unknown or revoked. */
export type ApiKeyVerifier = (key: string) => Promise<Extract<Identity, { kind: "API_KEY" }> | null>;

/**
 * Turns a request's credentials into an identity: none is anonymous; a bearer JWT from a trusted
 * issuer is a person; an API key is a partner system. Anything else is UNAUTHENTICATED, with no
 * detail that would help an attacker.
 */
export class Authenticator {
  constructor(
    private readonly issuers: TrustedIssuer[],
    private readonly verifyApiKey: ApiKeyVerifier,
  ) {}

  async identify(credentials: RequestCredentials): Promise<Identity> {
    const authorization = credentials.authorization?.trim();
    const apiKey = credentials["x-api-key"]?.trim();
    if (authorization && apiKey) throw new UnauthenticatedError("Send one credential, not two");
    if (apiKey) return this.identifyApiKey(apiKey);
    if (!authorization) return { kind: "ANONYMOUS" };
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (/^bearer$/i.test(scheme) && value) return this.identifyPerson(value);
    if (/^apikey$/i.test(scheme) && value) return this.identifyApiKey(value);
    throw new UnauthenticatedError("Invalid credentials");
  }

  private async identifyApiKey(key: string): Promise<Identity> {
    const identity = await this.verifyApiKey(key);
    if (!identity) throw new UnauthenticatedError("Invalid credentials");
    return identity;
  }

  private async identifyPerson(token: string): Promise<Identity> {
    let issuerName: string | undefined;
    try {
      issuerName = decodeJwt(token).iss;
    } catch {
      throw new UnauthenticatedError("Invalid credentials");
    }
    const issuer = this.issuers.find((candidate) => candidate.issuer === issuerName);
    if (!issuer) throw new UnauthenticatedError("Invalid credentials");
    try {
      const { payload } = await jwtVerify(token, issuer.key as Parameters<typeof jwtVerify>[1], {
        issuer: issuer.issuer,
        audience: issuer.audience,
        requiredClaims: ["sub", "exp", "org"],
      });
      const organizationId = payload.org;
      if (typeof organizationId !== "string" || !payload.sub) throw new Error("claims");
      if (issuer.organizationId && issuer.organizationId !== organizationId) throw new Error("issuer speaks for another organization");
      return { kind: "PERSON", personId: payload.sub, organizationId, roles: parseRoles(payload.roles) };
    } catch {
      throw new UnauthenticatedError("Invalid credentials");
    }
  }
}
