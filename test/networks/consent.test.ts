import type { Access } from "../../subgraphs/kit";
import { personAccess, SYSTEM_ACCESS } from "../support/access";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

/*
 * Consent, tried as an attacker would: a partner organization (its identity provider trusted, bound to that
 * organization) tries to take over another organization's school, alliance and agreement alone.
 */
let fixture: NetworksFixture;
let home: string; // the school's organization
let partner: string; // the attacker
let third: string; // a bystander, and a second alliance member
let homeNetwork: string;
let partnerNetwork: string;
let thirdNetwork: string;
let school: string;

beforeAll(async () => {
  fixture = await startNetworksFixture();
  third = await fixture.createOrganization("Third Organization");
  thirdNetwork = await fixture.createNetwork(third, "Third Network");
  partner = await fixture.createOrganization("Partner Organization");
  partnerNetwork = await fixture.createNetwork(partner, "Partner Network");
  home = await fixture.createOrganization("Home Organization");
  homeNetwork = await fixture.createNetwork(home, "Home Network");
  school = await fixture.createSchool({ name: "Home School" });
  await fixture.addMembership(school, homeNetwork);
});
afterAll(() => fixture.stop());

const homeStaff = () => personAccess({ personId: "home-staff", organizationId: home, schoolIds: [school], memberNetworkIds: [homeNetwork] });
const homeCoordinator = () => personAccess({ personId: "home-coordinator", organizationId: home, managedNetworkIds: [homeNetwork] });
const partnerCoordinator = () => personAccess({ personId: "mallory", organizationId: partner, managedNetworkIds: [partnerNetwork] });
const partnerAdmin = () => personAccess({ personId: "mallory-admin", organizationId: partner, organizationAdmin: true, managedNetworkIds: [partnerNetwork] });
const thirdCoordinator = () => personAccess({ personId: "third-coordinator", organizationId: third, managedNetworkIds: [thirdNetwork] });

const GRANTS = `query($o: ID!, $s: [ID!]!, $c: [ID!]!, $admin: Boolean!) { accessGrants(organizationId: $o, schoolIds: $s, coordinatedNetworkIds: $c, organizationAdmin: $admin) {
  schoolIds managedNetworkIds memberNetworkIds allied { kind networkIds } schoolMemberships { schoolId networkId } } }`;

/** What the partner's identity provider gets when it claims the home school and calls its people admins. */
async function partnerGrants() {
  const result = await fixture.execute(GRANTS, { o: partner, s: [school], c: [partnerNetwork], admin: true }, SYSTEM_ACCESS);
  expect(result.errors).toBeUndefined();
  return result.data.accessGrants;
}

