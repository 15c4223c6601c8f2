import type { Access } from "../../subgraphs/kit";
import { ANONYMOUS_ACCESS } from "../../subgraphs/kit";
import { networksSubgraph } from "../../subgraphs/networks";
import { personAccess } from "../support/access";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

/*
 * Network health surveys through the networks subgraph, with the default minimum of responses
 * (HUB_SURVEY_MIN_RESPONSES = 5): educators of member schools respond once, anonymously; the network sees
 * results per item once the survey is closed; nobody recovers one educator's answer.
 */

const MINIMUM = networksSubgraph.settings.surveys.minimumResponses;

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

const SCALE = { minimum: 1, maximum: 5, minimumLabel: "Strongly disagree", maximumLabel: "Strongly agree" };
const ITEMS = [
  { key: "trust-1", construct: "relational trust", text: "Educators in this network trust each other.", scale: SCALE },
  { key: "purpose-1", construct: "shared purpose", text: "Our schools share a clear purpose.", scale: SCALE },
];
const CREATE = `mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id items { key } } }`;
const LAUNCH = `mutation($input: LaunchHealthSurveyInput!) { launchHealthSurvey(input: $input) { id status responseCount } }`;
const RESPOND = `mutation($input: RespondToHealthSurveyInput!) { respondToHealthSurvey(input: $input) { id responseCount } }`;
const CLOSE = `mutation($id: ID!) { closeHealthSurvey(id: $id) { status responseCount } }`;
const RESULTS = `query($id: ID!) { healthSurvey(id: $id) { status responseCount results { totalCount edges { node {
  item { key } suppressed responseCount mean distribution { value count } } } } } }`;

/** A network with a member school, its manager, and an open survey. */
async function survey() {
  const organization = await fixture.createOrganization();
  const networkId = await fixture.createNetwork(organization);
  const schoolId = await fixture.createSchool();
  await fixture.addMembership(schoolId, networkId);
  const manager = personAccess({ personId: `manager-${networkId}`, managedNetworkIds: [networkId], memberNetworkIds: [networkId] });
  const instrument = await fixture.execute(CREATE, { input: { networkId, name: "Network health", items: ITEMS } }, manager);
  const launched = await fixture.execute(LAUNCH, { input: { networkId, instrumentId: instrument.data.createSurveyInstrument.id, title: "Spring 2025" } }, manager);
  return { networkId, schoolId, manager, surveyId: launched.data.launchHealthSurvey.id as string };
}

function educator(schoolId: string, networkId: string, n: number): Access {
  return personAccess({ personId: `educator-${n}`, schoolIds: [schoolId], memberNetworkIds: [networkId], schoolMemberships: [{ schoolId, networkId }] });
}

async function respond(surveyId: string, access: Access, answers: Array<{ itemKey: string; value: number }>) {
  return fixture.execute(RESPOND, { input: { surveyId, answers } }, access);
}

describe("survey instruments and surveys", () => {
  it("are created by the network's managers, with valid items", async () => {
    const { networkId, manager } = await survey();
    const input = { networkId, name: "Trust", items: ITEMS };
    expect(errorCode(await fixture.execute(CREATE, { input }, personAccess({ memberNetworkIds: [networkId] })))).toBe("FORBIDDEN");
    expect(errorCode(await fixture.execute(CREATE, { input: { ...input, items: [ITEMS[0], ITEMS[0]] } }, manager))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(CREATE, { input: { ...input, items: [{ ...ITEMS[0], scale: { ...SCALE, maximum: 1 } }] } }, manager))).toBe("BAD_USER_INPUT");
    expect(errorCode(await fixture.execute(CREATE, { input: { ...input, visibility: "ALLIANCE" } }, manager))).toBe("BAD_USER_INPUT");
    const foreign = await fixture.execute(LAUNCH, { input: { networkId, instrumentId: "missing", title: "Nope" } }, manager);
    expect(errorCode(foreign)).toBe("BAD_USER_INPUT");
  });
});

