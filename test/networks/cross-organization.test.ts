import { BSON, type Db } from "mongodb";
import { ANONYMOUS_ACCESS, newId, type Access } from "../../subgraphs/kit";
import { personAccess, SYSTEM_ACCESS } from "../support/access";
import { snapshot } from "../support/snapshot";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

/*
 * Every mutation of the networks subgraph, aimed at organization B's records (its organization, networks,
 * schools, memberships and their pending steps, alliance, agreement proposal, educators, pathways, API key) by
 * callers of organization A: refused with the code the README's table gives, and every collection unchanged.
 * The callers' access is worked out by the subgraph itself (`accessGrants`), as the gateway forwards it; among
 * them A's own identity provider claiming B's roles (ORG_ADMIN, COORDINATOR of B's network, STAFF of B's school).
 */

let fixture: NetworksFixture;
const a = { organization: "", network: "", school: "" };
const b = {
  organization: "",
  network: "",
  otherNetwork: "",
  school: "",
  otherSchool: "",
  unjoinedSchool: "",
  ncesId: "360000000001",
  accepted: "",
  proposal: "",
  request: "",
  alliance: "",
  join: "",
  agreementProposal: "",
  schoolEducator: "",
  networkEducator: "",
  unattachedEducator: "",
  networkPathway: "",
  schoolsPathway: "",
  apiKey: "",
  indicator: "",
  instrument: "",
  survey: "",
};
const c = { organization: "", network: "", school: "" };

const GRANTS = `query($o: ID!, $s: [ID!]!, $c: [ID!]!, $admin: Boolean!) { accessGrants(organizationId: $o, schoolIds: $s, coordinatedNetworkIds: $c, organizationAdmin: $admin) {
  schoolIds managedNetworkIds memberNetworkIds allied { kind networkIds } schoolMemberships { schoolId networkId } } }`;

/** What the gateway forwards for an identity of `organizationId` stating these roles (as `AccessResolver` builds it). */
async function forwarded(
  organizationId: string,
  roles: { admin?: boolean; staff?: string[]; coordinates?: string[] },
  principal: Access["principal"] = { kind: "PERSON", personId: `person-of-${organizationId}` },
): Promise<Access> {
  const apiKey = principal.kind === "API_KEY";
  const variables = { o: organizationId, s: roles.staff ?? [], c: roles.coordinates ?? [], admin: apiKey || !!roles.admin };
  const result = await fixture.execute(GRANTS, variables, SYSTEM_ACCESS);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const grants = result.data.accessGrants;
  return {
    ...personAccess({ organizationId, organizationAdmin: !apiKey && !!roles.admin }),
    principal,
    schoolIds: grants.schoolIds,
    managedNetworkIds: grants.managedNetworkIds,
    memberNetworkIds: grants.memberNetworkIds,
    alliedNetworkIds: Object.fromEntries(grants.allied.map((grant: { kind: string; networkIds: string[] }) => [grant.kind, grant.networkIds])),
    schoolMemberships: grants.schoolMemberships,
  };
}

