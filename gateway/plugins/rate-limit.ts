import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { isIPv6 } from "node:net";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Identity } from "../auth/identity";

export interface RateLimitOptions {
  /** Requests one caller may make per window; 0 turns the limit off. */
  requests: number;
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requests: 600, windowMs: 60_000 };
export const RATE_LIMITED = "RATE_LIMITED";

/** HTTP 429 with Retry-After (whole seconds until the caller's window resets). */
export class RateLimitedError extends GraphQLError {
  constructor(retryAfterSeconds: number) {
    super("Too many requests: try again later", {
      extensions: { code: RATE_LIMITED, http: { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) } },
    });
  }
}

/**
 * Counts each caller's requests: an API key by its id, a person by organization and id, anyone else
 * by client address (an IPv6 address by its /64, which one host can rotate within). Counters live in
 * this gateway instance's memory: behind a load balancer each instance allows the limit.
 */
export function useRateLimit(overrides: Partial<RateLimitOptions> = {}) {
  const options = { ...DEFAULT_RATE_LIMIT, ...overrides };
  const limiter = options.requests > 0 ? new RateLimiterMemory({ points: options.requests, duration: options.windowMs / 1000 }) : null;
  const refusal = (state: RateLimiterRes) => new RateLimitedError(Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  const count = async (key: string) => {
    if (!limiter) return;
    try {
      await limiter.consume(key);
    } catch (state) {
      if (state instanceof RateLimiterRes) throw refusal(state);
      throw state;
    }
  };
  return {
    /**
     * Identifies the caller and counts the request. Failed identifications are counted by address, and
     * an address that used them up is refused before its credentials are checked (an API key's check
     * is a lookup): credentials cannot be guessed past the limit.
     */
    async admit(identify: () => Promise<Identity>, address: string | undefined): Promise<Identity> {
      const failures = `failed-${addressKey(address)}`;
      const failed = await limiter?.get(failures);
      if (limiter && failed && failed.consumedPoints >= options.requests) throw refusal(failed);
      let identity: Identity;
      try {
        identity = await identify();
      } catch (error) {
        await count(failures);
        throw error;
      }
      await count(callerKey(identity, address));
      return identity;
    },
  };
}

export function callerKey(identity: Identity, address: string | undefined): string {
  if (identity.kind === "API_KEY") return `key:${identity.keyId}`;
  if (identity.kind === "PERSON") return `person:${identity.organizationId}:${identity.personId}`;
  return addressKey(address);
}

function addressKey(address = "unknown"): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `address:${mapped[1]}`;
  if (!isIPv6(address)) return `address:${address}`;
  const [head, tail = ""] = address.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups] : headGroups;
  return `address:${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}
