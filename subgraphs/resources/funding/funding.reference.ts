import type { ResourcesContext } from "../context";
import type { FundingAward } from "./funding";

export function resolveFundingAwardReference(reference: Pick<FundingAward, "id">, context: ResourcesContext) {
  return context.loaders.fundingAwardById.load(reference.id);
}
