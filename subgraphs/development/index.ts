import { buildFederatedSchema, ensureIndexes, type SubgraphDefinition } from "../kit";
import { createDevelopmentContext, createServices, type DevelopmentContext } from "./context";
import { resolveEventReference } from "./event/event.reference";
import { EventResolver, NetworkEventsResolver, SchoolEventsResolver } from "./event/event.resolver";
import { Educator, Network, Organization, resolveStubReference, School } from "./federation/entities";
import { resolveImprovementCycleReference } from "./improvement-cycle/improvement-cycle.reference";
import {
  ImprovementCycleResolver,
  NetworkImprovementCyclesResolver,
  SchoolImprovementCyclesResolver,
} from "./improvement-cycle/improvement-cycle.resolver";
import { resolveLearningCommunityReference } from "./learning-community/learning-community.reference";
import {
  EducatorLearningCommunitiesResolver,
  LearningCommunityMemberResolver,
  LearningCommunityResolver,
  NetworkLearningCommunitiesResolver,
  SchoolLearningCommunitiesResolver,
} from "./learning-community/learning-community.resolver";
import { resolveMentorshipActivityReference, resolveMentorshipReference } from "./mentorship/mentorship.reference";
import {
  MentorCapacityResolver,
  MentorshipActivityResolver,
  MentorshipResolver,
  NetworkMentorshipsResolver,
  SchoolMentorshipsResolver,
} from "./mentorship/mentorship.resolver";
import { resolveNeedReference } from "./need/need.reference";
import { CommonNeedResolver, NeedResolver, NetworkNeedsResolver, SchoolNeedsResolver } from "./need/need.resolver";
import { resolvePeerReviewReference } from "./peer-review/peer-review.reference";
import {
  EducatorPeerReviewsResolver,
  NetworkPeerReviewsResolver,
  PeerReviewResolver,
  PeerReviewTeamMemberResolver,
  SchoolPeerReviewsResolver,
} from "./peer-review/peer-review.resolver";
import { resolveEventRegistrationReference } from "./registration/registration.reference";
import { EducatorRegistrationsResolver, EventRegistrationResolver, SchoolRegistrationsResolver } from "./registration/registration.resolver";
import { createRepositories } from "./repositories";
import { DevelopmentOwnerResolver } from "./shared/owner";

export type { DevelopmentContext } from "./context";

/**
 * How educators learn together: events and registrations (with a waitlist), needs, peer reviews,
 * mentorships, learning communities and improvement cycles; extends School, Network and Educator.
 */
export const developmentSubgraph: SubgraphDefinition<DevelopmentContext> = {
  name: "development",
  async create(db) {
    const repos = createRepositories(db);
    const services = createServices(repos);
    const schema = await buildFederatedSchema({
      resolvers: [
        EventResolver,
        SchoolEventsResolver,
        NetworkEventsResolver,
        EventRegistrationResolver,
        SchoolRegistrationsResolver,
        EducatorRegistrationsResolver,
        NeedResolver,
        CommonNeedResolver,
        SchoolNeedsResolver,
        NetworkNeedsResolver,
        PeerReviewResolver,
        PeerReviewTeamMemberResolver,
        SchoolPeerReviewsResolver,
        NetworkPeerReviewsResolver,
        EducatorPeerReviewsResolver,
        MentorshipResolver,
        MentorshipActivityResolver,
        MentorCapacityResolver,
        SchoolMentorshipsResolver,
        NetworkMentorshipsResolver,
        LearningCommunityResolver,
        LearningCommunityMemberResolver,
        SchoolLearningCommunitiesResolver,
        NetworkLearningCommunitiesResolver,
        EducatorLearningCommunitiesResolver,
        ImprovementCycleResolver,
        SchoolImprovementCyclesResolver,
        NetworkImprovementCyclesResolver,
        DevelopmentOwnerResolver,
      ],
      orphanedTypes: [School, Network, Educator, Organization],
      referenceResolvers: {
        School: { __resolveReference: resolveStubReference },
        Network: { __resolveReference: resolveStubReference },
        Educator: { __resolveReference: resolveStubReference },
        Organization: { __resolveReference: resolveStubReference },
        Event: { __resolveReference: resolveEventReference },
        EventRegistration: { __resolveReference: resolveEventRegistrationReference },
        Need: { __resolveReference: resolveNeedReference },
        PeerReview: { __resolveReference: resolvePeerReviewReference },
        Mentorship: { __resolveReference: resolveMentorshipReference },
        MentorshipActivity: { __resolveReference: resolveMentorshipActivityReference },
        LearningCommunity: { __resolveReference: resolveLearningCommunityReference },
        ImprovementCycle: { __resolveReference: resolveImprovementCycleReference },
      },
    });
    return {
      schema,
      createContext: async (access) => createDevelopmentContext(access, repos, services),
      ensureIndexes: () => ensureIndexes(repos),
    };
  },
};
