import { generateKeyPair, SignJWT, type KeyLike } from "jose";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { DEV_ISSUER, HUB_AUDIENCE } from "../../gateway/auth/issuers";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../subgraphs/kit/access";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { startHub, type HubUnderTest } from "../support/hub";

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const coordinatorToken = () =>
  mintDevToken(hub.keys.issuerPrivateKey, {
    personId: "harvey",
    organizationId: DemoOrganizations.ceiPea,
    roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
  });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const PUBLIC_QUERY = `query($id: ID!) { school(id: $id) { name } }`;

async function expectUnauthenticated(response: { status: number; errors?: any[] }) {
  expect(response.status).toBe(401);
  expect(response.errors![0].extensions.code).toBe("UNAUTHENTICATED");
  expect(response.errors![0].message).toMatch(/^(Invalid credentials|Authentication required|Send one credential, not two)$/);
}

describe("identities at the gateway", () => {
  it("serves anonymous callers public data and refuses their writes", async () => {
    expect((await hub.query(PUBLIC_QUERY, { id: DemoSchools.parker })).data.school.name).toMatch(/Parker/);
    const write = await hub.query(`mutation { createOrganization(input: { name: "Anon Org", kind: OTHER }) { id } }`);
    expect(write.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
  });

  it("accepts a person's token and applies their roles", async () => {
    const headers = bearer(await coordinatorToken());
    const PROPOSE = `mutation($s: ID!, $n: ID!) { proposeMembership(input: { schoolId: $s, networkId: $n }) { status network { id } } }`;
    const own = await hub.query(PROPOSE, { s: DemoSchools.federalHocking, n: DemoNetworks.nycSchoolLeaders }, headers);
    expect(own.errors).toBeUndefined();
    expect(own.data.proposeMembership.status).toBe("PENDING");
    const foreign = await hub.query(PROPOSE, { s: DemoSchools.federalHocking, n: DemoNetworks.nwRise }, headers);
    expect(foreign.errors![0].extensions!.code).toBe("FORBIDDEN");
  });

  it("refuses malformed, forged, expired and unknown-issuer tokens with 401 and no detail", async () => {
    const forger = await generateKeyPair("EdDSA");
    const claims = { org: DemoOrganizations.ceiPea, roles: ["ORG_ADMIN"] };
    const sign = (key: KeyLike, issuer = DEV_ISSUER, expires: number | string = "1h") =>
      new SignJWT(claims).setProtectedHeader({ alg: "EdDSA" }).setIssuer(issuer).setAudience(HUB_AUDIENCE).setSubject("mallory").setExpirationTime(expires).sign(key);
    const expired = Math.floor(Date.now() / 1000) - 60;
    for (const headers of [
      { authorization: "Bearer not-a-jwt" },
      { authorization: "Basic dXNlcjpwYXNz" },
      bearer(await sign(forger.privateKey)),
      bearer(await sign(hub.keys.issuerPrivateKey, DEV_ISSUER, expired)),
      bearer(await sign(hub.keys.issuerPrivateKey, "https://unknown-issuer.example")),
      { "x-api-key": "hub_made_up" },
      { ...bearer(await coordinatorToken()), "x-api-key": "hub_made_up" },
    ]) {
      await expectUnauthenticated(await hub.query(PUBLIC_QUERY, { id: DemoSchools.parker }, headers));
    }
  });
});

describe("batched operations", () => {
  it("are refused whole (HTTP batching is off), so nothing is answered from them", async () => {
    const response = await fetch(hub.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: `{ school(id: "${DemoSchools.parker}") { name } }` }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain("Parker");
  });
});

describe("subgraphs reached directly", () => {
  const post = async (url: string, query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
  };

  it("refuse every operation without the gateway's signature, _service and _entities included", async () => {
    for (const [name, url] of Object.entries(hub.subgraphUrls)) {
      for (const query of ["{ _service { sdl } }", `{ _entities(representations: [{ __typename: "School", id: "${DemoSchools.parker}" }]) { __typename } }`]) {
        const response = await post(url, query);
        expect({ name, status: response.status, data: response.data }).toEqual({ name, status: 401, data: undefined });
      }
    }
  });

  it("refuse forged tokens and tokens signed for another subgraph", async () => {
    const forger = await generateKeyPair("EdDSA");
    const forged = await signAccessToken(ANONYMOUS_ACCESS, "networks", forger.privateKey);
    expect((await post(hub.subgraphUrls.networks, "{ _service { sdl } }", { [ACCESS_HEADER]: forged })).status).toBe(401);
    const forResources = await signAccessToken(ANONYMOUS_ACCESS, "resources", hub.keys.gatewayPrivateKey);
    expect((await post(hub.subgraphUrls.networks, "{ _service { sdl } }", { [ACCESS_HEADER]: forResources })).status).toBe(401);
    expect((await post(hub.subgraphUrls.resources, "{ _service { sdl } }", { [ACCESS_HEADER]: forResources })).status).toBe(200);
  });
});

describe("API keys through the gateway", () => {
  it("are created by an organization admin, read through, refused writes when read-only, and stop working when revoked", async () => {
    const admin = bearer(
      await mintDevToken(hub.keys.issuerPrivateKey, { personId: "admin", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "ORG_ADMIN" }] }),
    );
    const created = await hub.query(
      `mutation($o: ID!) { createApiKey(input: { organizationId: $o, name: "Portal", canWrite: false }) { secret apiKey { id } } }`,
      { o: DemoOrganizations.ceiPea },
      admin,
    );
    const { secret, apiKey } = created.data.createApiKey;
    const asKey = { "x-api-key": secret };
    expect((await hub.query(PUBLIC_QUERY, { id: DemoSchools.parker }, asKey)).data.school.name).toMatch(/Parker/);
    const write = await hub.query(`mutation { createOrganization(input: { name: "Via Key", kind: OTHER }) { id } }`, {}, asKey);
    expect(write.errors![0].extensions!.code).toBe("FORBIDDEN");
    await hub.query(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, admin);
    await expectUnauthenticated(await hub.query(PUBLIC_QUERY, { id: DemoSchools.parker }, asKey));
  });
});
