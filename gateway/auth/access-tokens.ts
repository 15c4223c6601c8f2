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
  /** Per access object (the resolver hands out the same one for its whole cache life): its content, serialized once, and its tokens by subgraph, found without the LRU's bookkeeping. */
  private readonly known = new WeakMap<Access, { content: string; tokens: Map<string, { token: Promise<string>; freshUntil: number }> }>();
  private readonly tokens: LRUCache<string, Promise<string>>;

  constructor(
    private readonly sign: SignAccess,
    options: { max?: number; reuseMs?: number } = {},
  ) {
    this.tokens = new LRUCache({ max: options.max ?? 10_000, ttl: options.reuseMs ?? ACCESS_TOKEN_REUSE_MS });
  }

  token(access: Access, audience: string): Promise<string> {
    let known = this.known.get(access);
    if (known === undefined) {
      known = { content: JSON.stringify(access), tokens: new Map() };
      this.known.set(access, known);
    }
    const remembered = known.tokens.get(audience);
    if (remembered && remembered.freshUntil > Date.now()) return remembered.token;
    const key = `${audience}\n${known.content}`;
    let token = this.tokens.get(key);
    if (!token) {
      // the promise is cached, so concurrent first fetches share one signature
      token = this.sign(access, audience);
      this.tokens.set(key, token);
      const forget = () => {
        this.tokens.delete(key);
        known.tokens.delete(audience);
      };
      token.catch(forget);
    }
    known.tokens.set(audience, { token, freshUntil: Date.now() + this.tokens.getRemainingTTL(key) });
    return token;
  }
}
