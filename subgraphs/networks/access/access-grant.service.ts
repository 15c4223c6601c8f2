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
 * Works out access from who is connected to whom, counting accepted relations only. An issuer speaks for one
 * organization, so the roles it states count only inside it: coordinators of networks it really operates, staff of
 * schools that accepted a membership in one of those networks.
 */
export class AccessGrantService {
  constructor(private readonly repos: NetworksRepositories) {}

  async grants(request: GrantRequest): Promise<AccessGrants> {
    const operated = await this.repos.networks.idsOperatedBy(request.organizationId);
    const managedNetworkIds = request.organizationAdmin ? operated : request.coordinatedNetworkIds.filter((id) => operated.includes(id));
    const claimed = await this.repos.memberships.findAcceptedBySchoolIds(request.schoolIds);
    const schoolIds = unique(claimed.filter((m) => operated.includes(m.networkId)).map((m) => m.schoolId));
    const ofSchools = claimed.filter((m) => schoolIds.includes(m.schoolId));
    const ofManaged = managedNetworkIds.length > 0 ? await this.repos.memberships.findAcceptedByNetworkIds(managedNetworkIds) : [];
    const pairs = new Map([...ofSchools, ...ofManaged].map((m) => [`${m.schoolId}:${m.networkId}`, { schoolId: m.schoolId, networkId: m.networkId }]));
    const memberNetworkIds = unique([...operated, ...ofSchools.map((m) => m.networkId)]);
    return {
      schoolIds,
      managedNetworkIds,
      memberNetworkIds,
      allied: await this.allied(memberNetworkIds),
      schoolMemberships: [...pairs.values()],
    };
  }

  /** Every network allied with `networkIds` (accepted members of an open alliance), by the kinds its agreement shares. */
  private async allied(networkIds: string[]): Promise<AccessGrants["allied"]> {
    const own = await this.repos.allianceMembers.findAcceptedByNetworkIds(networkIds);
    const alliances = (await this.repos.alliances.findByIds(unique(own.map((member) => member.allianceId)))).filter((a) => !a.endedOn);
    const members = await this.repos.allianceMembers.findAcceptedByAllianceIds(alliances.map((alliance) => alliance.id));
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
