import { LRUCache } from "lru-cache";
import { ACCESS_TOKEN_LIFETIME_MS, type Access } from "../../contracts/access";

/** A token is reused for two thirds of its life, so the last one sent still has a third left to reach its subgraph. */
export const ACCESS_TOKEN_REUSE_MS = Math.floor((ACCESS_TOKEN_LIFETIME_MS * 2) / 3);

export type SignAccess = (access: Access, audience: string) => Promise<string>;

/**
 * Signs each (access, subgraph) pair once and reuses that token while it is fresh, instead of an
 * Ed25519 signature per subgraph fetch; equal tokens are also what lets identical fetches merge
 * (`plugins/subgraph-deduplication.ts`). Keyed by the access's whole content, so two callers share a
 * token only when they may see and do exactly the same (their principal included).
 */
export class AccessTokenCache {
  /** An access object is serialized once: the resolver hands out the same object for its whole cache life. */
  private readonly serialized = new WeakMap<Access, string>();
  private readonly tokens: LRUCache<string, Promise<string>>;

  constructor(
    private readonly sign: SignAccess,
    options: { max?: number; reuseMs?: number } = {},
  ) {
    this.tokens = new LRUCache({ max: options.max ?? 10_000, ttl: options.reuseMs ?? ACCESS_TOKEN_REUSE_MS });
  }

  token(access: Access, audience: string): Promise<string> {
    let content = this.serialized.get(access);
    if (content === undefined) {
      content = JSON.stringify(access);
      this.serialized.set(access, content);
    }
    const key = `${audience}\n${content}`;
    let token = this.tokens.get(key);
    if (!token) {
      // the promise is cached, so concurrent first fetches share one signature
      token = this.sign(access, audience);
      this.tokens.set(key, token);
      token.catch(() => this.tokens.delete(key));
    }
    return token;
  }
}