const MEMBERSHIP_FIELDS = `id status initiatedBy endDate history { status actor { kind id organizationId } note }`;
const PROPOSE = `mutation($input: MembershipInput!) { proposeMembership(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const REQUEST = `mutation($input: MembershipInput!) { requestMembership(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const decide = (verb: "accept" | "decline" | "withdraw") => `mutation($id: ID!, $note: String) { ${verb}Membership(id: $id, note: $note) { ${MEMBERSHIP_FIELDS} } }`;
const END = `mutation($id: ID!, $endDate: LocalDate) { endMembership(id: $id, endDate: $endDate) { ${MEMBERSHIP_FIELDS} } }`;
const UPDATE_SCHOOL = `mutation($id: ID!) { updateSchool(id: $id, input: { enrollment: 1 }) { enrollment } }`;

const memberships = () => fixture.subgraph.db.collection("memberships");
async function snapshot(collection: string, filter: Record<string, unknown> = {}) {
  return fixture.subgraph.db.collection(collection).find(filter).sort({ _id: 1 }).toArray();
}

/** Start dates in the future and apart, so memberships ended today never overlap the next one. */
let year = 2030;
const nextStart = () => `${++year}-09-01`;
const endOfYear = () => `${year}-12-31`;

async function propose(access: Access = partnerCoordinator()) {
  const input = { schoolId: school, networkId: partnerNetwork, note: "Join us", startDate: nextStart() };
  const result = await fixture.execute(PROPOSE, { input }, access);
  expect(result.errors).toBeUndefined();
  return result.data.proposeMembership;
}

describe("cross-organization membership takeover", () => {
  it("a partner's proposal stays PENDING and grants nothing: no role, no edit, no acceptance by the partner itself", async () => {
    const proposal = await propose();
    expect(proposal).toMatchObject({ status: "PENDING", initiatedBy: "NETWORK", history: [{ status: "PENDING", actor: { id: "mallory", organizationId: partner }, note: "Join us" }] });
    const before = await snapshot("memberships");
    for (const verb of ["accept", "decline"] as const) {
      expect(errorCode(await fixture.execute(decide(verb), { id: proposal.id }, partnerAdmin()))).toBe("FORBIDDEN");
    }
    // nor may the partner answer for the school by "requesting" the membership itself
    expect(errorCode(await fixture.execute(REQUEST, { input: { schoolId: school, networkId: thirdNetwork } }, partnerAdmin()))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(UPDATE_SCHOOL, { id: school }, partnerAdmin()))).toBe("FORBIDDEN");
    expect(await snapshot("memberships")).toEqual(before);
    const grants = await partnerGrants();
    expect(grants.schoolIds).toEqual([]);
    expect(grants.memberNetworkIds).toEqual([partnerNetwork]);
    expect(grants.schoolMemberships).toEqual([]);
    await fixture.execute(decide("withdraw"), { id: proposal.id }, partnerCoordinator());
  });

  it("hides a pending membership from everyone but its two sides (NOT_FOUND for them, absent from lists)", async () => {
    const proposal = await propose();
    const ONE = `query($id: ID!) { membership(id: $id) { id } }`;
    const LIST = `query($s: ID!) { memberships(schoolId: $s, first: 50) { totalCount edges { node { id status } } } }`;
    expect((await fixture.execute(ONE, { id: proposal.id }, thirdCoordinator())).data.membership).toBeNull();
    expect((await fixture.execute(ONE, { id: proposal.id }, homeStaff())).data.membership).toEqual({ id: proposal.id });
    expect((await fixture.execute(ONE, { id: proposal.id }, homeCoordinator())).data.membership).toEqual({ id: proposal.id });
    const listed = async (access: Access) => (await fixture.execute(LIST, { s: school }, access)).data.memberships.edges.map((edge: any) => edge.node);
    const bystanderSees = await listed(thirdCoordinator());
    expect(bystanderSees.map((node: any) => node.id)).not.toContain(proposal.id);
    expect(new Set(bystanderSees.map((node: any) => node.status))).toEqual(new Set(["ACCEPTED"]));
    expect((await listed(homeStaff())).map((node: any) => node.id)).toContain(proposal.id);
    expect(errorCode(await fixture.execute(decide("accept"), { id: proposal.id }, thirdCoordinator()))).toBe("NOT_FOUND");
    const school_ = await fixture.execute(`query($id: ID!) { school(id: $id) { networks { edges { node { id } } } } }`, { id: school }, homeStaff());
    expect(school_.data.school.networks.edges).toEqual([{ node: { id: homeNetwork } }]);
    await fixture.execute(decide("withdraw"), { id: proposal.id }, partnerCoordinator());
  });

  it("a declined proposal grants nothing and cannot be accepted afterwards", async () => {
    const proposal = await propose();
    const declined = await fixture.execute(decide("decline"), { id: proposal.id, note: "No, thank you" }, homeStaff());
    expect(declined.data.declineMembership).toMatchObject({
      status: "DECLINED",
      history: [{ status: "PENDING" }, { status: "DECLINED", actor: { kind: "PERSON", id: "home-staff", organizationId: home }, note: "No, thank you" }],
    });
    const conflict = await fixture.execute(decide("accept"), { id: proposal.id }, homeStaff());
    expect(errorCode(conflict)).toBe("CONFLICT");
    expect((await memberships().findOne({ _id: proposal.id }))!.status).toBe("DECLINED");
    expect((await partnerGrants()).schoolIds).toEqual([]);
  });

  it("after the school accepts, the partner's roles count for it; once ended, they count no more", async () => {
    const proposal = await propose();
    // the managers of a network the school already belongs to may answer for it too
    const accepted = await fixture.execute(decide("accept"), { id: proposal.id }, homeCoordinator());
    expect(accepted.data.acceptMembership.status).toBe("ACCEPTED");
    const grants = await partnerGrants();
    expect(grants.schoolIds).toEqual([school]);
    expect([...grants.memberNetworkIds].sort()).toEqual([partnerNetwork, homeNetwork].sort());
    expect(grants.schoolMemberships).toEqual(expect.arrayContaining([{ schoolId: school, networkId: partnerNetwork }, { schoolId: school, networkId: homeNetwork }]));
    expect(errorCode(await fixture.execute(decide("withdraw"), { id: proposal.id }, partnerCoordinator()))).toBe("CONFLICT");
    const ended = await fixture.execute(END, { id: proposal.id, endDate: endOfYear() }, homeStaff());
    expect(ended.data.endMembership.status).toBe("ENDED");
    expect((await partnerGrants()).schoolIds).toEqual([]);
  });

  it("a school's request waits for the network's managers, and only the school withdraws it", async () => {
    const requested = await fixture.execute(REQUEST, { input: { schoolId: school, networkId: partnerNetwork, startDate: nextStart() } }, homeStaff());
    expect(requested.data.requestMembership).toMatchObject({ status: "PENDING", initiatedBy: "SCHOOL" });
    const id = requested.data.requestMembership.id;
    expect(errorCode(await fixture.execute(decide("accept"), { id }, homeStaff()))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(decide("withdraw"), { id }, partnerCoordinator()))).toBe("FORBIDDEN");
    const withdrawn = await fixture.execute(decide("withdraw"), { id }, homeStaff());
    expect(withdrawn.data.withdrawMembership.status).toBe("WITHDRAWN");
    const again = await fixture.execute(REQUEST, { input: { schoolId: school, networkId: partnerNetwork, startDate: nextStart() } }, homeStaff());
    const accepted = await fixture.execute(decide("accept"), { id: again.data.requestMembership.id }, partnerCoordinator());
    expect(accepted.data.acceptMembership.status).toBe("ACCEPTED");
    await fixture.execute(END, { id: again.data.requestMembership.id, endDate: endOfYear() }, partnerCoordinator());
  });

  it("allows one open proposal per pair, also when proposals race", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () => fixture.execute(PROPOSE, { input: { schoolId: school, networkId: thirdNetwork } }, thirdCoordinator())),
    );
    expect(attempts.filter((result) => !result.errors)).toHaveLength(1);
    expect(attempts.every((result) => !result.errors || errorCode(result) === "CONFLICT")).toBe(true);
    expect(await memberships().countDocuments({ schoolId: school, networkId: thirdNetwork, status: "PENDING" })).toBe(1);
  });

  it("applies exactly one of two racing answers (accept and withdraw), the other is a CONFLICT", async () => {
    const proposal = await propose();
    const [accept, withdraw] = await Promise.all([
      fixture.execute(decide("accept"), { id: proposal.id }, homeStaff()),
      fixture.execute(decide("withdraw"), { id: proposal.id }, partnerCoordinator()),
    ]);
    expect([accept, withdraw].filter((result) => !result.errors)).toHaveLength(1);
    expect([accept, withdraw].filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(1);
    const stored = (await memberships().findOne({ _id: proposal.id }))!;
    expect(stored.history).toHaveLength(2);
    if (stored.status === "ACCEPTED") await fixture.execute(END, { id: proposal.id, endDate: endOfYear() }, homeStaff());
  });

  it("lets only the organization that registered a school answer for it until it first joins a network", async () => {
    const admin = personAccess({ personId: "home-admin", organizationId: home, organizationAdmin: true, managedNetworkIds: [homeNetwork] });
    const fresh = (await fixture.execute(`mutation { createSchool(input: { name: "Fresh School", level: HIGH, lowestGrade: 9, highestGrade: 12, location: { country: "US" } }) { id } }`, {}, admin))
      .data.createSchool.id;
    const proposal = (await fixture.execute(PROPOSE, { input: { schoolId: fresh, networkId: partnerNetwork } }, partnerAdmin())).data.proposeMembership;
    expect(proposal.status).toBe("PENDING");
    expect(errorCode(await fixture.execute(decide("accept"), { id: proposal.id }, partnerAdmin()))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(decide("accept"), { id: proposal.id }, thirdCoordinator()))).toBe("NOT_FOUND");
    expect((await fixture.execute(decide("accept"), { id: proposal.id }, admin)).data.acceptMembership.status).toBe("ACCEPTED");
  });

  it("lets a school that left every network rejoin, answered for by the organization that registered it, and by nobody else", async () => {
    const admin = personAccess({ personId: "home-admin", organizationId: home, organizationAdmin: true, managedNetworkIds: [homeNetwork] });
    const left = (await fixture.execute(`mutation { createSchool(input: { name: "Leaving School", level: HIGH, lowestGrade: 9, highestGrade: 12, location: { country: "US" } }) { id } }`, {}, admin))
      .data.createSchool.id;
    const accepted = async (query: string, variables: Record<string, unknown>, access: Access) => {
      const result = await fixture.execute(query, variables, access);
      expect(result.errors).toBeUndefined();
      return Object.values(result.data)[0] as { id: string; status: string };
    };
    const leave = async (id: string, access: Access) => expect((await accepted(END, { id, endDate: endOfYear() }, access)).status).toBe("ENDED");
    const inNoNetwork = async () => expect(await memberships().countDocuments({ schoolId: left, status: "ACCEPTED" })).toBe(0);

    // in the partner's network (proposed by the partner, accepted by the registering organization), then out of it
    const first = await accepted(PROPOSE, { input: { schoolId: left, networkId: partnerNetwork, startDate: nextStart() } }, partnerCoordinator());
    expect((await accepted(decide("accept"), { id: first.id }, admin)).status).toBe("ACCEPTED");
    // while the school is in a network, its registering organization no longer answers for it alone
    expect(errorCode(await fixture.execute(REQUEST, { input: { schoolId: left, networkId: thirdNetwork } }, admin))).toBe("FORBIDDEN");
    await leave(first.id, partnerCoordinator());
    await inNoNetwork();
    // the partner whose network it left gains no standing for it
    expect(errorCode(await fixture.execute(REQUEST, { input: { schoolId: left, networkId: partnerNetwork, startDate: nextStart() } }, partnerAdmin()))).toBe("FORBIDDEN");

    // rejoining by request: the registering organization asks, the network's managers accept
    const request = await accepted(REQUEST, { input: { schoolId: left, networkId: thirdNetwork, startDate: nextStart() } }, admin);
    expect(request).toMatchObject({ status: "PENDING", initiatedBy: "SCHOOL" });
    expect(errorCode(await fixture.execute(decide("accept"), { id: request.id }, partnerAdmin()))).toBe("NOT_FOUND");
    expect((await accepted(decide("accept"), { id: request.id }, thirdCoordinator())).status).toBe("ACCEPTED");
    // back in a network, the school is answered for by that network's managers (and its staff), not by its registrant alone
    expect(errorCode(await fixture.execute(END, { id: request.id }, admin))).toBe("FORBIDDEN");
    await leave(request.id, thirdCoordinator());
    await inNoNetwork();

    // rejoining by proposal: the network proposes, the registering organization accepts; the proposer cannot
    const proposal = await accepted(PROPOSE, { input: { schoolId: left, networkId: partnerNetwork, startDate: nextStart() } }, partnerAdmin());
    expect(proposal.status).toBe("PENDING");
    expect(errorCode(await fixture.execute(decide("accept"), { id: proposal.id }, partnerAdmin()))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(decide("accept"), { id: proposal.id }, thirdCoordinator()))).toBe("NOT_FOUND");
    expect((await accepted(decide("accept"), { id: proposal.id }, admin)).status).toBe("ACCEPTED");
    await leave(proposal.id, partnerCoordinator());
  });

  it("records every step in the audit log", async () => {
    const proposal = await propose();
    await fixture.execute(decide("decline"), { id: proposal.id }, homeStaff());
    const entries = await fixture.subgraph.audit.entries.find({ "entity.id": proposal.id }).sort({ at: 1 }).toArray();
    expect(entries.map((entry) => [entry.operation, entry.actor.organizationId])).toEqual([
      ["proposeMembership", partner],
      ["declineMembership", home],
    ]);
  });
});

