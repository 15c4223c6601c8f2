import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { testId } from "../support/ids";
import type { GraphQLResult } from "../support/subgraph";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

/*
 * Adversarial tests of who sees and changes what in the resources subgraph. Organization B owns, through its
 * network NB, one resource per visibility owned by its school SB and one per visibility owned by NB itself, each
 * also listed under A's network NA and co-developed by A's school SA2 (descriptive data, which must widen
 * nothing), each adopted by B's school SB2 and by A's school SA and asked for by both; NB also has one funding
 * award per visibility. The resources were published PUBLIC, adopted and asked for, then narrowed to their
 * level, so the copies on adoptions and share requests are the ones the subgraph keeps in step.
 *
 * Callers from organization A, from allied networks and from B itself try every path: root fields and their
 * counts, lookups by id through aliases and fragments, `_entities` of every type of this subgraph, the fields
 * added to School and Network, cursors, and every mutation. Accesses are built as the gateway would forward them.
 */

let fixture: ResourcesFixture;

const VISIBILITIES = ["PRIVATE", "NETWORK", "ALLIANCE", "PUBLIC"] as const;
type Level = (typeof VISIBILITIES)[number];
type OwnerKind = "school" | "network";

// organization A: network NA with schools SA and SA2
const orgA = testId("org-a");
const NA = testId("network-a");
const SA = testId("school-a");
const SA2 = testId("school-a2");
// organization B: networks NB (owns the records) and NB2, schools SB (owns half of them) and SB2 in NB
const orgB = testId("org-b");
const NB = testId("network-b");
const NB2 = testId("network-b2");
const SB = testId("school-b");
const SB2 = testId("school-b2");
// NC is allied with NB under an agreement that shares resources; ND under one that does not
const NC = testId("network-c");
const ND = testId("network-d");

// accepted memberships (as the gateway forwards those touching the caller): SA and SA2 in NA; SB in NB and NB2; SB2 in NB
const memberships = (...pairs: Array<[string, string]>) => pairs.map(([schoolId, networkId]) => ({ schoolId, networkId }));
const ofNA = memberships([SA, NA], [SA2, NA]);
const personOfA = personAccess({ personId: "a-teacher", organizationId: orgA, memberNetworkIds: [NA] });
const coordinatorOfA = personAccess({ personId: "a-coordinator", organizationId: orgA, managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: ofNA });
const adminOfA = personAccess({ personId: "a-admin", organizationId: orgA, organizationAdmin: true, managedNetworkIds: [NA], memberNetworkIds: [NA], schoolMemberships: ofNA });
const staffOfSA = personAccess({ personId: "a-staff", organizationId: orgA, schoolIds: [SA], memberNetworkIds: [NA], schoolMemberships: memberships([SA, NA]) });
const staffOfSA2 = personAccess({ personId: "a2-staff", organizationId: orgA, schoolIds: [SA2], memberNetworkIds: [NA], schoolMemberships: memberships([SA2, NA]) });
const memberOfB = personAccess({ personId: "b-teacher", organizationId: orgB, memberNetworkIds: [NB, NB2] });
const staffOfSB = personAccess({ personId: "b-staff", organizationId: orgB, schoolIds: [SB], memberNetworkIds: [NB, NB2], schoolMemberships: memberships([SB, NB], [SB, NB2]) });
const staffOfSB2 = personAccess({ personId: "b2-staff", organizationId: orgB, schoolIds: [SB2], memberNetworkIds: [NB, NB2], schoolMemberships: memberships([SB2, NB]) });
const coordinatorOfB = personAccess({
  personId: "b-coordinator",
  organizationId: orgB,
  managedNetworkIds: [NB],
  memberNetworkIds: [NB, NB2],
  schoolMemberships: memberships([SB, NB], [SB2, NB]),
});
const coordinatorOfNB2 = personAccess({ personId: "b2-coordinator", organizationId: orgB, managedNetworkIds: [NB2], memberNetworkIds: [NB, NB2], schoolMemberships: memberships([SB, NB2]) });
const adminOfB = personAccess({
  personId: "b-admin",
  organizationId: orgB,
  organizationAdmin: true,
  managedNetworkIds: [NB, NB2],
  memberNetworkIds: [NB, NB2],
  schoolMemberships: memberships([SB, NB], [SB2, NB], [SB, NB2]),
});
const readOnlyKeyOfB: Access = { ...ANONYMOUS_ACCESS, principal: { kind: "API_KEY", keyId: "b-key" }, organizationId: orgB, memberNetworkIds: [NB, NB2] };
const readOnlyCoordinatorOfB: Access = { ...coordinatorOfB, canWrite: false };
const alliedForResources = personAccess({
  personId: "c-coordinator",
  organizationId: "org-c",
  managedNetworkIds: [NC],
  memberNetworkIds: [NC],
  alliedNetworkIds: { RESOURCES: [NB, NC] },
});
const alliedForOtherKinds = personAccess({
  personId: "d-coordinator",
  organizationId: "org-d",
  managedNetworkIds: [ND],
  memberNetworkIds: [ND],
  alliedNetworkIds: { EVENTS: [NB, ND], CAMPAIGNS: [NB, ND], PEER_REVIEWS: [NB, ND] },
});

