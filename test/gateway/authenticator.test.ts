import { generateKeyPair, SignJWT, type JWTVerifyGetKey, type KeyLike } from "jose";
import { Authenticator } from "../../gateway/auth/authenticator";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { DEV_ISSUER, HUB_AUDIENCE } from "../../gateway/auth/issuers";

/** The gateway checks a bearer token's signature once and remembers the person until the token expires. */

describe("the authenticator's memory of verified tokens", () => {
  let issuerKey: { publicKey: KeyLike; privateKey: KeyLike };
  let keyLookups: number;
  let authenticator: Authenticator;

  beforeEach(async () => {
    issuerKey ??= await generateKeyPair("EdDSA");
    keyLookups = 0;
    // the key is handed out through a function, so the test sees each signature check
    const countingKey: JWTVerifyGetKey = async () => {
      keyLookups++;
      return issuerKey.publicKey;
    };
    authenticator = new Authenticator([{ issuer: DEV_ISSUER, audience: HUB_AUDIENCE, organizationId: null, key: countingKey }], async () => null);
  });

  const tokenFor = (personId: string, expiresIn?: string) => mintDevToken(issuerKey.privateKey, { personId, organizationId: "org-1", roles: [{ role: "ORG_ADMIN" }], expiresIn });

  it("checks a token's signature once, then answers the same person from memory", async () => {
    const token = await tokenFor("ada");
    const first = await authenticator.identify({ authorization: `Bearer ${token}` });
    const again = await authenticator.identify({ authorization: `Bearer ${token}` });
    expect(first).toEqual({ kind: "PERSON", personId: "ada", organizationId: "org-1", roles: [{ role: "ORG_ADMIN" }] });
    expect(again).toEqual(first);
    expect(keyLookups).toBe(1);
    // another person's token is checked on its own
    expect(await authenticator.identify({ authorization: `Bearer ${await tokenFor("grace")}` })).toMatchObject({ personId: "grace" });
    expect(keyLookups).toBe(2);
  });

  it("refuses a remembered token once it has expired", async () => {
    const token = await tokenFor("ada", "2s");
    await expect(authenticator.identify({ authorization: `Bearer ${token}` })).resolves.toMatchObject({ personId: "ada" });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(authenticator.identify({ authorization: `Bearer ${token}` })).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("never answers a forged token from a genuine one's memory, even with the same claims", async () => {
    const genuine = await tokenFor("ada");
    await authenticator.identify({ authorization: `Bearer ${genuine}` });
    const forger = await generateKeyPair("EdDSA");
    const [header, payload] = genuine.split(".");
    const forged = await new SignJWT({ org: "org-1", roles: ["ORG_ADMIN"] })
      .setProtectedHeader({ alg: "EdDSA" })
      .setIssuer(DEV_ISSUER)
      .setAudience(HUB_AUDIENCE)
      .setSubject("ada")
      .setExpirationTime("8h")
      .sign(forger.privateKey);
    // the genuine header and claims with another signature are another token
    const spliced = `${header}.${payload}.${forged.split(".")[2]}`;
    for (const token of [forged, spliced]) {
      await expect(authenticator.identify({ authorization: `Bearer ${token}` })).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    }
  });

  it("does not remember a refused token: it is checked, and refused, every time", async () => {
    const forger = await generateKeyPair("EdDSA");
    const forged = await mintDevToken(forger.privateKey, { personId: "mallory", organizationId: "org-1", roles: [] });
    for (let attempt = 1; attempt <= 2; attempt++) {
      await expect(authenticator.identify({ authorization: `Bearer ${forged}` })).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
      expect(keyLookups).toBe(attempt);
    }
  });
});