const JOIN_FIELDS = `id status acceptedBy { id } history { status networkIds actor { id } }`;
const JOIN = `mutation($a: ID!, $n: ID!) { joinAlliance(allianceId: $a, networkId: $n) { ${JOIN_FIELDS} } }`;
const decideJoin = (verb: "accept" | "decline" | "withdraw") => `mutation($id: ID!) { ${verb}AllianceJoin(id: $id) { ${JOIN_FIELDS} } }`;
const PROPOSE_AGREEMENT = `mutation($a: ID!, $kinds: [SharedDataKind!]!) { proposeAllianceAgreement(allianceId: $a, agreement: { sharedKinds: $kinds }) { id status acceptedBy { id } } }`;
const decideAgreement = (verb: "accept" | "decline" | "withdraw") => `mutation($id: ID!) { ${verb}AllianceAgreement(id: $id) { id status acceptedBy { id } } }`;

async function formAlliance(kinds: string[] = ["RESOURCES"]) {
  // formed by someone who manages both founding networks (the fixture's admin)
  const result = await fixture.execute(
    `mutation($n: [ID!]!, $kinds: [SharedDataKind!]!) { formAlliance(input: { name: "Home-Third", scope: NATIONAL, networkIds: $n, agreement: { sharedKinds: $kinds } }) { id } }`,
    { n: [homeNetwork, thirdNetwork], kinds },
  );
  expect(result.errors).toBeUndefined();
  return result.data.formAlliance.id as string;
}

