import type { HubConfig } from "../../config";
import type { GatewayOptions, GatewaySafeguards } from "../gateway";
import { ideExamples } from "../operations";
import { readTrustedDocuments } from "./trusted-documents";

type GatewayConfig = HubConfig<"gateway">;
type SafeguardConfig = Pick<
  GatewayConfig,
  | "HUB_MAX_DEPTH"
  | "HUB_MAX_ALIASES"
  | "HUB_MAX_DIRECTIVES"
  | "HUB_MAX_TOKENS"
  | "HUB_MAX_COST"
  | "HUB_REQUEST_TIMEOUT_MS"
  | "HUB_ACCESS_LOOKUP_TIMEOUT_MS"
  | "HUB_RATE_LIMIT_REQUESTS"
  | "HUB_RATE_LIMIT_WINDOW_MS"
  | "HUB_INTROSPECTION"
  | "HUB_TRUST_PROXY"
  | "NODE_ENV"
>;
type BrowserConfig = Pick<GatewayConfig, "HUB_CORS_ORIGINS" | "HUB_TRUSTED_DOCUMENTS" | "HUB_IDE">;

const defined = <T extends object>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

/** The gateway's safeguards from its configuration (config/variables.ts); unset values keep the gateway's defaults. */
export function gatewaySafeguards(config: SafeguardConfig): GatewaySafeguards {
  return defined({
    operationLimits: defined({
      maxDepth: config.HUB_MAX_DEPTH,
      maxAliases: config.HUB_MAX_ALIASES,
      maxDirectives: config.HUB_MAX_DIRECTIVES,
      maxTokens: config.HUB_MAX_TOKENS,
      maxCost: config.HUB_MAX_COST,
    }),
    requestTimeoutMs: config.HUB_REQUEST_TIMEOUT_MS,
    accessLookupTimeoutMs: config.HUB_ACCESS_LOOKUP_TIMEOUT_MS,
    rateLimit: defined({ requests: config.HUB_RATE_LIMIT_REQUESTS, windowMs: config.HUB_RATE_LIMIT_WINDOW_MS }),
    // introspection and suggestions show the schema to anyone: off in production unless asked for
    introspection: config.HUB_INTROSPECTION ?? config.NODE_ENV !== "production",
    trustProxy: config.HUB_TRUST_PROXY,
  });
}

/**
 * The gateway's browser-facing settings. Trusted documents set: only their operations run. Unset, the
 * `development` fallbacks (`npm start`: pages on this machine may call, the operations folder's ids
 * are accepted) apply, or none.
 */
export function gatewayBrowserSettings(
  config: BrowserConfig,
  development: { corsOrigins: string[]; trustedDocuments: string[] } = { corsOrigins: [], trustedDocuments: [] },
): Pick<GatewayOptions, "corsOrigins" | "trustedDocuments" | "ide"> {
  const manifests = config.HUB_TRUSTED_DOCUMENTS ?? [];
  return {
    corsOrigins: config.HUB_CORS_ORIGINS ?? development.corsOrigins,
    trustedDocuments:
      manifests.length > 0
        ? { documents: readTrustedDocuments(manifests), safelist: true }
        : development.trustedDocuments.length > 0
          ? { documents: readTrustedDocuments(development.trustedDocuments), safelist: false }
          : undefined,
    ide: config.HUB_IDE ? { examples: ideExamples() } : false,
  };
}
