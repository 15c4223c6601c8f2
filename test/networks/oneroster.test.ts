import { readFileSync } from "node:fs";
import path from "node:path";
import { BSON, type Db } from "mongodb";
import type { Access } from "../../subgraphs/kit";
import { MembershipRepository } from "../../subgraphs/networks/membership/membership.repository";
import { DEFAULT_NETWORKS_SETTINGS } from "../../subgraphs/networks/settings";
import { personAccess, SYSTEM_ACCESS } from "../support/access";
import { snapshot } from "../support/snapshot";
import { errorCode, startNetworksFixture, type NetworksFixture } from "./fixtures";

/*
 * The OneRoster orgs.csv import through the networks subgraph's API: the example files, a second run that changes
 * nothing, a file with bad rows that changes nothing, and a partner aiming rows at another partner's schools.
 */

const EXAMPLES = path.join(__dirname, "../../examples/oneroster");
const WELL_FORMED = readFileSync(path.join(EXAMPLES, "orgs.csv"), "utf8");
const WITH_ERRORS = readFileSync(path.join(EXAMPLES, "orgs-with-errors.csv"), "utf8");
const HEADER = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId";

const IMPORT = `mutation($input: ImportOneRosterOrgsInput!) { importOneRosterOrgs(input: $input) {
  dryRun applied outcome network { id }
  summary { rows created updated unchanged kept districts skipped linked membershipsProposed membershipsAccepted }
  rows { row sourcedId type action matchedBy linked changedFields membership reason
         school { id name ncesId level lowestGrade highestGrade district location { region country } governance } }
  errors { row column code message } } }`;

const GRANTS = `query($o: ID!, $s: [ID!]!, $c: [ID!]!, $admin: Boolean!) { accessGrants(organizationId: $o, schoolIds: $s, coordinatedNetworkIds: $c, organizationAdmin: $admin) {
  schoolIds managedNetworkIds memberNetworkIds schoolMemberships { schoolId networkId } } }`;

let fixture: NetworksFixture;
const a = { organization: "", network: "" };
const b = { organization: "", network: "", school: "", ncesId: "539900000777" };

/** What the gateway forwards for a person of `organizationId` with these roles, worked out by the subgraph as for the gateway. */
async function forwarded(organizationId: string, roles: { admin?: boolean; coordinates?: string[]; staff?: string[] }, personId = "importer"): Promise<Access> {
  const variables = { o: organizationId, s: roles.staff ?? [], c: roles.coordinates ?? [], admin: !!roles.admin };
  const { data, errors } = await fixture.execute(GRANTS, variables, SYSTEM_ACCESS);
  if (errors) throw new Error(JSON.stringify(errors));
  return { ...personAccess({ personId, organizationId, organizationAdmin: !!roles.admin }), ...data.accessGrants, alliedNetworkIds: {} };
}

async function importFile(access: Access, csv: string, options: { dryRun?: boolean; networkId?: string } = {}) {
  const result = await fixture.execute(IMPORT, { input: { networkId: options.networkId ?? a.network, csv, dryRun: options.dryRun ?? false } }, access);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.importOneRosterOrgs;
}

const bytes = async (db: Db) => BSON.EJSON.stringify(await snapshot(db), { relaxed: false });
/** Every collection but the audit log's (which is another database), byte for byte. */
const state = () => bytes(fixture.subgraph.db);
const rowOf = (report: { rows: Array<{ sourcedId: string }> }, sourcedId: string) => report.rows.find((row) => row.sourcedId === sourcedId) as any;

beforeEach(async () => {
  fixture = await startNetworksFixture();
  b.organization = await fixture.createOrganization("Organization B");
  b.network = await fixture.createNetwork(b.organization, "B Network");
  b.school = await fixture.createSchool({ name: "B School", ncesId: b.ncesId, location: { region: "WA", country: "US" } });
  await fixture.addMembership(b.school, b.network);
  a.organization = await fixture.createOrganization("Organization A");
  a.network = await fixture.createNetwork(a.organization, "A Network");
});
afterEach(() => fixture.stop());