function allied(grants: { allied: Array<{ kind: string; networkIds: string[] }> }, kind: string): string[] {
  return [...(grants.allied.find((entry) => entry.kind === kind)?.networkIds ?? [])].sort();
}

describe("alliance takeover", () => {
  it("a partner's join is PENDING until every member network accepted; the partner cannot accept it itself", async () => {
    const allianceId = await formAlliance();
    const join = (await fixture.execute(JOIN, { a: allianceId, n: partnerNetwork }, partnerAdmin())).data.joinAlliance;
    expect(join).toMatchObject({ status: "PENDING", acceptedBy: [] });
    expect(errorCode(await fixture.execute(decideJoin("accept"), { id: join.id }, partnerAdmin()))).toBe("FORBIDDEN");
    expect(allied(await partnerGrants(), "RESOURCES")).toEqual([]);

    const half = await fixture.execute(decideJoin("accept"), { id: join.id }, homeCoordinator());
    expect(half.data.acceptAllianceJoin).toMatchObject({ status: "PENDING", acceptedBy: [{ id: homeNetwork }] });
    expect(errorCode(await fixture.execute(decideJoin("accept"), { id: join.id }, homeCoordinator()))).toBe("CONFLICT");
    expect(allied(await partnerGrants(), "RESOURCES")).toEqual([]);

    const all = await fixture.execute(decideJoin("accept"), { id: join.id }, thirdCoordinator());
    expect(all.data.acceptAllianceJoin.status).toBe("ACCEPTED");
    expect(all.data.acceptAllianceJoin.history.map((step: any) => step.status)).toEqual(["PENDING", "PENDING", "PENDING", "ACCEPTED"]);
    expect(allied(await partnerGrants(), "RESOURCES")).toEqual([homeNetwork, partnerNetwork, thirdNetwork].sort());

    // leaving is the partner's own right, and ends the sharing
    await fixture.execute(`mutation($a: ID!, $n: ID!) { leaveAlliance(allianceId: $a, networkId: $n) { id } }`, { a: allianceId, n: partnerNetwork }, partnerCoordinator());
    expect(allied(await partnerGrants(), "RESOURCES")).toEqual([]);
  });

  it("accepts a join exactly once when the last two members accept at the same time", async () => {
    const allianceId = await formAlliance();
    const join = (await fixture.execute(JOIN, { a: allianceId, n: partnerNetwork }, partnerCoordinator())).data.joinAlliance;
    const answers = await Promise.all([homeCoordinator(), thirdCoordinator()].map((access) => fixture.execute(decideJoin("accept"), { id: join.id }, access)));
    expect(answers.every((result) => !result.errors)).toBe(true);
    const stored = (await fixture.subgraph.db.collection("alliance_members").findOne({ _id: join.id }))!;
    expect(stored.status).toBe("ACCEPTED");
    expect(stored.history.filter((step: any) => step.status === "ACCEPTED")).toHaveLength(1);
    await fixture.execute(`mutation($a: ID!, $n: ID!) { leaveAlliance(allianceId: $a, networkId: $n) { id } }`, { a: allianceId, n: partnerNetwork }, partnerCoordinator());
  });

  it("one member's decline ends the request, and a bystander sees no pending join", async () => {
    const allianceId = await formAlliance();
    const join = (await fixture.execute(JOIN, { a: allianceId, n: partnerNetwork }, partnerCoordinator())).data.joinAlliance;
    const LIST = `query($a: ID!) { alliance(id: $a) { joinRequests(first: 10) { edges { node { id status } } } } }`;
    const bystander = personAccess({ organizationId: "bystander", managedNetworkIds: [] });
    const seen = async (access: Access) => (await fixture.execute(LIST, { a: allianceId }, access)).data.alliance.joinRequests.edges.map((edge: any) => edge.node.id);
    expect(await seen(bystander)).not.toContain(join.id);
    expect(await seen(partnerCoordinator())).toContain(join.id);
    expect(await seen(homeCoordinator())).toContain(join.id);
    expect(errorCode(await fixture.execute(decideJoin("decline"), { id: join.id }, bystander))).toBe("NOT_FOUND");
    expect((await fixture.execute(decideJoin("decline"), { id: join.id }, thirdCoordinator())).data.declineAllianceJoin.status).toBe("DECLINED");
    expect(errorCode(await fixture.execute(decideJoin("accept"), { id: join.id }, homeCoordinator()))).toBe("CONFLICT");
    expect(allied(await partnerGrants(), "RESOURCES")).toEqual([]);
  });
});