describe("responding", () => {
  it("takes one anonymous response per educator, from member schools only, and refuses bad ones without storing anything", async () => {
    const { networkId, schoolId, surveyId, manager } = await survey();
    const teacher = educator(schoolId, networkId, 1);
    expect(errorCode(await respond(surveyId, teacher, [{ itemKey: "trust-1", value: 6 }]))).toBe("BAD_USER_INPUT");
    expect(errorCode(await respond(surveyId, teacher, [{ itemKey: "nope", value: 3 }]))).toBe("BAD_USER_INPUT");
    expect(errorCode(await respond(surveyId, teacher, [{ itemKey: "trust-1", value: 3 }, { itemKey: "trust-1", value: 4 }]))).toBe("BAD_USER_INPUT");
    expect(errorCode(await respond(surveyId, ANONYMOUS_ACCESS, [{ itemKey: "trust-1", value: 3 }]))).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect(errorCode(await respond(surveyId, manager, [{ itemKey: "trust-1", value: 3 }]))).toBe("FORBIDDEN");
    const outsider = personAccess({ personId: "outsider", schoolIds: ["other-school"] });
    expect(errorCode(await respond(surveyId, outsider, [{ itemKey: "trust-1", value: 3 }]))).toBe("NOT_FOUND");
    expect((await fixture.execute(RESULTS, { id: surveyId }, manager)).data.healthSurvey.responseCount).toBe(0);
    // after refusals the educator may still respond, once
    expect((await respond(surveyId, teacher, [{ itemKey: "trust-1", value: 4 }])).data.respondToHealthSurvey.responseCount).toBe(1);
    expect(errorCode(await respond(surveyId, teacher, [{ itemKey: "trust-1", value: 2 }]))).toBe("CONFLICT");
    expect((await fixture.execute(RESULTS, { id: surveyId }, manager)).data.healthSurvey.responseCount).toBe(1);
    await fixture.execute(CLOSE, { id: surveyId }, manager);
    expect(errorCode(await respond(surveyId, educator(schoolId, networkId, 2), [{ itemKey: "trust-1", value: 2 }]))).toBe("CONFLICT");
    expect(errorCode(await fixture.execute(CLOSE, { id: surveyId }, manager))).toBe("CONFLICT");
  });
});

describe("concurrent responses", () => {
  it("of one educator: exactly one is taken", async () => {
    const { networkId, schoolId, surveyId, manager } = await survey();
    const teacher = educator(schoolId, networkId, 7);
    const results = await Promise.all([1, 2, 3].map((value) => respond(surveyId, teacher, [{ itemKey: "trust-1", value }])));
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(2);
    expect((await fixture.execute(RESULTS, { id: surveyId }, manager)).data.healthSurvey.responseCount).toBe(1);
    expect(await fixture.subgraph.db.collection("survey_responses").countDocuments({ surveyId })).toBe(1);
  });
});

describe("results", () => {
  it("show per item once closed, to the network's members, with a minimum of responses per item", async () => {
    const { networkId, schoolId, surveyId, manager } = await survey();
    const trust = [5, 4, 4, 3, 5, 2];
    for (const [i, value] of trust.entries()) {
      const answers = [{ itemKey: "trust-1", value }, ...(i < MINIMUM - 1 ? [{ itemKey: "purpose-1", value: 3 }] : [])];
      expect((await respond(surveyId, educator(schoolId, networkId, i), answers)).errors).toBeUndefined();
    }
    const open = (await fixture.execute(RESULTS, { id: surveyId }, manager)).data.healthSurvey;
    expect(open.results.edges.map((edge: any) => edge.node)).toEqual([
      { item: { key: "trust-1" }, suppressed: "SURVEY_OPEN", responseCount: null, mean: null, distribution: null },
      { item: { key: "purpose-1" }, suppressed: "SURVEY_OPEN", responseCount: null, mean: null, distribution: null },
    ]);
    expect((await fixture.execute(CLOSE, { id: surveyId }, manager)).data.closeHealthSurvey).toEqual({ status: "CLOSED", responseCount: trust.length });
    const member = personAccess({ personId: "member", memberNetworkIds: [networkId] });
    const closed = (await fixture.execute(RESULTS, { id: surveyId }, member)).data.healthSurvey;
    expect(closed.results.edges.map((edge: any) => edge.node)).toEqual([
      {
        item: { key: "trust-1" },
        suppressed: null,
        responseCount: trust.length,
        mean: trust.reduce((a, b) => a + b, 0) / trust.length,
        distribution: [1, 2, 3, 4, 5].map((value) => ({ value, count: trust.filter((answer) => answer === value).length })),
      },
      { item: { key: "purpose-1" }, suppressed: "TOO_FEW_RESPONSES", responseCount: MINIMUM - 1, mean: null, distribution: null },
    ]);
    expect((await fixture.execute(RESULTS, { id: surveyId }, ANONYMOUS_ACCESS)).data.healthSurvey).toBeNull();
    const overTime = await fixture.execute(`query($n: ID!) { network(id: $n) { healthSurveys { totalCount edges { node { title status } } } } }`, { n: networkId }, member);
    expect(overTime.data.network.healthSurveys.edges.map((edge: any) => edge.node)).toEqual([{ title: "Spring 2025", status: "CLOSED" }]);
  });
});