const PUBLIC_ONLY: Level[] = ["PUBLIC"];
const FROM_ALLIANCE: Level[] = ["ALLIANCE", "PUBLIC"];
const FROM_NETWORK: Level[] = ["NETWORK", "ALLIANCE", "PUBLIC"];
const ALL: Level[] = [...VISIBILITIES];

/** Who sees which of B's records, by the rules of README "Security model": [name, access, school-owned, network-owned]. */
const CALLERS: Array<[string, Access, Level[], Level[]]> = [
  ["anonymous", ANONYMOUS_ACCESS, PUBLIC_ONLY, PUBLIC_ONLY],
  ["a person of A", personOfA, PUBLIC_ONLY, PUBLIC_ONLY],
  ["a coordinator of A", coordinatorOfA, PUBLIC_ONLY, PUBLIC_ONLY],
  ["an admin of A", adminOfA, PUBLIC_ONLY, PUBLIC_ONLY],
  ["staff of A's adopting school", staffOfSA, PUBLIC_ONLY, PUBLIC_ONLY],
  ["staff of A's co-developing school", staffOfSA2, PUBLIC_ONLY, PUBLIC_ONLY],
  ["an ally whose agreement shares other kinds", alliedForOtherKinds, PUBLIC_ONLY, PUBLIC_ONLY],
  ["an ally whose agreement shares resources", alliedForResources, FROM_ALLIANCE, FROM_ALLIANCE],
  ["a member of B", memberOfB, FROM_NETWORK, FROM_NETWORK],
  ["a read-only key of B", readOnlyKeyOfB, FROM_NETWORK, FROM_NETWORK],
  ["staff of B's adopting school", staffOfSB2, FROM_NETWORK, FROM_NETWORK],
  ["a coordinator of B's other network", coordinatorOfNB2, FROM_NETWORK, FROM_NETWORK],
  ["staff of the owning school", staffOfSB, ALL, FROM_NETWORK],
  ["a coordinator of the owning network", coordinatorOfB, FROM_NETWORK, ALL],
  ["an admin of B", adminOfB, FROM_NETWORK, ALL],
];

interface BRecords {
  resources: Record<OwnerKind, Record<Level, string>>;
  adoptions: Record<OwnerKind, Record<Level, { bySB2: string; bySA: string }>>;
  requests: Record<OwnerKind, Record<Level, { bySB2: string; bySA: string }>>;
  awards: Record<Level, string>;
  /** Per award, its link to an event it pays for. */
  links: Record<Level, string>;
  /** SB's counselor shared with SB2 (asked, not answered yet): for the staff of those two schools only. */
  agreement: string;
}
const b = { resources: { school: {}, network: {} }, adoptions: { school: {}, network: {} }, requests: { school: {}, network: {} }, awards: {}, links: {} } as BRecords;
/** Each award's amount is a distinct power of ten, so a total tells which awards it summed. */
const AMOUNT: Record<Level, number> = { PRIVATE: 1, NETWORK: 10, ALLIANCE: 100, PUBLIC: 1000 };
/** A resource of A, PUBLIC, listed under NA only. */
let publicOfA: string;

const PUBLISH = `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) { id visibility } }`;
const ADOPT = `mutation($input: AdoptResourceInput!) { adoptResource(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestResourceInput!) { requestResource(input: $input) { id } }`;
const RECORD = `mutation($input: RecordFundingAwardInput!) { recordFundingAward(input: $input) { id } }`;
const ACCEPT_CREDIT = `mutation($resourceId: ID!, $coDeveloper: CoDeveloperInput!) { acceptCoDevelopmentCredit(resourceId: $resourceId, coDeveloper: $coDeveloper) { id } }`;

