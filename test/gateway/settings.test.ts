import { safeguardsFromEnvironment } from "../../gateway/plugins/settings";

describe("the gateway's safeguards from HUB_ variables", () => {
  it("keeps every default when nothing is set", () => {
    expect(safeguardsFromEnvironment({})).toEqual({ operationLimits: {}, rateLimit: {} });
  });

  it("reads each variable it documents", () => {
    expect(
      safeguardsFromEnvironment({
        HUB_MAX_DEPTH: "9",
        HUB_MAX_ALIASES: "4",
        HUB_MAX_DIRECTIVES: "3",
        HUB_MAX_TOKENS: "500",
        HUB_MAX_COST: "1000",
        HUB_REQUEST_TIMEOUT_MS: "15000",
        HUB_ACCESS_LOOKUP_TIMEOUT_MS: "2000",
        HUB_RATE_LIMIT_REQUESTS: "0",
        HUB_RATE_LIMIT_WINDOW_MS: "1000",
        HUB_INTROSPECTION: "false",
        HUB_TRUST_PROXY: "1",
      }),
    ).toEqual({
      operationLimits: { maxDepth: 9, maxAliases: 4, maxDirectives: 3, maxTokens: 500, maxCost: 1000 },
      requestTimeoutMs: 15000,
      accessLookupTimeoutMs: 2000,
      rateLimit: { requests: 0, windowMs: 1000 },
      introspection: false,
      trustProxy: 1,
    });
    expect(safeguardsFromEnvironment({ HUB_TRUST_PROXY: "10.0.0.0/8, loopback" }).trustProxy).toBe("10.0.0.0/8, loopback");
  });

  it("stops with the variable's name when a value is not what it takes", () => {
    expect(() => safeguardsFromEnvironment({ HUB_MAX_DEPTH: "deep" })).toThrow(/HUB_MAX_DEPTH/);
    expect(() => safeguardsFromEnvironment({ HUB_RATE_LIMIT_REQUESTS: "-1" })).toThrow(/HUB_RATE_LIMIT_REQUESTS/);
    expect(() => safeguardsFromEnvironment({ HUB_INTROSPECTION: "yes" })).toThrow(/HUB_INTROSPECTION/);
  });
});
