import { createRemoteJWKSet, type JWTVerifyGetKey, type KeyLike } from "jose";
import { importKey } from "../../contracts/access";

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

interface IssuerConfig {
  issuer: string;
  audience?: string;
  organizationId: string;
  /** Either a JWKS URL … */
  jwksUrl?: string;
  /** … or one public key, PEM (SPKI) or JWK in JSON. */
  publicKey?: string;
}

/**
 * Partner issuers from HUB_TRUSTED_ISSUERS, a JSON array of
 * `{ issuer, audience?, organizationId, jwksUrl | publicKey }`.
 */
export async function issuersFromConfig(json: string | undefined): Promise<TrustedIssuer[]> {
  if (!json) return [];
  const configs = JSON.parse(json) as IssuerConfig[];
  return Promise.all(
    configs.map(async (config) => {
      if (!config.issuer || !config.organizationId || (!config.jwksUrl && !config.publicKey)) {
        throw new Error(`HUB_TRUSTED_ISSUERS: each issuer needs issuer, organizationId and jwksUrl or publicKey`);
      }
      return {
        issuer: config.issuer,
        audience: config.audience ?? HUB_AUDIENCE,
        organizationId: config.organizationId,
        key: config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : await importKey(config.publicKey!, "verify"),
      };
    }),
  );
}
