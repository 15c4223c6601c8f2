import type { GatewaySafeguards } from "../gateway";

/**
 * The gateway's safeguards from HUB_… variables; an unset variable keeps its default, an invalid one
 * stops the process with its name.
 */
export function safeguardsFromEnvironment(env: NodeJS.ProcessEnv = process.env): GatewaySafeguards {
  const count = (name: string): number | undefined => {
    const value = env[name];
    if (value === undefined || value === "") return undefined;
    if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}"`);
    return Number(value);
  };
  const flag = (name: string): boolean | undefined => {
    const value = env[name];
    if (value === undefined || value === "") return undefined;
    if (value !== "true" && value !== "false") throw new Error(`${name} must be true or false, not "${value}"`);
    return value === "true";
  };
  const defined = <T extends object>(values: T): Partial<T> =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
  // a hop count, true or false, or the proxies' addresses and subnets, as Express's `trust proxy` takes them
  const proxies = (value = env.HUB_TRUST_PROXY): GatewaySafeguards["trustProxy"] => {
    if (value === undefined || value === "") return undefined;
    if (/^\d+$/.test(value)) return Number(value);
    return value === "true" ? true : value === "false" ? false : value;
  };
  return defined({
    operationLimits: defined({
      maxDepth: count("HUB_MAX_DEPTH"),
      maxAliases: count("HUB_MAX_ALIASES"),
      maxDirectives: count("HUB_MAX_DIRECTIVES"),
      maxTokens: count("HUB_MAX_TOKENS"),
      maxCost: count("HUB_MAX_COST"),
    }),
    requestTimeoutMs: count("HUB_REQUEST_TIMEOUT_MS"),
    accessLookupTimeoutMs: count("HUB_ACCESS_LOOKUP_TIMEOUT_MS"),
    rateLimit: defined({ requests: count("HUB_RATE_LIMIT_REQUESTS"), windowMs: count("HUB_RATE_LIMIT_WINDOW_MS") }),
    introspection: flag("HUB_INTROSPECTION"),
    trustProxy: proxies(),
  });
}
