import type { Db } from "mongodb";
import { AdoptionRepository } from "./adoption/adoption.repository";
import { SchoolAgreementRepository } from "./school-agreement/school-agreement.repository";
import { FundedWorkRepository } from "./funding/funded-work.repository";
import { FundingAwardRepository } from "./funding/funding.repository";
import { ResourceRepository } from "./resource/resource.repository";
import { ShareRequestRepository } from "./share-request/share-request.repository";

export function createRepositories(db: Db) {
  return {
    resources: new ResourceRepository(db),
    adoptions: new AdoptionRepository(db),
    shareRequests: new ShareRequestRepository(db),
    fundingAwards: new FundingAwardRepository(db),
    agreements: new SchoolAgreementRepository(db),
    fundedWork: new FundedWorkRepository(db),
  };
}

export type ResourcesRepositories = ReturnType<typeof createRepositories>;
