import { decodeProtectedHeader, generateKeyPair, type GenerateKeyPairResult, type JWK } from "jose";
import { keyIdOf, publishedKeys, type KeyRotation } from "../../contracts/gateway-keys";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { readSupergraph, startGateway } from "../../gateway/gateway";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../contracts/access";
import { runSubgraph } from "../../subgraphs/kit/subgraph";
import { networksSubgraph } from "../../subgraphs/networks";
import { startTestDatabase, type TestDatabase } from "../support/database";

/*
 * Rotating the gateway's key as docs/deploy.md says: the next key is announced, then signs while the
 * previous one is still accepted, then the previous one is dropped. At each step the hub's subgraphs accept
 * exactly the keys their configuration names, and the gateway publishes exactly those it names.
 */

let database: TestDatabase;
let oldKey: GenerateKeyPairResult;
let newKey: GenerateKeyPairResult;

beforeAll(async () => {
  database = await startTestDatabase();
  [oldKey, newKey] = [await generateKeyPair("EdDSA"), await generateKeyPair("EdDSA")];
});

afterAll(async () => {
  await database?.stop();
});

/** The statuses a networks subgraph configured with `current` and `rotation` answers to tokens signed by each key. */
async function statusesAt(current: GenerateKeyPairResult, rotation: KeyRotation, signers: Record<string, GenerateKeyPairResult>): Promise<Record<string, number>> {
  const subgraph = await runSubgraph(networksSubgraph, {
    mongoUrl: database.url,
    databasePrefix: database.uniqueDbName("rotation"),
    gatewayPublicKey: current.publicKey,
    gatewayKeyRotation: rotation,
  });
  try {
    const statuses: Record<string, number> = {};
    for (const [name, signer] of Object.entries(signers)) {
      const response = await fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json", [ACCESS_HEADER]: await signAccessToken(ANONYMOUS_ACCESS, "networks", signer.privateKey) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      statuses[name] = response.status;
    }
    return statuses;
  } finally {
    await subgraph.stop();
  }
}

describe("the hub's subgraphs across a rotation of the gateway's key", () => {
  it("accept the announced next key beside the current one, and no other", async () => {
    const stranger = await generateKeyPair("EdDSA");
    expect(await statusesAt(oldKey, { next: newKey.publicKey }, { oldKey, newKey, stranger })).toEqual({ oldKey: 200, newKey: 200, stranger: 401 });
  });

  it("accept the previous key during the overlap", async () => {
    expect(await statusesAt(newKey, { previous: oldKey.publicKey }, { oldKey, newKey })).toEqual({ oldKey: 200, newKey: 200 });
  });

  it("refuse the previous key once the overlap is over", async () => {
    expect(await statusesAt(newKey, {}, { oldKey, newKey })).toEqual({ oldKey: 401, newKey: 200 });
  });
});

describe("the gateway's JWKS", () => {
  async function publishedBy(current: GenerateKeyPairResult, rotation: KeyRotation): Promise<JWK[]> {
    const unreachable = "http://127.0.0.1:9/graphql";
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      subgraphUrls: { networks: unreachable, resources: unreachable, development: unreachable, advocacy: unreachable, registry: unreachable },
      port: 0,
      gatewayPrivateKey: current.privateKey,
      gatewayKeyRotation: rotation,
      issuers: [],
    });
    try {
      const response = await fetch(gateway.url.replace(/\/graphql$/, "/.well-known/jwks.json"));
      expect(response.headers.get("cache-control")).toBe("public, max-age=300");
      return ((await response.json()) as { keys: JWK[] }).keys;
    } finally {
      await gateway.stop();
    }
  }

  it("publishes the current key first, then the next and the previous, each by its kid, with no private part", async () => {
    const third = await generateKeyPair("EdDSA");
    const keys = await publishedBy(newKey, { previous: oldKey.publicKey, next: third.publicKey });
    expect(keys.map((key) => key.kid)).toEqual([await keyIdOf(newKey.publicKey), await keyIdOf(third.publicKey), await keyIdOf(oldKey.publicKey)]);
    expect(keys.every((key) => key.d === undefined && key.alg === "EdDSA" && key.use === "sig" && key.crv === "Ed25519")).toBe(true);
  });

  it("holds one key when no rotation is under way, and a key named twice once", async () => {
    const kids = async (rotation: KeyRotation) => (await publishedKeys(oldKey.privateKey, rotation)).keys.map((key) => key.kid);
    expect(await kids({})).toEqual([await keyIdOf(oldKey.publicKey)]);
    expect(await kids({ previous: oldKey.publicKey })).toEqual([await keyIdOf(oldKey.publicKey)]);
  });

  it("names the signing key in every token it signs, the same kid for the private and the public half", async () => {
    const token = await signAccessToken(ANONYMOUS_ACCESS, "networks", newKey.privateKey);
    expect(decodeProtectedHeader(token).kid).toBe(await keyIdOf(newKey.publicKey));
  });
});
