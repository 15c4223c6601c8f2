import { newId } from "../../subgraphs/kit";
import { errorCode, nodes, someId, startDevelopmentFixture, type DevelopmentFixture } from "./fixtures";

let fixture: DevelopmentFixture;
beforeAll(async () => {
  fixture = await startDevelopmentFixture();
});
afterAll(() => fixture.stop());

const START = `mutation($input: StartImprovementCycleInput!) { startImprovementCycle(input: $input) { id phase owner { kind } network { id } schools { edges { node { id } } } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateImprovementCycleInput!) { updateImprovementCycle(id: $id, input: $input) { phase measures { name result } } }`;
const ADVANCE = `mutation($id: ID!, $to: ImprovementCyclePhase!) { advanceImprovementCycle(id: $id, to: $to) { phase phaseHistory { phase } } }`;

async function start(extra: Record<string, unknown> = {}) {
  const network = someId();
  const data = await fixture.must(START, {
    input: {
      title: "Ninth-grade on-track check-ins",
      owner: { kind: "NETWORK", id: network },
      aim: "Raise the four-year graduation rate from 71% to 85% by June 2027",
      ...extra,
    },
  });
  return { id: data.startImprovementCycle.id as string, network, cycle: data.startImprovementCycle };
}

describe("improvement cycles", () => {
  it("runs Plan, Do, Study, Act in order, each part written in its phase", async () => {
    const school = someId();
    const { id, network, cycle } = await start({ schoolIds: [school] });
    expect(cycle).toMatchObject({ phase: "PLAN", owner: { kind: "NETWORK" }, network: { id: network }, schools: { edges: [{ node: { id: school } }] } });

    // leaving Plan needs a change idea, a prediction and a measure
    expect(errorCode(await fixture.execute(ADVANCE, { id, to: "DO" }))).toBe("CONFLICT");
    await fixture.must(UPDATE, {
      id,
      input: {
        changeIdea: "Advisors meet each ninth grader weekly about credits",
        prediction: "On-track rates rise by ten points in one semester",
        measures: [{ name: "On track after first semester", unit: "percent", baseline: 62, target: 72 }],
      },
    });
    // results belong to Study
    expect(errorCode(await fixture.execute(UPDATE, { id, input: { results: "Too soon" } }))).toBe("CONFLICT");
    await fixture.must(ADVANCE, { id, to: "DO" });
    // the plan is fixed once the cycle runs
    expect(errorCode(await fixture.execute(UPDATE, { id, input: { prediction: "Changed my mind" } }))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(ADVANCE, { id, to: "STUDY" }))).toBe("CONFLICT");
    await fixture.must(UPDATE, { id, input: { observations: "Check-ins happened in 9 of 12 advisories" } });
    await fixture.must(ADVANCE, { id, to: "STUDY" });
    const unknownMeasure = await fixture.execute(UPDATE, { id, input: { measureResults: [{ name: "Attendance", result: 90 }] } });
    expect(unknownMeasure.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.measureResults.0.name" });
    const studied = await fixture.must(UPDATE, {
      id,
      input: { results: "Up eight points: close to the prediction", measureResults: [{ name: "On track after first semester", result: 70 }] },
    });
    expect(studied.updateImprovementCycle.measures).toEqual([{ name: "On track after first semester", result: 70 }]);
    await fixture.must(ADVANCE, { id, to: "ACT" });
    await fixture.must(UPDATE, { id, input: { nextStep: "ADAPT", nextStepNote: "Extend to tenth grade" } });
    const done = await fixture.must(ADVANCE, { id, to: "COMPLETED" });
    expect(done.advanceImprovementCycle.phaseHistory.map((change: any) => change.phase)).toEqual(["PLAN", "DO", "STUDY", "ACT", "COMPLETED"]);
    expect(errorCode(await fixture.execute(ADVANCE, { id, to: "COMPLETED" }))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(UPDATE, { id, input: { title: "Renamed" } }))).toBe("CONFLICT");
  });

  it("never skips or reverses a phase", async () => {
    const { id } = await start({ changeIdea: "Weekly check-ins", prediction: "Rates rise", measures: [{ name: "On track" }] });
    expect(errorCode(await fixture.execute(ADVANCE, { id, to: "STUDY" }))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(ADVANCE, { id, to: "PLAN" }))).toBe("CONFLICT");
    const phase = await fixture.must(`query($id: ID!) { improvementCycle(id: $id) { phase } }`, { id });
    expect(phase.improvementCycle.phase).toBe("PLAN");
  });

  it("advances once when two requests advance the same cycle at the same moment", async () => {
    const { id } = await start({ changeIdea: "Weekly check-ins", prediction: "Rates rise", measures: [{ name: "On track" }] });
    const results = await Promise.all(Array.from({ length: 5 }, () => fixture.execute(ADVANCE, { id, to: "DO" })));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    const stored = await fixture.subgraph.db.collection("improvement_cycles").findOne({ _id: id as never });
    expect(stored!.phaseHistory).toHaveLength(2);
  });

  it("chains cycles and carries them on School and Network", async () => {
    const school = someId();
    const first = await start({ owner: { kind: "SCHOOL", id: school } });
    const second = await fixture.must(START, {
      input: { title: "Second cycle", owner: { kind: "SCHOOL", id: school }, aim: "Same aim, next change idea", previousCycleId: first.id },
    });
    const result = await fixture.must(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on School { improvementCycles { totalCount edges { node { title previousCycle { id } } } } } } }`,
      { reps: [{ __typename: "School", id: school }] },
    );
    expect(result._entities[0].improvementCycles.totalCount).toBe(2);
    expect(nodes(result._entities[0].improvementCycles)).toEqual([
      { title: "Second cycle", previousCycle: { id: first.id } },
      { title: "Ninth-grade on-track check-ins", previousCycle: null },
    ]);
    expect(second.startImprovementCycle.schools).toEqual({ edges: [{ node: { id: school } }] });
    const missing = await fixture.execute(START, { input: { title: "Orphan", owner: { kind: "SCHOOL", id: school }, aim: "Some aim here", previousCycleId: newId() } });
    expect(missing.errors![0].extensions!.field).toBe("input.previousCycleId");
    const byOrganization = await fixture.execute(START, { input: { title: "Org", owner: { kind: "ORGANIZATION", id: someId() }, aim: "Some aim here" } });
    expect(byOrganization.errors![0].extensions!.field).toBe("input.owner.kind");
  });
});
