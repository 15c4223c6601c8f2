import DataLoader from "dataloader";
import { groupedLoader, keyedLoader, today, type Access } from "../kit";
import type { EventRegistrationStatus } from "./enums";
import type { EventWindow } from "./event/event.repository";
import { EventService } from "./event/event.service";
import { ImprovementCycleService } from "./improvement-cycle/improvement-cycle.service";
import { LearningCommunityService } from "./learning-community/learning-community.service";
import { MentorshipService } from "./mentorship/mentorship.service";
import { NeedService, rankCommonNeeds } from "./need/need.service";
import { PeerReviewService } from "./peer-review/peer-review.service";
import { EventRegistrationService } from "./registration/registration.service";
import type { DevelopmentRepositories } from "./repositories";

/** One loader per distinct argument set of a nested list (e.g. each date window of `School.events`), created on first use. */
function perArguments<TArgs, TLoader>(create: (args: TArgs) => TLoader): (args: TArgs) => TLoader {
  const loaders = new Map<string, TLoader>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}

/** Key of the upcoming events addressing one common need of one network. */
export function needEventsKey(networkId: string, focusAreaKey: string): string {
  return `${networkId}\u0000${focusAreaKey}`;
}

/**
 * Per-request DataLoaders: every entity lookup and nested list is batched into one query per tick.
 * They live as long as one request and carry its caller's access into every query: a record the caller
 * may not see is never loaded (entity lookups give null, lists and counts leave it out). Children of a
 * record (an event's registrations, a mentorship's activities, a community's members) are loaded only
 * for parents that came through these readable queries.
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

    eventsHostedBy: perArguments((window: EventWindow) =>
      groupedLoader((ids: readonly string[]) => repos.events.findHostedBy(access, ids, window), (e) => e.owner.id),
    ),
    eventsOfferedTo: perArguments((window: EventWindow) =>
      groupedLoader((ids: readonly string[]) => repos.events.findOfferedTo(access, ids, window), (e) => e.networkIds),
    ),
    /** Upcoming events addressing a network's common need, keyed by `needEventsKey`. */
    upcomingEventsForNeed: new DataLoader(async (keys: readonly string[]) => {
      const pairs = keys.map((key) => key.split("\u0000") as [string, string]);
      const events = await repos.events.findUpcomingAddressing(
        access,
        [...new Set(pairs.map(([networkId]) => networkId))],
        [...new Set(pairs.map(([, area]) => area))],
        today(),
      );
      return pairs.map(([networkId, area]) => events.filter((e) => e.networkIds.includes(networkId) && e.focusAreaKeys.includes(area)));
    }),

    registrationsByEvent: perArguments((statuses: EventRegistrationStatus[]) =>
      groupedLoader((ids: readonly string[]) => repos.registrations.findByEventIds(ids, statuses), (r) => r.eventId),
    ),
    waitingByEvent: groupedLoader((ids: readonly string[]) => repos.registrations.findWaitingByEventIds(ids), (r) => r.eventId),
    registrationsBySchool: perArguments((includeCancelled: boolean) =>
      groupedLoader((ids: readonly string[]) => repos.registrations.findBySchoolIds(access, ids, includeCancelled), (r) => r.schoolId ?? ""),
    ),
    registrationsByEducator: perArguments((includeCancelled: boolean) =>
      groupedLoader((ids: readonly string[]) => repos.registrations.findByEducatorIds(access, ids, includeCancelled), (r) => r.educatorId ?? ""),
    ),

    openNeedsBySchool: groupedLoader((ids: readonly string[]) => repos.needs.findOpenBySchoolIds(access, ids), (n) => n.schoolId),
    /** Ranked from the needs the caller may read only: counts never include needs hidden from them. */
    commonNeedsByNetwork: new DataLoader(async (ids: readonly string[]) => {
      const ranked = rankCommonNeeds(ids, await repos.needs.findOpenByNetworkIds(access, ids));
      return ids.map((id) => ranked.get(id) ?? []);
    }),

    peerReviewsBySchool: groupedLoader(
      (ids: readonly string[]) => repos.peerReviews.findInvolvingSchools(access, ids),
      (r) => [...new Set([r.hostSchoolId, ...r.teamSchoolIds, ...r.findingsReaderSchoolIds])],
    ),
    peerReviewsByNetwork: groupedLoader((ids: readonly string[]) => repos.peerReviews.findByNetworkIds(access, ids), (r) => r.networkId ?? ""),
    peerReviewsByTeamEducator: groupedLoader(
      (ids: readonly string[]) => repos.peerReviews.findByTeamEducatorIds(access, ids),
      (r) => [...new Set(r.visitingTeam.flatMap((member) => (member.educatorId ? [member.educatorId] : [])))],
    ),

    mentorshipsBySchool: groupedLoader(
      (ids: readonly string[]) => repos.mentorships.findBySchoolIds(access, ids),
      (m) => [m.mentorSchoolId, m.partnerSchoolId],
    ),
    mentorshipsByNetwork: groupedLoader((ids: readonly string[]) => repos.mentorships.findByNetworkIds(access, ids), (m) => m.networkId ?? ""),
    activitiesByMentorship: groupedLoader((ids: readonly string[]) => repos.mentorshipActivities.findByMentorshipIds(ids), (a) => a.mentorshipId),
    /** A mentor school's stated capacity is its published availability: numbers only, no partner named. */
    mentorCapacityBySchool: keyedLoader((ids: readonly string[]) => repos.mentorCapacities.findBySchoolIds(ids), (c) => c.schoolId),

    learningCommunitiesByNetwork: groupedLoader((ids: readonly string[]) => repos.learningCommunities.findByNetworkIds(access, ids), (c) => c.networkId ?? ""),
    membersByCommunity: groupedLoader((ids: readonly string[]) => repos.learningCommunityMembers.findByCommunityIds(ids), (m) => m.communityId),
    currentMembersBySchool: groupedLoader((ids: readonly string[]) => repos.learningCommunityMembers.findCurrentBySchoolIds(access, ids), (m) => m.schoolId),
    currentMembersByEducator: groupedLoader(
      (ids: readonly string[]) => repos.learningCommunityMembers.findCurrentByEducatorIds(access, ids),
      (m) => m.educatorId ?? "",
    ),

    improvementCyclesBySchool: groupedLoader((ids: readonly string[]) => repos.improvementCycles.findBySchoolIds(access, ids), (c) => c.schoolIds),
    improvementCyclesByNetwork: groupedLoader((ids: readonly string[]) => repos.improvementCycles.findByNetworkIds(access, ids), (c) => c.networkId ?? ""),
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
  /** The caller's access as the gateway forwarded it: loaders narrow reads to it (`shared/scope.ts`), services check writes (`authorization.ts`). */
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
