import { importJWK, importPKCS8, importSPKI, jwtVerify, SignJWT, type JWK, type JWTVerifyGetKey, type KeyLike } from "jose";
import { randomUUID } from "node:crypto";
import { keyIdOf } from "./gateway-keys";

/*
 * The contract between the gateway and the hub's own subgraphs: what a caller may see and do, and the
 * short-lived token the gateway signs to carry it. The gateway builds and signs it, subgraphs verify it;
 * neither side owns the other's code, so it lives here. Partners get a narrower contract
 * (`partner-token.ts`).
 */

/** Kinds of data an alliance agreement can share (the networks subgraph's SharedDataKind values). */
export type SharedKind =
  | "SCHOOL_PROFILES"
  | "RESOURCES"
  | "EVENTS"
  | "NEEDS"
  | "PEER_REVIEWS"
  | "MENTORSHIPS"
  | "IMPROVEMENT_CYCLES"
  | "CAMPAIGNS";

/** What an API key may do besides reading and writing records: SCHEMA_PUBLISH checks and publishes its organization's subgraphs. */
export type ApiKeyScope = "SCHEMA_PUBLISH";

/**
 * What the caller may see and do, worked out once per request by the gateway from their identity and
 * forwarded to every subgraph in a short-lived token it signs. Subgraphs trust nothing else.
 */
export interface Access {
  principal: { kind: "ANONYMOUS" } | { kind: "PERSON"; personId: string } | { kind: "API_KEY"; keyId: string; scopes?: ApiKeyScope[] } | { kind: "SYSTEM" };
  organizationId: string | null;
  /** False for read-only API keys and anonymous callers. */
  canWrite: boolean;
  /** Organization admins read their organization's audit log and manage its API keys. */
  organizationAdmin: boolean;
  /** Schools the caller is staff of: they read and write those schools' records. */
  schoolIds: string[];
  /** Networks whose own records the caller manages: operated by their organization (admins) or coordinated by them. */
  managedNetworkIds: string[];
  /** Networks the caller belongs to: their organization's, their schools', the ones they coordinate. */
  memberNetworkIds: string[];
  /** By kind of data: networks allied with the caller's networks under an agreement that shares that kind. */
  alliedNetworkIds: Partial<Record<SharedKind, string[]>>;
  /**
   * Accepted memberships that touch the caller: every (school, network) pair where the school is one of
   * `schoolIds` or the network one of `managedNetworkIds`. Pending, declined and ended ones are absent.
   */
  schoolMemberships: Array<{ schoolId: string; networkId: string }>;
}

export const ANONYMOUS_ACCESS: Access = Object.freeze({
  principal: { kind: "ANONYMOUS" },
  organizationId: null,
  canWrite: false,
  organizationAdmin: false,
  schoolIds: [],
  managedNetworkIds: [],
  memberNetworkIds: [],
  alliedNetworkIds: {},
  schoolMemberships: [],
}) as Access;

// ---- the signed token the gateway forwards -------------------------------------------------

export const ACCESS_HEADER = "x-hub-access";
const ISSUER = "school-network-hub-gateway";
const ALGORITHM = "EdDSA";
const TOKEN_LIFETIME_SECONDS = 60;
/** How long a signed access token is valid. */
export const ACCESS_TOKEN_LIFETIME_MS = TOKEN_LIFETIME_SECONDS * 1000;

/**
 * The largest access token the gateway signs, and the subgraphs' request-header limit is this plus Node's usual
 * 16 KiB for the other headers (`SUBGRAPH_MAX_HEADER_BYTES`). A token grows with the accepted memberships of the
 * caller's managed networks, about 36 bytes per member school once encoded: 256 KiB is room for about 7,000 schools.
 * A bigger access is refused when signing, so the request fails at the gateway with a logged reason, not with an
 * unexplained 431 at a subgraph.
 */
export const ACCESS_TOKEN_MAX_BYTES = 256 * 1024;
export const SUBGRAPH_MAX_HEADER_BYTES = ACCESS_TOKEN_MAX_BYTES + 16 * 1024;

/**
 * `Access` as the token carries it: memberships grouped by network, each school id written once per network
 * instead of a `{schoolId, networkId}` object per membership (2.4 times smaller with 24-character ids).
 */
type AccessClaim = Omit<Access, "schoolMemberships"> & { schoolsByNetwork: Record<string, string[]> };

function toClaim({ schoolMemberships, ...access }: Access): AccessClaim {
  const schoolsByNetwork: Record<string, string[]> = {};
  for (const { schoolId, networkId } of schoolMemberships) (schoolsByNetwork[networkId] ??= []).push(schoolId);
  return { ...access, schoolsByNetwork };
}

function fromClaim({ schoolsByNetwork, ...access }: AccessClaim): Access {
  const schoolMemberships = Object.entries(schoolsByNetwork).flatMap(([networkId, schoolIds]) => schoolIds.map((schoolId) => ({ schoolId, networkId })));
  return { ...access, schoolMemberships };
}

/** Reads an Ed25519 key from PEM (SPKI/PKCS8) or a JWK in JSON, as keys are given in configuration. */
export async function importKey(text: string, use: "sign" | "verify"): Promise<KeyLike> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return (await importJWK(JSON.parse(trimmed) as JWK, ALGORITHM)) as KeyLike;
  return use === "sign" ? importPKCS8(trimmed, ALGORITHM) : importSPKI(trimmed, ALGORITHM);
}

/** Signs `access` for one subgraph (the audience), so a token captured at one cannot be replayed at another. */
export async function signAccessToken(access: Access, subgraph: string, privateKey: KeyLike): Promise<string> {
  const token = await new SignJWT({ access: toClaim(access) })
    .setProtectedHeader({ alg: ALGORITHM, kid: await keyIdOf(privateKey) })
    .setIssuer(ISSUER)
    .setAudience(subgraph)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
    .sign(privateKey);
  if (token.length > ACCESS_TOKEN_MAX_BYTES) {
    throw new Error(`The caller's access token is ${token.length} bytes, over the ${ACCESS_TOKEN_MAX_BYTES}-byte bound (${access.schoolMemberships.length} memberships)`);
  }
  return token;
}

/** A verified token's access, and until when the token stays valid (ms since the epoch). */
export interface VerifiedAccess {
  access: Access;
  validUntil: number;
}

/**
 * The access a valid token carries and until when it is valid, or null for a missing, forged, expired or
 * misdirected one, or one signed by a key not (or no longer) accepted: `keys` are the gateway's
 * (gateway-keys.ts `acceptedKeys`).
 */
export async function verifyAccess(token: string | undefined, subgraph: string, keys: JWTVerifyGetKey): Promise<VerifiedAccess | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: ISSUER,
      audience: subgraph,
      algorithms: [ALGORITHM],
      maxTokenAge: `${TOKEN_LIFETIME_SECONDS}s`,
    });
    const claim = payload.access as AccessClaim | undefined;
    if (!claim) return null;
    // maxTokenAge made `iat` required; `exp`, when present, may end it sooner
    const validUntil = Math.min((payload.iat! + TOKEN_LIFETIME_SECONDS) * 1000, (payload.exp ?? Infinity) * 1000);
    return { access: fromClaim(claim), validUntil };
  } catch {
    return null;
  }
}

/** `verifyAccess`'s access alone. */
export async function verifyAccessToken(token: string | undefined, subgraph: string, keys: JWTVerifyGetKey): Promise<Access | null> {
  return (await verifyAccess(token, subgraph, keys))?.access ?? null;
}
