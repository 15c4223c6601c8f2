import { newId } from "../../subgraphs/kit";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

describe("pathways and educators", () => {
  it("records a pathway and its transitions between consecutive stages only", async () => {
    const elementary = await fixture.createSchool({ name: "PS 1", level: "ELEMENTARY", lowestGrade: 0, highestGrade: 5 });
    const middle = await fixture.createSchool({ name: "MS 2", level: "MIDDLE", lowestGrade: 6, highestGrade: 8 });
    const high = await fixture.createSchool({ name: "HS 3", level: "HIGH", lowestGrade: 9, highestGrade: 12 });
    const created = await fixture.execute(
      `mutation($stages: [PathwayStageInput!]!) { createPathway(input: { name: "East Harlem pathway", stages: $stages }) { id stages { order school { name } } } }`,
      { stages: [{ schoolId: elementary, grades: "K-5" }, { schoolId: middle, grades: "6-8" }, { schoolId: high, grades: "9-12" }] },
    );
    const pathway = created.data.createPathway;
    expect(pathway.stages.map((stage: any) => stage.school.name)).toEqual(["PS 1", "MS 2", "HS 3"]);
    const RECORD = `mutation($p: ID!, $input: PathwayTransitionInput!) { recordPathwayTransition(pathwayId: $p, input: $input) { transitions { schoolYear studentCount fromSchool { name } toSchool { name } } } }`;
    const skip = await fixture.execute(RECORD, { p: pathway.id, input: { fromSchoolId: elementary, toSchoolId: high, schoolYear: "2024-25", studentCount: 3 } });
    expect(errorCode(skip)).toBe("BAD_USER_INPUT");
    await fixture.execute(RECORD, { p: pathway.id, input: { fromSchoolId: elementary, toSchoolId: middle, schoolYear: "2024-25", studentCount: 80 } });
    const corrected = await fixture.execute(RECORD, {
      p: pathway.id,
      input: { fromSchoolId: elementary, toSchoolId: middle, schoolYear: "2024-25", studentCount: 84 },
    });
    expect(corrected.data.recordPathwayTransition.transitions).toEqual([
      { schoolYear: "2024-25", studentCount: 84, fromSchool: { name: "PS 1" }, toSchool: { name: "MS 2" } },
    ]);
    const school = await fixture.execute(`query($id: ID!) { school(id: $id) { pathways { totalCount edges { node { name } } } } }`, { id: middle });
    expect(school.data.school.pathways).toEqual({ totalCount: 1, edges: [{ node: { name: "East Harlem pathway" } }] });
  });

  it("refuses a pathway that names a school twice", async () => {
    const school = await fixture.createSchool();
    const result = await fixture.execute(
      `mutation($s: ID!) { createPathway(input: { name: "Loop", stages: [{ schoolId: $s }, { schoolId: $s }] }) { id } }`,
      { s: school },
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  });

  it("lists a school's educators with pagination", async () => {
    const schoolId = await fixture.createSchool();
    for (const name of ["Teri Schrader", "Ted Sizer", "Nancy Faust Sizer"]) {
      await fixture.execute(`mutation($s: ID!, $n: String!) { createEducator(input: { name: $n, role: TEACHER, schoolId: $s }) { id } }`, {
        s: schoolId,
        n: name,
      });
    }
    const result = await fixture.execute(`query($id: ID!) { school(id: $id) { educators(first: 2) { totalCount edges { node { name school { id } } } pageInfo { hasNextPage } } } }`, {
      id: schoolId,
    });
    expect(result.data.school.educators.totalCount).toBe(3);
    expect(result.data.school.educators.edges.map((edge: any) => edge.node.name)).toEqual(["Nancy Faust Sizer", "Ted Sizer"]);
    expect(result.data.school.educators.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses an educator at an unknown school", async () => {
    const result = await fixture.execute(`mutation { createEducator(input: { name: "Nobody Here", role: COACH, schoolId: "${newId()}" }) { id } }`);
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.field).toBe("input.schoolId");
  });
});
