import { createRemoteJWKSet, type JWTVerifyGetKey, type KeyLike } from "jose";
import { importKey } from "../../contracts/access";
import type { IssuerConfig } from "./issuer-config";

/** An identity provider whose tokens the gateway accepts. */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  /** The organization whose people it vouches for; null only for the hub's own development issuer. */
  organizationId: string | null;
  key: KeyLike | JWTVerifyGetKey;
}

/** The hub as its own issuer, for development and demos (`npm run token`). */
export const DEV_ISSUER = "school-network-hub-dev";
export const HUB_AUDIENCE = "school-network-hub";

/** Partner issuers from HUB_TRUSTED_ISSUERS (checked by the configuration loader). */
export async function issuersFromConfig(configs: IssuerConfig[] = []): Promise<TrustedIssuer[]> {
  return Promise.all(
    configs.map(async (config) => {
      return {
        issuer: config.issuer,
        audience: config.audience ?? HUB_AUDIENCE,
        organizationId: config.organizationId,
        key: config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : await importKey(config.publicKey!, "verify"),
      };
    }),
  );
}
