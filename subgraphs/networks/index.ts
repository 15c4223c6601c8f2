import { buildFederatedSchema, ensureIndexes, type SubgraphDefinition } from "../kit";
import { AccessResolver } from "./access/access.resolver";
import { AgreementProposalResolver, AllianceMemberResolver, AllianceResolver } from "./alliance/alliance.resolver";
import { OrganizationAuditResolver } from "./audit/audit.resolver";
import { ApiKeyResolver } from "./api-key/api-key.resolver";
import { BenchmarkEntryResolver, BenchmarkIndicatorResolver, BenchmarkPeriodResolver, BenchmarkReportResolver, NetworkBenchmarksResolver } from "./benchmark/benchmark.resolver";
import { createNetworksContext, createServices, type NetworksContext } from "./context";
import { resolveEducatorReference } from "./educator/educator.reference";
import { EducatorResolver, SchoolEducatorsResolver } from "./educator/educator.resolver";
import { MembershipResolver } from "./membership/membership.resolver";
import { resolveNetworkReference } from "./network/network.reference";
import { NetworkResolver } from "./network/network.resolver";
import { OneRosterImportResolver } from "./oneroster/oneroster.resolver";
import { resolveOrganizationReference } from "./organization/organization.reference";
import { OrganizationResolver } from "./organization/organization.resolver";
import { PathwayResolver, PathwayStageResolver, PathwayTransitionResolver, SchoolPathwaysResolver } from "./pathway/pathway.resolver";
import { createRepositories } from "./repositories";
import { resolveSchoolReference } from "./school/school.reference";
import { SchoolResolver } from "./school/school.resolver";
import { AllianceShareResolver, AlliedDataResolver, ViewerResolver } from "./viewer/viewer.resolver";
import { DEFAULT_NETWORKS_SETTINGS, type NetworksSettings } from "./settings";
import { HealthSurveyResolver, NetworkSurveysResolver } from "./survey/survey.resolver";

/** Who is connected to whom: organizations, networks, schools, memberships, alliances, educators, pathways, benchmarks. */
export const networksSubgraph: SubgraphDefinition<NetworksContext> & { settings: NetworksSettings } = {
  name: "networks",
  settings: DEFAULT_NETWORKS_SETTINGS,
  async create(db, audit) {
    const repos = createRepositories(db);
    const services = createServices(repos, this.settings);
    const schema = await buildFederatedSchema({
      resolvers: [
        OrganizationResolver,
        NetworkResolver,
        SchoolResolver,
        SchoolEducatorsResolver,
        SchoolPathwaysResolver,
        MembershipResolver,
        AllianceResolver,
        AllianceMemberResolver,
        AgreementProposalResolver,
        EducatorResolver,
        PathwayResolver,
        PathwayStageResolver,
        PathwayTransitionResolver,
        ApiKeyResolver,
        OrganizationAuditResolver,
        AccessResolver,
        ViewerResolver,
        AllianceShareResolver,
        BenchmarkIndicatorResolver,
        BenchmarkPeriodResolver,
        BenchmarkEntryResolver,
        BenchmarkReportResolver,
        NetworkBenchmarksResolver,
        HealthSurveyResolver,
        NetworkSurveysResolver,
        AlliedDataResolver,
        OneRosterImportResolver,
      ],
      referenceResolvers: {
        Organization: { __resolveReference: resolveOrganizationReference },
        Network: { __resolveReference: resolveNetworkReference },
        School: { __resolveReference: resolveSchoolReference },
        Educator: { __resolveReference: resolveEducatorReference },
      },
    });
    return {
      schema,
      createContext: async (access) => createNetworksContext(access, audit, repos, services),
      // the start hook: indexes, then relations stored before consent existed are marked accepted
      ensureIndexes: async () => {
        await ensureIndexes(repos);
        await Promise.all([repos.memberships.migrateToConsent(), repos.allianceMembers.migrateToConsent()]);
      },
    };
  },
};

/** The networks subgraph with settings from configuration (`main.ts`, `npm start`). */
export function networksSubgraphWith(settings: Partial<NetworksSettings> = {}): typeof networksSubgraph {
  return { ...networksSubgraph, settings: { ...DEFAULT_NETWORKS_SETTINGS, ...settings } };
}
