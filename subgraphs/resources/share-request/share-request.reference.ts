import type { ResourcesContext } from "../context";
import type { ShareRequest } from "./share-request";

export function resolveShareRequestReference(reference: Pick<ShareRequest, "id">, context: ResourcesContext) {
  return context.loaders.shareRequestById.load(reference.id);
}