describe("a well-formed orgs.csv", () => {
  it("dry run: reports every row's change and writes nothing", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    const before = await state();
    const report = await importFile(admin, WELL_FORMED, { dryRun: true });
    expect(await state()).toBe(before);
    expect({ dryRun: report.dryRun, applied: report.applied, outcome: report.outcome, errors: report.errors }).toEqual({ dryRun: true, applied: false, outcome: "CHANGES", errors: [] });
    expect(report.summary).toEqual({ rows: 6, created: 3, updated: 0, unchanged: 0, kept: 0, districts: 1, skipped: 2, linked: 3, membershipsProposed: 0, membershipsAccepted: 3 });
    expect(report.rows.map((row: any) => [row.row, row.sourcedId, row.action, row.membership, row.school])).toEqual([
      [2, "example-district-1", "DISTRICT", "NONE", null],
      [3, "example-school-1", "CREATE", "PROPOSE_AND_ACCEPT", null],
      [4, "example-school-2", "CREATE", "PROPOSE_AND_ACCEPT", null],
      [5, "example-school-3", "CREATE", "PROPOSE_AND_ACCEPT", null],
      [6, "example-dept-1", "SKIP", "NONE", null],
      [7, "example-school-4", "SKIP", "NONE", null],
    ]);
    expect(rowOf(report, "example-school-4").reason).toMatch(/tobedeleted/);
  });

  it("applies what the dry run reported; a second run changes nothing and says so", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    const dry = await importFile(admin, WELL_FORMED, { dryRun: true });
    const first = await importFile(admin, WELL_FORMED);
    expect({ applied: first.applied, outcome: first.outcome }).toEqual({ applied: true, outcome: "CHANGES" });
    const strip = (rows: any[]) => rows.map(({ school: _school, ...row }) => row);
    expect({ summary: first.summary, rows: strip(first.rows) }).toEqual({ summary: dry.summary, rows: strip(dry.rows) });

    expect(rowOf(first, "example-school-1").school).toMatchObject({
      name: "Example Cascade Valley High School",
      ncesId: "539900000101",
      level: "OTHER",
      lowestGrade: null,
      highestGrade: null,
      district: "Example Cascade Valley School District",
      location: { region: "WA", country: "US" },
      governance: "DISTRICT",
    });
    expect(rowOf(first, "example-school-2").school.name).toBe("Example Ridge Elementary School, North Campus");
    expect(rowOf(first, "example-school-3").school).toMatchObject({ name: 'Example "Pathfinder" Community School', ncesId: null, location: { region: null } });
    const members = await fixture.execute(`query($id: ID!) { network(id: $id) { schools(first: 10) { edges { node { name } } } } }`, { id: a.network });
    expect(members.data.network.schools.edges.map((edge: any) => edge.node.name)).toEqual([
      'Example "Pathfinder" Community School',
      "Example Cascade Valley High School",
      "Example Ridge Elementary School, North Campus",
    ]);
    expect(await fixture.subgraph.db.collection("schools").countDocuments({ name: "Example Closed Annex School" })).toBe(0);

    // the second run, with the access the gateway now forwards (the new schools are members of the network)
    const again = await forwarded(a.organization, { admin: true });
    const before = await state();
    const second = await importFile(again, WELL_FORMED);
    expect(await state()).toBe(before);
    expect({ applied: second.applied, outcome: second.outcome, errors: second.errors }).toEqual({ applied: false, outcome: "NO_CHANGES", errors: [] });
    expect(second.summary).toEqual({ rows: 6, created: 0, updated: 0, unchanged: 3, kept: 0, districts: 1, skipped: 2, linked: 0, membershipsProposed: 0, membershipsAccepted: 0 });
    expect(second.rows.filter((row: any) => row.type === "school" && row.action !== "SKIP").map((row: any) => [row.matchedBy, row.membership])).toEqual([
      ["SOURCED_ID", "ALREADY_MEMBER"],
      ["SOURCED_ID", "ALREADY_MEMBER"],
      ["SOURCED_ID", "ALREADY_MEMBER"],
    ]);
  });

  it("a later file renames, adds an NCES id, and leaves a tobedeleted school as it is", async () => {
    await importFile(await forwarded(a.organization, { admin: true }), WELL_FORMED);
    const admin = await forwarded(a.organization, { admin: true });
    const changed = WELL_FORMED.replace("Example Cascade Valley High School", "Example Cascade Valley Senior High")
      .replace(`"Example ""Pathfinder"" Community School",school,,`, `"Example ""Pathfinder"" Community School",school,539900000103,`)
      .replace("example-school-2,active", "example-school-2,tobedeleted");
    const report = await importFile(admin, changed);
    expect(report.summary).toMatchObject({ created: 0, updated: 2, unchanged: 0, skipped: 3 });
    expect([rowOf(report, "example-school-1").changedFields, rowOf(report, "example-school-3").changedFields]).toEqual([["name"], ["ncesId"]]);
    expect(rowOf(report, "example-school-1").school.name).toBe("Example Cascade Valley Senior High");
    const memberships = await fixture.execute(`query($id: ID!) { network(id: $id) { memberships(first: 10, status: ACCEPTED) { totalCount edges { node { school { name } } } } } }`, { id: a.network });
    expect(memberships.data.network.memberships.totalCount).toBe(3);
    const renamed = await fixture.subgraph.db.collection("memberships").countDocuments({ networkId: a.network, schoolName: "Example Cascade Valley Senior High" });
    expect(renamed).toBe(1);
  });

  it("a coordinator's import proposes: the memberships wait for the school's side", async () => {
    const coordinator = await forwarded(a.organization, { coordinates: [a.network] });
    const report = await importFile(coordinator, WELL_FORMED);
    expect(report.summary).toMatchObject({ created: 3, membershipsProposed: 3, membershipsAccepted: 0 });
    const pending = await fixture.execute(`query($id: ID!) { memberships(networkId: $id, status: PENDING) { totalCount } }`, { id: a.network }, coordinator);
    expect(pending.data.memberships.totalCount).toBe(3);
    const accepted = await fixture.execute(`query($id: ID!) { network(id: $id) { schools { totalCount } } }`, { id: a.network });
    expect(accepted.data.network.schools.totalCount).toBe(0);
    // the organization's admins answer for the schools it registered: they accept, as for any proposal
    const admin = await forwarded(a.organization, { admin: true });
    const ids = await fixture.execute(`query($id: ID!) { memberships(networkId: $id, status: PENDING) { edges { node { id } } } }`, { id: a.network }, admin);
    for (const { node } of ids.data.memberships.edges) {
      const accept = await fixture.execute(`mutation($id: ID!) { acceptMembership(id: $id) { status } }`, { id: node.id }, admin);
      expect(accept.data?.acceptMembership.status).toBe("ACCEPTED");
    }
  });

  it("the audit log records the import with the file's digest, not its text", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    await importFile(admin, WELL_FORMED);
    const entries = await fixture.subgraph.audit.entries.find({ operation: "importOneRosterOrgs" }).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0].owner).toEqual({ organizationId: a.organization, networkId: a.network, schoolId: null });
    expect(entries[0].changes).toEqual({ input: { networkId: a.network, dryRun: false, csvBytes: Buffer.byteLength(WELL_FORMED), csvSha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });
});

