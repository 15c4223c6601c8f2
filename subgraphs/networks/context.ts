import { GroupedPageLoaders, groupedLoader, keyedLoader, type Access, type AuditTrail } from "../kit";
import { AccessGrantService } from "./access/access-grant.service";
import { AllianceService } from "./alliance/alliance.service";
import { NetworksAuthorization } from "./authorization";
import { BenchmarkService } from "./benchmark/benchmark.service";
import type { NetworksSettings } from "./settings";
import { SurveyService } from "./survey/survey.service";
import { EducatorService } from "./educator/educator.service";
import { OrganizationService } from "./organization/organization.service";
import { ApiKeyService } from "./api-key/api-key.service";
import { MembershipParties } from "./membership/membership-parties";
import { MembershipService } from "./membership/membership.service";
import { NetworkService } from "./network/network.service";
import { OneRosterImportService } from "./oneroster/oneroster.service";
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
    allianceMembersByAlliance: groupedLoader((ids: readonly string[]) => repos.allianceMembers.findByAllianceIds(ids), (m) => m.allianceId),
    /** Nested connections: one page per parent, every parent of a request in one batch. */
    pages: new GroupedPageLoaders(),
  };
}

export function createServices(repos: NetworksRepositories, settings: NetworksSettings) {
  const authorization = new NetworksAuthorization();
  const memberships = new MembershipService(repos, authorization);
  return {
    organizations: new OrganizationService(repos, authorization),
    schools: new SchoolService(repos, authorization),
    networks: new NetworkService(repos, authorization),
    memberships,
    alliances: new AllianceService(repos, authorization),
    pathways: new PathwayService(repos, authorization),
    educators: new EducatorService(repos, authorization),
    apiKeys: new ApiKeyService(repos),
    accessGrants: new AccessGrantService(repos),
    benchmarks: new BenchmarkService(repos, authorization, settings.benchmarks),
    surveys: new SurveyService(repos, authorization, settings.surveys),
    oneRoster: new OneRosterImportService(repos, authorization, memberships, settings.oneRoster),
  };
}

export interface NetworksContext {
  access: Access;
  /** The hub's audit log, which this subgraph serves to organization admins. */
  audit: AuditTrail;
  repos: NetworksRepositories;
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
  /** Which sides of memberships the caller speaks for, worked out once per request. */
  parties: MembershipParties;
}

/** Repositories and services live as long as the subgraph; loaders only as long as one request. */
export function createNetworksContext(
  access: Access,
  audit: AuditTrail,
  repos: NetworksRepositories,
  services: NetworksContext["services"],
): NetworksContext {
  const loaders = createLoaders(repos);
  return { access, audit, repos, services, loaders, parties: new MembershipParties(repos, access, loaders) };
}
