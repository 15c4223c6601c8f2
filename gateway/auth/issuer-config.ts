import { createPublicKey } from "node:crypto";

/** One partner identity provider as configured in HUB_TRUSTED_ISSUERS. */
export interface IssuerConfig {
  issuer: string;
  audience?: string;
  organizationId: string;
  /** Either a JWKS URL … */
  jwksUrl?: string;
  /** … or one public key, PEM (SPKI) or JWK in JSON. */
  publicKey?: string;
}

/** Checks the shape of HUB_TRUSTED_ISSUERS at start, so a bad entry stops the gateway before it serves. */
export function checkIssuerConfigs(value: unknown): IssuerConfig[] {
  if (!Array.isArray(value)) throw new Error("must be a JSON array of issuers");
  return value.map((entry: Partial<IssuerConfig>, index) => {
    const where = `issuer #${index + 1}`;
    if (typeof entry !== "object" || entry === null) throw new Error(`${where} is not an object`);
    if (typeof entry.issuer !== "string" || !entry.issuer) throw new Error(`${where} needs "issuer"`);
    if (typeof entry.organizationId !== "string" || !entry.organizationId) throw new Error(`${where} needs "organizationId"`);
    if (entry.audience !== undefined && typeof entry.audience !== "string") throw new Error(`${where}: "audience" must be a string`);
    if (!entry.jwksUrl === !entry.publicKey) throw new Error(`${where} needs exactly one of "jwksUrl" and "publicKey"`);
    if (entry.jwksUrl !== undefined && !/^https?:\/\//.test(String(entry.jwksUrl))) throw new Error(`${where}: "jwksUrl" must be an http(s) URL`);
    if (entry.publicKey !== undefined) {
      try {
        const text = String(entry.publicKey).trim();
        createPublicKey(text.startsWith("{") ? { key: JSON.parse(text), format: "jwk" } : text);
      } catch {
        throw new Error(`${where}: "publicKey" does not parse (SPKI PEM or JWK)`);
      }
    }
    return entry as IssuerConfig;
  });
}
