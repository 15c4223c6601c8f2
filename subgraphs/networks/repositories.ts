import type { Db } from "mongodb";
import { AgreementProposalRepository, AllianceMemberRepository, AllianceRepository } from "./alliance/alliance.repository";
import { ApiKeyRepository } from "./api-key/api-key.repository";
import { BenchmarkIndicatorRepository, BenchmarkPeriodRepository, BenchmarkReportRepository } from "./benchmark/benchmark.repository";
import { EducatorRepository } from "./educator/educator.repository";
import { MembershipRepository } from "./membership/membership.repository";
import { NetworkRepository } from "./network/network.repository";
import { OneRosterLinkRepository } from "./oneroster/oneroster-link.repository";
import { OrganizationRepository } from "./organization/organization.repository";
import { PathwayRepository } from "./pathway/pathway.repository";
import { SchoolRepository } from "./school/school.repository";
import { HealthSurveyRepository, SurveyInstrumentRepository, SurveyParticipationRepository, SurveyResponseRepository } from "./survey/survey.repository";

export function createRepositories(db: Db) {
  return {
    organizations: new OrganizationRepository(db),
    networks: new NetworkRepository(db),
    schools: new SchoolRepository(db),
    memberships: new MembershipRepository(db),
    alliances: new AllianceRepository(db),
    allianceMembers: new AllianceMemberRepository(db),
    agreementProposals: new AgreementProposalRepository(db),
    educators: new EducatorRepository(db),
    pathways: new PathwayRepository(db),
    apiKeys: new ApiKeyRepository(db),
    benchmarkIndicators: new BenchmarkIndicatorRepository(db),
    benchmarkReports: new BenchmarkReportRepository(db),
    benchmarkPeriods: new BenchmarkPeriodRepository(db),
    surveyInstruments: new SurveyInstrumentRepository(db),
    healthSurveys: new HealthSurveyRepository(db),
    surveyParticipations: new SurveyParticipationRepository(db),
    surveyResponses: new SurveyResponseRepository(db),
    oneRosterLinks: new OneRosterLinkRepository(db),
  };
}

export type NetworksRepositories = ReturnType<typeof createRepositories>;
