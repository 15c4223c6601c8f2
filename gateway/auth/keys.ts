import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from "jose";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The key pairs a hub runs with: the gateway's (signs forwarded access) and the development issuer's (signs people's tokens). */
export interface HubKeys {
  gatewayPrivateKey: KeyLike;
  gatewayPublicKey: KeyLike;
  issuerPrivateKey: KeyLike;
  issuerPublicKey: KeyLike;
}

type StoredKeys = Record<keyof HubKeys, JWK>;

export async function generateHubKeys(): Promise<HubKeys> {
  const gateway = await generateKeyPair("EdDSA", { extractable: true });
  const issuer = await generateKeyPair("EdDSA", { extractable: true });
  return {
    gatewayPrivateKey: gateway.privateKey,
    gatewayPublicKey: gateway.publicKey,
    issuerPrivateKey: issuer.privateKey,
    issuerPublicKey: issuer.publicKey,
  };
}

/**
 * Development keys, generated on first start and kept in `file` (under the ignored data folder) so
 * tokens minted by `npm run token` stay valid across restarts. Production passes keys as configuration.
 */
export async function loadOrCreateDevKeys(file: string): Promise<HubKeys> {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as StoredKeys;
    const entries = await Promise.all(
      Object.entries(stored).map(async ([name, jwk]) => [name, (await importJWK(jwk, "EdDSA")) as KeyLike] as const),
    );
    return Object.fromEntries(entries) as unknown as HubKeys;
  }
  const keys = await generateHubKeys();
  const stored = Object.fromEntries(await Promise.all(Object.entries(keys).map(async ([name, key]) => [name, await exportJWK(key)])));
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return keys;
}
