import { ANONYMOUS_ACCESS, newId, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { testId } from "../support/ids";
import { snapshot } from "../support/snapshot";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

/*
 * Funding awards link to the work they pay for. A link is read exactly as its award; the work itself only by who
 * may see it (resources and agreements here, events and mentorships at the development subgraph, through the
 * gateway: test/gateway/funded-work.test.ts).
 */

let fixture: ResourcesFixture;
const N = testId("funded-network");
const OTHER_N = testId("funded-other-network");
const SCHOOL = testId("funded-school");
const PARTNER = testId("funded-partner-school");
const coordinator = personAccess({ personId: "funded-coordinator", managedNetworkIds: [N], memberNetworkIds: [N] });
/** A coordinator of the network who is also staff of a school in the agreement: the only one who may link it. */
const coordinatorAndStaff = personAccess({ personId: "funded-coordinator-staff", managedNetworkIds: [N], memberNetworkIds: [N], schoolIds: [SCHOOL], schoolMemberships: [{ schoolId: SCHOOL, networkId: N }] });
const member = personAccess({ personId: "funded-member", memberNetworkIds: [N] });
const staffOfPartner = personAccess({ personId: "funded-partner-staff", memberNetworkIds: [N], schoolIds: [PARTNER] });
const outsider = personAccess({ personId: "funded-outsider", managedNetworkIds: [OTHER_N], memberNetworkIds: [OTHER_N] });

const RECORD = `mutation($input: RecordFundingAwardInput!) { recordFundingAward(input: $input) { id } }`;
const LINK = `mutation($input: LinkFundedWorkInput!) { linkFundedWork(input: $input) { id targetKind note award { id } } }`;
const UNLINK = `mutation($id: ID!) { unlinkFundedWork(id: $id) { id } }`;
const WORK = `query($id: ID!) { fundingAward(id: $id) { fundedWork(first: 10) { totalCount edges { node { id targetKind note
  target { __typename ... on Resource { id title } ... on SchoolAgreement { id title } ... on Event { id } ... on Mentorship { id } } } } } } }`;

let award: string;
let publicResource: string;
let privateResource: string;
let agreement: string;

async function recordAward(extra: Record<string, unknown> = {}, access: Access = coordinator): Promise<string> {
  const input = { networkId: N, funder: "Rural Schools Fund", kind: "PRIVATE_GRANT", amount: 50000, startDate: "2024-07-01", endDate: "2026-06-30", visibility: "NETWORK", ...extra };
  return (await fixture.must(RECORD, { input }, access)).recordFundingAward.id;
}

beforeAll(async () => {
  fixture = await startResourcesFixture();
  award = await recordAward();
  publicResource = await fixture.publish({ title: "Applied learning curriculum", networkId: N, schoolId: null, visibility: "PUBLIC" }, coordinator);
  privateResource = await fixture.publish({ title: "Another network's private plan", networkId: OTHER_N, schoolId: null, visibility: "PRIVATE" }, outsider);
  const input = {
    kind: "SHARED_STAFF",
    title: "School counselor",
    startDate: "2025-08-15",
    schoolId: SCHOOL,
    parties: [{ schoolId: SCHOOL, timeShare: 0.5 }, { schoolId: PARTNER, timeShare: 0.5 }],
  };
  agreement = (await fixture.must(`mutation($input: ProposeSchoolAgreementInput!) { proposeSchoolAgreement(input: $input) { id } }`, { input }, coordinatorAndStaff)).proposeSchoolAgreement.id;
});
afterAll(() => fixture.stop());

const link = (targetKind: string, targetId: string, access: Access = coordinator, awardId = award) =>
  fixture.execute(LINK, { input: { awardId, targetKind, targetId, note: `pays for the ${targetKind.toLowerCase()}` } }, access);

describe("linking", () => {
  const eventId = newId();
  const mentorshipId = newId();

  it("links an award to resources, agreements, events and mentorships; each reader sees the work they may see", async () => {
    for (const [kind, id, access] of [
      ["RESOURCE", publicResource, coordinator],
      ["EVENT", eventId, coordinator],
      ["MENTORSHIP", mentorshipId, coordinator],
      ["AGREEMENT", agreement, coordinatorAndStaff],
    ] as const) {
      const result = await link(kind, id, access);
      expect(result.errors).toBeUndefined();
      expect(result.data.linkFundedWork).toMatchObject({ targetKind: kind, award: { id: award } });
    }
    const targets = async (access: Access) => {
      const data = await fixture.must(WORK, { id: award }, access);
      if (!data.fundingAward) return null;
      expect(data.fundingAward.fundedWork.totalCount).toBe(4);
      return data.fundingAward.fundedWork.edges.map((edge: any) => [edge.node.targetKind, edge.node.target?.id ?? null]);
    };
    // events and mentorships are references: the gateway resolves them at the development subgraph
    const withoutAgreement = [["RESOURCE", publicResource], ["EVENT", eventId], ["MENTORSHIP", mentorshipId], ["AGREEMENT", null]];
    expect(await targets(coordinator)).toEqual(withoutAgreement);
    expect(await targets(member)).toEqual(withoutAgreement);
    expect(await targets(coordinatorAndStaff)).toEqual([...withoutAgreement.slice(0, 3), ["AGREEMENT", agreement]]);
    expect(await targets(staffOfPartner)).toEqual([...withoutAgreement.slice(0, 3), ["AGREEMENT", agreement]]);
    expect(await targets(outsider)).toBeNull();
    expect(await targets(ANONYMOUS_ACCESS)).toBeNull();
  });

  it("links a piece of work once: CONFLICT for the same link again", async () => {
    const before = await snapshot(fixture.subgraph.db);
    expect(errorCode(await link("EVENT", eventId))).toBe("CONFLICT");
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it.each([
    ["a resource the writer may not see", () => link("RESOURCE", privateResource)],
    ["a resource that does not exist", () => link("RESOURCE", newId())],
    ["an agreement the writer is not a party to", () => link("AGREEMENT", agreement)],
  ])("answers that %s is unknown (BAD_USER_INPUT on input.targetId), storing nothing", async (_name, attempt) => {
    const before = await snapshot(fixture.subgraph.db);
    const result = await attempt();
    expect({ code: errorCode(result), field: result.errors?.[0]?.extensions?.field }).toEqual({ code: "BAD_USER_INPUT", field: "input.targetId" });
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it.each([
    ["anonymous", ANONYMOUS_ACCESS, "UNAUTHENTICATED", "UNAUTHENTICATED"],
    ["a read-only token of the coordinator", { ...coordinator, canWrite: false }, "FORBIDDEN", "FORBIDDEN"],
    ["a member of the network", member, "FORBIDDEN", "FORBIDDEN"],
    ["staff of a school in the funded agreement", staffOfPartner, "FORBIDDEN", "FORBIDDEN"],
    ["a coordinator of another network", outsider, "NOT_FOUND", "NOT_FOUND"],
  ])("is for the award's writers: refuses %s linking and unlinking, changing nothing", async (_name, access, linkCode, unlinkCode) => {
    const existing = (await fixture.must(WORK, { id: award }, coordinator)).fundingAward.fundedWork.edges[0].node.id;
    const before = await snapshot(fixture.subgraph.db);
    expect(errorCode(await link("EVENT", newId(), access as Access))).toBe(linkCode);
    expect(errorCode(await fixture.execute(UNLINK, { id: existing }, access as Access))).toBe(unlinkCode);
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it("unlinks, once", async () => {
    const id = (await link("EVENT", newId())).data.linkFundedWork.id;
    expect((await fixture.must(UNLINK, { id }, coordinator)).unlinkFundedWork.id).toBe(id);
    expect(errorCode(await fixture.execute(UNLINK, { id }, coordinator))).toBe("NOT_FOUND");
  });
});

describe("links follow their award", () => {
  it("are seen exactly as the award, also after its visibility changed", async () => {
    const privateAward = await recordAward({ visibility: "PRIVATE" });
    const id = (await link("MENTORSHIP", newId(), coordinator, privateAward)).data.linkFundedWork.id;
    const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on FundedWork { id } } }`;
    const seen = async (access: Access) => (await fixture.must(ENTITIES, { reps: [{ __typename: "FundedWork", id }] }, access))._entities[0]?.id ?? null;
    expect([await seen(coordinator), await seen(member), await seen(ANONYMOUS_ACCESS)]).toEqual([id, null, null]);
    await fixture.must(`mutation($id: ID!) { updateFundingAward(id: $id, input: { visibility: PUBLIC }) { id } }`, { id: privateAward }, coordinator);
    expect([await seen(coordinator), await seen(member), await seen(ANONYMOUS_ACCESS)]).toEqual([id, id, id]);
  });
});

describe("awards ending in a period", () => {
  it("lists the awards ending between two days with the work that depends on them", async () => {
    const network = fixture.entityId("network");
    const ends = ["2025-12-31", "2026-01-01", "2026-06-30", "2026-12-31", "2027-01-01", null];
    const ids: string[] = [];
    for (const endDate of ends) ids.push(await recordAward({ networkId: network, endDate, visibility: "PUBLIC" }, fixture.admin));
    await link("RESOURCE", publicResource, fixture.admin, ids[2]);
    const data = await fixture.must(
      `query($network: ID!) { fundingAwards(networkId: $network, endingFrom: "2026-01-01", endingTo: "2026-12-31", first: 10) {
        totalCount edges { node { id endDate fundedWork { edges { node { target { ... on Resource { title } } } } } } } } }`,
      { network },
      ANONYMOUS_ACCESS,
    );
    expect(data.fundingAwards.totalCount).toBe(3);
    expect(data.fundingAwards.edges.map((edge: any) => edge.node.endDate).sort()).toEqual(["2026-01-01", "2026-06-30", "2026-12-31"]);
    const withWork = data.fundingAwards.edges.find((edge: any) => edge.node.id === ids[2]).node;
    expect(withWork.fundedWork.edges).toEqual([{ node: { target: { title: "Applied learning curriculum" } } }]);
  });
});
