import { mintDevToken } from "../../gateway/auth/dev-tokens";
import type { PersonRole } from "../../gateway/auth/identity";
import { DemoNetworks, DemoOrganizations, DemoSchools, demoId } from "../../scripts/demo/ids";
import { DemoResources } from "../../scripts/demo/resources";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * DOMAIN.md's questions about resources, asked through the gateway over the demo data by different callers:
 * the answers differ exactly as the visibility rules say (README "Security model").
 *
 *  - anonymous: PUBLIC records only;
 *  - a coordinator of the CES Mentor Schools Network (CES National): its networks are CES Mentor Schools and
 *    NESSN, both in the Essential Schools alliance, whose agreement shares resources with the Consortium, the
 *    NYC cluster and CES Northwest;
 *  - a coordinator of the CEI-PEA School Leaders Network: its networks (School Leaders, NSI) are in the Strategic
 *    Networking alliance, which shares resources with CEBE, the Consortium and NW RISE, not with the CES networks;
 *  - a staff member of Leominster High School (a school of CES National's networks).
 */

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

type Caller = "anonymous" | "cesCoordinator" | "ceiPeaCoordinator" | "leominsterStaff";

const IDENTITIES: Record<Exclude<Caller, "anonymous">, { personId: string; organizationId: string; roles: PersonRole[] }> = {
  cesCoordinator: { personId: "ces-coordinator", organizationId: DemoOrganizations.cesNational, roles: [{ role: "COORDINATOR", networkId: DemoNetworks.cesMentorSchools }] },
  ceiPeaCoordinator: { personId: "harvey", organizationId: DemoOrganizations.ceiPea, roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }] },
  leominsterStaff: { personId: "leominster-teacher", organizationId: DemoOrganizations.cesNational, roles: [{ role: "STAFF", schoolId: DemoSchools.leominster }] },
};

