import { groupedLoader, keyedLoader } from "../kit";
import { AllianceService } from "./alliance/alliance.service";
import { MembershipService } from "./membership/membership.service";
import { NetworkService } from "./network/network.service";
import { PathwayService } from "./pathway/pathway.service";
import { SchoolService } from "./school/school.service";
import type { NetworksRepositories } from "./repositories";

/** Per-request DataLoaders: every entity lookup and nested list is batched into one query per tick. */
function createLoaders(repos: NetworksRepositories) {
  return {
    organizationById: keyedLoader((ids: readonly string[]) => repos.organizations.findByIds(ids), (o) => o.id),
    networkById: keyedLoader((ids: readonly string[]) => repos.networks.findByIds(ids), (n) => n.id),
    schoolById: keyedLoader((ids: readonly string[]) => repos.schools.findByIds(ids), (s) => s.id),
    schoolByNcesId: keyedLoader((ids: readonly string[]) => repos.schools.findByNcesIds(ids), (s) => s.ncesId ?? ""),
    allianceById: keyedLoader((ids: readonly string[]) => repos.alliances.findByIds(ids), (a) => a.id),
    educatorById: keyedLoader((ids: readonly string[]) => repos.educators.findByIds(ids), (e) => e.id),
    membershipsBySchool: groupedLoader((ids: readonly string[]) => repos.memberships.findBySchoolIds(ids), (m) => m.schoolId),
    allianceMembersByNetwork: groupedLoader((ids: readonly string[]) => repos.allianceMembers.findByNetworkIds(ids), (m) => m.networkId),
    allianceMembersByAlliance: groupedLoader((ids: readonly string[]) => repos.allianceMembers.findByAllianceIds(ids), (m) => m.allianceId),
    pathwaysBySchool: groupedLoader((ids: readonly string[]) => repos.pathways.findBySchoolIds(ids), (p) => p.stages.map((stage) => stage.schoolId)),
  };
}

export function createServices(repos: NetworksRepositories) {
  return {
    schools: new SchoolService(repos),
    networks: new NetworkService(repos),
    memberships: new MembershipService(repos),
    alliances: new AllianceService(repos),
    pathways: new PathwayService(repos),
  };
}

export interface NetworksContext {
  repos: NetworksRepositories;
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
}

/** Repositories and services live as long as the subgraph; loaders only as long as one request. */
export function createNetworksContext(repos: NetworksRepositories, services: NetworksContext["services"]): NetworksContext {
  return { repos, services, loaders: createLoaders(repos) };
}
