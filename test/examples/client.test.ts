import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { spawnSync } from "node:child_process";
import { runExample } from "../../examples/client/main";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { ensureBuilt, REPOSITORY } from "../support/build";
import { startHub, type HubUnderTest } from "../support/hub";

let hub: HubUnderTest;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub.stop());

describe("the example client (examples/client)", () => {
  it("signs in with a token, pages through every school of a network, and meets each error code", async () => {
    const token = await mintDevToken(hub.keys.issuerPrivateKey, {
      personId: "harvey",
      organizationId: DemoOrganizations.ceiPea,
      roles: [{ role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders }],
    });
    const lines: string[] = [];
    const { schools, codes } = await runExample({
      url: hub.gatewayUrl,
      token,
      networkId: DemoNetworks.nycSchoolLeaders,
      foreignSchoolId: DemoSchools.federalHocking,
      log: (line) => lines.push(line),
    });
    const { data } = await hub.query(`query($id: ID!) { network(id: $id) { schools(first: 100) { totalCount edges { node { name } } } } }`, {
      id: DemoNetworks.nycSchoolLeaders,
    });
    // more than one page of 3, every school once, in the network's order
    expect(data.network.schools.totalCount).toBeGreaterThan(3);
    expect(schools).toEqual(data.network.schools.edges.map((edge: { node: { name: string } }) => edge.node.name));
    expect(codes).toEqual(["BAD_USER_INPUT", "FORBIDDEN", "UNAUTHENTICATED"]);
    expect(lines.filter((line) => line.startsWith("page of")).length).toBe(Math.ceil(schools.length / 3));
  });

  it("is typed by GraphQL Code Generator from its operations and the committed supergraph (run `npm run codegen` after changing either)", async () => {
    // compiled and run by Node itself: the generator's plugins load ES modules, which jest cannot require on Node 20
    const check = spawnSync(process.execPath, [ensureBuilt("scripts/codegen.js"), "--check"], { cwd: REPOSITORY, encoding: "utf8", timeout: 120_000 });
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: 0, stderr: "" });
  });
});