describe("a file with bad rows", () => {
  it("is refused whole, with every problem by row and column, and nothing changes", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    const before = await state();
    const report = await importFile(admin, WITH_ERRORS);
    expect(await state()).toBe(before);
    expect({ applied: report.applied, outcome: report.outcome, rows: report.rows }).toEqual({ applied: false, outcome: "REFUSED", rows: [] });
    expect(report.errors.map((error: any) => [error.row, error.column, error.code])).toEqual([
      [3, "identifier", "INVALID_NCES_ID"],
      [4, "status", "INVALID_VALUE"],
      [4, "dateLastModified", "INVALID_VALUE"],
      [5, "sourcedId", "REQUIRED"],
      [6, "type", "INVALID_VALUE"],
      [6, "parentSourcedId", "UNKNOWN_PARENT"],
      [7, "sourcedId", "DUPLICATE_SOURCED_ID"],
      [8, null, "WRONG_FIELD_COUNT"],
    ]);
    expect(report.errors.every((error: any) => error.message.length > 0)).toBe(true);
  });

  it("names a parent that is not in the file, and a header without a binding column", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    const orphan = await importFile(admin, `${HEADER}\nexample-school-9,,,Example Orphan School,school,,example-district-9\n`);
    expect(orphan.errors.map((error: any) => [error.row, error.column, error.code])).toEqual([[2, "parentSourcedId", "UNKNOWN_PARENT"]]);
    const noHeader = await importFile(admin, "sourcedId,name,type\nx,Example,school\n");
    expect(noHeader.errors.map((error: any) => [error.row, error.column, error.code])).toEqual([
      [1, "status", "MISSING_COLUMN"],
      [1, "dateLastModified", "MISSING_COLUMN"],
      [1, "identifier", "MISSING_COLUMN"],
      [1, "parentSourcedId", "MISSING_COLUMN"],
    ]);
    const unclosed = await importFile(admin, `${HEADER}\nexample-school-1,,,"Example Unclosed,school,,\n`);
    expect(unclosed.errors.map((error: any) => error.code)).toEqual(["MALFORMED_CSV"]);
  });

  it("refuses rows that clash with the hub: an NCES id of another school, two rows for one school", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    await importFile(admin, `${HEADER}\nexample-school-1,,,Example One,school,539900000201,\n`);
    const before = await state();
    const clash = `${HEADER}\nexample-school-1,,,Example One,school,${b.ncesId},\nexample-school-2,,,Example Two,school,539900000201,\n`;
    const report = await importFile(await forwarded(a.organization, { admin: true }), clash);
    expect(await state()).toBe(before);
    expect(report.errors.map((error: any) => [error.row, error.column, error.code])).toEqual([
      [2, "identifier", "NCES_ID_TAKEN"],
      [3, "sourcedId", "DUPLICATE_SCHOOL"],
    ]);
  });

  it("over the row limit or the size limit: BAD_USER_INPUT on input.csv, nothing changes", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    const before = await state();
    const rows = Array.from({ length: DEFAULT_NETWORKS_SETTINGS.oneRoster.maxRows + 1 }, (_, i) => `s-${i},,,Example ${i},school,,`);
    for (const csv of [[HEADER, ...rows].join("\n"), `${HEADER}\n${"x".repeat(900_001)}`]) {
      const result = await fixture.execute(IMPORT, { input: { networkId: a.network, csv } }, admin);
      expect([errorCode(result), result.errors?.[0].extensions?.field]).toEqual(["BAD_USER_INPUT", "input.csv"]);
    }
    expect(await state()).toBe(before);
  });

  it("a write that fails midway undoes what the import wrote: CONFLICT, and nothing changes", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    await importFile(admin, `${HEADER}\nexample-school-1,,,Example One,school,539900000201,\n`);
    const renaming = `${HEADER}\nexample-school-1,,,Example One Renamed,school,539900000201,\nexample-school-2,,,Example Two,school,539900000202,\n`;
    const before = await state();
    const insertMany = jest.spyOn(MembershipRepository.prototype, "insertMany").mockRejectedValueOnce(Object.assign(new Error("E11000 duplicate key"), { code: 11000 }));
    try {
      const result = await fixture.execute(IMPORT, { input: { networkId: a.network, csv: renaming } }, await forwarded(a.organization, { admin: true }));
      expect(errorCode(result)).toBe("CONFLICT");
    } finally {
      insertMany.mockRestore();
    }
    expect(await state()).toBe(before);
  });
});

