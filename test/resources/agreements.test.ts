import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { testId } from "../support/ids";
import { snapshot } from "../support/snapshot";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

/*
 * Shared staff and joint purchasing agreements between schools: each school's consent, its share, and who sees
 * the agreement (the staff of the schools in it and of those still asked; never their networks' coordinators,
 * never anyone else).
 */

let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

const N = testId("agreements-network");
const [WALLOWA_HIGH, WALLOWA_K8, FORT_ROCK, OUTSIDER] = ["wallowa-high", "wallowa-k8", "fort-rock", "outsider"].map((name) => testId(`agreements-${name}`));
const staffOf = (...schoolIds: string[]) => personAccess({ personId: `staff-${schoolIds.join("-")}`, schoolIds, memberNetworkIds: [N], schoolMemberships: schoolIds.map((schoolId) => ({ schoolId, networkId: N })) });
const coordinator = personAccess({
  personId: "coordinator",
  managedNetworkIds: [N],
  memberNetworkIds: [N],
  schoolMemberships: [WALLOWA_HIGH, WALLOWA_K8, FORT_ROCK, OUTSIDER].map((schoolId) => ({ schoolId, networkId: N })),
});
const admin: Access = { ...coordinator, organizationAdmin: true };

const PROPOSE = `mutation($input: ProposeSchoolAgreementInput!) { proposeSchoolAgreement(input: $input) {
  id kind title status startDate endDate proposedBy { id }
  parties { school { id } consent timeShare cost { amount currency } answeredAt note }
} }`;
const ACCEPT = `mutation($id: ID!, $schoolId: ID!, $note: String) { acceptSchoolAgreement(id: $id, schoolId: $schoolId, note: $note) { id status parties { school { id } consent note } } }`;
const DECLINE = `mutation($id: ID!, $schoolId: ID!) { declineSchoolAgreement(id: $id, schoolId: $schoolId) { id status parties { school { id } consent } } }`;
const READ = `query($id: ID!) { schoolAgreement(id: $id) { id status } }`;

function counselor(extra: Record<string, unknown> = {}) {
  return {
    kind: "SHARED_STAFF",
    title: "School counselor",
    description: "Two days a week at Wallowa Valley High, two at the K-8, one at Fort Rock Valley.",
    startDate: "2026-08-15",
    endDate: "2027-06-15",
    schoolId: WALLOWA_HIGH,
    parties: [
      { schoolId: WALLOWA_K8, timeShare: 0.4, cost: { amount: 26000, currency: "USD" } },
      { schoolId: WALLOWA_HIGH, timeShare: 0.4, cost: { amount: 26000, currency: "USD" } },
      { schoolId: FORT_ROCK, timeShare: 0.2, cost: { amount: 13000.5, currency: "USD" } },
    ],
    ...extra,
  };
}

async function propose(input = counselor(), access = staffOf(WALLOWA_HIGH)): Promise<string> {
  return (await fixture.must(PROPOSE, { input }, access)).proposeSchoolAgreement.id;
}

