import { testId } from "../support/ids";
import { ANONYMOUS_ACCESS, type Access } from "../../subgraphs/kit";
import { personAccess } from "../support/access";
import { snapshot } from "../support/snapshot";
import { errorCode, startResourcesFixture, type ResourcesFixture } from "./fixtures";

/*
 * Every mutation of the resources subgraph, aimed at organization B's records by callers of another
 * organization: refused with the code its rule gives, and the database unchanged. Among the callers, a
 * partner identity bound to organization A (an admin of A who also coordinates A's network and is staff of
 * A's school, as A's own identity provider would state it).
 */

let fixture: ResourcesFixture;
const b = { network: "", school: "", resource: "", adoption: "", request: "", award: "", link: "", agreement: "", invitedSchool: "" };

const partnerOfA = personAccess({
  personId: "partner-a",
  organizationId: testId("org-a"),
  organizationAdmin: true,
  managedNetworkIds: [testId("network-a")],
  memberNetworkIds: [testId("network-a")],
  schoolIds: [testId("school-a")],
  schoolMemberships: [{ schoolId: testId("school-a"), networkId: testId("network-a") }],
});
const CALLERS: Array<[string, Access]> = [
  ["anonymous", ANONYMOUS_ACCESS],
  ["a partner of organization A", partnerOfA],
];

beforeAll(async () => {
  fixture = await startResourcesFixture();
  b.network = fixture.entityId("network");
  b.school = fixture.entityId();
  // B proposes to credit A's school and network as co-developers of a resource A may not see
  b.resource = await fixture.publish({
    networkId: b.network,
    schoolId: b.school,
    visibility: "PRIVATE",
    coDeveloperSchoolIds: [testId("school-a")],
    coDeveloperNetworkIds: [testId("network-a")],
  });
  const adopter = fixture.entityId();
  b.adoption = await fixture.adopt(b.resource, adopter);
  const requester = fixture.entityId();
  b.request = (await fixture.must(`mutation($input: RequestResourceInput!) { requestResource(input: $input) { id } }`, { input: { resourceId: b.resource, schoolId: requester } }))
    .requestResource.id;
  const award = { networkId: b.network, funder: "B Foundation", kind: "PRIVATE_GRANT", amount: 10, startDate: "2024-01-01", visibility: "PRIVATE" };
  b.award = (await fixture.must(`mutation($input: RecordFundingAwardInput!) { recordFundingAward(input: $input) { id } }`, { input: award })).recordFundingAward.id;
  const link = { awardId: b.award, targetKind: "RESOURCE", targetId: b.resource };
  b.link = (await fixture.must(`mutation($input: LinkFundedWorkInput!) { linkFundedWork(input: $input) { id } }`, { input: link })).linkFundedWork.id;
  b.invitedSchool = fixture.entityId();
  const agreement = { kind: "SHARED_STAFF", title: "Counselor", startDate: "2024-01-01", schoolId: b.school, parties: [{ schoolId: b.school, timeShare: 0.5 }, { schoolId: b.invitedSchool, timeShare: 0.5 }] };
  b.agreement = (await fixture.must(`mutation($input: ProposeSchoolAgreementInput!) { proposeSchoolAgreement(input: $input) { id } }`, { input: agreement })).proposeSchoolAgreement.id;
});
afterAll(() => fixture.stop());

const CREDIT = (answer: "accept" | "decline") =>
  `mutation($resourceId: ID!, $coDeveloper: CoDeveloperInput!) { ${answer}CoDevelopmentCredit(resourceId: $resourceId, coDeveloper: $coDeveloper) { id } }`;

