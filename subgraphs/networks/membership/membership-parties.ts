import type { Filter } from "mongodb";
import type DataLoader from "dataloader";
import type { Access, Entity } from "../../kit";
import { ConsentStatus, PUBLIC_STATUSES } from "../consent/consent";
import type { NetworksRepositories } from "../repositories";
import type { SchoolDocument } from "../school/school.repository";
import type { MembershipDocument } from "./membership.repository";

/** The per-request loaders it reads through, so checks on every row of a list stay batched. */
export interface PartyLoaders {
  membershipsBySchool: DataLoader<string, Array<Entity<MembershipDocument>>>;
  schoolById: DataLoader<string, Entity<SchoolDocument> | null>;
}

/**
 * Who speaks for each side of a membership, for one request. The network: its coordinators and its organization's
 * admins. The school: its staff; the managers of a network it is an accepted member of; and, while it is an accepted
 * member of no network (before it first joins one, or after it left them all), the admins of the organization that
 * registered it, so a school is never left with nobody who may answer for it.
 */
export class MembershipParties {
  private schools?: Promise<Set<string>>;

  constructor(
    private readonly repos: NetworksRepositories,
    private readonly access: Access,
    private readonly loaders: PartyLoaders,
  ) {}

  forNetwork(networkId: string): boolean {
    return this.access.managedNetworkIds.includes(networkId);
  }

  async forSchool(schoolId: string): Promise<boolean> {
    const { access, loaders } = this;
    if (access.schoolIds.includes(schoolId)) return true;
    const memberships = await loaders.membershipsBySchool.load(schoolId);
    if (memberships.some((m) => m.status === ConsentStatus.ACCEPTED && access.managedNetworkIds.includes(m.networkId))) return true;
    if (!access.organizationAdmin || !access.organizationId || memberships.some((m) => m.status === ConsentStatus.ACCEPTED)) return false;
    return (await loaders.schoolById.load(schoolId))?.registeredByOrganizationId === access.organizationId;
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

  /** Every school the caller speaks for (the same rule as `forSchool`), for list filters. */
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
      const inANetwork = await repos.memberships.schoolIdsInANetwork(registered);
      registered.filter((id) => !inANetwork.has(id)).forEach((id) => spoken.add(id));
    }
    return spoken;
  }
}