async function must(query: string, variables: Record<string, unknown>, access: Access): Promise<any> {
  const result = await fixture.execute(query, variables, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const ownerAccess = (kind: OwnerKind) => (kind === "school" ? staffOfSB : coordinatorOfB);

beforeAll(async () => {
  fixture = await startResourcesFixture();
  for (const kind of ["school", "network"] as const) {
    for (const level of VISIBILITIES) {
      const { publishResource } = await must(
        PUBLISH,
        {
          input: {
            title: `${kind === "school" ? "School" : "Network"} ${level} watershed guide`,
            kind: "GUIDE",
            networkId: NB,
            schoolId: kind === "school" ? SB : null,
            networkIds: [NA],
            coDeveloperSchoolIds: [SA2],
            tags: ["watershed"],
            visibility: "PUBLIC",
          },
        },
        ownerAccess(kind),
      );
      const id = publishResource.id;
      b.resources[kind][level] = id;
      // a credit shows once the credited school accepts it
      await must(ACCEPT_CREDIT, { resourceId: id, coDeveloper: { kind: "SCHOOL", id: SA2 } }, staffOfSA2);
      b.adoptions[kind][level] = {
        bySB2: (await must(ADOPT, { input: { resourceId: id, schoolId: SB2, adoptedOn: "2024-01-01" } }, staffOfSB2)).adoptResource.id,
        bySA: (await must(ADOPT, { input: { resourceId: id, schoolId: SA, adoptedOn: "2024-02-01" } }, staffOfSA)).adoptResource.id,
      };
      b.requests[kind][level] = {
        bySB2: (await must(REQUEST, { input: { resourceId: id, schoolId: SB2, message: "May we?" } }, staffOfSB2)).requestResource.id,
        bySA: (await must(REQUEST, { input: { resourceId: id, schoolId: SA, message: "May we too?" } }, staffOfSA)).requestResource.id,
      };
      if (level !== "PUBLIC") await must(UPDATE, { id, input: { visibility: level } }, ownerAccess(kind));
    }
  }
  for (const level of VISIBILITIES) {
    const input = { networkId: NB, funder: `Funder ${level}`, kind: "PRIVATE_GRANT", amount: AMOUNT[level], startDate: "2024-01-01", visibility: level };
    b.awards[level] = (await must(RECORD, { input }, coordinatorOfB)).recordFundingAward.id;
    const link = { awardId: b.awards[level], targetKind: "EVENT", targetId: testId(`event-${level}`) };
    b.links[level] = (await must(`mutation($input: LinkFundedWorkInput!) { linkFundedWork(input: $input) { id } }`, { input: link }, coordinatorOfB)).linkFundedWork.id;
  }
  const agreement = { kind: "SHARED_STAFF", title: "Counselor", startDate: "2024-01-01", schoolId: SB, parties: [{ schoolId: SB, timeShare: 0.6 }, { schoolId: SB2, timeShare: 0.4 }] };
  b.agreement = (await must(`mutation($input: ProposeSchoolAgreementInput!) { proposeSchoolAgreement(input: $input) { id } }`, { input: agreement }, staffOfSB)).proposeSchoolAgreement.id;
  publicOfA = (await must(PUBLISH, { input: { title: "A's public watershed map", kind: "DATASET", networkId: NA, visibility: "PUBLIC" } }, coordinatorOfA)).publishResource.id;
});
afterAll(() => fixture.stop());

/** The ids of B's records of `kind` at the levels a caller sees. */
const visible = (ids: Record<Level, string>, levels: Level[]) => levels.map((level) => ids[level]);
const resourcesSeen = (school: Level[], network: Level[]) => [...visible(b.resources.school, school), ...visible(b.resources.network, network)];
const sorted = (ids: string[]) => [...ids].sort();

/** Share requests are read by the requesting school's staff and by the resource's owner, whatever the resource's visibility. */
function readsRequest(access: Access, kind: OwnerKind, requester: "bySB2" | "bySA"): boolean {
  const owner = kind === "school" ? access.schoolIds.includes(SB) : access.managedNetworkIds.includes(NB);
  return owner || access.schoolIds.includes(requester === "bySB2" ? SB2 : SA);
}

async function run(query: string, variables: Record<string, unknown>, access: Access): Promise<any> {
  const result: GraphQLResult = await fixture.execute(query, variables, access);
  expect(result.errors).toBeUndefined();
  return result.data;
}

describe.each(CALLERS)("reads as %s", (_name, access, school, network) => {
  const expected = () => resourcesSeen(school, network);

  it("lists, counts and searches only the resources it may see", async () => {
    const data = await run(
      `query($nb: ID!, $na: ID!, $sb: ID!) {
        ofB: resources(networkId: $nb, first: 100) { totalCount edges { node { id } } }
        listedUnderA: resources(networkId: $na, first: 100) { totalCount edges { node { id } } }
        ofSB: resources(owner: { kind: SCHOOL, id: $sb }, first: 100) { totalCount edges { node { id } } }
        ofNB: resources(owner: { kind: NETWORK, id: $nb }, first: 100) { totalCount }
        search: searchResources(text: "watershed", first: 100) { totalCount edges { node { id } } }
        archivedToo: resources(networkId: $nb, includeArchived: true, first: 100) { totalCount }
      }`,
      { nb: NB, na: NA, sb: SB },
      access,
    );
    const ids = (connection: any) => sorted(connection.edges.map((edge: any) => edge.node.id));
    expect(ids(data.ofB)).toEqual(sorted(expected()));
    expect(data.ofB.totalCount).toBe(expected().length);
    expect(data.archivedToo.totalCount).toBe(expected().length);
    // listing B's resources under A's network, or A's school as a co-developer, widens nothing
    expect(ids(data.listedUnderA)).toEqual(sorted([...expected(), publicOfA]));
    expect(data.listedUnderA.totalCount).toBe(expected().length + 1);
    expect(ids(data.ofSB)).toEqual(sorted(visible(b.resources.school, school)));
    expect(data.ofSB.totalCount).toBe(school.length);
    expect(data.ofNB.totalCount).toBe(network.length);
    expect(ids(data.search)).toEqual(sorted([...expected(), publicOfA]));
    expect(data.search.totalCount).toBe(expected().length + 1);
  });

  it("pages through the same resources one at a time", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const data: any = await run(
        `query($nb: ID!, $after: String) { resources(networkId: $nb, first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { nb: NB, after },
        access,
      );
      seen.push(...data.resources.edges.map((edge: any) => edge.node.id));
      if (!data.resources.pageInfo.hasNextPage) break;
      after = data.resources.pageInfo.endCursor;
    }
    expect(sorted(seen)).toEqual(sorted(expected()));
  });

  it("resolves hidden resources, adoptions, requests and awards to null by id, through aliases and fragments", async () => {
    const all = [...VISIBILITIES.map((level) => ["school", level] as const), ...VISIBILITIES.map((level) => ["network", level] as const)];
    const fields = all
      .map(([kind, level], i) =>
        [
          `r${i}: resource(id: "${b.resources[kind][level]}") { ...R }`,
          `a${i}: resourceAdoption(id: "${b.adoptions[kind][level].bySA}") { id school { id } resource { id } }`,
          `s${i}: shareRequest(id: "${b.requests[kind][level].bySB2}") { ... on ShareRequest { id message resource { id } } }`,
        ].join("\n"),
      )
      .join("\n");
    const awards = VISIBILITIES.map((level, i) => `f${i}: fundingAward(id: "${b.awards[level]}") { id amount }`).join("\n");
    const data = await run(`query { ${fields} ${awards} } fragment R on Resource { id title adoptionCount }`, {}, access);
    all.forEach(([kind, level], i) => {
      const sees = (kind === "school" ? school : network).includes(level);
      expect({ kind, level, resource: data[`r${i}`]?.id ?? null }).toEqual({ kind, level, resource: sees ? b.resources[kind][level] : null });
      expect({ kind, level, adoption: data[`a${i}`]?.id ?? null }).toEqual({ kind, level, adoption: sees ? b.adoptions[kind][level].bySA : null });
      const readsIt = readsRequest(access, kind, "bySB2");
      expect({ kind, level, request: data[`s${i}`]?.id ?? null }).toEqual({ kind, level, request: readsIt ? b.requests[kind][level].bySB2 : null });
      // the requester keeps reading its request after the resource was narrowed; the resource itself stays hidden
      if (readsIt) expect(data[`s${i}`].resource?.id ?? null).toBe(sees ? b.resources[kind][level] : null);
      if (sees) expect(data[`r${i}`].adoptionCount).toBe(2);
    });
    VISIBILITIES.forEach((level, i) => expect({ level, award: data[`f${i}`]?.id ?? null }).toEqual({ level, award: network.includes(level) ? b.awards[level] : null }));
  });

  it("resolves hidden entities of every type to null in _entities", async () => {
    const reps: Array<{ __typename: string; id: string }> = [];
    const expectedIds: Array<string | null> = [];
    for (const kind of ["school", "network"] as const) {
      for (const level of VISIBILITIES) {
        const sees = (kind === "school" ? school : network).includes(level);
        for (const [typename, id] of [
          ["Resource", b.resources[kind][level]],
          ["ResourceAdoption", b.adoptions[kind][level].bySB2],
        ] as const) {
          reps.push({ __typename: typename, id });
          expectedIds.push(sees ? id : null);
        }
        reps.push({ __typename: "ShareRequest", id: b.requests[kind][level].bySA });
        expectedIds.push(readsRequest(access, kind, "bySA") ? b.requests[kind][level].bySA : null);
      }
    }
    for (const level of VISIBILITIES) {
      reps.push({ __typename: "FundingAward", id: b.awards[level] }, { __typename: "FundedWork", id: b.links[level] });
      expectedIds.push(network.includes(level) ? b.awards[level] : null, network.includes(level) ? b.links[level] : null);
    }
    // an agreement between schools: their staff only, whatever else the caller may see
    reps.push({ __typename: "SchoolAgreement", id: b.agreement });
    expectedIds.push(access.schoolIds.includes(SB) || access.schoolIds.includes(SB2) ? b.agreement : null);
    const data = await run(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Resource { id } ... on ResourceAdoption { id } ... on ShareRequest { id } ... on FundingAward { id } ... on FundedWork { id } ... on SchoolAgreement { id }
      } }`,
      { reps },
      access,
    );
    expect(data._entities.map((entity: any) => entity?.id ?? null)).toEqual(expectedIds);
  });

  it("shows through School and Network only what it may see, with counts and totals to match", async () => {
    const data = await run(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on School { id ownedResources(first: 100) { ...Ids } coDevelopedResources(first: 100) { ...Ids }
          resourceAdoptions(first: 100) { totalCount edges { node { id resource { id } } } } }
        ... on Network { id ownedResources(first: 100) { ...Ids } sharedResources(first: 100) { ...Ids }
          fundingAwards(first: 100) { totalCount edges { node { id } } } fundingTotals { currency amount awardCount } }
      } }
      fragment Ids on ResourceConnection { totalCount edges { node { id } } }`,
      {
        reps: [
          { __typename: "School", id: SB },
          { __typename: "School", id: SB2 },
          { __typename: "School", id: SA },
          { __typename: "School", id: SA2 },
          { __typename: "Network", id: NB },
          { __typename: "Network", id: NA },
        ],
      },
      access,
    );
    const [sb, sb2, sa, sa2, nb, na] = data._entities;
    // every connection's totalCount counts exactly the nodes it may show: nothing hidden is counted
    const ids = (connection: { totalCount: number; edges: Array<{ node: { id: string } }> }) => {
      expect(connection.totalCount).toBe(connection.edges.length);
      return sorted(connection.edges.map((edge) => edge.node.id));
    };
    expect(ids(sb.ownedResources)).toEqual(sorted(visible(b.resources.school, school)));
    expect(ids(nb.ownedResources)).toEqual(sorted(visible(b.resources.network, network)));
    expect(ids(nb.sharedResources)).toEqual(sorted(expected()));
    expect(ids(na.sharedResources)).toEqual(sorted([...expected(), publicOfA]));
    expect(ids(sa2.coDevelopedResources)).toEqual(sorted(expected()));
    for (const [adopter, key] of [[sb2, "bySB2"], [sa, "bySA"]] as const) {
      expect(sorted(adopter.resourceAdoptions.edges.map((edge: any) => edge.node.resource.id))).toEqual(sorted(expected()));
      const adoptions = [...visible(mapLevels(b.adoptions.school, key), school), ...visible(mapLevels(b.adoptions.network, key), network)];
      expect(ids(adopter.resourceAdoptions)).toEqual(sorted(adoptions));
    }
    expect(ids(nb.fundingAwards)).toEqual(sorted(visible(b.awards, network)));
    const total = network.reduce((sum, level) => sum + AMOUNT[level], 0);
    expect(nb.fundingTotals).toEqual(network.length ? [{ currency: "USD", amount: total, awardCount: network.length }] : []);
  });

  it("counts share requests and funding awards over what it may see only", async () => {
    const data = await run(
      `query($nb: ID!, $sb: ID!, $sa: ID!) {
        toNB: shareRequests(owner: { kind: NETWORK, id: $nb }, first: 100) { totalCount edges { node { id } } }
        toSB: shareRequests(owner: { kind: SCHOOL, id: $sb }, first: 100) { totalCount }
        fromSA: shareRequests(requesterSchoolId: $sa, first: 100) { totalCount edges { node { id } } }
        awards: fundingAwards(networkId: $nb, first: 100) { totalCount edges { node { id visibility } } }
      }`,
      { nb: NB, sb: SB, sa: SA },
      access,
    );
    const requestsSeen = (kind: OwnerKind, requesters: Array<"bySB2" | "bySA">) =>
      VISIBILITIES.flatMap((level) => requesters.filter((requester) => readsRequest(access, kind, requester)).map((requester) => b.requests[kind][level][requester]));
    expect(sorted(data.toNB.edges.map((edge: any) => edge.node.id))).toEqual(sorted(requestsSeen("network", ["bySB2", "bySA"])));
    expect(data.toNB.totalCount).toBe(requestsSeen("network", ["bySB2", "bySA"]).length);
    expect(data.toSB.totalCount).toBe(requestsSeen("school", ["bySB2", "bySA"]).length);
    const fromSA = [...requestsSeen("school", ["bySA"]), ...requestsSeen("network", ["bySA"])];
    expect(sorted(data.fromSA.edges.map((edge: any) => edge.node.id))).toEqual(sorted(fromSA));
    expect(data.fromSA.totalCount).toBe(fromSA.length);
    expect(data.awards.totalCount).toBe(network.length);
    expect(sorted(data.awards.edges.map((edge: any) => edge.node.visibility))).toEqual(sorted(network));
  });
});

function mapLevels<T>(records: Record<Level, T>, key: keyof T): Record<Level, string> {
  return Object.fromEntries(VISIBILITIES.map((level) => [level, records[level][key]])) as unknown as Record<Level, string>;
}

describe("cursors", () => {
  it("give a caller nothing more when another caller's cursor is replayed", async () => {
    const LIST = `query($nb: ID!, $after: String) { resources(networkId: $nb, first: 1, after: $after) { edges { node { id visibility } } pageInfo { endCursor } } }`;
    const first = await run(LIST, { nb: NB }, staffOfSB);
    const replayed = await run(`query($nb: ID!, $after: String) { resources(networkId: $nb, first: 100, after: $after) { edges { node { visibility } } } }`, {
      nb: NB,
      after: first.resources.pageInfo.endCursor,
    }, ANONYMOUS_ACCESS);
    expect(new Set(replayed.resources.edges.map((edge: any) => edge.node.visibility))).toEqual(new Set(["PUBLIC"]));
    const SEARCH = `query($after: String) { searchResources(text: "watershed", first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } }`;
    const member = await run(SEARCH, {}, memberOfB);
    const asAnonymous = await fixture.execute(SEARCH, { after: member.searchResources.pageInfo.endCursor }, ANONYMOUS_ACCESS);
    // a search cursor is bound to the search it came from, and the caller's visibility is part of it
    expect(errorCode(asAnonymous)).toBe("BAD_USER_INPUT");
  });
});

describe("writes", () => {
  const stored = (collection: string, id: string) => fixture.subgraph.db.collection(collection).findOne({ _id: id as any });
  const count = (collection: string) => fixture.subgraph.db.collection(collection).countDocuments();
  /** FORBIDDEN, or UNAUTHENTICATED for an anonymous caller, who is told to sign in before anything else. */
  const refusal = (access: Access, code = "FORBIDDEN") => (access === ANONYMOUS_ACCESS ? "UNAUTHENTICATED" : code);
  const REFUSED_EVERYWHERE: Array<[string, Access]> = [
    ["anonymous", ANONYMOUS_ACCESS],
    ["a read-only key", readOnlyKeyOfB],
    ["a read-only coordinator token", readOnlyCoordinatorOfB],
  ];

  describe("publishing", () => {
    type Owner = { networkId: string; schoolId?: string | null };
    const input = (owner: Owner) => ({ title: "Sneaky guide", kind: "GUIDE", ...owner });

    it.each([
      ...REFUSED_EVERYWHERE.map(([name, access]) => [name, access, { networkId: NB, schoolId: SB }] as const),
      ["a person of A, for B's school", personOfA, { networkId: NB, schoolId: SB }],
      ["staff of A's school, for B's school", staffOfSA, { networkId: NB, schoolId: SB }],
      ["staff of A's school, for B's school through A's network", staffOfSA, { networkId: NA, schoolId: SB }],
      ["staff of B's school, through a network that is not theirs", staffOfSB, { networkId: NA, schoolId: SB }],
      // a membership that is not (or no longer) accepted does not count, whatever else the caller's access says
      ["staff of B's school, through a network it has not accepted", { ...staffOfSB, schoolMemberships: memberships([SB, NB2]) }, { networkId: NB, schoolId: SB }],
      ["staff of B's school, for the network itself", staffOfSB, { networkId: NB }],
      ["a member of B, for its network", memberOfB, { networkId: NB }],
      ["a coordinator of A, for B's network", coordinatorOfA, { networkId: NB }],
      ["a coordinator of B's other network", coordinatorOfNB2, { networkId: NB }],
      ["an ally sharing resources", alliedForResources, { networkId: NB }],
    ] as Array<[string, Access, Owner]>)("refuses %s, storing nothing", async (_name, access, owner) => {
      const before = await count("resources");
      const result = await fixture.execute(PUBLISH, { input: input(owner) }, access);
      expect(errorCode(result)).toBe(refusal(access));
      expect(await count("resources")).toBe(before);
    });

    it("lets the school's staff publish through its network, and the network's coordinators for the network", async () => {
      // a school's records are its staff's to write (kit canWrite), not its networks' coordinators'
      const forSchool = await fixture.execute(PUBLISH, { input: input({ networkId: NB, schoolId: SB }) }, coordinatorOfB);
      expect(errorCode(forSchool)).toBe("FORBIDDEN");
      for (const [access, owner] of [
        [staffOfSB, { networkId: NB, schoolId: SB }],
        [staffOfSB, { networkId: NB2, schoolId: SB }],
        [coordinatorOfB, { networkId: NB }],
        [adminOfB, { networkId: NB2 }],
      ] as Array<[Access, Owner]>) {
        const result = await fixture.execute(`mutation($input: PublishResourceInput!) { publishResource(input: $input) { id owner { __typename } network { id } } }`, {
          input: { ...input(owner), visibility: "PRIVATE" },
        }, access);
        expect(result.errors).toBeUndefined();
        expect(result.data.publishResource.network.id).toBe(owner.networkId);
        await fixture.execute(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id: result.data.publishResource.id }, access);
      }
    });

    it("records who published what, for whose records, in the audit log", async () => {
      const { publishResource } = await must(PUBLISH, { input: input({ networkId: NB, schoolId: SB }) }, staffOfSB);
      const entry = await fixture.subgraph.audit.entries.findOne({ "entity.id": publishResource.id });
      expect(entry).toMatchObject({
        operation: "publishResource",
        actor: { principal: { kind: "PERSON", personId: "b-staff" }, organizationId: orgB },
        owner: { networkId: NB, schoolId: SB },
      });
    });
  });

  describe("updating and archiving resources", () => {
    /** Callers without a role on B's records: FORBIDDEN where they see the record, NOT_FOUND where they do not. */
    const OUTSIDERS: Array<[string, Access, Level[]]> = [
      ["a person of A", personOfA, PUBLIC_ONLY],
      ["a coordinator of A", coordinatorOfA, PUBLIC_ONLY],
      ["staff of A's co-developing school", staffOfSA2, PUBLIC_ONLY],
      ["an ally sharing resources", alliedForResources, FROM_ALLIANCE],
      ["a member of B", memberOfB, FROM_NETWORK],
      ["staff of B's adopting school", staffOfSB2, FROM_NETWORK],
      ["a coordinator of B's other network", coordinatorOfNB2, FROM_NETWORK],
    ];

    it.each(OUTSIDERS)("refuses %s every change, and changes nothing", async (_name, access, sees) => {
      for (const kind of ["school", "network"] as const) {
        for (const level of VISIBILITIES) {
          const id = b.resources[kind][level];
          const before = await stored("resources", id);
          const code = sees.includes(level) ? "FORBIDDEN" : "NOT_FOUND";
          expect({ kind, level, code: errorCode(await fixture.execute(UPDATE, { id, input: { visibility: "PUBLIC", title: "Hijacked" } }, access)) }).toEqual({ kind, level, code });
          expect({ kind, level, code: errorCode(await fixture.execute(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id }, access)) }).toEqual({ kind, level, code });
          expect(await stored("resources", id)).toEqual(before);
        }
      }
    });

    it.each(REFUSED_EVERYWHERE)("refuses %s", async (_name, access) => {
      const id = b.resources.school.PUBLIC;
      const before = await stored("resources", id);
      expect(errorCode(await fixture.execute(UPDATE, { id, input: { title: "Hijacked" } }, access))).toBe(refusal(access));
      expect(errorCode(await fixture.execute(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id }, access))).toBe(refusal(access));
      expect(await stored("resources", id)).toEqual(before);
    });

    it("lets the owning school's staff and the owning network's coordinators change them", async () => {
      const school = await must(UPDATE, { id: b.resources.school.PRIVATE, input: { summary: "By its staff" } }, staffOfSB);
      expect(school.updateResource.visibility).toBe("PRIVATE");
      const network = await must(UPDATE, { id: b.resources.network.PRIVATE, input: { summary: "By its coordinator" } }, coordinatorOfB);
      expect(network.updateResource.visibility).toBe("PRIVATE");
      // a coordinator of the network a school publishes through may read the school's NETWORK resource, not change it
      expect(errorCode(await fixture.execute(UPDATE, { id: b.resources.school.NETWORK, input: { summary: "x" } }, coordinatorOfB))).toBe("FORBIDDEN");
      // but the school's staff have no role on the network's own resources
      expect(errorCode(await fixture.execute(UPDATE, { id: b.resources.network.NETWORK, input: { summary: "x" } }, staffOfSB))).toBe("FORBIDDEN");
    });

    it("moves adoptions with their resource when its visibility changes; share requests stay between requester and owner", async () => {
      const { publishResource } = await must(PUBLISH, { input: { title: "Moving watershed map", kind: "DATASET", networkId: NB, visibility: "PUBLIC" } }, coordinatorOfB);
      const id = publishResource.id;
      const adoption = (await must(ADOPT, { input: { resourceId: id, schoolId: SA } }, staffOfSA)).adoptResource.id;
      const request = (await must(REQUEST, { input: { resourceId: id, schoolId: SA } }, staffOfSA)).requestResource.id;
      const QUERY = `query($a: ID!, $r: ID!) { resourceAdoption(id: $a) { id } shareRequest(id: $r) { id } }`;
      const seen = async (access: Access) => {
        const data = await run(QUERY, { a: adoption, r: request }, access);
        return [data.resourceAdoption?.id ?? null, data.shareRequest?.id ?? null];
      };
      expect(await seen(ANONYMOUS_ACCESS)).toEqual([adoption, null]);
      expect(await seen(coordinatorOfB)).toEqual([adoption, request]);
      await must(UPDATE, { id, input: { visibility: "NETWORK" } }, coordinatorOfB);
      expect(await seen(ANONYMOUS_ACCESS)).toEqual([null, null]);
      expect(await seen(staffOfSA)).toEqual([null, request]);
      expect(await seen(memberOfB)).toEqual([adoption, null]);
      await must(UPDATE, { id, input: { visibility: "ALLIANCE" } }, coordinatorOfB);
      expect(await seen(alliedForResources)).toEqual([adoption, null]);
      expect(await seen(alliedForOtherKinds)).toEqual([null, null]);
      await must(UPDATE, { id, input: { visibility: "PUBLIC" } }, coordinatorOfB);
      expect(await seen(ANONYMOUS_ACCESS)).toEqual([adoption, null]);
    });
  });

  describe("adopting", () => {
    it.each([
      ...REFUSED_EVERYWHERE.map(([name, access]) => [name, access, SA] as const),
      ["a person of A who is not the school's staff", personOfA, SA],
      ["a coordinator of A, for A's school", coordinatorOfA, SA],
      ["staff of A's school, for B's school", staffOfSA, SB2],
      ["a coordinator of the resource's network, for B's school", coordinatorOfB, SB2],
    ] as Array<[string, Access, string]>)("refuses %s, storing nothing", async (_name, access, schoolId) => {
      const before = await count("adoptions");
      const resourceId = (await must(PUBLISH, { input: { title: "Public adoptable", kind: "GUIDE", networkId: NB, visibility: "PUBLIC" } }, coordinatorOfB)).publishResource.id;
      expect(errorCode(await fixture.execute(ADOPT, { input: { resourceId, schoolId } }, access))).toBe(refusal(access));
      expect(await count("adoptions")).toBe(before);
    });

    it("answers a school's staff that resources it may not see do not exist", async () => {
      const before = await count("adoptions");
      for (const kind of ["school", "network"] as const) {
        for (const level of ["PRIVATE", "NETWORK", "ALLIANCE"] as const) {
          const staffOfSA3 = personAccess({ organizationId: orgA, schoolIds: [testId("school-a3")], memberNetworkIds: [NA] });
          const result = await fixture.execute(ADOPT, { input: { resourceId: b.resources[kind][level], schoolId: testId("school-a3") } }, staffOfSA3);
          expect({ kind, level, code: errorCode(result), field: result.errors?.[0]?.extensions?.field }).toEqual({ kind, level, code: "BAD_USER_INPUT", field: "input.resourceId" });
        }
      }
      expect(await count("adoptions")).toBe(before);
    });

    it("lets the adopting school's staff alone rewrite its note", async () => {
      const NOTE = `mutation($id: ID!, $note: String) { updateResourceAdoption(id: $id, adaptationNote: $note) { adaptationNote } }`;
      const id = b.adoptions.network.PUBLIC.bySA;
      const before = await stored("adoptions", id);
      for (const access of [ANONYMOUS_ACCESS, readOnlyKeyOfB, staffOfSB2, coordinatorOfB, personOfA]) {
        expect(errorCode(await fixture.execute(NOTE, { id, note: "Hijacked" }, access))).toBe(refusal(access));
      }
      // SA's adoption of a NETWORK resource of B: hidden from SA's own staff now, and from A
      expect(errorCode(await fixture.execute(NOTE, { id: b.adoptions.network.NETWORK.bySA, note: "x" }, staffOfSA))).toBe("NOT_FOUND");
      expect(await stored("adoptions", id)).toEqual(before);
      expect((await must(NOTE, { id, note: "Adapted for grade 9" }, staffOfSA)).updateResourceAdoption.adaptationNote).toBe("Adapted for grade 9");
    });
  });

  describe("share requests", () => {
    const move = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { status } }`;

    it("are asked by the requesting school's staff only", async () => {
      const before = await count("share_requests");
      const resourceId = (await must(PUBLISH, { input: { title: "Public requestable", kind: "GUIDE", networkId: NB, visibility: "PUBLIC" } }, coordinatorOfB)).publishResource.id;
      for (const [access, schoolId] of [
        [ANONYMOUS_ACCESS, SA],
        [readOnlyKeyOfB, SB2],
        [personOfA, SA],
        [staffOfSA, SB2],
        [coordinatorOfB, SB2],
      ] as Array<[Access, string]>) {
        expect(errorCode(await fixture.execute(REQUEST, { input: { resourceId, schoolId } }, access))).toBe(refusal(access));
      }
      const hidden = await fixture.execute(REQUEST, { input: { resourceId: b.resources.school.NETWORK, schoolId: testId("school-a3") } }, personAccess({ schoolIds: [testId("school-a3")] }));
      expect(errorCode(hidden)).toBe("BAD_USER_INPUT");
      expect(await count("share_requests")).toBe(before);
    });

    it("are decided by those who may write the resource, and by no one else", async () => {
      for (const kind of ["school", "network"] as const) {
        const id = b.requests[kind].NETWORK.bySB2;
        const before = await stored("share_requests", id);
        for (const [access, code] of [
          [ANONYMOUS_ACCESS, "UNAUTHENTICATED"],
          [readOnlyCoordinatorOfB, "FORBIDDEN"],
          [staffOfSB2, "FORBIDDEN"], // the requester reads it, the owner decides
          // who sees the resource but is neither requester nor owner does not even find the request
          [memberOfB, "NOT_FOUND"],
          [coordinatorOfNB2, "NOT_FOUND"],
          [kind === "school" ? staffOfSA2 : staffOfSB, "NOT_FOUND"],
          [personOfA, "NOT_FOUND"],
          [alliedForResources, "NOT_FOUND"],
        ] as Array<[Access, string]>) {
          for (const name of ["approveShareRequest", "declineShareRequest", "fulfillShareRequest"]) {
            expect({ kind, name, code: errorCode(await fixture.execute(move(name), { id }, access)) }).toEqual({ kind, name, code });
          }
        }
        expect(await stored("share_requests", id)).toEqual(before);
        expect((await must(move("approveShareRequest"), { id }, ownerAccess(kind))).approveShareRequest.status).toBe("APPROVED");
        expect((await must(move("fulfillShareRequest"), { id }, ownerAccess(kind))).fulfillShareRequest.status).toBe("FULFILLED");
      }
      // a school's PRIVATE resource is its staff's alone: its network's coordinators cannot even find the request
      const hidden = b.requests.school.PRIVATE.bySA;
      const before = await stored("share_requests", hidden);
      expect(errorCode(await fixture.execute(move("declineShareRequest"), { id: hidden }, coordinatorOfB))).toBe("NOT_FOUND");
      expect(await stored("share_requests", hidden)).toEqual(before);
    });
  });

  describe("funding awards", () => {
    const award = (networkId: string) => ({ networkId, funder: "Sneaky Foundation", kind: "OTHER", amount: 5, startDate: "2024-01-01" });

    it.each([
      ...REFUSED_EVERYWHERE,
      ["a member of the network", memberOfB],
      ["staff of a school of the network", staffOfSB],
      ["a coordinator of another network of B", coordinatorOfNB2],
      ["a coordinator of A", coordinatorOfA],
      ["an admin of A", adminOfA],
      ["an ally sharing resources", alliedForResources],
    ] as Array<[string, Access]>)("refuses %s recording or changing them, and changes nothing", async (_name, access) => {
      const before = await count("funding_awards");
      expect(errorCode(await fixture.execute(RECORD, { input: award(NB) }, access))).toBe(refusal(access));
      expect(await count("funding_awards")).toBe(before);
      const UPDATE_AWARD = `mutation($id: ID!) { updateFundingAward(id: $id, input: { amount: 999999, visibility: PUBLIC }) { id } }`;
      for (const level of VISIBILITIES) {
        const id = b.awards[level];
        const snapshot = await stored("funding_awards", id);
        expect([refusal(access), refusal(access, "NOT_FOUND")]).toContain(errorCode(await fixture.execute(UPDATE_AWARD, { id }, access)));
        expect(await stored("funding_awards", id)).toEqual(snapshot);
      }
    });

    it("are recorded and changed by the network's coordinators and admins, NETWORK-visible by default", async () => {
      const created = await must(
        `mutation($input: RecordFundingAwardInput!) { recordFundingAward(input: $input) { id visibility network { id } } }`,
        { input: award(NB2) },
        adminOfB,
      );
      expect(created.recordFundingAward).toMatchObject({ visibility: "NETWORK", network: { id: NB2 } });
      expect(await run(`query($id: ID!) { fundingAward(id: $id) { id } }`, { id: created.recordFundingAward.id }, ANONYMOUS_ACCESS)).toEqual({ fundingAward: null });
      const updated = await must(`mutation($id: ID!) { updateFundingAward(id: $id, input: { visibility: PUBLIC }) { visibility } }`, { id: created.recordFundingAward.id }, coordinatorOfNB2);
      expect(updated.updateFundingAward.visibility).toBe("PUBLIC");
      expect(await run(`query($id: ID!) { fundingAward(id: $id) { id } }`, { id: created.recordFundingAward.id }, ANONYMOUS_ACCESS)).toEqual({
        fundingAward: { id: created.recordFundingAward.id },
      });
    });
  });
});