async function as(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const headers: Record<string, string> = caller === "anonymous" ? {} : { authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, IDENTITIES[caller])}` };
  const result = await hub.query(query, variables, headers);
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** The nodes of a connection. */
const nodes = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((edge) => edge.node);
const titles = (resources: { edges: Array<{ node: { title: string } }> }) => nodes(resources).map((resource) => resource.title);
/** The resources a school adopted, from its adoptions. */
const adopted = (school: any) => nodes(school.resourceAdoptions).map((adoption) => adoption.resource);
/** The names of the schools that adopted a resource. */
const adopters = (resource: any) => nodes(resource.adoptions).map((adoption) => adoption.school.name);
const PARKER_ADVISORY = "Making great teachers into great advisors: Parker's advisory training";
const PARKER_CENTER = "Parker Regional Teachers Center: visitation days and workshops";
const CONSORTIUM_TASKS = "Performance-based assessment tasks and rubrics";
const LEOMINSTER_PILOT = "Grade 9 advisory pilot: what we changed after the first year";

describe("question 1: a network's schools and, for each, the resources it shares, co-developed and adopted", () => {
  const QUESTION_1 = `query($id: ID!) { network(id: $id) {
    name
    fundingTotals { currency amount awardCount }
    fundingAwards(first: 10) { edges { node { funder amount startDate visibility } } }
    schools(first: 50) { edges { node {
      id name
      ownedResources(first: 10) { edges { node { title kind visibility adoptions(first: 5) { edges { node { school { name } } } } } } }
      coDevelopedResources(first: 10) { edges { node { title } } }
      resourceAdoptions(first: 10) { edges { node { resource { title owner { __typename ... on School { name } ... on Network { name } } } } } }
    } } }
  } }`;
  const ask = async (caller: Caller) => {
    const network = (await as(caller, QUESTION_1, { id: DemoNetworks.cesMentorSchools })).network;
    return { network, school: (id: string): any => network.schools.edges.find((edge: any) => edge.node.id === id).node };
  };

  it("shows anonymous callers the public part only", async () => {
    const { network, school } = await ask("anonymous");
    expect(network.name).toBe("CES Mentor Schools Network");
    expect(titles(school(DemoSchools.parker).ownedResources)).toEqual([PARKER_CENTER]);
    expect(titles(school(DemoSchools.federalHocking).ownedResources)).toEqual(["Protocols for looking at student work together"]);
    expect(nodes(school(DemoSchools.leominster).ownedResources)).toEqual([]);
    expect(adopted(school(DemoSchools.leominster))).toEqual([
      { title: CONSORTIUM_TASKS, owner: { __typename: "Network", name: "New York Performance Standards Consortium" } },
    ]);
    expect(nodes(school(DemoSchools.quest).ownedResources)).toEqual([]);
    expect(titles(school(DemoSchools.quest).coDevelopedResources)).toContain("Framing a school visit: questions, roundtables and narrated records");
    expect(nodes(network.fundingAwards)).toEqual([expect.objectContaining({ funder: "Bill & Melinda Gates Foundation", startDate: "2003-09-01", visibility: "PUBLIC" })]);
    expect(network.fundingTotals).toEqual([{ currency: "USD", amount: 4_200_000, awardCount: 1 }]);
  });

  it("shows the network's coordinator what its networks and alliance share, not a school's private notes", async () => {
    const { network, school } = await ask("cesCoordinator");
    const parker = school(DemoSchools.parker);
    expect(titles(parker.ownedResources)).toEqual([PARKER_ADVISORY, PARKER_CENTER]);
    const advisory = nodes(parker.ownedResources).find((resource: any) => resource.title === PARKER_ADVISORY);
    expect(advisory.visibility).toBe("ALLIANCE");
    expect(adopters(advisory)).toEqual(["Leominster High School", "Blackstone River Essential School"]);
    expect(nodes(school(DemoSchools.leominster).ownedResources)).toEqual([]);
    expect(adopted(school(DemoSchools.leominster))).toEqual([
      { title: PARKER_ADVISORY, owner: { __typename: "School", name: "Francis W. Parker Charter Essential School" } },
      { title: CONSORTIUM_TASKS, owner: { __typename: "Network", name: "New York Performance Standards Consortium" } },
    ]);
    // Quest's CES resources are shared with the alliance; its Houston guide only with the Houston network
    expect(titles(school(DemoSchools.quest).ownedResources)).toEqual(["Interdisciplinary curriculum units", "Senior exhibitions (senior exploratories) guide"]);
    expect(nodes(network.fundingAwards).map((award: any) => award.visibility)).toEqual(["NETWORK", "PUBLIC"]);
    expect(network.fundingTotals).toEqual([{ currency: "USD", amount: 4_380_000, awardCount: 2 }]);
  });

  it("shows Leominster's staff the school's own private notes too", async () => {
    const { school } = await ask("leominsterStaff");
    expect(nodes(school(DemoSchools.leominster).ownedResources)).toEqual([
      { title: LEOMINSTER_PILOT, kind: "EVIDENCE", visibility: "PRIVATE", adoptions: { edges: [] } },
    ]);
  });

  it("shows a coordinator of a network outside the alliance the public part only", async () => {
    const { network, school } = await ask("ceiPeaCoordinator");
    expect(titles(school(DemoSchools.parker).ownedResources)).toEqual([PARKER_CENTER]);
    expect(network.fundingTotals).toEqual([{ currency: "USD", amount: 4_200_000, awardCount: 1 }]);
  });
});

describe("question 2: resources on a topic for grades 9-12 across my alliances, ranked, with owners and adopters", () => {
  const QUESTION_2 = `query { searchResources(text: "performance-based assessment", lowestGrade: 9, highestGrade: 12, first: 20) {
    totalCount
    edges { score node {
      id title kind lowestGrade highestGrade visibility
      owner { __typename ... on School { name } ... on Network { name } }
      network { name }
      coDevelopers { name }
      adoptions { edges { node { school { name locale } } } }
    } }
  } }`;
  const search = async (caller: Caller) => (await as(caller, QUESTION_2)).searchResources;
  const ids = (connection: any) => connection.edges.map((edge: any) => edge.node.id);

  it("ranks the hits, within the grades, with owners and adopting schools", async () => {
    const result = await search("anonymous");
    expect(result.edges.length).toBeGreaterThan(1);
    for (const edge of result.edges) {
      expect(edge.node.lowestGrade).toBeLessThanOrEqual(12);
      expect(edge.node.highestGrade).toBeGreaterThanOrEqual(9);
    }
    const scores = result.edges.map((edge: any) => edge.score);
    expect([...scores].sort((x: number, y: number) => y - x)).toEqual(scores);
    const tasks = result.edges.find((edge: any) => edge.node.id === DemoResources.consortiumPerformanceTasks).node;
    expect(tasks.owner).toEqual({ __typename: "Network", name: "New York Performance Standards Consortium" });
    expect(tasks.coDevelopers.map((school: any) => school.name)).toContain("Urban Academy Laboratory High School");
    expect(adopters(tasks).sort()).toEqual(["Fenway High School", "Leominster High School"]);
  });

  it("differs by caller exactly as the alliances' agreements share resources", async () => {
    const [anonymous, ceiPea, ces] = await Promise.all([search("anonymous"), search("ceiPeaCoordinator"), search("cesCoordinator")]);
    const sorted = (values: string[]) => [...values].sort();
    // anonymous: public resources only
    expect(new Set(anonymous.edges.map((edge: any) => edge.node.visibility))).toEqual(new Set(["PUBLIC"]));
    const publicHits = [DemoResources.consortiumPerformanceTasks, DemoResources.parkerTeachersCenter];
    expect(sorted(ids(anonymous))).toEqual(sorted(publicHits));
    // CEI-PEA's Strategic Networking alliance shares the Consortium's and CEBE's resources, not the CES networks'
    expect(sorted(ids(ceiPea))).toEqual(sorted([...publicHits, DemoResources.consortiumModeration, DemoResources.cebeBenchmarking]));
    // the CES coordinator sees its own network's ALLIANCE guide and, through the Essential Schools alliance, the Consortium's
    expect(sorted(ids(ces))).toEqual(sorted([...publicHits, DemoResources.consortiumModeration, DemoResources.questSeniorExhibitions]));
    const senior = ces.edges.find((edge: any) => edge.node.id === DemoResources.questSeniorExhibitions).node;
    expect(senior).toMatchObject({ visibility: "ALLIANCE", owner: { __typename: "School", name: "Quest High School" }, network: { name: "CES Mentor Schools Network" } });
    // counts cover exactly what each caller may see
    for (const result of [anonymous, ceiPea, ces]) expect(result.totalCount).toBe(result.edges.length);
  });
});

describe("question 6: a school's profile, resources part", () => {
  const PROFILE = `query($id: ID!) { school(id: $id) {
    name
    ownedResources { totalCount edges { node { title } } }
    resourceAdoptions { totalCount edges { node { adoptedOn resource { title } } } }
  } }`;

  it("shows the school's own staff its private resources, others what is shared with them", async () => {
    const anonymous = (await as("anonymous", PROFILE, { id: DemoSchools.leominster })).school;
    expect(anonymous).toEqual({
      name: "Leominster High School",
      ownedResources: { totalCount: 0, edges: [] },
      resourceAdoptions: { totalCount: 1, edges: [{ node: { adoptedOn: "2005-01-20", resource: { title: CONSORTIUM_TASKS } } }] },
    });
    const staff = (await as("leominsterStaff", PROFILE, { id: DemoSchools.leominster })).school;
    expect(titles(staff.ownedResources)).toEqual([LEOMINSTER_PILOT]);
    expect(adopted(staff).map((resource: any) => resource.title)).toEqual([PARKER_ADVISORY, CONSORTIUM_TASKS]);
    expect(staff.resourceAdoptions.totalCount).toBe(2);
  });
});

describe("resources by id, funding and writes through the gateway", () => {
  it("resolves a resource with its owning network and the networks it is listed under", async () => {
    const data = await as("anonymous", `query($id: ID!) { resource(id: $id) { title owner { ... on Network { name } } network { name } networks { name } } }`, {
      id: DemoResources.cprlLiteratureReview,
    });
    expect(data.resource).toEqual({
      title: "Networks for School Improvement: A Review of the Literature",
      owner: { name: "NSI Graduation and Postsecondary Success Network (New York City)" },
      network: { name: "NSI Graduation and Postsecondary Success Network (New York City)" },
      networks: [{ name: "NSI Graduation and Postsecondary Success Network (New York City)" }],
    });
  });

  it("answers a private resource to its network's coordinator only, and sums only the awards a caller may see", async () => {
    const QUERY = `query($id: ID!, $network: ID!) {
      resource(id: $id) { title }
      network(id: $network) { fundingTotals { amount awardCount } }
    }`;
    const variables = { id: DemoResources.transitionData, network: DemoNetworks.nycSchoolLeaders };
    const anonymous = await as("anonymous", QUERY, variables);
    expect(anonymous.resource).toBeNull();
    expect(anonymous.network.fundingTotals).toEqual([{ amount: 12_700_000, awardCount: 2 }]);
    expect((await as("cesCoordinator", QUERY, variables)).resource).toBeNull();
    const coordinator = await as("ceiPeaCoordinator", QUERY, variables);
    expect(coordinator.resource.title).toBe("Student transition data shared from elementary to middle to high school");
    // its six awards of scripts/demo/resources.ts and the 2025-26 in-kind support of scripts/demo/funded-work.ts
    expect(coordinator.network.fundingTotals).toEqual([{ amount: 21_820_000, awardCount: 7 }]);
  });

  it("lets only those with a role on the owner write", async () => {
    const PUBLISH = `mutation($n: ID!) { publishResource(input: { title: "Leaders' coaching notes", kind: GUIDE, networkId: $n, visibility: PRIVATE }) { id visibility } }`;
    const anonymous = await hub.query(PUBLISH, { n: DemoNetworks.nycSchoolLeaders });
    expect(anonymous.errors![0].extensions!.code).toBe("UNAUTHENTICATED");
    const headers = async (caller: Exclude<Caller, "anonymous">) => ({ authorization: `Bearer ${await mintDevToken(hub.keys.issuerPrivateKey, IDENTITIES[caller])}` });
    const foreign = await hub.query(PUBLISH, { n: DemoNetworks.nycSchoolLeaders }, await headers("cesCoordinator"));
    expect(foreign.errors![0].extensions!.code).toBe("FORBIDDEN");
    const own = await hub.query(PUBLISH, { n: DemoNetworks.nycSchoolLeaders }, await headers("ceiPeaCoordinator"));
    expect(own.errors).toBeUndefined();
    // a share request is the requester's and the resource owner's: CEI-PEA neither sees the Consortium's, nor decides it
    const requests = await as("ceiPeaCoordinator", `{ shareRequests(status: REQUESTED, first: 10) { edges { node { id resource { id } } } } }`);
    expect(requests.shareRequests.edges.map((edge: any) => edge.node.resource?.id)).not.toContain(DemoResources.consortiumPerformanceTasks);
    const id = demoId("share-request:hudson-valley-performance-tasks");
    const approve = await hub.query(`mutation($id: ID!) { approveShareRequest(id: $id) { status } }`, { id }, await headers("ceiPeaCoordinator"));
    expect(approve.errors![0].extensions!.code).toBe("NOT_FOUND");
  });

  it("passes the subgraph's error codes through", async () => {
    const invalid = await hub.query(`{ searchResources(text: "assessment", first: 500) { totalCount } }`);
    expect(invalid.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
