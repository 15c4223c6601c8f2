import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";
import { ResourceRepository } from "../../subgraphs/resources/resource/resource.repository";
import { personAccess } from "../support/access";
import { testId } from "../support/ids";
import { snapshot } from "../support/snapshot";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

/*
 * Joint practice development (seed 002): adapted versions published as new resources linked to their
 * originals, read both ways by each caller's own access, and co-development credits that show once the
 * credited school or network accepts. Organization B owns the originals (school SB's and network NB's own);
 * organization A's schools SA and SA2 (network NA) adapt them; C (network NC, school SC) is an outsider.
 */

let fixture: ResourcesFixture;

const NA = testId("jp-network-a");
const SA = testId("jp-school-a");
const SA2 = testId("jp-school-a2");
const NB = testId("jp-network-b");
const NB2 = testId("jp-network-b2");
const SB = testId("jp-school-b");
const NC = testId("jp-network-c");
const SC = testId("jp-school-c");

const member = (schoolId: string, networkId: string) => ({ schoolId, networkId });
const staffOfSA = personAccess({ personId: "sa-staff", organizationId: "org-a", schoolIds: [SA], memberNetworkIds: [NA], schoolMemberships: [member(SA, NA)] });
const staffOfSA2 = personAccess({ personId: "sa2-staff", organizationId: "org-a", schoolIds: [SA2], memberNetworkIds: [NA], schoolMemberships: [member(SA2, NA)] });
const coordinatorOfA = personAccess({ personId: "a-coordinator", organizationId: "org-a", managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: [member(SA, NA), member(SA2, NA)] });
const memberOfA = personAccess({ personId: "a-teacher", organizationId: "org-a", memberNetworkIds: [NA] });
const staffOfSB = personAccess({ personId: "sb-staff", organizationId: "org-b", schoolIds: [SB], memberNetworkIds: [NB], schoolMemberships: [member(SB, NB)] });
const coordinatorOfB = personAccess({ personId: "b-coordinator", organizationId: "org-b", managedNetworkIds: [NB], memberNetworkIds: [NB], schoolMemberships: [member(SB, NB)] });
/** Staff of SB who also coordinates NB and NB2: speaks for all three. */
const leaderOfB = personAccess({
  personId: "b-leader",
  organizationId: "org-b",
  schoolIds: [SB],
  managedNetworkIds: [NB, NB2],
  memberNetworkIds: [NB, NB2],
  schoolMemberships: [member(SB, NB)],
});
const staffOfSC = personAccess({ personId: "sc-staff", organizationId: "org-c", schoolIds: [SC], memberNetworkIds: [NC], schoolMemberships: [member(SC, NC)] });

const PUBLISH = `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) { id } }`;
const CREDIT = (answer: "accept" | "decline") =>
  `mutation($id: ID!, $kind: ResourceOwnerKind!, $who: ID!) { ${answer}CoDevelopmentCredit(resourceId: $id, coDeveloper: { kind: $kind, id: $who }) {
    coDevelopers { id } coDeveloperNetworks { id } proposedCoDevelopers { __typename ... on School { id } ... on Network { id } } } }`;

