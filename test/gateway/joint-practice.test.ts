import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { readOperations } from "../../gateway/operations";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { DemoResources } from "../../scripts/demo/resources";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * Joint practice development through the gateway on the demo data (seed 002): operations/PracticeLineage.graphql
 * asks how Federal Hocking's protocols spread and were improved. Anonymous callers see no adapted version (none
 * is public), CEBE's coordinator the versions shared in its network and alliance, and Federal Hocking's staff,
 * as the original's owner, every version, Prairie Ridge's private pilot notes included, and the credit Northfield
 * Park proposed to them, which they accept.
 */

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

const operations = readOperations();
const lineage = operations.find((candidate) => candidate.name === "PracticeLineage")!;
const accept = operations.find((candidate) => candidate.name === "AcceptCoDevelopmentCredit")!;

type Caller = "anonymous" | "cebeCoordinator" | "federalHockingStaff";
const IDENTITIES: Record<Exclude<Caller, "anonymous">, { organizationId: string; roles: PersonRole[] }> = {
  cebeCoordinator: { organizationId: DemoOrganizations.cebe, roles: [{ role: "COORDINATOR", networkId: DemoNetworks.cebeStrategicNetworking }] },
  federalHockingStaff: { organizationId: DemoOrganizations.cesNational, roles: [{ role: "STAFF", schoolId: DemoSchools.federalHocking }] },
};

async function headers(caller: Caller): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  return { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, { personId: caller, ...IDENTITIES[caller] })}` };
}

async function ask(caller: Caller, query: string, variables: Record<string, unknown>) {
  const result = await hub.query(query, variables, await headers(caller));
  expect(result.errors).toBeUndefined();
  return result.data;
}

const nodes = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((edge) => edge.node);
const NORTHFIELD = "Looking at student work across schools: a joint practice development protocol";
const AURINKORINNE = "Student work protocol for phenomenon-based learning teams";
const PRAIRIE_RIDGE = "Grade 10 teams looking at student work: pilot notes";

describe("how a practice spread and was improved (PracticeLineage)", () => {
  const practice = async (caller: Caller) => (await ask(caller, lineage.body, lineage.variables!)).resource;

  it("shows anonymous callers the public original, its adopters and no adapted version", async () => {
    const resource = await practice("anonymous");
    expect(resource).toMatchObject({ title: "Protocols for looking at student work together", lineage: [], adaptations: { totalCount: 0, edges: [] } });
    expect(nodes(resource.adoptions).map((adoption) => adoption.school.name).sort()).toEqual(["Fenway High School", "Merlo Station High School"]);
  });

  it("shows CEBE's coordinator the versions shared in its network and alliance, with their credits and their own adaptations", async () => {
    const resource = await practice("cebeCoordinator");
    expect(resource.adaptations.totalCount).toBe(1);
    const [northfield] = nodes(resource.adaptations);
    expect(northfield).toMatchObject({
      title: NORTHFIELD,
      visibility: "ALLIANCE",
      owner: { __typename: "School", name: "Northfield Park Academy" },
      coDevelopers: [{ name: "Prairie Ridge High School" }],
      coDeveloperNetworks: [{ name: "CEBE Strategic Networking Schools" }],
      // the proposal to Federal Hocking is for Federal Hocking and Northfield Park to see
      proposedCoDevelopers: [],
    });
    expect(nodes(northfield.adaptations)).toEqual([{ id: DemoResources.aurinkorinnePhenomenonProtocol, title: AURINKORINNE, owner: { __typename: "School", name: "Aurinkorinne Upper Secondary School" } }]);
  });

  it("shows the original's owner every adapted version, private ones included, and the credit proposed to it", async () => {
    const resource = await practice("federalHockingStaff");
    expect(resource.adaptations.totalCount).toBe(2);
    const byTitle = new Map(nodes(resource.adaptations).map((node) => [node.title, node]));
    expect([...byTitle.keys()].sort()).toEqual([NORTHFIELD, PRAIRIE_RIDGE].sort());
    expect(byTitle.get(PRAIRIE_RIDGE)).toMatchObject({ visibility: "PRIVATE", owner: { name: "Prairie Ridge High School" } });
    expect(byTitle.get(NORTHFIELD).proposedCoDevelopers).toEqual([{ __typename: "School", id: DemoSchools.federalHocking, name: "Federal Hocking High School" }]);
  });

  it("lets Federal Hocking's staff accept the credit, which then shows to everyone who sees the version", async () => {
    const answer = await ask("federalHockingStaff", accept.body, { resourceId: DemoResources.northfieldJointPracticeProtocol, coDeveloper: { kind: "SCHOOL", id: DemoSchools.federalHocking } });
    expect(answer.acceptCoDevelopmentCredit.proposedCoDevelopers).toEqual([]);
    const [northfield] = nodes((await practice("cebeCoordinator")).adaptations);
    expect(northfield.coDevelopers.map((school: { name: string }) => school.name).sort()).toEqual(["Federal Hocking High School", "Prairie Ridge High School"]);
    // CEBE's coordinator does not answer for Federal Hocking
    const refused = await hub.query(accept.body, { resourceId: DemoResources.northfieldJointPracticeProtocol, coDeveloper: { kind: "SCHOOL", id: DemoSchools.federalHocking } }, await headers("cebeCoordinator"));
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
