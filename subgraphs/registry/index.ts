import { readFileSync } from "node:fs";
import { readSupergraphConfig, SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { buildFederatedSchema, type SubgraphDefinition } from "../kit";
import { RegistryRepository } from "./registry.repository";
import { RegistryResolver, type RegistryContext } from "./registry.resolver";
import { RegistryService, USAGE_WINDOW_DAYS, type RegistrySettings } from "./registry.service";

/**
 * The subgraph registry: partners' subgraphs, their checks, and the versions of the supergraph the
 * gateways serve. A subgraph of its own (database `hub_registry`): schema governance is its own concern,
 * and the gateways depend on it for hot reload only (they keep serving their supergraph without it).
 */
export function registrySubgraphWith(settings: Partial<RegistrySettings> = {}): SubgraphDefinition<RegistryContext> {
  return {
    name: "registry",
    async create(db) {
      const repo = new RegistryRepository(db);
      const registry = new RegistryService(repo, {
        builtIns: settings.builtIns ?? readSupergraphConfig().subgraphs,
        committedSupergraph: settings.committedSupergraph ?? (settings.builtIns ? undefined : () => readFileSync(SUPERGRAPH_PATH, "utf8")),
        operatorOrganizationId: settings.operatorOrganizationId ?? null,
        usageWindowDays: settings.usageWindowDays ?? USAGE_WINDOW_DAYS,
      });
      const schema = await buildFederatedSchema({ resolvers: [RegistryResolver] });
      return {
        schema,
        createContext: async (access) => ({ access, registry }),
        ensureIndexes: () => repo.ensureIndexes(),
        initialize: () => registry.syncBuiltIns(),
      };
    },
  };
}

export const registrySubgraph = registrySubgraphWith();
