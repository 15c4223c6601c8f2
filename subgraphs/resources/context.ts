import { GroupedPageLoaders, groupedLoader, keyedLoader, type Access } from "../kit";
import { AdoptionService } from "./adoption/adoption.service";
import { SchoolAgreementService } from "./school-agreement/school-agreement.service";
import { FundedWorkService } from "./funding/funded-work.service";
import { FundingService } from "./funding/funding.service";
import { CoDevelopmentService } from "./joint-practice/co-development.service";
import type { ResourcesRepositories } from "./repositories";
import { ResourceService } from "./resource/resource.service";
import { ShareRequestService } from "./share-request/share-request.service";

/**
 * Per-request DataLoaders: every entity lookup and nested list is batched into one query per tick, and
 * every one of those queries keeps only what `access` (the caller of this request) may read.
 */
function createLoaders(repos: ResourcesRepositories, access: Access) {
  return {
    resourceById: keyedLoader((ids: readonly string[]) => repos.resources.findReadableByIds(access, ids), (r) => r.id),
    adoptionById: keyedLoader((ids: readonly string[]) => repos.adoptions.findReadableByIds(access, ids), (a) => a.id),
    shareRequestById: keyedLoader((ids: readonly string[]) => repos.shareRequests.findReadableByIds(access, ids), (s) => s.id),
    fundingAwardById: keyedLoader((ids: readonly string[]) => repos.fundingAwards.findReadableByIds(access, ids), (f) => f.id),
    fundedWorkById: keyedLoader((ids: readonly string[]) => repos.fundedWork.findReadableByIds(access, ids), (w) => w.id),
    agreementById: keyedLoader((ids: readonly string[]) => repos.agreements.findReadableByIds(access, ids), (a) => a.id),
    adoptionCountByResource: keyedLoader((ids: readonly string[]) => repos.adoptions.countByResourceIds(access, ids), (c) => c.resourceId),
    fundingTotalsByNetwork: groupedLoader((ids: readonly string[]) => repos.fundingAwards.totalsByNetworkIds(access, ids), (t) => t.networkId),
    /** Connections nested under many parents, one batch per list and arguments. */
    pages: new GroupedPageLoaders(),
  };
}

export function createServices(repos: ResourcesRepositories) {
  const resources = new ResourceService(repos);
  return {
    resources,
    adoptions: new AdoptionService(repos, resources),
    shareRequests: new ShareRequestService(repos, resources),
    funding: new FundingService(repos),
    coDevelopment: new CoDevelopmentService(repos),
    agreements: new SchoolAgreementService(repos),
    fundedWork: new FundedWorkService(repos),
  };
}

export interface ResourcesContext {
  /** The caller, as the gateway forwarded it (the kit also puts it in every context). */
  access: Access;
  repos: ResourcesRepositories;
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
}

/** Repositories and services live as long as the subgraph; loaders only as long as one request, for its caller. */
export function createResourcesContext(access: Access, repos: ResourcesRepositories, services: ResourcesContext["services"]): ResourcesContext {
  return { access, repos, services, loaders: createLoaders(repos, access) };
}