describe("agreement takeover", () => {
  async function allianceWithPartner() {
    const allianceId = await formAlliance(["RESOURCES"]);
    const join = (await fixture.execute(JOIN, { a: allianceId, n: partnerNetwork }, partnerCoordinator())).data.joinAlliance;
    await fixture.execute(decideJoin("accept"), { id: join.id }, homeCoordinator());
    await fixture.execute(decideJoin("accept"), { id: join.id }, thirdCoordinator());
    return allianceId;
  }
  const agreementOf = async (allianceId: string) => (await fixture.subgraph.db.collection("alliances").findOne({ _id: allianceId as any }))!.agreement;

  it("one member's widening waits for every member; the agreement and the grants stay as they were until then", async () => {
    const allianceId = await allianceWithPartner();
    const before = await agreementOf(allianceId);
    const proposed = await fixture.execute(PROPOSE_AGREEMENT, { a: allianceId, kinds: ["RESOURCES", "CAMPAIGNS", "EVENTS"] }, partnerCoordinator());
    expect(proposed.data.proposeAllianceAgreement).toMatchObject({ status: "PENDING", acceptedBy: [{ id: partnerNetwork }] });
    const id = proposed.data.proposeAllianceAgreement.id;
    expect(errorCode(await fixture.execute(decideAgreement("accept"), { id }, partnerCoordinator()))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(PROPOSE_AGREEMENT, { a: allianceId, kinds: ["CAMPAIGNS"] }, homeCoordinator()))).toBe("CONFLICT");
    await fixture.execute(decideAgreement("accept"), { id }, homeCoordinator());
    expect(await agreementOf(allianceId)).toEqual(before);
    expect(allied(await partnerGrants(), "CAMPAIGNS")).toEqual([]);
    const done = await fixture.execute(decideAgreement("accept"), { id }, thirdCoordinator());
    expect(done.data.acceptAllianceAgreement.status).toBe("ACCEPTED");
    expect((await agreementOf(allianceId)).sharedKinds).toEqual(["RESOURCES", "CAMPAIGNS", "EVENTS"]);
    expect(allied(await partnerGrants(), "CAMPAIGNS")).toEqual([homeNetwork, partnerNetwork, thirdNetwork].sort());
  });

  it("an outsider can neither propose, accept, narrow nor dissolve; a member narrows alone, which takes back its acceptance", async () => {
    const allianceId = await allianceWithPartner();
    const outsider = personAccess({ organizationId: "outsider", organizationAdmin: true, managedNetworkIds: ["outsider-network"] });
    const before = await snapshot("alliances", { _id: allianceId });
    expect(errorCode(await fixture.execute(PROPOSE_AGREEMENT, { a: allianceId, kinds: ["NEEDS"] }, outsider))).toBe("FORBIDDEN");
    const NARROW = `mutation($a: ID!) { narrowAllianceAgreement(allianceId: $a, sharedKinds: [RESOURCES]) { agreement { sharedKinds } } }`;
    expect(errorCode(await fixture.execute(NARROW, { a: allianceId }, outsider))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(`mutation($a: ID!) { dissolveAlliance(allianceId: $a) { id } }`, { a: allianceId }, outsider))).toBe("FORBIDDEN");
    expect(await snapshot("alliances", { _id: allianceId })).toEqual(before);

    const proposal = (await fixture.execute(PROPOSE_AGREEMENT, { a: allianceId, kinds: ["RESOURCES", "NEEDS"] }, homeCoordinator())).data.proposeAllianceAgreement;
    expect(errorCode(await fixture.execute(decideAgreement("accept"), { id: proposal.id }, outsider))).toBe("NOT_FOUND");
    const narrowed = await fixture.execute(NARROW, { a: allianceId }, homeCoordinator());
    expect(narrowed.data.narrowAllianceAgreement.agreement.sharedKinds).toEqual([]);
    await fixture.execute(decideAgreement("accept"), { id: proposal.id }, partnerCoordinator());
    const third_ = await fixture.execute(decideAgreement("accept"), { id: proposal.id }, thirdCoordinator());
    // the narrowing member's earlier acceptance was taken back: still pending
    expect(third_.data.acceptAllianceAgreement.status).toBe("PENDING");
    expect((await fixture.execute(decideAgreement("withdraw"), { id: proposal.id }, homeCoordinator())).data.withdrawAllianceAgreement.status).toBe("WITHDRAWN");
  });
});

