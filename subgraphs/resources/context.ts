import { groupedLoader, keyedLoader } from "../kit";
import { AdoptionService } from "./adoption/adoption.service";
import { FundingService } from "./funding/funding.service";
import type { ResourcesRepositories } from "./repositories";
import { ResourceService } from "./resource/resource.service";
import { ShareRequestService } from "./share-request/share-request.service";

/** Per-request DataLoaders: every entity lookup and nested list is batched into one query per tick. */
function createLoaders(repos: ResourcesRepositories) {
  return {
    resourceById: keyedLoader((ids: readonly string[]) => repos.resources.findByIds(ids), (r) => r.id),
    adoptionById: keyedLoader((ids: readonly string[]) => repos.adoptions.findByIds(ids), (a) => a.id),
    shareRequestById: keyedLoader((ids: readonly string[]) => repos.shareRequests.findByIds(ids), (s) => s.id),
    fundingAwardById: keyedLoader((ids: readonly string[]) => repos.fundingAwards.findByIds(ids), (f) => f.id),
    /** Active resources by owner key (`SCHOOL:id`, `NETWORK:id`, `ORGANIZATION:id`). */
    resourcesByOwner: groupedLoader((keys: readonly string[]) => repos.resources.findByOwnerKeys(keys), (r) => r.ownerKey),
    resourcesByCoDeveloper: groupedLoader((ids: readonly string[]) => repos.resources.findByCoDevelopers(ids), (r) => r.coDeveloperSchoolIds),
    resourcesByNetwork: groupedLoader((ids: readonly string[]) => repos.resources.findByNetworks(ids), (r) => r.networkIds),
    adoptionsByResource: groupedLoader((ids: readonly string[]) => repos.adoptions.findByResourceIds(ids), (a) => a.resourceId),
    adoptionsBySchool: groupedLoader((ids: readonly string[]) => repos.adoptions.findBySchoolIds(ids), (a) => a.schoolId),
    fundingAwardsByNetwork: groupedLoader((ids: readonly string[]) => repos.fundingAwards.findByNetworkIds(ids), (f) => f.networkId),
  };
}

export function createServices(repos: ResourcesRepositories) {
  const resources = new ResourceService(repos);
  return {
    resources,
    adoptions: new AdoptionService(repos, resources),
    shareRequests: new ShareRequestService(repos, resources),
    funding: new FundingService(repos),
  };
}

export interface ResourcesContext {
  repos: ResourcesRepositories;
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
}

/** Repositories and services live as long as the subgraph; loaders only as long as one request. */
export function createResourcesContext(repos: ResourcesRepositories, services: ResourcesContext["services"]): ResourcesContext {
  return { repos, services, loaders: createLoaders(repos) };
}