describe("another partner's schools", () => {
  it("a row with another partner's NCES id proposes a membership and changes nothing of the school", async () => {
    const admin = await forwarded(a.organization, { admin: true });
    const before = await fixture.subgraph.db.collection("schools").findOne({ _id: b.school as never });
    const report = await importFile(admin, `${HEADER}\nexample-squat,,,Example Taken Over,school,${b.ncesId},\n`);
    const row = report.rows[0];
    expect([row.action, row.matchedBy, row.changedFields, row.membership, row.school.name]).toEqual(["KEPT", "NCES_ID", ["name"], "PROPOSE", "B School"]);
    expect(await fixture.subgraph.db.collection("schools").findOne({ _id: b.school as never })).toEqual(before);
    // the school's side sees the proposal and answers it; until then it grants nothing
    const bSide = await forwarded(b.organization, { coordinates: [b.network] });
    const pending = await fixture.execute(`query($s: ID!) { memberships(schoolId: $s, status: PENDING) { edges { node { network { id } initiatedBy } } } }`, { s: b.school }, bSide);
    expect(pending.data.memberships.edges.map((edge: any) => edge.node)).toEqual([{ network: { id: a.network }, initiatedBy: "NETWORK" }]);
    const members = await fixture.execute(`query($id: ID!) { network(id: $id) { schools { totalCount } } }`, { id: a.network });
    expect(members.data.network.schools.totalCount).toBe(0);
    // and a second run asks nothing new
    const second = await importFile(await forwarded(a.organization, { admin: true }), `${HEADER}\nexample-squat,,,Example Taken Over,school,${b.ncesId},\n`);
    expect([second.outcome, second.rows[0].matchedBy, second.rows[0].membership]).toEqual(["NO_CHANGES", "SOURCED_ID", "ALREADY_PENDING"]);
  });

  it("sourcedIds are each organization's own: the same one names different schools", async () => {
    const bAdmin = await forwarded(b.organization, { admin: true });
    const bFile = `${HEADER}\nshared-1,,,Example B Imported,school,,\n`;
    const bReport = await importFile(bAdmin, bFile, { networkId: b.network });
    const bImported = bReport.rows[0].school.id;
    const aReport = await importFile(await forwarded(a.organization, { admin: true }), `${HEADER}\nshared-1,,,Example A Imported,school,,\n`);
    expect([aReport.rows[0].action, aReport.rows[0].school.name]).toEqual(["CREATE", "Example A Imported"]);
    expect(aReport.rows[0].school.id).not.toBe(bImported);
    const school = await fixture.execute(`query($id: ID!) { school(id: $id) { name } }`, { id: bImported });
    expect(school.data.school.name).toBe("Example B Imported");
  });

  it("a tobedeleted row for another partner's school changes nothing", async () => {
    const before = await state();
    const report = await importFile(await forwarded(a.organization, { admin: true }), `${HEADER}\nx-1,tobedeleted,,Example B School,school,${b.ncesId},\n`);
    expect([report.outcome, report.rows[0].action]).toEqual(["NO_CHANGES", "SKIP"]);
    expect(await state()).toBe(before);
  });

  it("only the network's managers may import, dry runs included", async () => {
    const before = await state();
    const callers = [await forwarded(a.organization, { admin: true }), await forwarded(a.organization, { coordinates: [a.network] }), await forwarded(b.organization, { staff: [b.school] })];
    for (const access of callers) {
      for (const dryRun of [true, false]) {
        const result = await fixture.execute(IMPORT, { input: { networkId: b.network, csv: WELL_FORMED, dryRun } }, access);
        expect(errorCode(result)).toBe("FORBIDDEN");
      }
    }
    expect(await state()).toBe(before);
  });
});
