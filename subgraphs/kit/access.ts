import { importJWK, importPKCS8, importSPKI, jwtVerify, SignJWT, type JWK, type KeyLike } from "jose";
import { randomUUID } from "node:crypto";
import { Visibility } from "./visibility";

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

/**
 * What the caller may see and do, worked out once per request by the gateway from their identity and
 * forwarded to every subgraph in a short-lived token it signs. Subgraphs trust nothing else.
 */
export interface Access {
  principal: { kind: "ANONYMOUS" } | { kind: "PERSON"; personId: string } | { kind: "API_KEY"; keyId: string } | { kind: "SYSTEM" };
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

/** Where a record sits for access control: always a network, and the school within it when a school owns it. */
export interface RecordOwner {
  networkId: string;
  schoolId?: string | null;
}

/**
 * The MongoDB filter that keeps exactly the records `access` may read, for records stored with
 * `owner: RecordOwner` and `visibility` (under `prefix`, e.g. "" or "resource."). Used inside every
 * query, so counts and pages are right and nothing is fetched to be thrown away.
 */
export function readableFilter(access: Access, kind: SharedKind, prefix = ""): Record<string, unknown> {
  const field = (name: string) => `${prefix}${name}`;
  const clauses: Record<string, unknown>[] = [{ [field("visibility")]: Visibility.PUBLIC }];
  if (access.schoolIds.length > 0) clauses.push({ [field("owner.schoolId")]: { $in: access.schoolIds } });
  if (access.managedNetworkIds.length > 0) {
    clauses.push({ [field("owner.schoolId")]: null, [field("owner.networkId")]: { $in: access.managedNetworkIds } });
  }
  if (access.memberNetworkIds.length > 0) {
    clauses.push({
      [field("visibility")]: { $in: [Visibility.NETWORK, Visibility.ALLIANCE] },
      [field("owner.networkId")]: { $in: access.memberNetworkIds },
    });
  }
  const allied = access.alliedNetworkIds[kind] ?? [];
  if (allied.length > 0) clauses.push({ [field("visibility")]: Visibility.ALLIANCE, [field("owner.networkId")]: { $in: allied } });
  return clauses.length === 1 ? clauses[0] : { $or: clauses };
}

/** The same rule for one record in memory (e.g. a document already loaded for a write). */
export function canRead(access: Access, kind: SharedKind, record: { owner: RecordOwner; visibility: Visibility }): boolean {
  const { owner, visibility } = record;
  if (visibility === Visibility.PUBLIC) return true;
  if (owner.schoolId && access.schoolIds.includes(owner.schoolId)) return true;
  if (!owner.schoolId && access.managedNetworkIds.includes(owner.networkId)) return true;
  if (visibility !== Visibility.PRIVATE && access.memberNetworkIds.includes(owner.networkId)) return true;
  return visibility === Visibility.ALLIANCE && (access.alliedNetworkIds[kind] ?? []).includes(owner.networkId);
}

/**
 * Writes need a role on the owner: staff of the owning school for a school's record, managers of the
 * owning network for a network's record. The same people read it when it is PRIVATE.
 */
export function canWrite(access: Access, owner: RecordOwner): boolean {
  if (!access.canWrite) return false;
  return owner.schoolId ? access.schoolIds.includes(owner.schoolId) : access.managedNetworkIds.includes(owner.networkId);
}

// ---- the signed token the gateway forwards -------------------------------------------------

export const ACCESS_HEADER = "x-hub-access";
const ISSUER = "school-network-hub-gateway";
const ALGORITHM = "EdDSA";
const TOKEN_LIFETIME_SECONDS = 60;

/** Reads an Ed25519 key from PEM (SPKI/PKCS8) or a JWK in JSON, as keys are given in configuration. */
export async function importKey(text: string, use: "sign" | "verify"): Promise<KeyLike> {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return (await importJWK(JSON.parse(trimmed) as JWK, ALGORITHM)) as KeyLike;
  return use === "sign" ? importPKCS8(trimmed, ALGORITHM) : importSPKI(trimmed, ALGORITHM);
}

/** Signs `access` for one subgraph (the audience), so a token captured at one cannot be replayed at another. */
export function signAccessToken(access: Access, subgraph: string, privateKey: KeyLike): Promise<string> {
  return new SignJWT({ access })
    .setProtectedHeader({ alg: ALGORITHM })
    .setIssuer(ISSUER)
    .setAudience(subgraph)
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
    .sign(privateKey);
}

/** The access a valid token carries, or null for a missing, forged, expired or misdirected one. */
export async function verifyAccessToken(token: string | undefined, subgraph: string, publicKey: KeyLike): Promise<Access | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      issuer: ISSUER,
      audience: subgraph,
      algorithms: [ALGORITHM],
      maxTokenAge: `${TOKEN_LIFETIME_SECONDS}s`,
    });
    return (payload.access as Access | undefined) ?? null;
  } catch {
    return null;
  }
}
