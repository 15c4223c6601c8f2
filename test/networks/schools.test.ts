import { newId } from "../../subgraphs/kit";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

const CREATE = `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id name ncesId lowestGrade highestGrade } }`;
const base = { name: "Quest High School", level: "HIGH", lowestGrade: 9, highestGrade: 12, location: { city: "Humble", region: "TX", country: "US" } };

describe("schools", () => {
  it("creates a school and finds it by id and by NCES id", async () => {
    const created = await fixture.execute(CREATE, { input: { ...base, ncesId: "482361000001" } });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createSchool;
    const byId = await fixture.execute(`query($id: ID!) { school(id: $id) { name location { city region } } }`, { id });
    expect(byId.data.school).toEqual({ name: "Quest High School", location: { city: "Humble", region: "TX" } });
    const byNces = await fixture.execute(`query { schoolByNcesId(ncesId: "482361000001") { id } }`);
    expect(byNces.data.schoolByNcesId.id).toBe(id);
  });

  it("rejects a malformed NCES id with BAD_USER_INPUT naming the field", async () => {
    const result = await fixture.execute(CREATE, { input: { ...base, ncesId: "12345" } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.ncesId");
  });

  it("rejects grades out of order and stores nothing", async () => {
    const before = await fixture.subgraph.db.collection("schools").countDocuments();
    const result = await fixture.execute(CREATE, { input: { ...base, name: "Backwards", lowestGrade: 12, highestGrade: 9 } });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.highestGrade");
    expect(await fixture.subgraph.db.collection("schools").countDocuments()).toBe(before);
  });

  it("keeps NCES ids unique, also when two schools arrive at once", async () => {
    const attempts = await Promise.all(
      [1, 2, 3].map((n) => fixture.execute(CREATE, { input: { ...base, name: `Twin ${n}`, ncesId: "360007700001" } })),
    );
    expect(attempts.filter((result) => !result.errors)).toHaveLength(1);
    expect(attempts.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(2);
  });

  it("allows many schools without an NCES id, and clearing one", async () => {
    const first = await fixture.createSchool({ ncesId: "360007700999" });
    await fixture.createSchool();
    await fixture.createSchool();
    const cleared = await fixture.execute(`mutation($id: ID!) { updateSchool(id: $id, input: { ncesId: null }) { ncesId } }`, { id: first });
    expect(cleared.data.updateSchool.ncesId).toBeNull();
    await fixture.createSchool({ ncesId: "360007700999" });
  });

  it("filters by locale and region and pages with opaque cursors", async () => {
    for (let i = 0; i < 5; i++) await fixture.createSchool({ locale: "RURAL", location: { city: "Winthrop", region: "WA", country: "US" } });
    const QUERY = `query($after: String) { schools(locale: RURAL, region: "WA", first: 2, after: $after) {
      totalCount edges { cursor node { name locale } } pageInfo { hasNextPage endCursor } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: any = await fixture.execute(QUERY, { after });
      expect(result.data.schools.totalCount).toBe(5);
      names.push(...result.data.schools.edges.map((edge: any) => edge.node.name));
      after = result.data.schools.pageInfo.endCursor;
      expect(result.data.schools.pageInfo.hasNextPage).toBe(page < 2);
    }
    expect(names).toHaveLength(5);
    expect([...names].sort()).toEqual(names);
  });

  it("rejects an invalid cursor and an oversized page", async () => {
    expect(errorCode(await fixture.execute(`{ schools(after: "nonsense") { totalCount } }`))).toBe("BAD_USER_INPUT");
    const tooMany = await fixture.execute(`{ schools(first: 1000) { totalCount } }`);
    expect(errorCode(tooMany)).toBe("BAD_USER_INPUT");
    expect(tooMany.errors![0].extensions!.field).toBe("first");
  });

  it("archives a school: gone from lists, still readable by id", async () => {
    const id = await fixture.createSchool({ name: "Closing School", locale: "TOWN" });
    const archived = await fixture.execute(`mutation($id: ID!) { archiveSchool(id: $id) { archivedAt } }`, { id });
    expect(archived.data.archiveSchool.archivedAt).toEqual(expect.any(String));
    const listed = await fixture.execute(`{ schools(locale: TOWN) { edges { node { id } } } }`);
    expect(listed.data.schools.edges.map((edge: any) => edge.node.id)).not.toContain(id);
    const read = await fixture.execute(`query($id: ID!) { school(id: $id) { name } }`, { id });
    expect(read.data.school.name).toBe("Closing School");
  });

  it("answers NOT_FOUND for updates of unknown schools", async () => {
    const result = await fixture.execute(`mutation { updateSchool(id: "${newId()}", input: { name: "X School" }) { id } }`);
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});