describe("nobody recovers one educator's answer", () => {
  it("stores answers with nothing linking them to the educator, and keeps answers out of the audit log", async () => {
    const { networkId, schoolId, surveyId } = await survey();
    const teacher = personAccess({ personId: "ms-rivera", organizationId: "org-rivera", schoolIds: [schoolId], memberNetworkIds: [networkId], schoolMemberships: [{ schoolId, networkId }] });
    expect((await respond(surveyId, teacher, [{ itemKey: "trust-1", value: 2 }, { itemKey: "purpose-1", value: 5 }])).errors).toBeUndefined();
    const [response] = await fixture.subgraph.db.collection("survey_responses").find({ surveyId }).toArray();
    expect(Object.keys(response).sort()).toEqual(["_id", "answers", "surveyId"]);
    // a random id, not an ObjectId, whose first bytes would be the time of the response
    expect(typeof response._id).toBe("string");
    const participations = await fixture.subgraph.db.collection("survey_participations").find().toArray();
    const stored = JSON.stringify(participations);
    expect(stored).not.toContain("ms-rivera");
    expect(stored).not.toContain(surveyId);
    const audit = await fixture.subgraph.audit.entries.find({ operation: "respondToHealthSurvey", "entity.id": surveyId }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toEqual({ input: { surveyId } });
    expect(JSON.stringify(audit)).not.toContain('"value"');
  });

  it("shows nothing while the survey is open, so results before and after one response cannot be compared", async () => {
    const { networkId, schoolId, surveyId, manager } = await survey();
    const answers = (value: number) => [{ itemKey: "trust-1", value }];
    const seen: unknown[] = [];
    for (let i = 0; i < MINIMUM + 2; i++) {
      await respond(surveyId, educator(schoolId, networkId, 100 + i), answers(1 + (i % 5)));
      const result = await fixture.execute(RESULTS, { id: surveyId }, manager);
      seen.push(result.data.healthSurvey.results.edges.map((edge: any) => edge.node));
    }
    for (const results of seen) expect(results).toEqual([
      { item: { key: "trust-1" }, suppressed: "SURVEY_OPEN", responseCount: null, mean: null, distribution: null },
      { item: { key: "purpose-1" }, suppressed: "SURVEY_OPEN", responseCount: null, mean: null, distribution: null },
    ]);
    // once closed, the results are frozen: a late response is refused and changes nothing
    await fixture.execute(CLOSE, { id: surveyId }, manager);
    const before = await fixture.execute(RESULTS, { id: surveyId }, manager);
    expect(errorCode(await respond(surveyId, educator(schoolId, networkId, 999), answers(5)))).toBe("CONFLICT");
    expect(await fixture.execute(RESULTS, { id: surveyId }, manager)).toEqual(before);
  });

  it("withholds an item answered by fewer than the minimum, even to the network's managers", async () => {
    const { networkId, schoolId, surveyId, manager } = await survey();
    for (let i = 0; i < MINIMUM - 1; i++) await respond(surveyId, educator(schoolId, networkId, 200 + i), [{ itemKey: "trust-1", value: i === 0 ? 1 : 5 }]);
    await fixture.execute(CLOSE, { id: surveyId }, manager);
    const results = (await fixture.execute(RESULTS, { id: surveyId }, manager)).data.healthSurvey.results.edges.map((edge: any) => edge.node);
    expect(results[0]).toEqual({ item: { key: "trust-1" }, suppressed: "TOO_FEW_RESPONSES", responseCount: MINIMUM - 1, mean: null, distribution: null });
  });
});
