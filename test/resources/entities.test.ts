import type { AdoptionDocument } from "../../subgraphs/resources/adoption/adoption.repository";
import { ResourceKind } from "../../subgraphs/resources/enums";
import type { ResourceDocument } from "../../subgraphs/resources/resource/resource.repository";
import { sharingOf } from "../../subgraphs/resources/resource/resource.service";
import { newId, Visibility } from "../../subgraphs/kit";
import { startResourcesFixture, type ResourcesFixture } from "./fixtures";

let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on Resource { id title }
  ... on ResourceAdoption { id resource { id } }
  ... on ShareRequest { id status }
  ... on FundingAward { id funder }
} }`;

describe("entity resolution (_entities)", () => {
  it("resolves this subgraph's entities by id, in the order asked, null for unknown ids", async () => {
    const resourceId = await fixture.publish({ title: "Critical friends review" });
    const adoptionId = await fixture.adopt(resourceId, fixture.entityId());
    const request = await fixture.must(`mutation($r: ID!, $s: ID!) { requestResource(input: { resourceId: $r, schoolId: $s }) { id } }`, {
      r: resourceId,
      s: fixture.entityId(),
    });
    const award = await fixture.must(
      `mutation($n: ID!) { recordFundingAward(input: { networkId: $n, funder: "Goldman Sachs Foundation", kind: PRIVATE_GRANT, amount: 100, startDate: "2000-09-01" }) { id } }`,
      { n: fixture.entityId("network") },
    );
    const result = await fixture.execute(ENTITIES, {
      representations: [
        { __typename: "FundingAward", id: award.recordFundingAward.id },
        { __typename: "Resource", id: "unknown" },
        { __typename: "ShareRequest", id: request.requestResource.id },
        { __typename: "ResourceAdoption", id: adoptionId },
        { __typename: "Resource", id: resourceId },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { __typename: "FundingAward", id: award.recordFundingAward.id, funder: "Goldman Sachs Foundation" },
      null,
      { __typename: "ShareRequest", id: request.requestResource.id, status: "REQUESTED" },
      { __typename: "ResourceAdoption", id: adoptionId, resource: { id: resourceId } },
      { __typename: "Resource", id: resourceId, title: "Critical friends review" },
    ]);
  });

  it("extends School and Network with what they own, co-developed, shared and adopted", async () => {
    const school = fixture.entityId();
    const network = fixture.entityId("network");
    const owned = await fixture.publish({ title: "Owned by the school", schoolId: school, networkIds: [network] });
    const coDeveloped = await fixture.publish({ title: "Network curriculum", networkId: network, schoolId: null, coDeveloperSchoolIds: [school] });
    const ofItsSchool = await fixture.publish({ title: "Published through the network", networkId: network });
    const adopted = await fixture.publish({ title: "Adopted elsewhere" });
    await fixture.adopt(adopted, school);
    const result = await fixture.execute(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on School { ownedResources { ...Ids } coDevelopedResources { ...Ids } resourceAdoptions { edges { node { resource { id } } } } }
        ... on Network { ownedResources { ...Ids } sharedResources { ...Ids } }
      } }
      fragment Ids on ResourceConnection { edges { node { id } } }`,
      { reps: [{ __typename: "School", id: school }, { __typename: "Network", id: network }] },
    );
    expect(result.errors).toBeUndefined();
    const page = (...ids: string[]) => ({ edges: ids.map((id) => ({ node: { id } })) });
    expect(result.data._entities).toEqual([
      { ownedResources: page(owned), coDevelopedResources: page(coDeveloped), resourceAdoptions: { edges: [{ node: { resource: { id: adopted } } }] } },
      // a resource listed under several networks appears in each of their lists
      { ownedResources: page(coDeveloped), sharedResources: page(coDeveloped, owned, ofItsSchool) },
    ]);
  });

  it("pages nested lists with `first` and `after`, counting them whole", async () => {
    const school = fixture.entityId();
    const published: string[] = [];
    for (let i = 0; i < 5; i++) published.push(await fixture.publish({ title: `Unit ${i}`, schoolId: school }));
    const PAGE = `query($reps: [_Any!]!, $after: String) { _entities(representations: $reps) { ... on School {
      ownedResources(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
    } } }`;
    const reps = [{ __typename: "School", id: school }];
    const first = (await fixture.execute(PAGE, { reps })).data._entities[0].ownedResources;
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await fixture.execute(PAGE, { reps, after: first.pageInfo.endCursor })).data._entities[0].ownedResources;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((edge: any) => edge.node.id)).toEqual(published);
  });

  it("takes the filters of `resources` in nested lists", async () => {
    const school = fixture.entityId();
    const math = await fixture.publish({ title: "Algebra tasks", schoolId: school, subjects: ["Mathematics"] });
    await fixture.publish({ title: "Reading circles", schoolId: school, subjects: ["literacy"] });
    const result = await fixture.execute(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { ownedResources(subject: "mathematics") { totalCount edges { node { id } } } } } }`,
      { reps: [{ __typename: "School", id: school }] },
    );
    expect(result.data._entities[0].ownedResources).toEqual({ totalCount: 1, edges: [{ node: { id: math } }] });
  });

  it("refuses a forged cursor in a nested list as BAD_USER_INPUT", async () => {
    const result = await fixture.execute(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { ownedResources(after: "eyJ0aXRsZSI6eyIkZ3QiOiIifX0.x") { totalCount } } } }`,
      { reps: [{ __typename: "School", id: fixture.entityId() }] },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("N+1 is designed out", () => {
  /**
   * `size` schools, each owning two resources (one co-developed by the next school) adopted by two schools.
   * Written straight to the database (as the service would store them): what is measured is reading them.
   */
  async function schoolsWithResources(size: number): Promise<string[]> {
    const schools = Array.from({ length: size }, () => fixture.entityId());
    const adopters = [fixture.entityId(), fixture.entityId()];
    const network = fixture.entityId("network");
    const now = new Date();
    const resources: ResourceDocument[] = schools.flatMap((school, i) =>
      [`Guide ${i}`, `Protocol ${i}`].map((title) => ({
        _id: newId(),
        title,
        summary: null,
        kind: ResourceKind.GUIDE,
        owner: { networkId: network, schoolId: school },
        coDeveloperSchoolIds: [schools[(i + 1) % size]],
        networkIds: [network],
        subjects: [],
        lowestGrade: -1,
        highestGrade: 12,
        tags: ["batching"],
        license: null,
        url: null,
        visibility: Visibility.NETWORK,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      })),
    );
    const adoptions: AdoptionDocument[] = resources.flatMap((resource) =>
      adopters.map((schoolId) => ({
        _id: newId(),
        resourceId: resource._id,
        schoolId,
        adaptationNote: null,
        adoptedOn: "2024-10-01",
        ...sharingOf(resource),
        createdAt: now,
        updatedAt: now,
      })),
    );
    await fixture.subgraph.db.collection<ResourceDocument>("resources").insertMany(resources);
    await fixture.subgraph.db.collection<AdoptionDocument>("adoptions").insertMany(adoptions);
    return schools;
  }

  const SCHOOLS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School {
    id
    ownedResources { totalCount edges { node {
      title adoptionCount adoptions { totalCount edges { node { adoptedOn school { id } } } } coDevelopers { id } networks { id } owner { __typename }
    } } }
    coDevelopedResources { totalCount edges { node { title adoptionCount } } }
    resourceAdoptions { totalCount edges { node { resource { title adoptionCount } } } }
  } } }`;

  it("sends the same number of database commands for 10 and for 100 schools", async () => {
    const counts: number[] = [];
    for (const size of [10, 100]) {
      const schools = await schoolsWithResources(size);
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(SCHOOLS, { reps: schools.map((id) => ({ __typename: "School", id })) });
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toHaveLength(size);
      const owned = result.data._entities[size - 1].ownedResources;
      expect(owned.totalCount).toBe(2);
      expect(owned.edges[0].node.adoptionCount).toBe(2);
      expect(owned.edges[0].node.adoptions.totalCount).toBe(2);
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
    // at most one command per part of the query, whatever the number of schools: 4 connections' pages,
    // their 4 totalCounts, adoptionCount at 2 depths, 1 lookup of the adopted resources
    expect(counts[0]).toBeLessThanOrEqual(4 + 4 + 2 + 1);
  });

  it("searches 10 and 100 hits with their adopters in the same number of commands", async () => {
    const counts: number[] = [];
    for (const first of [10, 100]) {
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(
        `query($first: Int!) { searchResources(text: "guide protocol", tags: ["batching"], first: $first) {
          edges { score node { title adoptionCount adoptions { totalCount edges { node { school { id } resource { title } } } } coDevelopers { id } } }
        } }`,
        { first },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.searchResources.edges).toHaveLength(first);
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});
