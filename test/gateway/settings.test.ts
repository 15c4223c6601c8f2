import { generateKeyPairSync } from "node:crypto";
import { loadConfig } from "../../config";
import { gatewayBrowserSettings, gatewaySafeguards } from "../../gateway/plugins/settings";
import { OPERATIONS_MANIFEST_PATH } from "../../gateway/operations";

/** The gateway's settings as its entry point reads them: variables through the loader, then mapped. */
const privateKey = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const gatewayConfig = (env: Record<string, string>) => loadConfig("gateway", { HUB_GATEWAY_PRIVATE_KEY: privateKey, ...env });

describe("the gateway's safeguards from HUB_ variables", () => {
  it("keeps every default when nothing is set, introspection on outside production", () => {
    expect(gatewaySafeguards(gatewayConfig({}))).toEqual({ operationLimits: {}, rateLimit: {}, introspection: true });
    expect(gatewaySafeguards(gatewayConfig({ NODE_ENV: "production" })).introspection).toBe(false);
    expect(gatewaySafeguards(gatewayConfig({ NODE_ENV: "production", HUB_INTROSPECTION: "true" })).introspection).toBe(true);
  });

  it("reads each variable it documents", () => {
    expect(
      gatewaySafeguards(
        gatewayConfig({
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
      ),
    ).toEqual({
      operationLimits: { maxDepth: 9, maxAliases: 4, maxDirectives: 3, maxTokens: 500, maxCost: 1000 },
      requestTimeoutMs: 15000,
      accessLookupTimeoutMs: 2000,
      rateLimit: { requests: 0, windowMs: 1000 },
      introspection: false,
      trustProxy: 1,
    });
    expect(gatewaySafeguards(gatewayConfig({ HUB_TRUST_PROXY: "10.0.0.0/8, loopback" })).trustProxy).toBe("10.0.0.0/8, loopback");
    expect(gatewaySafeguards(gatewayConfig({ HUB_TRUST_PROXY: "true" })).trustProxy).toBe(true);
  });

  it("stops with the variable's name when a value is not what it takes", () => {
    expect(() => gatewayConfig({ HUB_MAX_DEPTH: "deep" })).toThrow(/HUB_MAX_DEPTH/);
    expect(() => gatewayConfig({ HUB_RATE_LIMIT_REQUESTS: "-1" })).toThrow(/HUB_RATE_LIMIT_REQUESTS/);
    expect(() => gatewayConfig({ HUB_INTROSPECTION: "yes" })).toThrow(/HUB_INTROSPECTION/);
  });
});

describe("the gateway's browser-facing settings from HUB_ variables", () => {
  it("default to no cross-origin caller, no trusted documents and the IDE on; npm start's development defaults apply when unset", () => {
    const none = gatewayBrowserSettings(gatewayConfig({}));
    expect(none).toEqual({ corsOrigins: [], trustedDocuments: undefined, ide: { examples: expect.any(Array) } });
    const development = gatewayBrowserSettings(gatewayConfig({}), { corsOrigins: ["http://localhost:*"], trustedDocuments: [OPERATIONS_MANIFEST_PATH] });
    expect(development.corsOrigins).toEqual(["http://localhost:*"]);
    expect(development.trustedDocuments?.safelist).toBe(false);
    expect(development.trustedDocuments?.documents.size).toBeGreaterThan(0);
  });

  it("reads the origins, the safelist's manifests and the IDE switch", () => {
    const settings = gatewayBrowserSettings(
      gatewayConfig({ HUB_CORS_ORIGINS: "https://portal.example.org, http://localhost:*", HUB_TRUSTED_DOCUMENTS: OPERATIONS_MANIFEST_PATH, HUB_IDE: "false" }),
      { corsOrigins: ["http://127.0.0.1:*"], trustedDocuments: [] },
    );
    expect(settings.corsOrigins).toEqual(["https://portal.example.org", "http://localhost:*"]);
    expect(settings.trustedDocuments?.safelist).toBe(true);
    expect(settings.ide).toBe(false);
  });
});
