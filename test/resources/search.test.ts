import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

let fixture: ResourcesFixture;
let network: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  fixture = await startResourcesFixture();
  network = fixture.entityId("network");
  const inNetwork = { networkIds: [network] };
  ids.titleMatch = await fixture.publish({
    ...inNetwork,
    title: "Performance assessment tasks and rubrics",
    kind: "CURRICULUM",
    summary: "Tasks scored with common rubrics.",
    lowestGrade: 9,
    highestGrade: 12,
    subjects: ["performance-based assessment"],
    tags: ["rubrics"],
  });
  ids.summaryMatch = await fixture.publish({
    ...inNetwork,
    title: "Senior exhibitions guide",
    kind: "GUIDE",
    summary: "Seniors present to a panel; an assessment of their research.",
    lowestGrade: 11,
    highestGrade: 12,
  });
  ids.middleSchool = await fixture.publish({
    ...inNetwork,
    title: "Middle school assessment portfolio",
    kind: "CURRICULUM",
    lowestGrade: 6,
    highestGrade: 8,
  });
  ids.unrelated = await fixture.publish({ ...inNetwork, title: "Shared school counselors", kind: "SHARED_STAFF", summary: "Counselors for small districts." });
  ids.otherNetwork = await fixture.publish({ title: "Assessment literacy workshop", kind: "TECHNICAL_ASSISTANCE" });
});
afterAll(() => fixture.stop());

const SEARCH = `query($text: String!, $first: Int, $after: String, $kinds: [ResourceKind!], $lowestGrade: Int, $highestGrade: Int,
  $networkId: ID, $tags: [String!], $subject: String) {
  searchResources(text: $text, first: $first, after: $after, kinds: $kinds, lowestGrade: $lowestGrade, highestGrade: $highestGrade,
    networkId: $networkId, tags: $tags, subject: $subject) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor score node { id title } }
  }
}`;

const hitIds = (result: any) => result.data.searchResources.edges.map((edge: any) => edge.node.id);

describe("searching resources by words", () => {
  it("ranks a title match above a summary-only match, with decreasing scores", async () => {
    const result = await fixture.execute(SEARCH, { text: "assessment", networkId: network });
    expect(result.errors).toBeUndefined();
    const hits = hitIds(result);
    expect(hits).toHaveLength(3);
    expect(new Set(hits)).toEqual(new Set([ids.titleMatch, ids.summaryMatch, ids.middleSchool]));
    expect(hits.indexOf(ids.titleMatch)).toBeLessThan(hits.indexOf(ids.summaryMatch));
    const scores = result.data.searchResources.edges.map((edge: any) => edge.score);
    expect(scores.every((score: number) => score > 0)).toBe(true);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.data.searchResources.totalCount).toBe(3);
  });

  it("matches word forms (stemming) and is case-insensitive", async () => {
    const result = await fixture.execute(SEARCH, { text: "ASSESSMENTS Exhibition", networkId: network });
    expect(hitIds(result)).toEqual(expect.arrayContaining([ids.summaryMatch, ids.titleMatch]));
  });

  it("combines words with the filters: grades 9-12, kind, tags, subject, network", async () => {
    const grades = await fixture.execute(SEARCH, { text: "assessment", networkId: network, lowestGrade: 9, highestGrade: 12 });
    expect(new Set(hitIds(grades))).toEqual(new Set([ids.titleMatch, ids.summaryMatch]));
    const kinds = await fixture.execute(SEARCH, { text: "assessment", networkId: network, kinds: ["CURRICULUM"] });
    expect(new Set(hitIds(kinds))).toEqual(new Set([ids.titleMatch, ids.middleSchool]));
    expect(hitIds(await fixture.execute(SEARCH, { text: "assessment", tags: ["Rubrics"] }))).toEqual([ids.titleMatch]);
    expect(hitIds(await fixture.execute(SEARCH, { text: "assessment", subject: "performance-based assessment" }))).toEqual([ids.titleMatch]);
    const everywhere = await fixture.execute(SEARCH, { text: "assessment" });
    expect(hitIds(everywhere)).toContain(ids.otherNetwork);
    expect(hitIds(everywhere)).not.toContain(ids.unrelated);
  });

  it("finds nothing for words no resource contains", async () => {
    const result = await fixture.execute(SEARCH, { text: "xylophone" });
    expect(result.data.searchResources).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  it("pages through the ranked hits in the order of one big page, without repeats", async () => {
    const all = hitIds(await fixture.execute(SEARCH, { text: "assessment", first: 100 }));
    expect(all.length).toBe(4);
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: any = await fixture.execute(SEARCH, { text: "assessment", first: 1, after });
      paged.push(...hitIds(result));
      expect(result.data.searchResources.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!result.data.searchResources.pageInfo.hasNextPage) break;
      after = result.data.searchResources.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it("refuses a cursor from another search, a forged cursor and empty words", async () => {
    const first = await fixture.execute(SEARCH, { text: "assessment", first: 1 });
    const cursor = first.data.searchResources.pageInfo.endCursor;
    const other = await fixture.execute(SEARCH, { text: "counselors", first: 1, after: cursor });
    expect(errorCode(other)).toBe("BAD_USER_INPUT");
    expect(other.errors![0].extensions!.field).toBe("after");
    expect(errorCode(await fixture.execute(SEARCH, { text: "assessment", after: "bm90IGEgY3Vyc29y" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(SEARCH, { text: "" }))).toBe("BAD_USER_INPUT");
  });

  it("leaves archived resources out of searches", async () => {
    const id = await fixture.publish({ title: "Archived assessment handbook" });
    expect(hitIds(await fixture.execute(SEARCH, { text: "handbook" }))).toEqual([id]);
    await fixture.must(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id });
    expect(hitIds(await fixture.execute(SEARCH, { text: "handbook" }))).toEqual([]);
  });
});
