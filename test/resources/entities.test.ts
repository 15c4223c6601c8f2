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
        ... on School { ownedResources { id } coDevelopedResources { id } adoptedResources { id } }
        ... on Network { ownedResources { id } sharedResources { id } }
      } }`,
      { reps: [{ __typename: "School", id: school }, { __typename: "Network", id: network }] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { ownedResources: [{ id: owned }], coDevelopedResources: [{ id: coDeveloped }], adoptedResources: [{ id: adopted }] },
      { ownedResources: [{ id: coDeveloped }], sharedResources: [{ id: coDeveloped }, { id: owned }, { id: ofItsSchool }] },
    ]);
  });

  it("limits nested lists to `first`", async () => {
    const school = fixture.entityId();
    for (let i = 0; i < 5; i++) await fixture.publish({ schoolId: school });
    const result = await fixture.execute(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { ownedResources(first: 3) { id } } } }`,
      { reps: [{ __typename: "School", id: school }] },
    );
    expect(result.data._entities[0].ownedResources).toHaveLength(3);
  });
});

describe("N+1 is designed out", () => {
  /** `size` schools, each owning two resources (one co-developed by the next school) adopted by two schools. */
  async function schoolsWithResources(size: number): Promise<string[]> {
    const schools = Array.from({ length: size }, () => fixture.entityId());
    const adopters = [fixture.entityId(), fixture.entityId()];
    const network = fixture.entityId("network");
    for (const [i, school] of schools.entries()) {
      for (const title of [`Guide ${i}`, `Protocol ${i}`]) {
        const id = await fixture.publish({
          title,
          schoolId: school,
          coDeveloperSchoolIds: [schools[(i + 1) % size]],
          networkIds: [network],
          tags: ["batching"],
        });
        for (const adopter of adopters) await fixture.adopt(id, adopter);
      }
    }
    return schools;
  }

  const SCHOOLS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School {
    id
    ownedResources { title adoptionCount adoptingSchools { id } adoptions { adoptedOn school { id } } coDevelopers { id } networks { id } owner { __typename } }
    coDevelopedResources { title adoptionCount }
    adoptedResources { title }
    resourceAdoptions { resource { title adoptionCount } }
  } } }`;

  it("sends the same number of database commands for 10 and for 100 schools", async () => {
    const counts: number[] = [];
    for (const size of [10, 100]) {
      const schools = await schoolsWithResources(size);
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(SCHOOLS, { reps: schools.map((id) => ({ __typename: "School", id })) });
      expect(result.errors).toBeUndefined();
      expect(result.data._entities).toHaveLength(size);
      expect(result.data._entities[size - 1].ownedResources).toHaveLength(2);
      expect(result.data._entities[size - 1].ownedResources[0].adoptionCount).toBe(2);
      counts.push(fixture.subgraph.commands.total);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  it("searches 10 and 100 hits with their adopters in the same number of commands", async () => {
    const counts: number[] = [];
    for (const first of [10, 100]) {
      fixture.subgraph.commands.reset();
      const result = await fixture.execute(
        `query($first: Int!) { searchResources(text: "guide protocol", tags: ["batching"], first: $first) {
          edges { score node { title adoptionCount adoptingSchools { id } adoptions { resource { title } } coDevelopers { id } } }
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
