import { actsForSchool, assertCanWrite, ForbiddenError, type Access } from "../kit";

/**
 * Who may change what in the directory. Reading it is open (organizations, networks, schools and
 * alliances are public profiles); writing needs a role on the record's owner.
 */
export class NetworksAuthorization {
  /** Any person, or a read-write API key: e.g. to register a new organization or school (the kit's one write check). */
  assertCanWrite(access: Access): void {
    assertCanWrite(access);
  }

  assertOrganizationAdmin(access: Access, organizationId: string): void {
    this.assertCanWrite(access);
    if (!access.organizationAdmin || access.organizationId !== organizationId) {
      throw new ForbiddenError("Only the organization's admins may do this");
    }
  }

  /** Coordinators of the network and admins of the organization operating it. */
  assertManagesNetwork(access: Access, networkId: string): void {
    this.assertCanWrite(access);
    if (!access.managedNetworkIds.includes(networkId)) throw new ForbiddenError("Only the network's coordinators and admins may do this");
  }

  /**
   * Staff of the school, or managers of a network the school accepted membership in (the kit's
   * `actsForSchool`, the same rule in every subgraph).
   */
  async assertCanEditSchool(access: Access, schoolId: string): Promise<void> {
    this.assertCanWrite(access);
    if (!actsForSchool(access, schoolId)) throw new ForbiddenError("Only the school's staff and its networks' coordinators may do this");
  }
}
