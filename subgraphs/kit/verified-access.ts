import type { JWTVerifyGetKey } from "jose";
import { LRUCache } from "lru-cache";
import { verifyAccess, type Access } from "./access";

/** Room for the verified tokens of many callers; a token is at most `ACCESS_TOKEN_MAX_BYTES`, most are under 1 KB. */
const CACHED_TOKEN_CHARACTERS = 32 * 1024 * 1024;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * A subgraph's check of the gateway's signed access, remembered per token until the token expires. The gateway
 * reuses one token per caller and subgraph for most of its lifetime, so the signature is checked once, not on
 * every request. A subgraph's accepted keys are fixed for its life, so a token valid once is valid until it
 * expires; only valid tokens are kept (they carry the gateway's signature), and their access is frozen, as
 * requests share it.
 */
export class VerifiedAccessCache {
  private readonly verified = new LRUCache<string, { access: Access; validUntil: number }>({
    maxSize: CACHED_TOKEN_CHARACTERS,
    sizeCalculation: (_value, token) => token.length,
  });

  constructor(
    private readonly subgraph: string,
    private readonly keys: JWTVerifyGetKey,
    private readonly now: () => number = Date.now,
  ) {}

  /** The access `token` carries, or null when it is missing or not (or no longer) valid for this subgraph. */
  async access(token: string | undefined): Promise<Access | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known && this.now() < known.validUntil) return known.access;
    if (known) this.verified.delete(token);
    const result = await verifyAccess(token, this.subgraph, this.keys);
    if (!result || this.now() >= result.validUntil) return null;
    this.verified.set(token, { access: deepFreeze(result.access), validUntil: result.validUntil });
    return result.access;
  }
}