async function must(query: string, variables: Record<string, unknown>, access: Access): Promise<any> {
  const result = await fixture.execute(query, variables, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const publish = async (input: Record<string, unknown>, access: Access): Promise<string> =>
  (await must(PUBLISH, { input: { kind: "GUIDE", ...input } }, access)).publishResource.id;

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id).sort();
const stored = (id: string) => fixture.subgraph.db.collection("resources").findOne({ _id: id as any });

beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

describe("adapted versions", () => {
  const r = { schoolOriginal: "", networkOriginal: "", privateAdaptation: "", networkAdaptation: "", gen1: "", gen2: "" };
  const LINEAGE = `query($id: ID!) { resource(id: $id) { id adaptedFrom { id } lineage { id } adaptations(first: 50) { totalCount edges { node { id } } } } }`;
  const read = async (id: string, access: Access) => (await must(LINEAGE, { id }, access)).resource;

  beforeAll(async () => {
    r.schoolOriginal = await publish({ title: "Tuning protocol", kind: "PROTOCOL", networkId: NB, schoolId: SB, visibility: "PUBLIC" }, staffOfSB);
    r.networkOriginal = await publish({ title: "Network moderation guide", networkId: NB, visibility: "PUBLIC" }, coordinatorOfB);
    // SA's own adaptations, PRIVATE: SA's staff read them, and so does each original's owner
    r.privateAdaptation = await publish({ title: "Tuning protocol, our pilot notes", networkId: NA, schoolId: SA, adaptedFromId: r.schoolOriginal, visibility: "PRIVATE" }, staffOfSA);
    r.networkAdaptation = await publish({ title: "Moderation guide for grade 9", networkId: NA, schoolId: SA, adaptedFromId: r.networkOriginal, visibility: "PRIVATE" }, staffOfSA);
    // two generations: SA's version for its network, then SA2's public version of that
    r.gen1 = await publish({ title: "Tuning protocol for network days", kind: "PROTOCOL", networkId: NA, schoolId: SA, adaptedFromId: r.schoolOriginal, visibility: "NETWORK" }, staffOfSA);
    r.gen2 = await publish({ title: "Tuning protocol in 45 minutes", kind: "PROTOCOL", networkId: NA, schoolId: SA2, adaptedFromId: r.gen1, visibility: "PUBLIC" }, staffOfSA2);
  });

  it("links both ways over generations, each caller seeing only what it may", async () => {
    // anonymous: the public grandchild only, with no trace of its hidden parent
    expect(await read(r.gen2, ANONYMOUS_ACCESS)).toEqual({ id: r.gen2, adaptedFrom: null, lineage: [], adaptations: { totalCount: 0, edges: [] } });
    expect((await read(r.schoolOriginal, ANONYMOUS_ACCESS)).adaptations).toEqual({ totalCount: 0, edges: [] });
    // a member of A's network: the whole line, but not SA's private notes
    expect(await read(r.gen2, memberOfA)).toMatchObject({ adaptedFrom: { id: r.gen1 }, lineage: [{ id: r.gen1 }, { id: r.schoolOriginal }] });
    expect(ids((await read(r.schoolOriginal, memberOfA)).adaptations)).toEqual([r.gen1]);
    expect(ids((await read(r.gen1, memberOfA)).adaptations)).toEqual([r.gen2]);
    // the original's owner sees every adaptation of it, private ones included, with counts to match
    const owner = await read(r.schoolOriginal, staffOfSB);
    expect(ids(owner.adaptations)).toEqual([r.gen1, r.privateAdaptation].sort());
    expect(owner.adaptations.totalCount).toBe(2);
    expect(await read(r.privateAdaptation, staffOfSB)).toMatchObject({ adaptedFrom: { id: r.schoolOriginal }, lineage: [{ id: r.schoolOriginal }] });
    // a network's own resource: its coordinators read as its owner; a school's resource is its staff's, not its network's
    expect(ids((await read(r.networkOriginal, coordinatorOfB)).adaptations)).toEqual([r.networkAdaptation]);
    expect((await read(r.schoolOriginal, coordinatorOfB)).adaptations.totalCount).toBe(0);
    expect(await read(r.privateAdaptation, coordinatorOfB)).toBeNull();
    // an outsider sees neither
    expect((await read(r.schoolOriginal, staffOfSC)).adaptations.totalCount).toBe(0);
  });

  it("takes the filters of resources and pages them", async () => {
    const FILTERED = `query($id: ID!, $after: String) { resource(id: $id) {
      protocols: adaptations(kinds: [PROTOCOL]) { totalCount edges { node { id } } }
      ofSA: adaptations(owner: { kind: SCHOOL, id: "${SA}" }, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
    } }`;
    const first = (await must(FILTERED, { id: r.schoolOriginal }, staffOfSB)).resource;
    expect(ids(first.protocols)).toEqual([r.gen1]);
    expect(first.protocols.totalCount).toBe(1);
    expect(first.ofSA.totalCount).toBe(2);
    expect(first.ofSA.pageInfo.hasNextPage).toBe(true);
    const second = (await must(FILTERED, { id: r.schoolOriginal, after: first.ofSA.pageInfo.endCursor }, staffOfSB)).resource;
    expect([...ids(first.ofSA), ...ids(second.ofSA)].sort()).toEqual([r.gen1, r.privateAdaptation].sort());
    expect(second.ofSA.pageInfo.hasNextPage).toBe(false);
  });

  it("lets reading an adaptation give its original's owner no right to change it", async () => {
    const before = await stored(r.privateAdaptation);
    expect(errorCode(await fixture.execute(UPDATE, { id: r.privateAdaptation, input: { title: "Taken over" } }, staffOfSB))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id: r.privateAdaptation }, staffOfSB))).toBe("FORBIDDEN");
    expect(await stored(r.privateAdaptation)).toEqual(before);
  });

  it("is adapted only from an active resource the publisher may see, by someone who may publish for the owner", async () => {
    const hidden = await publish({ title: "B's private notes", networkId: NB, schoolId: SB, visibility: "PRIVATE" }, staffOfSB);
    const archived = await publish({ title: "B's old guide", networkId: NB, schoolId: SB, visibility: "PUBLIC" }, staffOfSB);
    await must(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id: archived }, staffOfSB);
    const before = await snapshot(fixture.subgraph.db);
    const adapt = (adaptedFromId: string, owner: Record<string, unknown>, access: Access) =>
      fixture.execute(PUBLISH, { input: { title: "Adapted", kind: "GUIDE", ...owner, adaptedFromId } }, access);
    for (const [original, field] of [[hidden, "input.adaptedFromId"], [archived, "input.adaptedFromId"], [testId("no-such-resource"), "input.adaptedFromId"]]) {
      const result = await adapt(original, { networkId: NC, schoolId: SC }, staffOfSC);
      expect({ original, code: errorCode(result), field: result.errors?.[0]?.extensions?.field }).toEqual({ original, code: "BAD_USER_INPUT", field });
    }
    // the right to publish for the owner is checked before the original is even looked at
    expect(errorCode(await adapt(hidden, { networkId: NA, schoolId: SA }, staffOfSC))).toBe("FORBIDDEN");
    expect(errorCode(await adapt(r.schoolOriginal, { networkId: NB, schoolId: SB }, staffOfSA))).toBe("FORBIDDEN");
    expect(errorCode(await adapt(r.schoolOriginal, { networkId: NA, schoolId: SA }, ANONYMOUS_ACCESS))).toBe("UNAUTHENTICATED");
    expect(errorCode(await adapt(r.schoolOriginal, { networkId: NA, schoolId: SA }, { ...staffOfSA, canWrite: false }))).toBe("FORBIDDEN");
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it("fixes the link at publication, so no lineage can loop", async () => {
    const introspection = await must(`{ __type(name: "UpdateResourceInput") { inputFields { name } } }`, {}, staffOfSA);
    expect(introspection.__type.inputFields.map((field: { name: string }) => field.name)).not.toContain("adaptedFromId");
    const before = await stored(r.gen1);
    const result = await fixture.execute(UPDATE, { id: r.gen1, input: { adaptedFromId: r.gen2 } }, staffOfSA);
    expect(result.errors).toBeDefined();
    expect(await stored(r.gen1)).toEqual(before);
  });

  it("hides an original its adapter can no longer see, and stops the lineage there", async () => {
    const original = await publish({ title: "Exhibition rubric", networkId: NB, schoolId: SB, visibility: "PUBLIC" }, staffOfSB);
    const child = await publish({ title: "Exhibition rubric, grade 11", networkId: NA, schoolId: SA, adaptedFromId: original, visibility: "NETWORK" }, staffOfSA);
    const grandchild = await publish({ title: "Exhibition rubric, grade 11, shorter", networkId: NA, schoolId: SA2, adaptedFromId: child, visibility: "NETWORK" }, staffOfSA2);
    await must(UPDATE, { id: original, input: { visibility: "PRIVATE" } }, staffOfSB);
    expect(await read(child, staffOfSA)).toMatchObject({ adaptedFrom: null, lineage: [] });
    expect(await read(grandchild, memberOfA)).toMatchObject({ adaptedFrom: { id: child }, lineage: [{ id: child }] });
    // its owner still sees who adapted it
    expect(ids((await read(original, staffOfSB)).adaptations)).toEqual([child]);
  });

  it("lets either side, and no one else, end the link; the original's owner then stops reading the adaptation", async () => {
    const UNLINK = `mutation($id: ID!) { unlinkAdaptation(id: $id) { id adaptedFrom { id } } }`;
    const original = await publish({ title: "Advisory guide", networkId: NB, schoolId: SB, visibility: "PUBLIC" }, staffOfSB);
    const byAdapter = await publish({ title: "Advisory guide, our notes", networkId: NA, schoolId: SA, adaptedFromId: original, visibility: "PRIVATE" }, staffOfSA);
    const byOwner = await publish({ title: "Advisory guide, our network's version", networkId: NA, adaptedFromId: original, visibility: "NETWORK" }, coordinatorOfA);
    const before = await snapshot(fixture.subgraph.db);
    for (const [id, access, code] of [
      [byAdapter, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      [byAdapter, { ...staffOfSA, canWrite: false }, "FORBIDDEN"],
      [byAdapter, staffOfSA2, "NOT_FOUND"],
      [byAdapter, coordinatorOfB, "NOT_FOUND"],
      [byOwner, memberOfA, "FORBIDDEN"],
      [byOwner, staffOfSA, "FORBIDDEN"],
      [original, staffOfSB, "CONFLICT"],
    ] as Array<[string, Access, string]>) {
      expect({ id, code: errorCode(await fixture.execute(UNLINK, { id }, access)) }).toEqual({ id, code });
    }
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
    expect(ids((await read(original, staffOfSB)).adaptations)).toEqual([byAdapter, byOwner].sort());
    // the adapter withdraws: its private notes are its own again
    expect((await must(UNLINK, { id: byAdapter }, staffOfSA)).unlinkAdaptation).toEqual({ id: byAdapter, adaptedFrom: null });
    expect(await read(byAdapter, staffOfSB)).toBeNull();
    // the original's owner declines the association with the other one, and with its adoptions
    const adoption = await fixture.adopt(byOwner, SA2, {}, staffOfSA2);
    const ADOPTION = `query($id: ID!) { resourceAdoption(id: $id) { id } }`;
    expect((await must(ADOPTION, { id: adoption }, staffOfSB)).resourceAdoption).toEqual({ id: adoption });
    await must(UNLINK, { id: byOwner }, staffOfSB);
    expect((await must(ADOPTION, { id: adoption }, staffOfSB)).resourceAdoption).toBeNull();
    expect(await read(original, staffOfSB)).toMatchObject({ adaptations: { totalCount: 0, edges: [] } });
    expect(await read(byOwner, memberOfA)).toMatchObject({ adaptedFrom: null, lineage: [] });
    expect(errorCode(await fixture.execute(UNLINK, { id: byOwner }, coordinatorOfA))).toBe("CONFLICT");
  });

  it("shows on an adoption the adapted versions its school published", async () => {
    const adoption = (await must(`mutation($input: AdoptResourceInput!) { adoptResource(input: $input) { id } }`, {
      input: { resourceId: r.networkOriginal, schoolId: SA, adaptationNote: "Cut to grade 9", adoptedOn: "2024-10-01" },
    }, staffOfSA)).adoptResource.id;
    const QUERY = `query($id: ID!) { resourceAdoption(id: $id) { adaptationNote adaptations { totalCount edges { node { id } } } } }`;
    for (const [access, expected] of [
      [staffOfSA, [r.networkAdaptation]],
      [coordinatorOfB, [r.networkAdaptation]],
      [ANONYMOUS_ACCESS, []],
      [staffOfSA2, []],
    ] as Array<[Access, string[]]>) {
      const data = (await must(QUERY, { id: adoption }, access)).resourceAdoption;
      expect({ note: data.adaptationNote, adaptations: ids(data.adaptations), count: data.adaptations.totalCount }).toEqual({ note: "Cut to grade 9", adaptations: expected, count: expected.length });
    }
  });
});