describe("relations stored before consent", () => {
  it("count as accepted (ended ones as ended) once the subgraph starts", async () => {
    const legacySchool = await fixture.createSchool({ name: "Legacy School" });
    const now = new Date();
    await memberships().insertMany([
      { _id: "legacy-open" as any, schoolId: legacySchool, networkId: partnerNetwork, schoolName: "Legacy School", role: "MEMBER", startDate: "2010-09-01", endDate: null, openKey: `${legacySchool}:${partnerNetwork}`, createdAt: now, updatedAt: now },
      { _id: "legacy-ended" as any, schoolId: legacySchool, networkId: thirdNetwork, schoolName: "Legacy School", role: "MEMBER", startDate: "2010-09-01", endDate: "2012-06-30", createdAt: now, updatedAt: now },
    ]);
    const grants = async () =>
      (await fixture.execute(GRANTS, { o: partner, s: [legacySchool], c: [], admin: false }, SYSTEM_ACCESS)).data.accessGrants.schoolIds;
    expect(await grants()).toEqual([]); // no status yet: nothing is granted (fails closed)
    await fixture.subgraph.instance.ensureIndexes(); // what every start runs
    expect(await memberships().findOne({ _id: "legacy-open" as any })).toMatchObject({ status: "ACCEPTED", initiatedBy: "NETWORK", history: [] });
    expect(await memberships().findOne({ _id: "legacy-ended" as any })).toMatchObject({ status: "ENDED" });
    expect(await grants()).toEqual([legacySchool]);
  });

  it("counts a stored alliance membership as accepted, pageable like the others", async () => {
    const allianceId = await formAlliance(["NEEDS"]);
    await fixture.subgraph.db.collection("alliance_members").insertOne({
      _id: "legacy-member" as any, allianceId, networkId: partnerNetwork, joinedOn: "2015-01-01", leftOn: null, openKey: `${allianceId}:${partnerNetwork}`,
    });
    expect(allied(await partnerGrants(), "NEEDS")).toEqual([]);
    await fixture.subgraph.instance.ensureIndexes();
    expect(allied(await partnerGrants(), "NEEDS")).toEqual([homeNetwork, partnerNetwork, thirdNetwork].sort());
    const LIST = `query($a: ID!, $after: String) { alliance(id: $a) { joinRequests(first: 1, after: $after) { edges { node { id status } } pageInfo { endCursor hasNextPage } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = (await fixture.execute(LIST, { a: allianceId, after }, homeCoordinator())).data.alliance.joinRequests;
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(3);
    expect(seen).toContain("legacy-member");
  });
});
