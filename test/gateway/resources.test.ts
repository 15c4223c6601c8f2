import { DemoNetworks, DemoSchools } from "../../scripts/demo/ids";
import { DemoResources } from "../../scripts/demo/resources";
import { startHub, type HubUnderTest } from "../support/hub";

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

describe("the gateway over HTTP, resources subgraph (DOMAIN.md questions, demo data)", () => {
  it("question 1: a network's schools and, for each, the resources it shares, co-developed and adopted", async () => {
    const result = await hub.query(
      `query($id: ID!) { network(id: $id) {
        name
        fundingTotals { currency amount awardCount }
        fundingAwards { funder amount startDate }
        schools(first: 50) { edges { node {
          id name
          ownedResources { title kind visibility adoptingSchools { name } }
          coDevelopedResources { title }
          adoptedResources { title owner { __typename ... on School { name } ... on Network { name } } }
        } } }
      } }`,
      { id: DemoNetworks.cesMentorSchools },
    );
    expect(result.errors).toBeUndefined();
    const network = result.data.network;
    expect(network.name).toBe("CES Mentor Schools Network");
    expect(network.fundingAwards).toEqual([expect.objectContaining({ funder: "Bill & Melinda Gates Foundation", startDate: "2003-09-01" })]);
    expect(network.fundingTotals).toEqual([{ currency: "USD", amount: network.fundingAwards[0].amount, awardCount: 1 }]);
    const byId = new Map(network.schools.edges.map((edge: any) => [edge.node.id, edge.node]));
    const parker: any = byId.get(DemoSchools.parker);
    expect(parker.name).toBe("Francis W. Parker Charter Essential School");
    expect(parker.ownedResources.map((resource: any) => resource.title)).toContain("Parker Regional Teachers Center: visitation days and workshops");
    const advisory = parker.ownedResources.find((resource: any) => resource.title.startsWith("Making great teachers"));
    expect(advisory.adoptingSchools.map((school: any) => school.name)).toContain("Leominster High School");
    const federalHocking: any = byId.get(DemoSchools.federalHocking);
    expect(federalHocking.ownedResources.map((resource: any) => resource.title)).toEqual(["Protocols for looking at student work together"]);
    const leominster: any = byId.get(DemoSchools.leominster);
    expect(leominster.adoptedResources).toEqual(
      expect.arrayContaining([
        { title: "Making great teachers into great advisors: Parker's advisory training", owner: { __typename: "School", name: "Francis W. Parker Charter Essential School" } },
        { title: "Performance-based assessment tasks and rubrics", owner: { __typename: "Network", name: "New York Performance Standards Consortium" } },
      ]),
    );
    const quest: any = byId.get(DemoSchools.quest);
    expect(quest.coDevelopedResources.map((resource: any) => resource.title)).toContain("Framing a school visit: questions, roundtables and narrated records");
  });

  it("question 2: resources on a topic for grades 9-12, ranked, with owners and adopting schools", async () => {
    const result = await hub.query(
      `query { searchResources(text: "performance-based assessment", lowestGrade: 9, highestGrade: 12, first: 10) {
        totalCount
        edges { score node {
          id title kind lowestGrade highestGrade
          owner { __typename ... on School { name } ... on Network { name } ... on Organization { name } }
          coDevelopers { name }
          adoptingSchools { name locale }
        } }
      } }`,
    );
    expect(result.errors).toBeUndefined();
    const edges = result.data.searchResources.edges;
    expect(edges.length).toBeGreaterThan(1);
    for (const edge of edges) {
      expect(edge.node.lowestGrade).toBeLessThanOrEqual(12);
      expect(edge.node.highestGrade).toBeGreaterThanOrEqual(9);
    }
    const scores = edges.map((edge: any) => edge.score);
    expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
    const tasks = edges.find((edge: any) => edge.node.id === DemoResources.consortiumPerformanceTasks).node;
    expect(tasks.owner).toEqual({ __typename: "Network", name: "New York Performance Standards Consortium" });
    expect(tasks.coDevelopers.map((school: any) => school.name)).toContain("Urban Academy Laboratory High School");
    expect(tasks.adoptingSchools.map((school: any) => school.name).sort()).toEqual(["Fenway High School", "Leominster High School"]);
  });

  it("resolves a resource by id with its networks and an organization owner", async () => {
    const result = await hub.query(
      `query($id: ID!) { resource(id: $id) { title owner { ... on Organization { name } } networks { name } } }`,
      { id: DemoResources.cprlLiteratureReview },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.resource).toEqual({
      title: "Networks for School Improvement: A Review of the Literature",
      owner: { name: "Center for Public Research and Leadership (CPRL), Columbia University" },
      networks: [{ name: "NSI Graduation and Postsecondary Success Network (New York City)" }],
    });
  });

  it("passes the subgraph's error codes through", async () => {
    const invalid = await hub.query(`{ searchResources(text: "assessment", first: 500) { totalCount } }`);
    expect(invalid.errors![0].extensions!.code).toBe("BAD_USER_INPUT");
  });
});
