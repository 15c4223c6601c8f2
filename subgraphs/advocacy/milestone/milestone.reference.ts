import type { AdvocacyContext } from "../context";
import type { CampaignMilestone } from "./milestone";

export function resolveCampaignMilestoneReference(reference: Pick<CampaignMilestone, "id">, context: AdvocacyContext) {
  return context.loaders.milestoneById.load(reference.id);
}