const must = async (query: string, variables: Record<string, unknown>, access?: Access) => {
  const result = await fixture.execute(query, variables, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
};

beforeAll(async () => {
  fixture = await startNetworksFixture();
  a.organization = await fixture.createOrganization("Organization A");
  a.network = await fixture.createNetwork(a.organization, "A Network");
  a.school = await fixture.createSchool({ name: "A School" });
  await fixture.addMembership(a.school, a.network);

  c.organization = await fixture.createOrganization("Organization C");
  c.network = await fixture.createNetwork(c.organization, "C Network");
  c.school = await fixture.createSchool({ name: "C School" });
  await fixture.addMembership(c.school, c.network);

  b.organization = await fixture.createOrganization("Organization B");
  b.network = await fixture.createNetwork(b.organization, "B Network");
  b.otherNetwork = await fixture.createNetwork(b.organization, "B Second Network");
  b.school = await fixture.createSchool({ name: "B School", ncesId: b.ncesId });
  b.otherSchool = await fixture.createSchool({ name: "B Second School" });
  b.unjoinedSchool = await fixture.createSchool({ name: "B School Not Yet In A Network" });
  b.accepted = await fixture.addMembership(b.school, b.network);
  await fixture.addMembership(b.otherSchool, b.network);

  const bCoordinator = personAccess({ personId: "b-coordinator", organizationId: b.organization, managedNetworkIds: [b.network] });
  const bSecondCoordinator = personAccess({ personId: "b-second", organizationId: b.organization, managedNetworkIds: [b.otherNetwork] });
  const cStaff = personAccess({ personId: "c-staff", organizationId: c.organization, schoolIds: [c.school] });
  const membership = `mutation($input: MembershipInput!) { proposeMembership(input: $input) { id status } }`;
  const proposal = (await must(membership, { input: { schoolId: c.school, networkId: b.network, startDate: "2031-09-01" } }, bCoordinator)).proposeMembership;
  const request = (await must(membership.replace(/proposeMembership/g, "requestMembership"), { input: { schoolId: c.school, networkId: b.otherNetwork } }, cStaff))
    .requestMembership;
  expect([proposal.status, request.status]).toEqual(["PENDING", "PENDING"]);
  b.proposal = proposal.id;
  b.request = request.id;

  const formed = await must(`mutation($input: FormAllianceInput!) { formAlliance(input: $input) { id } }`, {
    input: { name: "B and C Alliance", scope: "REGIONAL", networkIds: [b.network, c.network], agreement: { sharedKinds: ["RESOURCES"] } },
  });
  b.alliance = formed.formAlliance.id;
  const join = await must(`mutation($a: ID!, $n: ID!) { joinAlliance(allianceId: $a, networkId: $n) { id status } }`, { a: b.alliance, n: b.otherNetwork }, bSecondCoordinator);
  const agreement = await must(
    `mutation($a: ID!) { proposeAllianceAgreement(allianceId: $a, agreement: { sharedKinds: [RESOURCES, EVENTS] }) { id status } }`,
    { a: b.alliance },
    bCoordinator,
  );
  expect([join.joinAlliance.status, agreement.proposeAllianceAgreement.status]).toEqual(["PENDING", "PENDING"]);
  b.join = join.joinAlliance.id;
  b.agreementProposal = agreement.proposeAllianceAgreement.id;

  const educator = `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { id } }`;
  b.schoolEducator = (await must(educator, { input: { name: "B Teacher", role: "TEACHER", schoolId: b.school, contact: { email: "t@b.example" } } })).createEducator.id;
  b.networkEducator = (await must(educator, { input: { name: "B Coordinator", role: "NETWORK_COORDINATOR", networkId: b.network } })).createEducator.id;
  // stored before an educator had to belong to a school or a network
  b.unattachedEducator = newId();
  await fixture.subgraph.db.collection("educators").insertOne({ _id: b.unattachedEducator, name: "B Unattached", role: "OTHER", schoolId: null, networkId: null, contact: null } as never);
  const pathway = `mutation($input: CreatePathwayInput!) { createPathway(input: $input) { id } }`;
  const stages = [{ schoolId: b.school }, { schoolId: b.otherSchool }];
  b.networkPathway = (await must(pathway, { input: { name: "B Pathway", networkId: b.network, stages } })).createPathway.id;
  b.schoolsPathway = (await must(pathway, { input: { name: "B Schools' Pathway", stages } })).createPathway.id;
  b.apiKey = (await must(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`, { input: { organizationId: b.organization, name: "B key", canWrite: true } }))
    .createApiKey.apiKey.id;

  const indicator = `mutation($input: CreateBenchmarkIndicatorInput!) { createBenchmarkIndicator(input: $input) { id } }`;
  b.indicator = (await must(indicator, { input: { networkId: b.network, ...INDICATOR } }, bCoordinator)).createBenchmarkIndicator.id;
  const instrument = `mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }`;
  b.instrument = (await must(instrument, { input: { networkId: b.network, name: "B health", items: SURVEY_ITEMS } }, bCoordinator)).createSurveyInstrument.id;
  const launch = `mutation($input: LaunchHealthSurveyInput!) { launchHealthSurvey(input: $input) { id } }`;
  b.survey = (await must(launch, { input: { networkId: b.network, instrumentId: b.instrument, title: "B spring" } }, bCoordinator)).launchHealthSurvey.id;
});
afterAll(() => fixture.stop());

const CALLERS: Array<[string, () => Promise<Access>]> = [
  ["anonymous", async () => ANONYMOUS_ACCESS],
  ["a coordinator of organization A, staff of its school", () => forwarded(a.organization, { coordinates: [a.network], staff: [a.school] })],
  ["an admin of organization A", () => forwarded(a.organization, { admin: true })],
  ["A's identity provider claiming B's roles", () => forwarded(a.organization, { admin: true, staff: [b.school, a.school], coordinates: [b.network, b.otherNetwork, a.network] })],
  ["a read-write API key of organization A", () => forwarded(a.organization, {}, { kind: "API_KEY", keyId: "a-key" })],
];

type Row = [mutation: string, operation: string, variables: () => Record<string, unknown>, code: string];

const MEMBERSHIP = (verb: string) => `mutation($input: MembershipInput!) { ${verb}Membership(input: $input) { id } }`;
const DECIDE = (verb: string) => `mutation($id: ID!) { ${verb}Membership(id: $id) { id } }`;
const ALLIANCE_JOIN = (verb: string) => `mutation($id: ID!) { ${verb}AllianceJoin(id: $id) { id } }`;
const AGREEMENT = (verb: string) => `mutation($id: ID!) { ${verb}AllianceAgreement(id: $id) { id } }`;
const STAGE = (schoolId: string) => ({ schoolId });
const INDICATOR = { name: "On track", unit: "percent", direction: "HIGHER_IS_BETTER", definition: "Ninth graders on track to graduate.", reportingPeriod: "SCHOOL_YEAR" };
const ONEROSTER_IMPORT = `mutation($input: ImportOneRosterOrgsInput!) { importOneRosterOrgs(input: $input) { outcome } }`;
const ONEROSTER_FILE = () => `sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\ns-1,,,Taken Over,school,${b.ncesId},\ns-2,,,Planted,school,,\n`;
const SURVEY_ITEMS = [{ key: "trust-1", construct: "relational trust", text: "We trust each other.", scale: { minimum: 1, maximum: 5, minimumLabel: "No", maximumLabel: "Yes" } }];

/** Every mutation, with the code a caller of organization A gets (NOT_FOUND where B's target is hidden from them). */
const MUTATIONS: Row[] = [
  // B's school's NCES id: a newcomer cannot take over B's school record
  ["createSchool", `mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, () => ({ input: { name: "Squatter", ncesId: b.ncesId, level: "HIGH", lowestGrade: 9, highestGrade: 12, location: { country: "US" } } }), "CONFLICT"],
  ["updateOrganization", `mutation($id: ID!) { updateOrganization(id: $id, input: { name: "Taken" }) { id } }`, () => ({ id: b.organization }), "FORBIDDEN"],
  ["archiveOrganization", `mutation($id: ID!) { archiveOrganization(id: $id) { id } }`, () => ({ id: b.organization }), "FORBIDDEN"],
  ["createApiKey", `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, () => ({ input: { organizationId: b.organization, name: "Stolen", canWrite: true } }), "FORBIDDEN"],
  // B's keys are B's admins' to see: for anyone else they are not there
  ["revokeApiKey", `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, () => ({ id: b.apiKey }), "NOT_FOUND"],
  ["createNetwork", `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`, () => ({ input: { name: "Planted", organizationId: b.organization, scope: "LOCAL" } }), "FORBIDDEN"],
  ["updateNetwork", `mutation($id: ID!) { updateNetwork(id: $id, input: { name: "Taken" }) { id } }`, () => ({ id: b.network }), "FORBIDDEN"],
  ["archiveNetwork", `mutation($id: ID!) { archiveNetwork(id: $id) { id } }`, () => ({ id: b.network }), "FORBIDDEN"],
  ["updateSchool", `mutation($id: ID!) { updateSchool(id: $id, input: { enrollment: 1 }) { id } }`, () => ({ id: b.school }), "FORBIDDEN"],
  // a school B registered and that never joined a network: B's admins answer for it, nobody else
  ["updateSchool", `mutation($id: ID!) { updateSchool(id: $id, input: { enrollment: 1 }) { id } }`, () => ({ id: b.unjoinedSchool }), "FORBIDDEN"],
  ["archiveSchool", `mutation($id: ID!) { archiveSchool(id: $id) { id } }`, () => ({ id: b.school }), "FORBIDDEN"],
  ["createEducator", `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { id } }`, () => ({ input: { name: "Planted", role: "TEACHER", schoolId: b.school } }), "FORBIDDEN"],
  // B's school, named next to a network of A's own
  ["createEducator", `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { id } }`, () => ({ input: { name: "Planted", role: "TEACHER", schoolId: b.school, networkId: a.network } }), "FORBIDDEN"],
  ["createEducator", `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { id } }`, () => ({ input: { name: "Planted", role: "NETWORK_COORDINATOR", networkId: b.network } }), "FORBIDDEN"],
  ["updateEducator", `mutation($id: ID!) { updateEducator(id: $id, input: { contact: { email: "x@a.example" } }) { id } }`, () => ({ id: b.schoolEducator }), "FORBIDDEN"],
  ["updateEducator", `mutation($id: ID!) { updateEducator(id: $id, input: { name: "Renamed" }) { id } }`, () => ({ id: b.networkEducator }), "FORBIDDEN"],
  ["updateEducator", `mutation($id: ID!) { updateEducator(id: $id, input: { name: "Renamed" }) { id } }`, () => ({ id: b.unattachedEducator }), "FORBIDDEN"],
  ["createPathway", `mutation($input: CreatePathwayInput!) { createPathway(input: $input) { id } }`, () => ({ input: { name: "Planted", networkId: b.network, stages: [STAGE(b.school), STAGE(b.otherSchool)] } }), "FORBIDDEN"],
  ["createPathway", `mutation($input: CreatePathwayInput!) { createPathway(input: $input) { id } }`, () => ({ input: { name: "Planted", stages: [STAGE(b.school), STAGE(b.otherSchool)] } }), "FORBIDDEN"],
  // A's own network, with B's school on it: the school never accepted A's network
  ["createPathway", `mutation($input: CreatePathwayInput!) { createPathway(input: $input) { id } }`, () => ({ input: { name: "Planted", networkId: a.network, stages: [STAGE(a.school), STAGE(b.school)] } }), "FORBIDDEN"],
  ["recordPathwayTransition", `mutation($id: ID!, $input: PathwayTransitionInput!) { recordPathwayTransition(pathwayId: $id, input: $input) { id } }`, () => ({ id: b.networkPathway, input: { fromSchoolId: b.school, toSchoolId: b.otherSchool, schoolYear: "2024-25", studentCount: 9 } }), "FORBIDDEN"],
  ["recordPathwayTransition", `mutation($id: ID!, $input: PathwayTransitionInput!) { recordPathwayTransition(pathwayId: $id, input: $input) { id } }`, () => ({ id: b.schoolsPathway, input: { fromSchoolId: b.school, toSchoolId: b.otherSchool, schoolYear: "2024-25", studentCount: 9 } }), "FORBIDDEN"],
  ["proposeMembership", MEMBERSHIP("propose"), () => ({ input: { schoolId: b.otherSchool, networkId: b.otherNetwork } }), "FORBIDDEN"],
  ["requestMembership", MEMBERSHIP("request"), () => ({ input: { schoolId: b.school, networkId: a.network } }), "FORBIDDEN"],
  ["requestMembership", MEMBERSHIP("request"), () => ({ input: { schoolId: b.unjoinedSchool, networkId: a.network } }), "FORBIDDEN"],
  ["acceptMembership", DECIDE("accept"), () => ({ id: b.proposal }), "NOT_FOUND"],
  ["acceptMembership", DECIDE("accept"), () => ({ id: b.request }), "NOT_FOUND"],
  ["declineMembership", DECIDE("decline"), () => ({ id: b.proposal }), "NOT_FOUND"],
  ["withdrawMembership", DECIDE("withdraw"), () => ({ id: b.request }), "NOT_FOUND"],
  // an accepted membership is in the public directory: seen, but not A's to end
  ["endMembership", DECIDE("end"), () => ({ id: b.accepted }), "FORBIDDEN"],
  ["formAlliance", `mutation($input: FormAllianceInput!) { formAlliance(input: $input) { id } }`, () => ({ input: { name: "Planted", scope: "REGIONAL", networkIds: [a.network, b.network], agreement: { sharedKinds: ["RESOURCES"] } } }), "FORBIDDEN"],
  ["joinAlliance", `mutation($a: ID!, $n: ID!) { joinAlliance(allianceId: $a, networkId: $n) { id } }`, () => ({ a: b.alliance, n: b.otherNetwork }), "FORBIDDEN"],
  ["acceptAllianceJoin", ALLIANCE_JOIN("accept"), () => ({ id: b.join }), "NOT_FOUND"],
  ["declineAllianceJoin", ALLIANCE_JOIN("decline"), () => ({ id: b.join }), "NOT_FOUND"],
  ["withdrawAllianceJoin", ALLIANCE_JOIN("withdraw"), () => ({ id: b.join }), "NOT_FOUND"],
  ["leaveAlliance", `mutation($a: ID!, $n: ID!) { leaveAlliance(allianceId: $a, networkId: $n) { id } }`, () => ({ a: b.alliance, n: b.network }), "FORBIDDEN"],
  ["proposeAllianceAgreement", `mutation($a: ID!) { proposeAllianceAgreement(allianceId: $a, agreement: { sharedKinds: [RESOURCES, NEEDS] }) { id } }`, () => ({ a: b.alliance }), "FORBIDDEN"],
  ["acceptAllianceAgreement", AGREEMENT("accept"), () => ({ id: b.agreementProposal }), "NOT_FOUND"],
  ["declineAllianceAgreement", AGREEMENT("decline"), () => ({ id: b.agreementProposal }), "NOT_FOUND"],
  ["withdrawAllianceAgreement", AGREEMENT("withdraw"), () => ({ id: b.agreementProposal }), "NOT_FOUND"],
  ["narrowAllianceAgreement", `mutation($a: ID!) { narrowAllianceAgreement(allianceId: $a, sharedKinds: [RESOURCES]) { id } }`, () => ({ a: b.alliance }), "FORBIDDEN"],
  ["dissolveAlliance", `mutation($a: ID!) { dissolveAlliance(allianceId: $a) { id } }`, () => ({ a: b.alliance }), "FORBIDDEN"],
  // benchmarking and health surveys: B's network's indicators and surveys are its members' to see
  ["createBenchmarkIndicator", `mutation($input: CreateBenchmarkIndicatorInput!) { createBenchmarkIndicator(input: $input) { id } }`, () => ({ input: { networkId: b.network, ...INDICATOR } }), "FORBIDDEN"],
  ["reportBenchmarkValue", `mutation($input: ReportBenchmarkValueInput!) { reportBenchmarkValue(input: $input) { id } }`, () => ({ input: { indicatorId: b.indicator, schoolId: b.school, period: "2024-25", value: 1, shareByName: true } }), "NOT_FOUND"],
  ["closeBenchmarkPeriod", `mutation($i: ID!) { closeBenchmarkPeriod(indicatorId: $i, period: "2024-25") { period } }`, () => ({ i: b.indicator }), "NOT_FOUND"],
  ["createSurveyInstrument", `mutation($input: CreateSurveyInstrumentInput!) { createSurveyInstrument(input: $input) { id } }`, () => ({ input: { networkId: b.network, name: "Planted", items: SURVEY_ITEMS } }), "FORBIDDEN"],
  ["launchHealthSurvey", `mutation($input: LaunchHealthSurveyInput!) { launchHealthSurvey(input: $input) { id } }`, () => ({ input: { networkId: b.network, instrumentId: b.instrument, title: "Planted" } }), "FORBIDDEN"],
  ["respondToHealthSurvey", `mutation($input: RespondToHealthSurveyInput!) { respondToHealthSurvey(input: $input) { id } }`, () => ({ input: { surveyId: b.survey, answers: [{ itemKey: "trust-1", value: 1 }] } }), "NOT_FOUND"],
  ["closeHealthSurvey", `mutation($id: ID!) { closeHealthSurvey(id: $id) { id } }`, () => ({ id: b.survey }), "NOT_FOUND"],
  // a OneRoster file into B's network, naming B's school by its NCES id: a dry run is refused too
  ["importOneRosterOrgs", ONEROSTER_IMPORT, () => ({ input: { networkId: b.network, csv: ONEROSTER_FILE(), dryRun: true } }), "FORBIDDEN"],
  ["importOneRosterOrgs", ONEROSTER_IMPORT, () => ({ input: { networkId: b.network, csv: ONEROSTER_FILE() } }), "FORBIDDEN"],
];

/** Mutations open to every writer (they name no one else's record): they change nothing of anybody else's. */
const OPEN_TO_EVERY_WRITER: Row[] = [
  ["createOrganization", `mutation { createOrganization(input: { name: "Newcomer", kind: OTHER }) { id } }`, () => ({}), ""],
];

/** Every collection, byte for byte (Extended JSON keeps types and key order). */
const bytes = async (db: Db) => BSON.EJSON.stringify(await snapshot(db), { relaxed: false });

describe.each(CALLERS)("every networks mutation on organization B's records, as %s", (caller, accessOf) => {
  it("is refused with the rule's code and changes nothing", async () => {
    const access = await accessOf();
    const before = await bytes(fixture.subgraph.db);
    for (const [name, operation, variables, code] of MUTATIONS) {
      const result = await fixture.execute(operation, variables(), access);
      const expected = access === ANONYMOUS_ACCESS ? "UNAUTHENTICATED" : code;
      expect({ caller, name, variables: variables(), code: errorCode(result), data: result.data ?? null }).toEqual({ caller, name, variables: variables(), code: expected, data: null });
      expect(await bytes(fixture.subgraph.db)).toBe(before);
    }
  });

  it("may register what names nobody else, and nothing of anybody else's changes", async () => {
    const access = await accessOf();
    for (const [name, operation, variables] of OPEN_TO_EVERY_WRITER) {
      const before = await snapshot(fixture.subgraph.db);
      const result = await fixture.execute(operation, variables(), access);
      if (access === ANONYMOUS_ACCESS) expect({ name, code: errorCode(result) }).toEqual({ name, code: "UNAUTHENTICATED" });
      else expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
      const after = await snapshot(fixture.subgraph.db);
      const existing = Object.fromEntries(Object.entries(after).map(([collection, docs]) => [collection, docs.filter((doc: any) => before[collection]?.some((old: any) => old._id === doc._id))]));
      expect(BSON.EJSON.stringify(existing, { relaxed: false })).toBe(BSON.EJSON.stringify(before, { relaxed: false }));
    }
  });
});

it("has a row for every mutation of the subgraph", async () => {
  const sdl = (await fixture.execute(`{ _service { sdl } }`, {}, SYSTEM_ACCESS)).data!._service.sdl as string;
  const mutationBlock = sdl.split("type Mutation {")[1].split("\n}")[0];
  const declared = [...mutationBlock.matchAll(/^ {2}(\w+)\(/gm)].map((match) => match[1]);
  expect(declared.length).toBeGreaterThan(30);
  expect(new Set([...MUTATIONS, ...OPEN_TO_EVERY_WRITER].map(([name]) => name))).toEqual(new Set(declared));
});
