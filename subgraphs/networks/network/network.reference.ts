import type { NetworksContext } from "../context";
import type { Network } from "./network";

export function resolveNetworkReference(reference: Pick<Network, "id">, context: NetworksContext) {
  return context.loaders.networkById.load(reference.id);
}
