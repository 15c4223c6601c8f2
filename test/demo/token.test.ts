import { formatDirectory, roleWarnings } from "../../scripts/demo/directory";
import { DemoNetworks, DemoOrganizations, DemoSchools } from "../../scripts/demo/ids";
import { demoDirectory } from "../../scripts/demo/networks";

const directory = demoDirectory();

describe("npm run token", () => {
  it("lists every demo organization, network, school and person with the ids and roles a token needs", () => {
    const listing = formatDirectory(directory);
    for (const record of [...directory.organizations, ...directory.networks, ...directory.schools, ...directory.educators]) {
      expect(listing).toContain(`${record._id}  ${record.name}`);
    }
    expect(listing).toContain(`--org ${DemoOrganizations.ceiPea} --role COORDINATOR:${DemoNetworks.nycSchoolLeaders}`);
  });

  it("suggests for every person only roles that count inside the suggested organization", () => {
    const suggestions = [...formatDirectory(directory).matchAll(/--org (\w+) --role (\S+)/g)];
    expect(suggestions.length).toBeGreaterThan(0);
    for (const [, organizationId, role] of suggestions) {
      const [kind, id] = role.split(":");
      const parsed = kind === "COORDINATOR" ? { role: "COORDINATOR" as const, networkId: id } : { role: "STAFF" as const, schoolId: id };
      expect({ role, warnings: roleWarnings(directory, organizationId, [parsed]) }).toEqual({ role, warnings: [] });
    }
  });

  it("warns about an unknown organization and about roles outside the organization", () => {
    expect(roleWarnings(directory, "no-such-org", [{ role: "ORG_ADMIN" }])).toEqual([expect.stringMatching(/not in the demo data/)]);
    const foreign = roleWarnings(directory, DemoOrganizations.ceiPea, [
      { role: "COORDINATOR", networkId: DemoNetworks.nwRise },
      { role: "STAFF", schoolId: DemoSchools.federalHocking },
      { role: "COORDINATOR", networkId: DemoNetworks.nycSchoolLeaders },
      { role: "ORG_ADMIN" },
    ]);
    expect(foreign).toEqual([expect.stringContaining(`COORDINATOR:${DemoNetworks.nwRise}`), expect.stringContaining(`STAFF:${DemoSchools.federalHocking}`)]);
  });
});
