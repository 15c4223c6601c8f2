import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { mintDevToken } from "../../gateway/auth/dev-tokens";
import { runOneRosterImport } from "../../scripts/import-oneroster";
import { startHub, type HubUnderTest } from "../support/hub";

/*
 * `npm run import:oneroster` against a running hub, through the gateway as any client: a dry run, the import, a
 * second run that changes nothing, a refused file, and the sign-in it needs.
 */

const EXAMPLES = path.join(__dirname, "../../examples/oneroster");
let hub: HubUnderTest;
let token: string;
let networkId: string;
const files = mkdtempSync(path.join(tmpdir(), "oneroster-"));

beforeAll(async () => {
  hub = await startHub({ demoData: false });
  const bootstrap = await mintDevToken(hub.keys.issuerPrivateKey, { personId: "founder", organizationId: "000000000000000000000000", roles: [] });
  const organization = await hub.query(`mutation { createOrganization(input: { name: "Example Cascade Partners", kind: NONPROFIT }) { id } }`, {}, { authorization: `Bearer ${bootstrap}` });
  const organizationId = organization.data.createOrganization.id;
  const founder = await mintDevToken(hub.keys.issuerPrivateKey, { personId: "founder", organizationId, roles: [{ role: "ORG_ADMIN" }] });
  const network = await hub.query(
    `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`,
    { input: { name: "Example Cascade Network", organizationId, scope: "REGIONAL" } },
    { authorization: `Bearer ${founder}` },
  );
  networkId = network.data.createNetwork.id;
  // another person of the organization: the gateway works out their access afresh, with the new network in it
  token = await mintDevToken(hub.keys.issuerPrivateKey, { personId: "importer", organizationId, roles: [{ role: "ORG_ADMIN" }] });
});
afterAll(async () => {
  await hub?.stop();
  rmSync(files, { recursive: true, force: true });
});

const cli = (args: string[], credentials: { token?: string; apiKey?: string } = { token }) => runOneRosterImport(args, { hubUrl: hub.gatewayUrl, ...credentials });
const schoolCount = async () => (await hub.query(`query($id: ID!) { network(id: $id) { schools { totalCount } } }`, { id: networkId })).data.network.schools.totalCount;

it("dry run, import, and a second run that changes nothing", async () => {
  const file = path.join(EXAMPLES, "orgs.csv");
  const dry = await cli(["--network", networkId, "--file", file, "--dry-run"]);
  expect(dry.code).toBe(0);
  expect(dry.output).toMatch(/6 rows: 3 created, 0 updated, 0 unchanged, 0 kept as their keepers have them, 1 districts, 2 skipped/);
  expect(dry.output).toMatch(/Dry run: nothing was written/);
  expect(await schoolCount()).toBe(0);

  const applied = await cli(["--network", networkId, "--file", file]);
  expect(applied.code).toBe(0);
  expect(applied.output).toMatch(/row +3 +CREATE +PROPOSE_AND_ACCEPT +example-school-1 +Example Cascade Valley High School/);
  expect(applied.output).toMatch(/Imported\.$/);
  expect(await schoolCount()).toBe(3);

  const again = await cli(["--network", networkId, "--file", file]);
  expect(again.code).toBe(0);
  expect(again.output).toMatch(/0 created, 0 updated, 3 unchanged/);
  expect(again.output).toMatch(/Nothing to change: Example Cascade Network already holds this file\.$/);
});

it("a file with bad rows: every problem listed, exit 1, nothing imported", async () => {
  const before = await schoolCount();
  const refused = await cli(["--network", networkId, "--file", path.join(EXAMPLES, "orgs-with-errors.csv")]);
  expect(refused.code).toBe(1);
  expect(refused.output.split("\n")[0]).toBe("Refused: 8 problem(s) in the file; nothing was imported. Fix them and run again.");
  expect(refused.output).toMatch(/row +3 +identifier +INVALID_NCES_ID/);
  expect(await schoolCount()).toBe(before);
});

it("needs a sign-in, a network's manager and its arguments", async () => {
  const file = path.join(files, "one.csv");
  writeFileSync(file, "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nx-1,,,Example One,school,,\n");
  expect((await cli(["--network", networkId, "--file", file], {})).code).toBe(2);
  expect((await cli(["--file", file])).code).toBe(2);
  const stranger = await mintDevToken(hub.keys.issuerPrivateKey, { personId: "stranger", organizationId: "000000000000000000000001", roles: [{ role: "ORG_ADMIN" }] });
  const forbidden = await cli(["--network", networkId, "--file", file], { token: stranger });
  expect([forbidden.code, forbidden.output]).toEqual([1, expect.stringMatching(/^FORBIDDEN: /)]);
});
