import type { SharedDataKind } from "../enums";
import type { NetworksRepositories } from "../repositories";
import type { AccessGrants } from "./access-grants";

export interface GrantRequest {
  organizationId: string;
  schoolIds: string[];
  coordinatedNetworkIds: string[];
  organizationAdmin: boolean;
}

/**
 * Works out access from who is connected to whom. An issuer speaks for one organization, so the roles
 * it states count only inside that organization: coordinators of networks it operates, staff of schools
 * that belong to those networks.
 */
export class AccessGrantService {
  constructor(private readonly repos: NetworksRepositories) {}

  async grants(request: GrantRequest): Promise<AccessGrants> {
    const operated = await this.repos.networks.idsOperatedBy(request.organizationId);
    const coordinated = request.coordinatedNetworkIds.filter((id) => operated.includes(id));
    const schoolMemberships = await this.repos.memberships.findOpenBySchoolIds(request.schoolIds);
    const schoolIds = unique(schoolMemberships.filter((m) => operated.includes(m.networkId)).map((m) => m.schoolId));
    const schoolNetworks = schoolMemberships.filter((m) => schoolIds.includes(m.schoolId)).map((m) => m.networkId);
    const memberNetworkIds = unique([...operated, ...schoolNetworks]);
    return {
      schoolIds,
      managedNetworkIds: request.organizationAdmin ? operated : coordinated,
      memberNetworkIds,
      allied: await this.allied(memberNetworkIds),
    };
  }

  /** Every network allied with `networkIds` in an open alliance, by the kinds of data its agreement shares. */
  private async allied(networkIds: string[]): Promise<AccessGrants["allied"]> {
    const own = await this.repos.allianceMembers.findOpenByNetworkIds(networkIds);
    const alliances = (await this.repos.alliances.findByIds(unique(own.map((member) => member.allianceId)))).filter((a) => !a.endedOn);
    const members = await this.repos.allianceMembers.findOpenByAllianceIds(alliances.map((alliance) => alliance.id));
    const byKind = new Map<SharedDataKind, Set<string>>();
    for (const alliance of alliances) {
      const allies = members.filter((member) => member.allianceId === alliance.id).map((member) => member.networkId);
      for (const kind of alliance.agreement.sharedKinds) {
        const set = byKind.get(kind) ?? new Set<string>();
        allies.forEach((id) => set.add(id));
        byKind.set(kind, set);
      }
    }
    return [...byKind].map(([kind, ids]) => ({ kind, networkIds: [...ids] }));
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
