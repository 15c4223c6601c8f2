import type { JWTVerifyGetKey } from "jose";
import { acceptedKeys } from "../../contracts/gateway-keys";
import { ACCESS_TOKEN_LIFETIME_MS, signAccessToken } from "../../contracts/access";
import { generateHubKeys, type HubKeys } from "../../gateway/auth/keys";
import { VerifiedAccessCache } from "../../subgraphs/kit/verified-access";
import { personAccess } from "../support/access";

/** A subgraph checks each forwarded access token's signature once, and stops accepting it when it expires. */

let keys: HubKeys;
let accepted: JWTVerifyGetKey;
beforeAll(async () => {
  keys = await generateHubKeys();
  accepted = await acceptedKeys(keys.gatewayPublicKey);
});

/** The accepted keys, counting the signature checks that ask for one. */
function countingKeys(): { keys: JWTVerifyGetKey; checks: () => number } {
  let checks = 0;
  const counting: JWTVerifyGetKey = (header, token) => {
    checks += 1;
    return accepted(header, token);
  };
  return { keys: counting, checks: () => checks };
}

describe("verified access tokens", () => {
  it("checks a token's signature once while it is valid, and each different token once", async () => {
    const { keys: counting, checks } = countingKeys();
    const cache = new VerifiedAccessCache("resources", counting);
    const ada = personAccess({ personId: "ada", schoolIds: ["s1"] });
    const token = await signAccessToken(ada, "resources", keys.gatewayPrivateKey);
    const answers = [await cache.access(token), await cache.access(token), await cache.access(token)];
    expect(answers).toEqual([ada, ada, ada]);
    expect(checks()).toBe(1);
    const grace = personAccess({ personId: "grace" });
    expect(await cache.access(await signAccessToken(grace, "resources", keys.gatewayPrivateKey))).toEqual(grace);
    expect(checks()).toBe(2);
  });

  it("refuses a token once it has expired, though it was accepted before", async () => {
    let now = Date.now();
    const cache = new VerifiedAccessCache("resources", accepted, () => now);
    const token = await signAccessToken(personAccess(), "resources", keys.gatewayPrivateKey);
    expect(await cache.access(token)).not.toBeNull();
    now += ACCESS_TOKEN_LIFETIME_MS + 1000;
    expect(await cache.access(token)).toBeNull();
  });

  it("never accepts a token for another subgraph, a forged one or none, however often it is sent", async () => {
    const cache = new VerifiedAccessCache("resources", accepted);
    const elsewhere = await signAccessToken(personAccess(), "networks", keys.gatewayPrivateKey);
    const forged = await signAccessToken(personAccess(), "resources", (await generateHubKeys()).gatewayPrivateKey);
    for (let i = 0; i < 2; i++) {
      expect(await cache.access(elsewhere)).toBeNull();
      expect(await cache.access(forged)).toBeNull();
      expect(await cache.access(undefined)).toBeNull();
    }
  });

  it("shares one frozen access between the requests that send the token, so none can change it for the others", async () => {
    const cache = new VerifiedAccessCache("resources", accepted);
    const token = await signAccessToken(personAccess({ schoolIds: ["s1"] }), "resources", keys.gatewayPrivateKey);
    const first = (await cache.access(token))!;
    expect(() => first.schoolIds.push("s2")).toThrow(TypeError);
    expect((await cache.access(token))!.schoolIds).toEqual(["s1"]);
  });
});
