import type { Filter } from "mongodb";
import type { Access } from "../../kit";
import { PUBLIC_STATUSES } from "../consent/consent";
import type { NetworksRepositories } from "../repositories";
import type { MembershipDocument } from "./membership.repository";

/**
 * Who speaks for each side of a membership, for one request. The network: its coordinators and its organization's
 * admins. The school: its staff; the managers of a network it is an accepted member of; and, until it first joins a
 * network, the admins of the organization that registered it (nobody else can yet speak for it).
 */
export class MembershipParties {
  private schools?: Promise<Set<string>>;

  constructor(
    private readonly repos: NetworksRepositories,
    private readonly access: Access,
  ) {}

  forNetwork(networkId: string): boolean {
    return this.access.managedNetworkIds.includes(networkId);
  }

  async forSchool(schoolId: string): Promise<boolean> {
    return (await this.schoolsSpokenFor()).has(schoolId);
  }

  async isParty(membership: { schoolId: string; networkId: string }): Promise<boolean> {
    return this.forNetwork(membership.networkId) || (await this.forSchool(membership.schoolId));
  }

  /** Accepted and ended memberships are public (the directory is); the others only to their parties. */
  async readableFilter(): Promise<Filter<MembershipDocument>> {
    return {
      $or: [
        { status: { $in: PUBLIC_STATUSES } },
        { networkId: { $in: this.access.managedNetworkIds } },
        { schoolId: { $in: [...(await this.schoolsSpokenFor())] } },
      ],
    };
  }

  private schoolsSpokenFor(): Promise<Set<string>> {
    this.schools ??= this.workOutSchools();
    return this.schools;
  }

  private async workOutSchools(): Promise<Set<string>> {
    const { access, repos } = this;
    const viaNetworks = access.managedNetworkIds.length > 0 ? await repos.memberships.findAcceptedByNetworkIds(access.managedNetworkIds) : [];
    const spoken = new Set([...access.schoolIds, ...viaNetworks.map((membership) => membership.schoolId)]);
    if (access.organizationAdmin && access.organizationId) {
      const registered = await repos.schools.idsRegisteredBy(access.organizationId);
      const joined = await repos.memberships.schoolIdsEverAccepted(registered);
      registered.filter((id) => !joined.has(id)).forEach((id) => spoken.add(id));
    }
    return spoken;
  }
}
