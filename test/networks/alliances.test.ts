import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

let fixture: NetworksFixture;
let networks: string[];
beforeAll(async () => {
  fixture = await startNetworksFixture();
  const organizationId = await fixture.createOrganization();
  networks = [];
  for (let i = 0; i < 4; i++) networks.push(await fixture.createNetwork(organizationId));
});
afterAll(() => fixture.stop());

const FORM = `mutation($input: FormAllianceInput!) { formAlliance(input: $input) { id agreement { sharedKinds effectiveFrom } members(status: ACCEPTED) { edges { node { network { id } joinedOn } } } } }`;

async function form(networkIds: string[]) {
  return fixture.execute(FORM, {
    input: { name: "Essential Alliance", scope: "NATIONAL", formedOn: "2024-01-15", networkIds, agreement: { sharedKinds: ["RESOURCES", "EVENTS"] } },
  });
}

describe("alliances", () => {
  it("forms an alliance with its data-sharing agreement and founding networks", async () => {
    const result = await form([networks[0], networks[1]]);
    expect(result.errors).toBeUndefined();
    expect(result.data.formAlliance.agreement).toEqual({ sharedKinds: ["RESOURCES", "EVENTS"], effectiveFrom: "2024-01-15" });
    expect(result.data.formAlliance.members.edges.map((edge: any) => edge.node.network.id).sort()).toEqual([networks[0], networks[1]].sort());
    const network = await fixture.execute(`query($id: ID!) { network(id: $id) { alliances { totalCount edges { node { id } } } } }`, { id: networks[0] });
    expect(network.data.network.alliances).toEqual({ totalCount: 1, edges: [{ node: { id: result.data.formAlliance.id } }] });
  });

  it("needs two existing networks", async () => {
    expect(errorCode(await form([networks[0]]))).toBe("BAD_USER_INPUT");
    const unknown = await form([networks[0], "000000000000000000000000"]);
    expect(errorCode(unknown)).toBe("BAD_USER_INPUT");
    expect(unknown.errors![0].extensions!.field).toBe("input.networkIds");
  });

  it("lets a network join once, leave, and stops everything when dissolved", async () => {
    const allianceId = (await form([networks[0], networks[1]])).data.formAlliance.id;
    const JOIN = `mutation($a: ID!, $n: ID!) { joinAlliance(allianceId: $a, networkId: $n, joinedOn: "2024-03-01") { status alliance { members(status: ACCEPTED) { edges { node { network { id } } } } } } }`;
    const joins = await Promise.all([1, 2, 3].map(() => fixture.execute(JOIN, { a: allianceId, n: networks[2] })));
    expect(joins.filter((result) => !result.errors)).toHaveLength(1);
    // the caller manages every member network, so its request is accepted for all of them at once
    expect(joins.find((result) => !result.errors)!.data.joinAlliance.status).toBe("ACCEPTED");
    expect(joins.filter((result) => errorCode(result) === "CONFLICT")).toHaveLength(2);
    const left = await fixture.execute(`mutation($a: ID!, $n: ID!) { leaveAlliance(allianceId: $a, networkId: $n) { members(status: ACCEPTED) { edges { node { network { id } } } } former: members(status: ENDED) { edges { node { network { id } } } } } }`, {
      a: allianceId,
      n: networks[2],
    });
    expect(left.data.leaveAlliance.members.edges.map((edge: any) => edge.node.network.id)).not.toContain(networks[2]);
    expect(left.data.leaveAlliance.former.edges.map((edge: any) => edge.node.network.id)).toEqual([networks[2]]);
    const dissolved = await fixture.execute(`mutation($a: ID!) { dissolveAlliance(allianceId: $a, endedOn: "2025-01-01") { endedOn members(status: ACCEPTED) { totalCount } } }`, {
      a: allianceId,
    });
    expect(dissolved.data.dissolveAlliance).toEqual({ endedOn: "2025-01-01", members: { totalCount: 0 } });
    expect(errorCode(await fixture.execute(JOIN, { a: allianceId, n: networks[3] }))).toBe("CONFLICT");
    const listed = await fixture.execute(`{ alliances { edges { node { id } } } all: alliances(includeEnded: true) { totalCount } }`);
    expect(listed.data.alliances.edges.map((edge: any) => edge.node.id)).not.toContain(allianceId);
  });

  it("replaces the agreement when every member accepted the proposal, and narrows it at once", async () => {
    const allianceId = (await form([networks[0], networks[3]])).data.formAlliance.id;
    const result = await fixture.execute(
      `mutation($a: ID!) { proposeAllianceAgreement(allianceId: $a, agreement: { sharedKinds: [CAMPAIGNS, EVENTS], effectiveFrom: "2025-02-01" }) {
        status alliance { agreement { sharedKinds effectiveFrom } } } }`,
      { a: allianceId },
    );
    expect(result.data.proposeAllianceAgreement).toEqual({ status: "ACCEPTED", alliance: { agreement: { sharedKinds: ["CAMPAIGNS", "EVENTS"], effectiveFrom: "2025-02-01" } } });
    const narrowed = await fixture.execute(`mutation($a: ID!) { narrowAllianceAgreement(allianceId: $a, sharedKinds: [EVENTS]) { agreement { sharedKinds } } }`, {
      a: allianceId,
    });
    expect(narrowed.data.narrowAllianceAgreement.agreement.sharedKinds).toEqual(["CAMPAIGNS"]);
  });
});