describe("co-development credits", () => {
  let credited: string;
  const CREDITS = `query($id: ID!) { resource(id: $id) { coDevelopers { id } coDeveloperNetworks { id }
    proposedCoDevelopers { __typename ... on School { id } ... on Network { id } } } }`;
  const credits = async (access: Access) => (await must(CREDITS, { id: credited }, access)).resource;
  const PROPOSALS = `query($reps: [_Any!]!) { _entities(representations: $reps) {
    ... on School { coDevelopmentProposals { totalCount edges { node { id } } } coDevelopedResources { edges { node { id } } } }
    ... on Network { coDevelopmentProposals { totalCount edges { node { id } } } coDevelopedResources { edges { node { id } } } }
  } }`;
  const proposals = async (access: Access) => {
    const data = await must(PROPOSALS, { reps: [{ __typename: "School", id: SA }, { __typename: "Network", id: NA }] }, access);
    return data._entities.map((entity: any) => ({ proposals: ids(entity.coDevelopmentProposals), credited: ids(entity.coDevelopedResources) }));
  };

  beforeAll(async () => {
    // NB's own resource, crediting SB and NB2 (which its publisher speaks for) and A's school and network
    credited = await publish({ title: "Joint practice protocol", networkId: NB, coDeveloperSchoolIds: [SB, SA], coDeveloperNetworkIds: [NB2, NA], visibility: "PUBLIC" }, leaderOfB);
  });

  it("credits at once whom the publisher speaks for, and only proposes the others", async () => {
    const anonymous = await credits(ANONYMOUS_ACCESS);
    expect(anonymous).toEqual({ coDevelopers: [{ id: SB }], coDeveloperNetworks: [{ id: NB2 }], proposedCoDevelopers: [] });
    // proposals are for the owner and for each credited party, its own
    expect((await credits(coordinatorOfB)).proposedCoDevelopers).toEqual([{ __typename: "School", id: SA }, { __typename: "Network", id: NA }]);
    expect((await credits(staffOfSA)).proposedCoDevelopers).toEqual([{ __typename: "School", id: SA }]);
    expect((await credits(coordinatorOfA)).proposedCoDevelopers).toEqual([{ __typename: "Network", id: NA }]);
    expect((await credits(staffOfSA2)).proposedCoDevelopers).toEqual([]);
    expect(await proposals(staffOfSA)).toEqual([{ proposals: [credited], credited: [] }, { proposals: [], credited: [] }]);
    expect(await proposals(coordinatorOfA)).toEqual([{ proposals: [], credited: [] }, { proposals: [credited], credited: [] }]);
    expect(await proposals(ANONYMOUS_ACCESS)).toEqual([{ proposals: [], credited: [] }, { proposals: [], credited: [] }]);
  });

  it("refuses an answer from anyone but the credited party, changing nothing", async () => {
    const elsewhere = await publish({ title: "Uncredited guide", networkId: NB, visibility: "PUBLIC" }, coordinatorOfB);
    const before = await snapshot(fixture.subgraph.db);
    for (const [answer, id, kind, who, access, code] of [
      ["accept", credited, "SCHOOL", SA, ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
      ["accept", credited, "SCHOOL", SA, { ...staffOfSA, canWrite: false }, "FORBIDDEN"],
      ["accept", credited, "SCHOOL", SA, staffOfSA2, "FORBIDDEN"],
      ["accept", credited, "SCHOOL", SA, coordinatorOfA, "FORBIDDEN"],
      ["decline", credited, "NETWORK", NA, staffOfSA, "FORBIDDEN"],
      ["decline", credited, "SCHOOL", SB, coordinatorOfB, "FORBIDDEN"],
      ["accept", elsewhere, "SCHOOL", SA, staffOfSA, "CONFLICT"],
      ["decline", elsewhere, "NETWORK", NA, coordinatorOfA, "CONFLICT"],
      ["accept", credited, "SCHOOL", SB, leaderOfB, "CONFLICT"],
      ["accept", testId("no-such-resource"), "SCHOOL", SA, staffOfSA, "NOT_FOUND"],
    ] as Array<["accept" | "decline", string, string, string, Access, string]>) {
      const result = await fixture.execute(CREDIT(answer), { id, kind, who }, access);
      expect({ answer, who, code: errorCode(result), data: result.data ?? null }).toEqual({ answer, who, code, data: null });
    }
    expect(await snapshot(fixture.subgraph.db)).toEqual(before);
  });

  it("shows a credit once accepted, and lets the credited party decline or withdraw it", async () => {
    const accepted = (await must(CREDIT("accept"), { id: credited, kind: "SCHOOL", who: SA }, staffOfSA)).acceptCoDevelopmentCredit;
    expect(accepted.coDevelopers).toEqual([{ id: SB }, { id: SA }]);
    expect(await proposals(staffOfSA)).toEqual([{ proposals: [], credited: [credited] }, { proposals: [], credited: [] }]);
    expect(errorCode(await fixture.execute(CREDIT("accept"), { id: credited, kind: "SCHOOL", who: SA }, staffOfSA))).toBe("CONFLICT");
    const declined = (await must(CREDIT("decline"), { id: credited, kind: "NETWORK", who: NA }, coordinatorOfA)).declineCoDevelopmentCredit;
    expect(declined.coDeveloperNetworks).toEqual([{ id: NB2 }]);
    expect((await credits(coordinatorOfB)).proposedCoDevelopers).toEqual([]);
    expect(errorCode(await fixture.execute(CREDIT("decline"), { id: credited, kind: "NETWORK", who: NA }, coordinatorOfA))).toBe("CONFLICT");
    // withdrawing an accepted credit
    expect((await must(CREDIT("decline"), { id: credited, kind: "SCHOOL", who: SA }, staffOfSA)).declineCoDevelopmentCredit.coDevelopers).toEqual([{ id: SB }]);
    // every answer is in the audit log, by whom, on whose resource
    const entries = await fixture.subgraph.audit.entries.find({ "entity.id": credited, operation: { $in: ["acceptCoDevelopmentCredit", "declineCoDevelopmentCredit"] } }).toArray();
    expect(entries.map((entry) => [entry.operation, (entry.actor.principal as { personId: string }).personId])).toEqual([
      ["acceptCoDevelopmentCredit", "sa-staff"],
      ["declineCoDevelopmentCredit", "a-coordinator"],
      ["declineCoDevelopmentCredit", "sa-staff"],
    ]);
    expect(entries[0]).toMatchObject({ owner: { networkId: NB, schoolId: null }, changes: { resourceId: credited, coDeveloper: { kind: "SCHOOL", id: SA } } });
  });

  it("lets the owner re-propose or drop a credit, keeping accepted ones accepted", async () => {
    await must(UPDATE, { id: credited, input: { coDeveloperSchoolIds: [SB, SA], coDeveloperNetworkIds: [] } }, coordinatorOfB);
    expect(await credits(coordinatorOfB)).toEqual({ coDevelopers: [{ id: SB }], coDeveloperNetworks: [], proposedCoDevelopers: [{ __typename: "School", id: SA }] });
    await must(UPDATE, { id: credited, input: { coDeveloperSchoolIds: [SA] } }, coordinatorOfB);
    expect(await credits(ANONYMOUS_ACCESS)).toEqual({ coDevelopers: [], coDeveloperNetworks: [], proposedCoDevelopers: [] });
    for (const [input, field] of [
      [{ coDeveloperNetworkIds: [NA, NA] }, "input.coDeveloperNetworkIds"],
      [{ coDeveloperNetworkIds: [NB] }, "input.coDeveloperNetworkIds"],
      [{ coDeveloperSchoolIds: [SA, SA] }, "input.coDeveloperSchoolIds"],
    ] as Array<[Record<string, unknown>, string]>) {
      const result = await fixture.execute(UPDATE, { id: credited, input }, coordinatorOfB);
      expect({ code: errorCode(result), field: result.errors?.[0]?.extensions?.field }).toEqual({ code: "BAD_USER_INPUT", field });
    }
  });

  it("widens nobody's view: a credited party answers only for a resource it may see", async () => {
    const hidden = await publish({ title: "B's network-only guide", networkId: NB, coDeveloperNetworkIds: [NA], visibility: "NETWORK" }, coordinatorOfB);
    expect(errorCode(await fixture.execute(CREDIT("accept"), { id: hidden, kind: "NETWORK", who: NA }, coordinatorOfA))).toBe("NOT_FOUND");
    expect(await proposals(coordinatorOfA)).toEqual([{ proposals: [], credited: [] }, { proposals: [], credited: [] }]);
    expect((await must(`query($id: ID!) { resource(id: $id) { id } }`, { id: hidden }, coordinatorOfA)).resource).toBeNull();
  });

  it("does not overrule an answer given while the owner was changing the credits", async () => {
    const repository = new ResourceRepository(fixture.subgraph.db);
    const before = await stored(credited);
    // the change was decided on credits that are no longer the stored ones
    expect(await repository.update(credited, { title: "Renamed" }, { coDeveloperSchoolIds: [SB, SA] })).toBeNull();
    expect(await stored(credited)).toEqual(before);
  });
});

describe("lineage reads are batched", () => {
  /** `size` originals, each adapted, each adaptation adapted again; written straight to the database. */
  async function lines(size: number): Promise<string[]> {
    const network = fixture.entityId("network");
    const now = new Date();
    const docs: any[] = [];
    const grandchildren: string[] = [];
    for (let i = 0; i < size; i++) {
      const [original, child, grandchild] = [testId(`line-${size}-${i}-0`), testId(`line-${size}-${i}-1`), testId(`line-${size}-${i}-2`)];
      const owner = { networkId: network, schoolId: null };
      const base = { summary: null, kind: "GUIDE", owner, coDeveloperSchoolIds: [], networkIds: [network], subjects: [], lowestGrade: -1, highestGrade: 12, tags: [], visibility: "PUBLIC", createdAt: now, updatedAt: now, archivedAt: null };
      docs.push({ ...base, _id: original, title: `Original ${i}`, adaptedFromId: null, adaptedFromOwner: null });
      docs.push({ ...base, _id: child, title: `Child ${i}`, adaptedFromId: original, adaptedFromOwner: owner });
      docs.push({ ...base, _id: grandchild, title: `Grandchild ${i}`, adaptedFromId: child, adaptedFromOwner: owner });
      grandchildren.push(grandchild);
    }
    await fixture.subgraph.db.collection("resources").insertMany(docs);
    return grandchildren;
  }

  it("sends the same number of database commands for 10 and for 50 lines", async () => {
    const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Resource {
      lineage { id } adaptedFrom { id adaptations { totalCount edges { node { id } } } adaptedFrom { adaptations { totalCount } } }
    } } }`;
    const counts: number[] = [];
    for (const size of [10, 50]) {
      const grandchildren = await lines(size);
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(QUERY, { reps: grandchildren.map((id) => ({ __typename: "Resource", id })) }, ANONYMOUS_ACCESS);
      expect(result.errors).toBeUndefined();
      const last = result.data._entities[size - 1];
      expect(last.lineage).toHaveLength(2);
      expect(last.adaptedFrom.adaptations).toEqual({ totalCount: 1, edges: [{ node: { id: grandchildren[size - 1] } }] });
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
