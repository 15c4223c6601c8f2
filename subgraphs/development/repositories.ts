import type { Db } from "mongodb";
import { EventRepository } from "./event/event.repository";
import { ImprovementCycleRepository } from "./improvement-cycle/improvement-cycle.repository";
import { LearningCommunityMemberRepository, LearningCommunityRepository } from "./learning-community/learning-community.repository";
import { MentorCapacityRepository, MentorshipActivityRepository, MentorshipRepository } from "./mentorship/mentorship.repository";
import { NeedRepository } from "./need/need.repository";
import { PeerReviewRepository } from "./peer-review/peer-review.repository";
import { EventRegistrationRepository } from "./registration/registration.repository";

export function createRepositories(db: Db) {
  return {
    events: new EventRepository(db),
    registrations: new EventRegistrationRepository(db),
    needs: new NeedRepository(db),
    peerReviews: new PeerReviewRepository(db),
    mentorships: new MentorshipRepository(db),
    mentorshipActivities: new MentorshipActivityRepository(db),
    mentorCapacities: new MentorCapacityRepository(db),
    learningCommunities: new LearningCommunityRepository(db),
    learningCommunityMembers: new LearningCommunityMemberRepository(db),
    improvementCycles: new ImprovementCycleRepository(db),
  };
}

export type DevelopmentRepositories = ReturnType<typeof createRepositories>;
