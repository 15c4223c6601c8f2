import { formatRole, type PersonRole } from "../../gateway/auth/identity";
import { EducatorRole } from "../../subgraphs/networks/enums";
import { demoDirectory } from "./networks";

export type DemoDirectory = ReturnType<typeof demoDirectory>;

/** Why a token's roles would grant nothing: an issuer's roles count only inside its organization. */
export function roleWarnings(directory: DemoDirectory, organizationId: string, roles: PersonRole[]): string[] {
  const organization = directory.organizations.find((candidate) => candidate._id === organizationId);
  if (!organization) return [`Organization ${organizationId} is not in the demo data: unless it was created since, the token's roles grant nothing (see --list)`];
  const operated = new Set(directory.networks.filter((network) => network.organizationId === organizationId).map((network) => network._id));
  const schoolsInside = new Set(directory.memberships.filter((membership) => !membership.endDate && operated.has(membership.networkId)).map((membership) => membership.schoolId));
  return roles.flatMap((role) => {
    if (role.role === "COORDINATOR" && !operated.has(role.networkId)) return [`${formatRole(role)}: not a network ${organization.name} operates, so it grants nothing`];
    if (role.role === "STAFF" && !schoolsInside.has(role.schoolId)) return [`${formatRole(role)}: not a school in ${organization.name}'s networks, so it grants nothing`];
    return [];
  });
}

/** The demo organizations, networks, schools and people, with the ids and roles a token needs. */
export function formatDirectory(directory: DemoDirectory): string {
  const name = new Map<string, string>([...directory.organizations, ...directory.networks, ...directory.schools].map((record) => [record._id, record.name]));
  const networkOrganization = new Map(directory.networks.map((network) => [network._id, network.organizationId]));
  const openMemberships = directory.memberships.filter((membership) => !membership.endDate);
  const lines: string[] = ["Organizations (--org ID; --role ORG_ADMIN makes an admin of all its networks)"];
  for (const organization of directory.organizations) lines.push(`  ${organization._id}  ${organization.name}`);
  lines.push("", "Networks (--role COORDINATOR:<id>, with --org its organization)");
  for (const network of directory.networks) lines.push(`  ${network._id}  ${network.name}  (org ${network.organizationId})`);
  lines.push("", "Schools (--role STAFF:<id>, with --org the organization of one of its networks)");
  for (const school of directory.schools) {
    const networks = openMemberships.filter((membership) => membership.schoolId === school._id).map((membership) => name.get(membership.networkId));
    lines.push(`  ${school._id}  ${school.name}${networks.length > 0 ? `  (in ${networks.join(", ")})` : ""}`);
  }
  lines.push("", "People (--person ID, with the roles shown)");
  for (const educator of directory.educators) {
    const networkId = educator.networkId ?? openMemberships.find((membership) => membership.schoolId === educator.schoolId)?.networkId;
    const organizationId = networkId ? networkOrganization.get(networkId) : undefined;
    const role = educator.role === EducatorRole.NETWORK_COORDINATOR && educator.networkId ? `COORDINATOR:${educator.networkId}` : educator.schoolId ? `STAFF:${educator.schoolId}` : undefined;
    lines.push(`  ${educator._id}  ${educator.name}${educator.title ? `, ${educator.title}` : ""}: ${organizationId && role ? `--org ${organizationId} --role ${role}` : "no role in the demo data"}`);
  }
  return lines.join("\n");
}
