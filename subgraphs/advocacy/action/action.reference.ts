import type { AdvocacyContext } from "../context";
import type { CampaignAction } from "./action";

export function resolveCampaignActionReference(reference: Pick<CampaignAction, "id">, context: AdvocacyContext) {
  return context.loaders.actionById.load(reference.id);
}
