import { testId } from "../support/ids";
import { newId } from "../../subgraphs/kit";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

const PUBLISH = `mutation($input: PublishResourceInput!) { publishResource(input: $input) {
  id title summary kind subjects tags lowestGrade highestGrade license url visibility archivedAt createdAt updatedAt
  owner { __typename ... on School { id } ... on Network { id } } network { id }
  coDevelopers { id } networks { id }
} }`;
const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) {
  id title summary subjects lowestGrade highestGrade networks { id } coDevelopers { id } owner { __typename ... on School { id } }
} }`;
const ARCHIVE = `mutation($id: ID!) { archiveResource(id: $id) { id archivedAt } }`;
const LIST = `query($first: Int, $after: String, $kinds: [ResourceKind!], $subject: String, $lowestGrade: Int, $highestGrade: Int,
  $tags: [String!], $networkId: ID, $owner: ResourceOwnerInput, $includeArchived: Boolean) {
  resources(first: $first, after: $after, kinds: $kinds, subject: $subject, lowestGrade: $lowestGrade, highestGrade: $highestGrade,
    tags: $tags, networkId: $networkId, owner: $owner, includeArchived: $includeArchived) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title } }
  }
}`;

describe("publishing resources", () => {
  it("publishes a school's resource with co-developers, normalized subjects and tags, and sensible defaults", async () => {
    const owner = fixture.entityId();
    const partner = fixture.entityId();
    const home = fixture.entityId("network");
    const network = fixture.entityId("network");
    const result = await fixture.execute(PUBLISH, {
      input: {
        title: "  Advisory training  ",
        kind: "GUIDE",
        networkId: home,
        schoolId: owner,
        coDeveloperSchoolIds: [partner],
        networkIds: [network],
        subjects: ["Advisory", "advisory ", "Personalization"],
        tags: ["Advisories", "In-Service"],
        license: "CC-BY-4.0",
        url: "https://example.org/advisory",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.publishResource).toMatchObject({
      title: "Advisory training",
      summary: null,
      kind: "GUIDE",
      subjects: ["advisory", "personalization"],
      tags: ["advisories", "in-service"],
      lowestGrade: -1,
      highestGrade: 12,
      visibility: "NETWORK",
      archivedAt: null,
      owner: { __typename: "School", id: owner },
      network: { id: home },
      coDevelopers: [{ id: partner }],
      networks: [{ id: home }, { id: network }],
    });
  });

  it("publishes a network's own resource, counting the owning network among its networks once", async () => {
    const network = fixture.entityId("network");
    const byNetwork = await fixture.execute(PUBLISH, {
      input: { title: "Applied learning curriculum", kind: "CURRICULUM", networkId: network, networkIds: [network], lowestGrade: 6, highestGrade: 12, visibility: "PUBLIC" },
    });
    expect(byNetwork.errors).toBeUndefined();
    expect(byNetwork.data.publishResource).toMatchObject({
      owner: { __typename: "Network", id: network },
      network: { id: network },
      networks: [{ id: network }],
      visibility: "PUBLIC",
    });
    const stored = await fixture.subgraph.db.collection("resources").findOne({ _id: byNetwork.data.publishResource.id });
    expect(stored!.owner).toEqual({ networkId: network, schoolId: null });
  });

  it.each([
    ["grades out of order", { lowestGrade: 12, highestGrade: 9 }, "input.highestGrade"],
    ["a grade off the scale", { lowestGrade: -2 }, "input.lowestGrade"],
    ["an invalid link", { url: "not a link" }, "input.url"],
    ["a one-letter title", { title: "A" }, "input.title"],
    ["a co-developer listed twice", { coDeveloperSchoolIds: [testId("school-x"), testId("school-x")] }, "input.coDeveloperSchoolIds"],
  ])("refuses %s as bad input and stores nothing", async (_case, change, field) => {
    const before = await fixture.subgraph.db.collection("resources").countDocuments();
    const result = await fixture.execute(PUBLISH, {
      input: { title: "A resource", kind: "GUIDE", networkId: fixture.entityId("network"), schoolId: fixture.entityId(), ...change },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe(field);
    expect(await fixture.subgraph.db.collection("resources").countDocuments()).toBe(before);
  });

  it("refuses the owning school as its own co-developer", async () => {
    const owner = fixture.entityId();
    const result = await fixture.execute(PUBLISH, {
      input: { title: "A resource", kind: "GUIDE", networkId: fixture.entityId("network"), schoolId: owner, coDeveloperSchoolIds: [owner] },
    });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.coDeveloperSchoolIds");
  });
});

describe("updating and archiving", () => {
  it("changes the given fields only, clears optional ones with null, and keeps the owner", async () => {
    const owner = fixture.entityId();
    const id = await fixture.publish({ schoolId: owner, summary: "Old summary", subjects: ["literacy"], lowestGrade: 9, highestGrade: 12 });
    const result = await fixture.execute(UPDATE, { id, input: { title: "New title", summary: null, subjects: ["Writing"], lowestGrade: null } });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateResource).toMatchObject({
      title: "New title",
      summary: null,
      subjects: ["writing"],
      lowestGrade: 9,
      highestGrade: 12,
      owner: { __typename: "School", id: owner },
    });
  });

  it("checks grade order against the stored grades, and answers NOT_FOUND for unknown resources", async () => {
    const id = await fixture.publish({ lowestGrade: 9, highestGrade: 10 });
    const backwards = await fixture.execute(UPDATE, { id, input: { highestGrade: 8 } });
    expect(errorCode(backwards)).toBe("BAD_USER_INPUT");
    expect((await fixture.subgraph.db.collection("resources").findOne({ _id: id as any }))!.highestGrade).toBe(10);
    expect(errorCode(await fixture.execute(UPDATE, { id: newId(), input: { title: "Nope" } }))).toBe("NOT_FOUND");
  });

  it("archives once: the resource leaves lists but stays readable by id", async () => {
    const network = fixture.entityId("network");
    const id = await fixture.publish({ networkIds: [network] });
    const archived = await fixture.execute(ARCHIVE, { id });
    expect(archived.data.archiveResource.archivedAt).toEqual(expect.any(String));
    expect(errorCode(await fixture.execute(ARCHIVE, { id }))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(ARCHIVE, { id: newId() }))).toBe("NOT_FOUND");
    const listed = await fixture.execute(LIST, { networkId: network });
    expect(listed.data.resources.totalCount).toBe(0);
    const all = await fixture.execute(LIST, { networkId: network, includeArchived: true });
    expect(all.data.resources.totalCount).toBe(1);
    const byId = await fixture.execute(`query($id: ID!) { resource(id: $id) { id archivedAt } }`, { id });
    expect(byId.data.resource.id).toBe(id);
  });
});

describe("listing resources", () => {
  let network: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    network = fixture.entityId("network");
    const inNetwork = { networkIds: [network] };
    ids.highSchoolCurriculum = await fixture.publish({ ...inNetwork, title: "B curriculum", kind: "CURRICULUM", subjects: ["Mathematics"], lowestGrade: 9, highestGrade: 12, tags: ["algebra", "rubrics"] });
    ids.middleCurriculum = await fixture.publish({ ...inNetwork, title: "A curriculum", kind: "CURRICULUM", subjects: ["mathematics"], lowestGrade: 6, highestGrade: 8, tags: ["algebra"] });
    ids.protocol = await fixture.publish({ ...inNetwork, title: "C protocol", kind: "PROTOCOL", subjects: ["literacy"], tags: ["student work", "rubrics"] });
    ids.elsewhere = await fixture.publish({ title: "D elsewhere", kind: "CURRICULUM", subjects: ["mathematics"] });
  });

  const titles = (result: any) => result.data.resources.edges.map((edge: any) => edge.node.title);

  it("lists a network's resources by title", async () => {
    const result = await fixture.execute(LIST, { networkId: network });
    expect(titles(result)).toEqual(["A curriculum", "B curriculum", "C protocol"]);
    expect(result.data.resources.totalCount).toBe(3);
  });

  it("filters by kind, subject (any case), all tags and overlapping grade range", async () => {
    expect(titles(await fixture.execute(LIST, { networkId: network, kinds: ["PROTOCOL"] }))).toEqual(["C protocol"]);
    expect(titles(await fixture.execute(LIST, { networkId: network, subject: "MATHEMATICS" }))).toEqual(["A curriculum", "B curriculum"]);
    expect(titles(await fixture.execute(LIST, { networkId: network, tags: ["Algebra", "rubrics"] }))).toEqual(["B curriculum"]);
    // 9-12 overlaps 9-12 and the protocol's default -1..12, not 6-8
    expect(titles(await fixture.execute(LIST, { networkId: network, lowestGrade: 9, highestGrade: 12 }))).toEqual(["B curriculum", "C protocol"]);
    expect(titles(await fixture.execute(LIST, { networkId: network, lowestGrade: 8, highestGrade: 8 }))).toEqual(["A curriculum", "C protocol"]);
  });

  it("filters by owner: a school, or a network itself (not its schools)", async () => {
    const owner = fixture.entityId();
    const home = fixture.entityId("network");
    await fixture.publish({ networkId: home, schoolId: owner, title: "Owned one" });
    await fixture.publish({ networkId: home, schoolId: null, title: "The network's own" });
    expect(titles(await fixture.execute(LIST, { owner: { kind: "SCHOOL", id: owner } }))).toEqual(["Owned one"]);
    expect(titles(await fixture.execute(LIST, { owner: { kind: "NETWORK", id: home } }))).toEqual(["The network's own"]);
    expect(titles(await fixture.execute(LIST, { networkId: home }))).toEqual(["Owned one", "The network's own"]);
    expect((await fixture.execute(LIST, { owner: { kind: "NETWORK", id: owner } })).data.resources.totalCount).toBe(0);
  });

  it("pages with cursors without losing or repeating resources", async () => {
    const first = await fixture.execute(LIST, { networkId: network, first: 2 });
    expect(titles(first)).toEqual(["A curriculum", "B curriculum"]);
    expect(first.data.resources.pageInfo.hasNextPage).toBe(true);
    const second = await fixture.execute(LIST, { networkId: network, first: 2, after: first.data.resources.pageInfo.endCursor });
    expect(titles(second)).toEqual(["C protocol"]);
    expect(second.data.resources.pageInfo.hasNextPage).toBe(false);
  });

  it("refuses page sizes out of range", async () => {
    expect(errorCode(await fixture.execute(LIST, { first: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(LIST, { first: 101 }))).toBe("BAD_USER_INPUT");
  });
});
