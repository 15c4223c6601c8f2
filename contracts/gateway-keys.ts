import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, type JWK, type JWTVerifyGetKey, type KeyLike } from "jose";
import { createPublicKey, type KeyObject } from "node:crypto";

/*
 * The gateway's signing keys, shared by the gateway (signs, publishes the JWKS) and the hub's subgraphs
 * (verify the forwarded access). One key signs at a time; a rotation gives two more keys a role for a
 * while, so tokens verify whichever side has restarted with the new configuration first. Every key is
 * named in tokens and in the JWKS by its `kid`, the RFC 7638 thumbprint of its public key: nothing to
 * configure, and the same on every gateway that shares the key.
 */

/** The public keys accepted beside the current one during a rotation. */
export interface KeyRotation {
  /** The key that signed before the current one: accepted until the tokens it signed have expired. */
  previous?: KeyLike;
  /** The key that will sign next: published and accepted before any gateway signs with it. */
  next?: KeyLike;
}

const ALGORITHM = "EdDSA";
const keyIds = new WeakMap<object, Promise<string>>();

function publicKeyOf(key: KeyLike): KeyLike {
  return (key as KeyObject).type === "private" ? createPublicKey(key as KeyObject) : key;
}

async function publicJwk(key: KeyLike): Promise<JWK> {
  const jwk = await exportJWK(publicKeyOf(key));
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: ALGORITHM, use: "sig" };
}

/** The `kid` of a key, private or public (computed once per key object: it goes into every token's header). */
export function keyIdOf(key: KeyLike): Promise<string> {
  let kid = keyIds.get(key);
  if (!kid) {
    kid = publicJwk(key).then((jwk) => jwk.kid!);
    keyIds.set(key, kid);
  }
  return kid;
}

/** The JWKS the gateway publishes: the current key first, then the next and the previous. */
export async function publishedKeys(current: KeyLike, rotation: KeyRotation = {}): Promise<{ keys: JWK[] }> {
  const keys = await Promise.all([current, rotation.next, rotation.previous].filter((key): key is KeyLike => key !== undefined).map(publicJwk));
  return { keys: keys.filter((key, index) => keys.findIndex((other) => other.kid === key.kid) === index) };
}

/** What a verifier accepts: the current public key and, during a rotation, the previous and the next; picked by `kid`. */
export async function acceptedKeys(current: KeyLike, rotation: KeyRotation = {}): Promise<JWTVerifyGetKey> {
  return createLocalJWKSet(await publishedKeys(current, rotation));
}
