import { acceptedKeys } from "../../contracts/gateway-keys";
import { MongoClient } from "mongodb";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { ACCESS_HEADER, ACCESS_TOKEN_MAX_BYTES, newId, signAccessToken, subgraphDatabaseName, verifyAccessToken, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * The access the gateway forwards grows with the accepted memberships of the caller's managed networks. An
 * organization of 2,000 schools (four networks of 500) is far past Node's usual 16 KiB of request headers:
 * its admin still gets answers from every subgraph, and the forwarded access is still verified.
 */
const NETWORKS = 4;
const SCHOOLS_PER_NETWORK = 500;
const LOADED_MACHINE_MS = 120_000;

let hub: HubUnderTest;
let organizationId: string;
let networkIds: string[];
let schoolIds: string[];
let admin: Record<string, string>;

beforeAll(async () => {
  // reading 2,000 memberships takes the embedded database seconds on a busy machine; timing is not under test here
  // (npm run bench… measures speed), so the deadlines are generous
  hub = await startHub({ demoData: false, safeguards: { accessLookupTimeoutMs: LOADED_MACHINE_MS, requestTimeoutMs: LOADED_MACHINE_MS }, gateway: { subgraphTimeoutMs: LOADED_MACHINE_MS } });
  const founder = { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, { personId: "founder", organizationId: "none", roles: [] })}` };
  organizationId = (await hub.query(`mutation { createOrganization(input: { name: "Big District", kind: DISTRICT }) { id } }`, {}, founder)).data.createOrganization.id;
  const adminOf = async (personId: string) => ({
    authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, { personId, organizationId, roles: [{ role: "ORG_ADMIN" }] })}`,
  });
  // another admin sets up the networks: the gateway caches each identity's access for a while
  const setup = await adminOf("setup-admin");
  networkIds = [];
  for (let n = 0; n < NETWORKS; n++) {
    const created = await hub.query(`mutation($o: ID!, $name: String!) { createNetwork(input: { name: $name, organizationId: $o, scope: LOCAL }) { id } }`, { o: organizationId, name: `Big Network ${n}` }, setup);
    networkIds.push(created.data.createNetwork.id);
  }
  // in bulk, as an import would: accepted memberships, each school in one network
  const client = new MongoClient(hub.mongoUrl);
  try {
    const db = client.db(subgraphDatabaseName("networks", hub.databasePrefix));
    const now = new Date();
    const schools = Array.from({ length: NETWORKS * SCHOOLS_PER_NETWORK }, (_, index) => ({
      _id: newId(),
      name: `Big School ${String(index).padStart(4, "0")}`,
      level: "ELEMENTARY",
      lowestGrade: 0,
      highestGrade: 5,
      location: { country: "US", region: "CA" },
      governance: "DISTRICT",
      registeredByOrganizationId: organizationId,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    }));
    schoolIds = schools.map((school) => school._id);
    await db.collection("schools").insertMany(schools as never[]);
    await db.collection("memberships").insertMany(
      schools.map((school, index) => {
        const networkId = networkIds[index % NETWORKS];
        return {
          _id: newId(),
          schoolId: school._id,
          networkId,
          schoolName: school.name,
          role: "MEMBER",
          startDate: "2024-09-01",
          endDate: null,
          status: "ACCEPTED",
          initiatedBy: "NETWORK",
          history: [],
          openKey: `${school._id}:${networkId}`,
          createdAt: now,
          updatedAt: now,
        };
      }) as never[],
    );
  } finally {
    await client.close();
  }
  admin = await adminOf("big-admin");
}, LOADED_MACHINE_MS);
afterAll(() => hub.stop());

/** The admin's access as the gateway forwards it: every one of the 2,000 memberships. */
function bigAccess(): Access {
  return personAccess({
    personId: "big-admin",
    organizationId,
    organizationAdmin: true,
    managedNetworkIds: networkIds,
    memberNetworkIds: networkIds,
    schoolMemberships: schoolIds.map((schoolId, index) => ({ schoolId, networkId: networkIds[index % NETWORKS] })),
  });
}

describe("an organization of 2,000 schools", () => {
  it("is forwarded in a token far past 16 KiB, and within the bound", async () => {
    const token = await signAccessToken(bigAccess(), "networks", hub.keys.gatewayPrivateKey);
    expect(token.length).toBeGreaterThan(16 * 1024);
    expect(token.length).toBeLessThan(ACCESS_TOKEN_MAX_BYTES);
  });

  it("its admin queries every subgraph through the gateway", async () => {
    const result = await hub.query(
      `{ viewer { managedNetworks(first: 10) { totalCount } } resources(first: 1) { totalCount } events(first: 1) { totalCount } campaigns(first: 1) { totalCount } }`,
      {},
      admin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.data.viewer.managedNetworks.totalCount).toBe(NETWORKS);
  }, LOADED_MACHINE_MS);

  it("its admin acts for the last of its schools in two subgraphs: every membership arrived", async () => {
    const last = schoolIds[schoolIds.length - 1];
    const updated = await hub.query(`mutation($id: ID!) { updateSchool(id: $id, input: { enrollment: 321 }) { enrollment } }`, { id: last }, admin);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateSchool.enrollment).toBe(321);
    const capacity = await hub.query(`mutation($id: ID!) { setMentorCapacity(schoolId: $id, capacity: 2) { capacity } }`, { id: last }, admin);
    expect(capacity.errors).toBeUndefined();
    expect(capacity.data.setMentorCapacity.capacity).toBe(2);
  }, LOADED_MACHINE_MS);

  it("round-trips the access exactly", async () => {
    const access = bigAccess();
    const token = await signAccessToken(access, "networks", hub.keys.gatewayPrivateKey);
    const verified = await verifyAccessToken(token, "networks", await acceptedKeys(hub.keys.gatewayPublicKey));
    const pairs = (a: Access) => a.schoolMemberships.map((m) => `${m.schoolId}:${m.networkId}`).sort();
    expect(pairs(verified!)).toEqual(pairs(access));
    expect({ ...verified, schoolMemberships: [] }).toEqual({ ...access, schoolMemberships: [] });
  });

  it("is still verified at the subgraph: the token as signed is served, any altered one refused", async () => {
    const token = await signAccessToken(bigAccess(), "networks", hub.keys.gatewayPrivateKey);
    const post = (value: string) =>
      fetch(hub.subgraphUrls.networks, {
        method: "POST",
        headers: { "content-type": "application/json", [ACCESS_HEADER]: value },
        body: JSON.stringify({ query: "{ viewer { principal { kind } } }" }),
      });
    expect((await post(token)).status).toBe(200);
    const [header, payload, signature] = token.split(".");
    // one more school claimed in the middle of the payload, then a flipped character: both break the signature
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    claims.access.schoolsByNetwork[networkIds[0]].push("a-school-of-someone-else");
    const widened = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    const middle = Math.floor(payload.length / 2);
    const flipped = `${header}.${payload.slice(0, middle)}${payload[middle] === "A" ? "B" : "A"}${payload.slice(middle + 1)}.${signature}`;
    for (const forged of [widened, flipped]) {
      const response = await post(forged);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses to sign an access past the bound, rather than fail at a subgraph", async () => {
    const huge = bigAccess();
    const many = Math.ceil(ACCESS_TOKEN_MAX_BYTES / 30);
    huge.schoolMemberships = Array.from({ length: many }, () => ({ schoolId: newId(), networkId: networkIds[0] }));
    await expect(signAccessToken(huge, "networks", hub.keys.gatewayPrivateKey)).rejects.toThrow(/bound/);
  });
});
