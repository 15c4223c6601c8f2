import type { NetworksContext } from "../context";
import type { School } from "./school";

/** Partner subgraphs may refer to a school by our id or by its NCES id. */
export function resolveSchoolReference(reference: Partial<Pick<School, "id" | "ncesId">>, context: NetworksContext) {
  if (reference.id) return context.loaders.schoolById.load(reference.id);
  if (reference.ncesId) return context.loaders.schoolByNcesId.load(reference.ncesId);
  return null;
}
