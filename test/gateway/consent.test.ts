import { generateKeyPair, SignJWT, type KeyLike } from "jose";
import { setTimeout as sleep } from "node:timers/promises";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { HUB_AUDIENCE } from "../../gateway/auth/issuers";
import { DemoCampaigns } from "../../scripts/demo/advocacy";
import { DemoAlliances, DemoConsent, DemoEducators, DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { ACCESS_HEADER, ANONYMOUS_ACCESS, signAccessToken } from "../../subgraphs/kit/access";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * Consent through the gateway, as a partner whose own identity provider the hub trusts (bound to Education
 * Northwest, which operates NW RISE) would try it: its provider may state any role, but roles count only where
 * the organization really operates the network, and a school role only for a school that accepted one of them.
 */
const PARTNER_ISSUER = "https://idp.education-northwest.example";
/** Short, so the test can wait it out; the default is 30 seconds. */
const CACHE_TTL_MS = 500;

let hub: HubUnderTest;
let partnerKey: KeyLike;
beforeAll(async () => {
  const keys = await generateKeyPair("EdDSA");
  partnerKey = keys.privateKey;
  hub = await startHub({
    accessCacheTtlMs: CACHE_TTL_MS,
    issuers: [{ issuer: PARTNER_ISSUER, audience: HUB_AUDIENCE, organizationId: DemoOrganizations.educationNorthwest, key: keys.publicKey }],
  });
});
afterAll(() => hub.stop());

/** A token from the partner's own identity provider, stating whatever roles it likes. */
async function partner(roles: string[], organizationId: string = DemoOrganizations.educationNorthwest) {
  const token = await new SignJWT({ org: organizationId, roles })
    .setProtectedHeader({ alg: "EdDSA" })
    .setIssuer(PARTNER_ISSUER)
    .setAudience(HUB_AUDIENCE)
    .setSubject("mallory")
    .setExpirationTime("1h")
    .sign(partnerKey);
  return { authorization: `Bearer ${token}` };
}

async function hubPerson(organizationId: string, roles: Parameters<typeof mintDevToken>[1]["roles"]) {
  const token = await mintDevToken(hub.keys.issuerPrivateKey, { personId: `person-of-${organizationId}`, organizationId, roles });
  return { authorization: `Bearer ${token}` };
}

const code = (result: { errors?: Array<{ extensions?: Record<string, any> }> }) => result.errors?.[0]?.extensions?.code;
const CONTACT = `query($id: ID!) { educator(id: $id) { contact { email } } }`;
const UPDATE_SCHOOL = `mutation($id: ID!) { updateSchool(id: $id, input: { website: "https://taken-over.example" }) { website } }`;
const MEMBERSHIP = `query($id: ID!) { membership(id: $id) { status initiatedBy history { status actor { organizationId } } } }`;
const decide = (verb: string) => `mutation($id: ID!) { ${verb}Membership(id: $id) { status } }`;

describe("cross-organization membership takeover through the gateway", () => {
  const merloStaff = () => partner([`STAFF:${DemoSchools.merloStation}`, "ORG_ADMIN"]);

  it("a partner's pending proposal gives its provider's school roles nothing; it cannot accept it itself", async () => {
    const headers = await merloStaff();
    expect((await hub.query(CONTACT, { id: DemoEducators.janiceAdams }, headers)).data.educator.contact).toBeNull();
    expect(code(await hub.query(UPDATE_SCHOOL, { id: DemoSchools.merloStation }, headers))).toBe("FORBIDDEN");
    expect(code(await hub.query(decide("accept"), { id: DemoConsent.membershipProposal }, headers))).toBe("FORBIDDEN");
    // the state is visible to both sides, and to nobody else
    const seen = await hub.query(MEMBERSHIP, { id: DemoConsent.membershipProposal }, headers);
    expect(seen.data.membership).toMatchObject({ status: "PENDING", initiatedBy: "NETWORK", history: [{ status: "PENDING", actor: { organizationId: DemoOrganizations.educationNorthwest } }] });
    expect((await hub.query(MEMBERSHIP, { id: DemoConsent.membershipProposal })).data.membership).toBeNull();
    // nor may the partner's provider speak for another organization
    const impersonation = await hub.query(CONTACT, { id: DemoEducators.janiceAdams }, await partner(["ORG_ADMIN"], DemoOrganizations.cesNational));
    expect(impersonation.status).toBe(401);
  });

  it("a new proposal to another organization's school stays pending, and once declined still grants nothing", async () => {
    const admin = await partner(["ORG_ADMIN", `STAFF:${DemoSchools.parker}`]);
    const PROPOSE = `mutation($s: ID!, $n: ID!) { proposeMembership(input: { schoolId: $s, networkId: $n }) { id status } }`;
    const proposed = await hub.query(PROPOSE, { s: DemoSchools.parker, n: DemoNetworks.nwRise }, admin);
    expect(proposed.data.proposeMembership.status).toBe("PENDING");
    expect(code(await hub.query(UPDATE_SCHOOL, { id: DemoSchools.parker }, admin))).toBe("FORBIDDEN");
    expect((await hub.query(CONTACT, { id: DemoEducators.teriSchrader }, admin)).data.educator.contact).toBeNull();
    // Parker's own side: the admins of CES National, whose networks Parker belongs to
    const cesAdmin = await hubPerson(DemoOrganizations.cesNational, [{ role: "ORG_ADMIN" }]);
    expect((await hub.query(decide("decline"), { id: proposed.data.proposeMembership.id }, cesAdmin)).data.declineMembership.status).toBe("DECLINED");
    await sleep(CACHE_TTL_MS + 100);
    expect(code(await hub.query(UPDATE_SCHOOL, { id: DemoSchools.parker }, admin))).toBe("FORBIDDEN");
  });

  it("once the school's side accepts, the partner's roles count for it (within the access cache's bound)", async () => {
    const headers = await merloStaff();
    const cesAdmin = await hubPerson(DemoOrganizations.cesNational, [{ role: "ORG_ADMIN" }]);
    expect((await hub.query(decide("accept"), { id: DemoConsent.membershipProposal }, cesAdmin)).data.acceptMembership.status).toBe("ACCEPTED");
    await sleep(CACHE_TTL_MS + 100);
    expect((await hub.query(CONTACT, { id: DemoEducators.janiceAdams }, headers)).data.educator.contact).toEqual({ email: "janice.adams@example.org" });
    expect((await hub.query(UPDATE_SCHOOL, { id: DemoSchools.merloStation }, headers)).data.updateSchool.website).toBe("https://taken-over.example");
  });
});

describe("alliance and agreement takeover through the gateway", () => {
  const CAMPAIGN = `query($id: ID!) { campaign(id: $id) { id } }`;

  it("a partner's request to join an alliance is pending: it cannot accept it, and sees nothing the alliance shares", async () => {
    const coordinator = await partner([`COORDINATOR:${DemoNetworks.nwRise}`]);
    const joined = await hub.query(`mutation($a: ID!, $n: ID!) { joinAlliance(allianceId: $a, networkId: $n) { id status } }`, {
      a: DemoAlliances.essentialSchoolsAlliance,
      n: DemoNetworks.nwRise,
    }, coordinator);
    expect(joined.data.joinAlliance.status).toBe("PENDING");
    const accept = await hub.query(`mutation($id: ID!) { acceptAllianceJoin(id: $id) { status } }`, { id: joined.data.joinAlliance.id }, coordinator);
    expect(code(accept)).toBe("FORBIDDEN");
    await sleep(CACHE_TTL_MS + 100);
    expect((await hub.query(CAMPAIGN, { id: DemoCampaigns.massachusettsPortfolios }, coordinator)).data.campaign).toBeNull();
    const members = await hub.query(`query($a: ID!) { alliance(id: $a) { members(status: ACCEPTED) { edges { node { network { id } } } } } }`, { a: DemoAlliances.essentialSchoolsAlliance });
    expect(members.data.alliance.members.edges.map((edge: any) => edge.node.network.id)).not.toContain(DemoNetworks.nwRise);
  });

  it("one member's acceptance of a widening changes nothing until every member accepted", async () => {
    const coordinator = await partner([`COORDINATOR:${DemoNetworks.nwRise}`]);
    const accepted = await hub.query(`mutation($id: ID!) { acceptAllianceAgreement(id: $id) { status acceptedBy { id } } }`, { id: DemoConsent.agreementProposal }, coordinator);
    expect(accepted.data.acceptAllianceAgreement.status).toBe("PENDING");
    expect(accepted.data.acceptAllianceAgreement.acceptedBy.map((network: any) => network.id)).toContain(DemoNetworks.nwRise);
    const PROPOSE = `mutation($a: ID!) { proposeAllianceAgreement(allianceId: $a, agreement: { sharedKinds: [CAMPAIGNS, NEEDS] }) { id } }`;
    expect(code(await hub.query(PROPOSE, { a: DemoAlliances.strategicNetworkingInternational }, coordinator))).toBe("CONFLICT");
    const agreement = await hub.query(`query($a: ID!) { alliance(id: $a) { agreement { sharedKinds } } }`, { a: DemoAlliances.strategicNetworkingInternational });
    expect(agreement.data.alliance.agreement.sharedKinds).not.toContain("CAMPAIGNS");
  });
});

describe("the networks subgraph reached directly", () => {
  it("refuses access that the gateway did not sign, whatever schools it claims", async () => {
    const forger = await generateKeyPair("EdDSA");
    const claimed = { ...ANONYMOUS_ACCESS, canWrite: true, schoolIds: [DemoSchools.parker], managedNetworkIds: [DemoNetworks.nwRise] };
    const response = await fetch(hub.subgraphUrls.networks, {
      method: "POST",
      headers: { "content-type": "application/json", [ACCESS_HEADER]: await signAccessToken(claimed, "networks", forger.privateKey) },
      body: JSON.stringify({ query: `mutation { acceptMembership(id: "${DemoConsent.membershipRequest}") { status } }` }),
    });
    expect(response.status).toBe(401);
  });
});
