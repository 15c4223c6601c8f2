import DataLoader from "dataloader";
import { GroupedPageLoaders, groupedLoader, keyedLoader, type Access } from "../kit";
import { EventService } from "./event/event.service";
import { ImprovementCycleService } from "./improvement-cycle/improvement-cycle.service";
import { LearningCommunityService } from "./learning-community/learning-community.service";
import { MentorshipService } from "./mentorship/mentorship.service";
import { NeedService, rankCommonNeeds } from "./need/need.service";
import { PeerReviewService } from "./peer-review/peer-review.service";
import { EventRegistrationService } from "./registration/registration.service";
import type { DevelopmentRepositories } from "./repositories";

/**
 * Per-request DataLoaders: every entity lookup, nested connection and count is batched into one query per
 * tick. They live as long as one request and carry its caller's access into every query: a record the
 * caller may not see is never loaded (entity lookups give null, pages and counts leave it out), and
 * children (registrations, activities, members) go through their own policy, a copy of their parent's.
 */
function createLoaders(repos: DevelopmentRepositories, access: Access) {
  return {
    eventById: keyedLoader((ids: readonly string[]) => repos.events.findReadableByIds(access, ids), (e) => e.id),
    registrationById: keyedLoader((ids: readonly string[]) => repos.registrations.findReadableByIds(access, ids), (r) => r.id),
    needById: keyedLoader((ids: readonly string[]) => repos.needs.findReadableByIds(access, ids), (n) => n.id),
    peerReviewById: keyedLoader((ids: readonly string[]) => repos.peerReviews.findReadableByIds(access, ids), (r) => r.id),
    mentorshipById: keyedLoader((ids: readonly string[]) => repos.mentorships.findReadableByIds(access, ids), (m) => m.id),
    mentorshipActivityById: keyedLoader((ids: readonly string[]) => repos.mentorshipActivities.findReadableByIds(access, ids), (a) => a.id),
    learningCommunityById: keyedLoader((ids: readonly string[]) => repos.learningCommunities.findReadableByIds(access, ids), (c) => c.id),
    improvementCycleById: keyedLoader((ids: readonly string[]) => repos.improvementCycles.findReadableByIds(access, ids), (c) => c.id),

    /** Nested connections, one batch per list and arguments (`School.events(first: 5)` under every school: one query). */
    pages: new GroupedPageLoaders(),

    waitingByEvent: groupedLoader((ids: readonly string[]) => repos.registrations.findWaitingByEventIds(access, ids), (r) => r.eventId),
    /** Ranked from the needs the caller may read only: counts never include needs hidden from them. */
    commonNeedsByNetwork: new DataLoader(async (ids: readonly string[]) => {
      const ranked = rankCommonNeeds(ids, await repos.needs.findOpenByNetworkIds(access, ids));
      return ids.map((id) => ranked.get(id) ?? []);
    }),
    /** A mentor school's stated capacity is its published availability: numbers only, no partner named. */
    mentorCapacityBySchool: keyedLoader((ids: readonly string[]) => repos.mentorCapacities.findBySchoolIds(ids), (c) => c.schoolId),
    /** The active mentorships of a mentor school that the caller may read, counted. */
    activeMentorshipsReadable: new DataLoader(async (ids: readonly string[]) => {
      const counts = new Map((await repos.mentorships.countActiveReadable(access, ids)).map((c) => [c.schoolId, c.count]));
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    /** A community's current members that the caller may read: their count and schools. */
    currentMembersByCommunity: keyedLoader((ids: readonly string[]) => repos.learningCommunityMembers.currentByCommunityIds(access, ids), (c) => c.communityId),
  };
}

export function createServices(repos: DevelopmentRepositories) {
  const registrations = new EventRegistrationService(repos);
  return {
    events: new EventService(repos, registrations),
    registrations,
    needs: new NeedService(repos),
    peerReviews: new PeerReviewService(repos),
    mentorships: new MentorshipService(repos),
    learningCommunities: new LearningCommunityService(repos),
    improvementCycles: new ImprovementCycleService(repos),
  };
}

export interface DevelopmentContext {
  /** The caller's access as the gateway forwarded it: loaders and repositories narrow reads to it (`policies.ts`), services check writes (`authorization.ts`). */
  access: Access;
  repos: DevelopmentRepositories;
  services: ReturnType<typeof createServices>;
  loaders: ReturnType<typeof createLoaders>;
}

/** Repositories and services live as long as the subgraph; loaders only as long as one request. */
export function createDevelopmentContext(
  access: Access,
  repos: DevelopmentRepositories,
  services: DevelopmentContext["services"],
): DevelopmentContext {
  return { access, repos, services, loaders: createLoaders(repos, access) };
}
