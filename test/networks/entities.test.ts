import { startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
beforeAll(async () => {
  fixture = await startNetworksFixture();
});
afterAll(() => fixture.stop());

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) {
  __typename
  ... on School { id name ncesId }
  ... on Network { id name }
  ... on Organization { id name }
  ... on Educator { id name }
} }`;

describe("entity resolution (_entities)", () => {
  it("resolves schools by id and by NCES id, in the order asked, null for unknown keys", async () => {
    const a = await fixture.createSchool({ name: "Fenway High School", ncesId: "250279000001" });
    const b = await fixture.createSchool({ name: "Parker Charter Essential School" });
    const result = await fixture.execute(ENTITIES, {
      representations: [
        { __typename: "School", id: b },
        { __typename: "School", id: "unknown" },
        { __typename: "School", ncesId: "250279000001" },
        { __typename: "School", id: a },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data._entities).toEqual([
      { __typename: "School", id: b, name: "Parker Charter Essential School", ncesId: null },
      null,
      { __typename: "School", id: a, name: "Fenway High School", ncesId: "250279000001" },
      { __typename: "School", id: a, name: "Fenway High School", ncesId: "250279000001" },
    ]);
  });

  it("resolves networks, organizations and educators", async () => {
    const organizationId = await fixture.createOrganization("Education Northwest");
    const networkId = await fixture.createNetwork(organizationId, "NW RISE");
    const educator = await fixture.execute(
      `mutation($n: ID!) { createEducator(input: { name: "Celeste Janssen", role: NETWORK_COORDINATOR, networkId: $n }) { id } }`,
      { n: networkId },
    );
    const educatorId = educator.data.createEducator.id;
    const result = await fixture.execute(ENTITIES, {
      representations: [
        { __typename: "Network", id: networkId },
        { __typename: "Organization", id: organizationId },
        { __typename: "Educator", id: educatorId },
      ],
    });
    expect(result.data._entities).toEqual([
      { __typename: "Network", id: networkId, name: "NW RISE" },
      { __typename: "Organization", id: organizationId, name: "Education Northwest" },
      { __typename: "Educator", id: educatorId, name: "Celeste Janssen" },
    ]);
  });

  it("batches many representations into one query per type", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await fixture.createSchool());
    fixture.subgraph.commands.reset();
    const result = await fixture.execute(ENTITIES, { representations: ids.map((id) => ({ __typename: "School", id })) });
    expect(result.data._entities.map((entity: any) => entity.id)).toEqual(ids);
    expect(fixture.subgraph.commands.byName()).toEqual({ find: 1 });
  });
});
