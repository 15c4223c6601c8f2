import { decodeJwt, jwtVerify } from "jose";
import { LRUCache } from "lru-cache";
import { UnauthenticatedError } from "../errors";
import { parseRoles, type Identity } from "./identity";
import type { TrustedIssuer } from "./issuers";
import type { RequestScope } from "../../runtime/observability/request-id";

export interface RequestCredentials {
  authorization?: string;
  "x-api-key"?: string;
}

/** Checks an API key with the service that stores them; null when unknown or revoked. */
export type ApiKeyVerifier = (key: string, scope?: RequestScope) => Promise<Extract<Identity, { kind: "API_KEY" }> | null>;

/** The longest a verified bearer token is remembered, whatever its own lifetime. */
const PERSON_CACHE_MS = 5 * 60_000;

/**
 * Turns a request's credentials into an identity: none is anonymous; a bearer JWT from a trusted
 * issuer is a person; an API key is a partner system. Anything else is UNAUTHENTICATED, with no
 * detail that would help an attacker.
 */
export class Authenticator {
  /** Verified bearer tokens until they expire (at most PERSON_CACHE_MS): a signature check per token, not per request. */
  private readonly people = new LRUCache<string, Extract<Identity, { kind: "PERSON" }>>({ max: 10_000 });

  constructor(
    private readonly issuers: TrustedIssuer[],
    private readonly verifyApiKey: ApiKeyVerifier,
  ) {}

  /** `scope`: the request asking, named in an API key lookup's logs. */
  async identify(credentials: RequestCredentials, scope?: RequestScope): Promise<Identity> {
    const authorization = credentials.authorization?.trim();
    const apiKey = credentials["x-api-key"]?.trim();
    if (authorization && apiKey) throw new UnauthenticatedError("Send one credential, not two");
    if (apiKey) return this.identifyApiKey(apiKey, scope);
    if (!authorization) return { kind: "ANONYMOUS" };
    const [scheme, value] = authorization.split(/\s+/, 2);
    if (/^bearer$/i.test(scheme) && value) return this.identifyPerson(value);
    if (/^apikey$/i.test(scheme) && value) return this.identifyApiKey(value, scope);
    throw new UnauthenticatedError("Invalid credentials");
  }

  private async identifyApiKey(key: string, scope: RequestScope | undefined): Promise<Identity> {
    const identity = await this.verifyApiKey(key, scope);
    if (!identity) throw new UnauthenticatedError("Invalid credentials");
    return identity;
  }

  private async identifyPerson(token: string): Promise<Identity> {
    const known = this.people.get(token);
    if (known) return known;
    const { identity, expiresAt } = await this.verifyPerson(token);
    const ttl = Math.min(expiresAt * 1000 - Date.now(), PERSON_CACHE_MS);
    if (ttl > 0) this.people.set(token, identity, { ttl });
    return identity;
  }

  private async verifyPerson(token: string): Promise<{ identity: Extract<Identity, { kind: "PERSON" }>; expiresAt: number }> {
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
      return { identity: { kind: "PERSON", personId: payload.sub, organizationId, roles: parseRoles(payload.roles) }, expiresAt: payload.exp! };
    } catch {
      throw new UnauthenticatedError("Invalid credentials");
    }
  }
}
