import { newId } from "../../subgraphs/kit";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

let fixture: ResourcesFixture;
beforeAll(async () => {
  fixture = await startResourcesFixture();
});
afterAll(() => fixture.stop());

const ADOPT = `mutation($input: AdoptResourceInput!) { adoptResource(input: $input) {
  id adaptationNote adoptedOn school { id } resource { id title }
} }`;

describe("adoptions", () => {
  it("records a school's adoption with its adaptation, seen from the resource and from the school", async () => {
    const resourceId = await fixture.publish({ title: "Advisory guide" });
    const schoolId = fixture.entityId();
    const adopted = await fixture.execute(ADOPT, {
      input: { resourceId, schoolId, adaptationNote: "Piloted in grade 9 first", adoptedOn: "2003-10-15" },
    });
    expect(adopted.errors).toBeUndefined();
    expect(adopted.data.adoptResource).toMatchObject({
      adaptationNote: "Piloted in grade 9 first",
      adoptedOn: "2003-10-15",
      school: { id: schoolId },
      resource: { id: resourceId, title: "Advisory guide" },
    });
    const resource = await fixture.execute(
      `query($id: ID!) { resource(id: $id) { adoptionCount adoptions { totalCount edges { node { adaptationNote school { id } } } } } }`,
      { id: resourceId },
    );
    expect(resource.data.resource).toEqual({
      adoptionCount: 1,
      adoptions: { totalCount: 1, edges: [{ node: { adaptationNote: "Piloted in grade 9 first", school: { id: schoolId } } }] },
    });
    const school = await fixture.execute(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { resourceAdoptions { totalCount edges { node { adoptedOn resource { id } } } } } } }`,
      { reps: [{ __typename: "School", id: schoolId }] },
    );
    expect(school.data._entities).toEqual([{ resourceAdoptions: { totalCount: 1, edges: [{ node: { adoptedOn: "2003-10-15", resource: { id: resourceId } } }] } }]);
  });

  it("refuses a second adoption by the same school as a CONFLICT", async () => {
    const resourceId = await fixture.publish();
    const schoolId = fixture.entityId();
    await fixture.adopt(resourceId, schoolId);
    const again = await fixture.execute(ADOPT, { input: { resourceId, schoolId, adaptationNote: "again" } });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(await fixture.subgraph.db.collection("adoptions").countDocuments({ resourceId, schoolId })).toBe(1);
  });

  it("keeps one adoption when the same school's adoptions arrive at the same moment", async () => {
    const resourceId = await fixture.publish();
    const schoolId = fixture.entityId();
    const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => fixture.execute(ADOPT, { input: { resourceId, schoolId, adaptationNote: `attempt ${i}` } })));
    expect(attempts.filter((result) => !result.errors)).toHaveLength(1);
    expect(attempts.filter((result) => result.errors).map(errorCode)).toEqual(Array(9).fill("CONFLICT"));
    expect(await fixture.subgraph.db.collection("adoptions").countDocuments({ resourceId, schoolId })).toBe(1);
  });

  it("lets different schools adopt the same resource concurrently", async () => {
    const resourceId = await fixture.publish();
    const schools = Array.from({ length: 6 }, () => fixture.entityId());
    const results = await Promise.all(schools.map((schoolId) => fixture.execute(ADOPT, { input: { resourceId, schoolId } })));
    expect(results.every((result) => !result.errors)).toBe(true);
    const resource = await fixture.execute(`query($id: ID!) { resource(id: $id) { adoptionCount } }`, { id: resourceId });
    expect(resource.data.resource.adoptionCount).toBe(6);
  });

  it("refuses an adoption by the owning school or a co-developer, and stores nothing", async () => {
    const owner = fixture.entityId();
    const partner = fixture.entityId();
    const resourceId = await fixture.publish({ schoolId: owner, coDeveloperSchoolIds: [partner] });
    for (const schoolId of [owner, partner]) {
      const result = await fixture.execute(ADOPT, { input: { resourceId, schoolId } });
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.field).toBe("input.schoolId");
    }
    expect(await fixture.subgraph.db.collection("adoptions").countDocuments({ resourceId })).toBe(0);
  });

  it("refuses unknown and archived resources as bad input", async () => {
    const unknown = await fixture.execute(ADOPT, { input: { resourceId: newId(), schoolId: fixture.entityId() } });
    expect(errorCode(unknown)).toBe("BAD_USER_INPUT");
    expect(unknown.errors![0].extensions!.field).toBe("input.resourceId");
    const resourceId = await fixture.publish();
    await fixture.must(`mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id: resourceId });
    expect(errorCode(await fixture.execute(ADOPT, { input: { resourceId, schoolId: fixture.entityId() } }))).toBe("BAD_USER_INPUT");
  });

  it("rewrites or clears the adaptation note", async () => {
    const id = await fixture.adopt(await fixture.publish(), fixture.entityId(), { adaptationNote: "First draft" });
    const UPDATE = `mutation($id: ID!, $note: String) { updateResourceAdoption(id: $id, adaptationNote: $note) { adaptationNote } }`;
    expect((await fixture.execute(UPDATE, { id, note: "Adapted for mixed grades" })).data.updateResourceAdoption.adaptationNote).toBe("Adapted for mixed grades");
    expect((await fixture.execute(UPDATE, { id, note: null })).data.updateResourceAdoption.adaptationNote).toBeNull();
    expect(errorCode(await fixture.execute(UPDATE, { id: newId(), note: "x" }))).toBe("NOT_FOUND");
  });
});
