import type { AdvocacyContext } from "../context";
import type { Campaign } from "./campaign";

export function resolveCampaignReference(reference: Pick<Campaign, "id">, context: AdvocacyContext) {
  return context.loaders.campaignById.load(reference.id);
}
