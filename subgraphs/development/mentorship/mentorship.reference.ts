import type { DevelopmentContext } from "../context";
import type { Mentorship, MentorshipActivity } from "./mentorship";

export function resolveMentorshipReference(reference: Pick<Mentorship, "id">, context: DevelopmentContext) {
  return context.loaders.mentorshipById.load(reference.id);
}

export function resolveMentorshipActivityReference(reference: Pick<MentorshipActivity, "id">, context: DevelopmentContext) {
  return context.loaders.mentorshipActivityById.load(reference.id);
}