/** [mutation, operation, variables, code for the partner of A] (anonymous callers always get UNAUTHENTICATED). */
const MUTATIONS = (): Array<[string, string, Record<string, unknown>, string]> => [
  ["publishResource", `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`, { input: { title: "Forged", kind: "GUIDE", networkId: b.network, schoolId: b.school } }, "FORBIDDEN"],
  // through A's own network, for B's school: the school never accepted A's network
  ["publishResource", `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`, { input: { title: "Forged", kind: "GUIDE", networkId: testId("network-a"), schoolId: b.school } }, "FORBIDDEN"],
  // an adapted version, owned by A's school through A's network, of B's hidden resource: as if it did not exist
  ["publishResource", `mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`, { input: { title: "Forged", kind: "GUIDE", networkId: testId("network-a"), schoolId: testId("school-a"), adaptedFromId: b.resource } }, "BAD_USER_INPUT"],
  // answering for B's own school or network: not A's to answer
  ["acceptCoDevelopmentCredit", CREDIT("accept"), { resourceId: b.resource, coDeveloper: { kind: "SCHOOL", id: b.school } }, "FORBIDDEN"],
  ["declineCoDevelopmentCredit", CREDIT("decline"), { resourceId: b.resource, coDeveloper: { kind: "NETWORK", id: b.network } }, "FORBIDDEN"],
  // answering for A's own school and network, proposed on a resource A may not see: not found
  ["acceptCoDevelopmentCredit", CREDIT("accept"), { resourceId: b.resource, coDeveloper: { kind: "SCHOOL", id: testId("school-a") } }, "NOT_FOUND"],
  ["declineCoDevelopmentCredit", CREDIT("decline"), { resourceId: b.resource, coDeveloper: { kind: "NETWORK", id: testId("network-a") } }, "NOT_FOUND"],
  ["unlinkAdaptation", `mutation($id: ID!) { unlinkAdaptation(id: $id) { id } }`, { id: b.resource }, "NOT_FOUND"],
  ["updateResource", `mutation($id: ID!) { updateResource(id: $id, input: { title: "Taken" }) { id } }`, { id: b.resource }, "NOT_FOUND"],
  ["archiveResource", `mutation($id: ID!) { archiveResource(id: $id) { id } }`, { id: b.resource }, "NOT_FOUND"],
  ["adoptResource", `mutation($input: AdoptResourceInput!) { adoptResource(input: $input) { id } }`, { input: { resourceId: b.resource, schoolId: b.school } }, "FORBIDDEN"],
  // for A's own school, of B's hidden resource: as if it did not exist
  ["adoptResource", `mutation($input: AdoptResourceInput!) { adoptResource(input: $input) { id } }`, { input: { resourceId: b.resource, schoolId: testId("school-a") } }, "BAD_USER_INPUT"],
  ["updateResourceAdoption", `mutation($id: ID!) { updateResourceAdoption(id: $id, adaptationNote: "x") { id } }`, { id: b.adoption }, "NOT_FOUND"],
  ["requestResource", `mutation($input: RequestResourceInput!) { requestResource(input: $input) { id } }`, { input: { resourceId: b.resource, schoolId: testId("school-a") } }, "BAD_USER_INPUT"],
  ["approveShareRequest", `mutation($id: ID!) { approveShareRequest(id: $id) { id } }`, { id: b.request }, "NOT_FOUND"],
  ["declineShareRequest", `mutation($id: ID!) { declineShareRequest(id: $id) { id } }`, { id: b.request }, "NOT_FOUND"],
  ["fulfillShareRequest", `mutation($id: ID!) { fulfillShareRequest(id: $id) { id } }`, { id: b.request }, "NOT_FOUND"],
  ["recordFundingAward", `mutation($input: RecordFundingAwardInput!) { recordFundingAward(input: $input) { id } }`, { input: { networkId: b.network, funder: "Sneaky Foundation", kind: "OTHER", amount: 5, startDate: "2024-01-01" } }, "FORBIDDEN"],
  ["updateFundingAward", `mutation($id: ID!) { updateFundingAward(id: $id, input: { funder: "Sneaky Foundation" }) { id } }`, { id: b.award }, "NOT_FOUND"],
  ["linkFundedWork", `mutation($input: LinkFundedWorkInput!) { linkFundedWork(input: $input) { id } }`, { input: { awardId: b.award, targetKind: "EVENT", targetId: testId("event") } }, "NOT_FOUND"],
  ["unlinkFundedWork", `mutation($id: ID!) { unlinkFundedWork(id: $id) { id } }`, { id: b.link }, "NOT_FOUND"],
  // for B's school, and for A's own school with B's school as a party: only a school's own staff propose for it
  ["proposeSchoolAgreement", `mutation($input: ProposeSchoolAgreementInput!) { proposeSchoolAgreement(input: $input) { id } }`, { input: { kind: "JOINT_PURCHASING", title: "Forged", startDate: "2024-01-01", schoolId: b.school, parties: [{ schoolId: b.school, cost: { amount: 1 } }, { schoolId: testId("school-a"), cost: { amount: 1 } }] } }, "FORBIDDEN"],
  ["acceptSchoolAgreement", `mutation($id: ID!, $school: ID!) { acceptSchoolAgreement(id: $id, schoolId: $school) { id } }`, { id: b.agreement, school: b.invitedSchool }, "NOT_FOUND"],
  ["declineSchoolAgreement", `mutation($id: ID!, $school: ID!) { declineSchoolAgreement(id: $id, schoolId: $school) { id } }`, { id: b.agreement, school: b.invitedSchool }, "NOT_FOUND"],
];

describe.each(CALLERS)("every mutation on organization B's records, as %s", (caller, access) => {
  it("is refused and changes nothing", async () => {
    for (const [name, operation, variables, partnerCode] of MUTATIONS()) {
      const before = await snapshot(fixture.subgraph.db);
      const result = await fixture.execute(operation, variables, access);
      const expected = access === ANONYMOUS_ACCESS ? "UNAUTHENTICATED" : partnerCode;
      expect({ caller, name, code: errorCode(result), data: result.data ?? null }).toEqual({ caller, name, code: expected, data: null });
      expect(await snapshot(fixture.subgraph.db)).toEqual(before);
    }
  });

  it("covers every mutation of the subgraph", async () => {
    const schema = await fixture.execute(`{ _service { sdl } }`);
    const declared = [...(schema.data._service.sdl as string).matchAll(/^ {2}(\w+)\(/gm)].map((match) => match[1]);
    const mutationBlock = (schema.data._service.sdl as string).split("type Mutation {")[1].split("\n}")[0];
    const mutations = declared.filter((name) => new RegExp(`^ {2}${name}\\(`, "m").test(mutationBlock));
    expect(new Set(MUTATIONS().map(([name]) => name))).toEqual(new Set(mutations));
  });
});