describe("proposing", () => {
  it("stores each school's share, the proposer first and accepted, the others asked", async () => {
    const result = await fixture.execute(PROPOSE, { input: counselor() }, staffOf(WALLOWA_HIGH));
    expect(result.errors).toBeUndefined();
    expect(result.data.proposeSchoolAgreement).toMatchObject({
      kind: "SHARED_STAFF",
      status: "PROPOSED",
      proposedBy: { id: WALLOWA_HIGH },
      parties: [
        { school: { id: WALLOWA_HIGH }, consent: "ACCEPTED", timeShare: 0.4, cost: { amount: 26000, currency: "USD" }, answeredAt: null },
        { school: { id: WALLOWA_K8 }, consent: "PENDING", timeShare: 0.4 },
        { school: { id: FORT_ROCK }, consent: "PENDING", timeShare: 0.2, cost: { amount: 13000.5, currency: "USD" } },
      ],
    });
  });

  it.each([
    ["a time share above full time", counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 1.5 }, { schoolId: FORT_ROCK, timeShare: 0.2 }] }), "input.parties.0.timeShare"],
    ["a time share of zero", counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.5 }, { schoolId: FORT_ROCK, timeShare: 0 }] }), "input.parties.1.timeShare"],
    ["time shares adding up to more than one position", counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.6 }, { schoolId: FORT_ROCK, timeShare: 0.5 }] }), "input.parties"],
    ["shared staff without a school's time share", counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.5 }, { schoolId: FORT_ROCK }] }), "input.parties.1.timeShare"],
    ["a joint purchase with a time share", counselor({ kind: "JOINT_PURCHASING", parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.5, cost: { amount: 1 } }, { schoolId: FORT_ROCK, cost: { amount: 1 } }] }), "input.parties.0.timeShare"],
    ["a joint purchase without a school's cost", counselor({ kind: "JOINT_PURCHASING", parties: [{ schoolId: WALLOWA_HIGH, cost: { amount: 10 } }, { schoolId: FORT_ROCK }] }), "input.parties.1.cost"],
    ["a cost of zero", counselor({ kind: "JOINT_PURCHASING", parties: [{ schoolId: WALLOWA_HIGH, cost: { amount: 10 } }, { schoolId: FORT_ROCK, cost: { amount: 0 } }] }), "input.parties.1.cost.amount"],
    ["costs in two currencies", counselor({ kind: "JOINT_PURCHASING", parties: [{ schoolId: WALLOWA_HIGH, cost: { amount: 10 } }, { schoolId: FORT_ROCK, cost: { amount: 10, currency: "CAD" } }] }), "input.parties.1.cost.currency"],
    ["a school named twice", counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.2 }, { schoolId: WALLOWA_HIGH, timeShare: 0.2 }] }), "input.parties.1.schoolId"],
    ["a single school", counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.2 }] }), "input.parties"],
    ["a proposer that is not a party", counselor({ parties: [{ schoolId: WALLOWA_K8, timeShare: 0.2 }, { schoolId: FORT_ROCK, timeShare: 0.2 }] }), "input.parties"],
    ["an end before the start", counselor({ endDate: "2026-01-01" }), "input.endDate"],
  ])("refuses %s with BAD_USER_INPUT naming the field, storing nothing", async (_name, input, field) => {
    const before = await snapshot(fixture.subgraph.db);
    const result = await fixture.execute(PROPOSE, { input }, staffOf(WALLOWA_HIGH));
    expect({ code: errorCode(result), field: result.errors?.[0]?.extensions?.field }).toEqual({ code: "BAD_USER_INPUT", field });
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it.each([
    ["anonymous", ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
    ["a read-only token of the school's staff", { ...staffOf(WALLOWA_HIGH), canWrite: false }, "FORBIDDEN"],
    ["staff of another school", staffOf(WALLOWA_K8), "FORBIDDEN"],
    ["the network's coordinator", coordinator, "FORBIDDEN"],
    ["the network's organization admin", admin, "FORBIDDEN"],
  ])("is for the proposing school's own staff: refuses %s", async (_name, access, code) => {
    const before = await snapshot(fixture.subgraph.db);
    expect(errorCode(await fixture.execute(PROPOSE, { input: counselor() }, access as Access))).toBe(code);
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });
});

describe("consent", () => {
  it("puts a school in the agreement only once its own staff accepted; in force when every school answered", async () => {
    const id = await propose();
    const schools = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { id agreements { totalCount edges { node { id } } } } } }`;
    const inAgreement = async (schoolId: string) => {
      const data = await fixture.must(schools, { reps: [{ __typename: "School", id: schoolId }] }, staffOf(schoolId));
      return data._entities[0].agreements.edges.some((edge: any) => edge.node.id === id);
    };
    expect(await inAgreement(WALLOWA_HIGH)).toBe(true);
    expect(await inAgreement(WALLOWA_K8)).toBe(false);
    const accepted = await fixture.must(ACCEPT, { id, schoolId: WALLOWA_K8, note: "Our board agreed" }, staffOf(WALLOWA_K8));
    expect(accepted.acceptSchoolAgreement.status).toBe("PROPOSED");
    expect(await inAgreement(WALLOWA_K8)).toBe(true);
    const last = await fixture.must(ACCEPT, { id, schoolId: FORT_ROCK }, staffOf(FORT_ROCK));
    expect(last.acceptSchoolAgreement.status).toBe("IN_FORCE");
    expect(last.acceptSchoolAgreement.parties.map((party: any) => party.consent)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
  });

  it("answers once: a second answer is CONFLICT and changes nothing", async () => {
    const id = await propose();
    await fixture.must(DECLINE, { id, schoolId: FORT_ROCK }, staffOf(FORT_ROCK));
    const before = await snapshot(fixture.subgraph.db);
    // the proposer accepted by proposing
    expect(errorCode(await fixture.execute(DECLINE, { id, schoolId: WALLOWA_HIGH }, staffOf(WALLOWA_HIGH)))).toBe("CONFLICT");
    await fixture.must(ACCEPT, { id, schoolId: WALLOWA_K8 }, staffOf(WALLOWA_K8));
    const after = await snapshot(fixture.subgraph.db);
    expect(errorCode(await fixture.execute(DECLINE, { id, schoolId: WALLOWA_K8 }, staffOf(WALLOWA_K8)))).toBe("CONFLICT");
    expect(await snapshot(fixture.subgraph.db)).toEqual(after);
    expect(before).not.toEqual(after);
  });

  it("applies exactly one of simultaneous answers for a school", async () => {
    const id = await propose();
    const accepts = await Promise.all(Array.from({ length: 10 }, () => fixture.execute(ACCEPT, { id, schoolId: FORT_ROCK }, staffOf(FORT_ROCK))));
    expect(accepts.map((result) => errorCode(result) ?? "OK").sort()).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "CONFLICT", "OK"]);
    // accepting and declining at once: one answer applies; after a decline the school no longer finds the agreement
    const mixed = await propose();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => fixture.execute(i % 2 ? ACCEPT : DECLINE, { id: mixed, schoolId: FORT_ROCK }, staffOf(FORT_ROCK))));
    expect(answers.filter((result) => !result.errors)).toHaveLength(1);
    expect(answers.every((result) => !result.errors || ["CONFLICT", "NOT_FOUND"].includes(errorCode(result)!))).toBe(true);
    const stored = await fixture.subgraph.db.collection("agreements").findOne({ _id: mixed as any });
    expect(stored!.parties.filter((party: any) => party.schoolId === FORT_ROCK && party.consent !== "PENDING")).toHaveLength(1);
  });

  it("fails when fewer than two schools accepted", async () => {
    const id = await propose(counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.5 }, { schoolId: FORT_ROCK, timeShare: 0.5 }] }));
    expect((await fixture.must(DECLINE, { id, schoolId: FORT_ROCK }, staffOf(FORT_ROCK))).declineSchoolAgreement.status).toBe("FAILED");
  });

  it.each([
    ["anonymous", ANONYMOUS_ACCESS, FORT_ROCK, "UNAUTHENTICATED"],
    ["staff of a school it does not name", staffOf(OUTSIDER), OUTSIDER, "NOT_FOUND"],
    ["the network's coordinator, for a member school", coordinator, FORT_ROCK, "NOT_FOUND"],
    ["the network's admin, for a member school", admin, FORT_ROCK, "NOT_FOUND"],
    ["staff of another party, for the school", staffOf(WALLOWA_K8), FORT_ROCK, "FORBIDDEN"],
    ["a read-only token of the school's staff", { ...staffOf(FORT_ROCK), canWrite: false }, FORT_ROCK, "FORBIDDEN"],
    ["staff of two schools, for the one not asked", staffOf(FORT_ROCK, OUTSIDER), OUTSIDER, "BAD_USER_INPUT"],
  ])("is each school's own: refuses %s, changing nothing", async (_name, access, schoolId, code) => {
    const id = await propose();
    const before = await snapshot(fixture.subgraph.db);
    for (const mutation of [ACCEPT, DECLINE]) {
      expect(errorCode(await fixture.execute(mutation, { id, schoolId }, access as Access))).toBe(code);
    }
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it("records every answer in the audit log, under the proposing school", async () => {
    const id = await propose();
    await fixture.must(ACCEPT, { id, schoolId: FORT_ROCK }, staffOf(FORT_ROCK));
    const entries = await fixture.subgraph.audit.entries.find({ "entity.id": id }).sort({ at: 1 }).toArray();
    expect(entries.map((entry) => entry.operation)).toEqual(["proposeSchoolAgreement", "acceptSchoolAgreement"]);
    expect(entries[1]).toMatchObject({ owner: { networkId: null, schoolId: WALLOWA_HIGH }, visibility: "PRIVATE", changes: { schoolId: FORT_ROCK } });
  });
});

describe("who sees an agreement", () => {
  let id: string;
  beforeAll(async () => {
    id = await propose();
    await fixture.must(ACCEPT, { id, schoolId: WALLOWA_K8 }, staffOf(WALLOWA_K8));
    await fixture.must(DECLINE, { id, schoolId: FORT_ROCK }, staffOf(FORT_ROCK));
  });

  it.each([
    ["staff of the proposing school", staffOf(WALLOWA_HIGH), true],
    ["staff of a school that accepted", staffOf(WALLOWA_K8), true],
    ["staff of the school that declined", staffOf(FORT_ROCK), false],
    ["staff of a school it does not name", staffOf(OUTSIDER), false],
    ["the schools' network's coordinator", coordinator, false],
    ["the network's organization admin", admin, false],
    ["anonymous", ANONYMOUS_ACCESS, false],
  ])("%s: by id, in lists, through the schools and _entities", async (_name, access, sees) => {
    const data = await fixture.must(
      `query($id: ID!, $reps: [_Any!]!, $school: ID!) {
        schoolAgreement(id: $id) { id }
        schoolAgreements(schoolId: $school, includeProposals: true, first: 100) { totalCount edges { node { id } } }
        mine: schoolAgreements(first: 100) { edges { node { id } } }
        _entities(representations: $reps) { ... on SchoolAgreement { id } ... on School { agreements(first: 100, includeProposals: true) { totalCount edges { node { id } } } } }
      }`,
      { id, school: WALLOWA_HIGH, reps: [{ __typename: "SchoolAgreement", id }, { __typename: "School", id: WALLOWA_HIGH }, { __typename: "School", id: WALLOWA_K8 }] },
      access as Access,
    );
    const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id).filter((found: string) => found === id);
    const expected = sees ? [id] : [];
    expect(data.schoolAgreement?.id ?? null).toBe(sees ? id : null);
    expect(data._entities[0]?.id ?? null).toBe(sees ? id : null);
    expect(ids(data.schoolAgreements)).toEqual(expected);
    expect(data.schoolAgreements.totalCount).toBe(data.schoolAgreements.edges.length);
    expect(ids(data._entities[1].agreements)).toEqual(expected);
    expect(ids(data._entities[2].agreements)).toEqual(expected);
    expect(data._entities[1].agreements.totalCount).toBe(data._entities[1].agreements.edges.length);
    expect(ids(data.mine)).toEqual((access as Access).schoolIds.includes(WALLOWA_HIGH) || (access as Access).schoolIds.includes(WALLOWA_K8) ? [id] : []);
  });

  it("shows a school it is asked to join only with includeProposals, to the schools' staff", async () => {
    const pending = await propose(counselor({ parties: [{ schoolId: WALLOWA_HIGH, timeShare: 0.5 }, { schoolId: OUTSIDER, timeShare: 0.5 }] }));
    const QUERY = `query($school: ID!, $proposals: Boolean!) { schoolAgreements(schoolId: $school, includeProposals: $proposals, first: 100) { edges { node { id status } } } }`;
    const listed = async (access: Access, proposals: boolean) =>
      (await fixture.must(QUERY, { school: OUTSIDER, proposals }, access)).schoolAgreements.edges.map((edge: any) => edge.node.id);
    expect(await listed(staffOf(OUTSIDER), false)).toEqual([]);
    expect(await listed(staffOf(OUTSIDER), true)).toEqual([pending]);
    expect(await listed(coordinator, true)).toEqual([]);
    expect((await fixture.must(READ, { id: pending }, staffOf(OUTSIDER))).schoolAgreement).toEqual({ id: pending, status: "PROPOSED" });
  });

  it("pages a school's agreements with opaque cursors, newest first", async () => {
    const school = testId("agreements-pager");
    const other = testId("agreements-pager-other");
    const created: string[] = [];
    for (const startDate of ["2020-01-01", "2022-01-01", "2021-01-01"]) {
      created.push(await propose(counselor({ startDate, endDate: null, schoolId: school, parties: [{ schoolId: school, timeShare: 0.5 }, { schoolId: other, timeShare: 0.5 }] }), staffOf(school)));
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const data: any = await fixture.must(
        `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on School { agreements(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } } }`,
        { reps: [{ __typename: "School", id: school }], after },
        staffOf(school),
      );
      const connection = data._entities[0].agreements;
      expect(connection.totalCount).toBe(3);
      seen.push(...connection.edges.map((edge: any) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toEqual([created[1], created[2], created[0]]);
  });
});
