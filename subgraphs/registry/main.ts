import "reflect-metadata";
import { loadConfig } from "../../config";
import { exitOnStartFailure } from "../../runtime/process";
import { runSubgraphProcess } from "../kit/process";

runSubgraphProcess("registry", async () => {
  const config = loadConfig("subgraph");
  const { registrySubgraphWith } = await import("./index");
  return registrySubgraphWith({ operatorOrganizationId: config.HUB_OPERATOR_ORGANIZATION_ID ?? null, usageWindowDays: config.HUB_USAGE_WINDOW_DAYS });
}).catch(exitOnStartFailure("registry"));
