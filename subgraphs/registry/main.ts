import "reflect-metadata";
import { runSubgraphFromEnvironment } from "../kit";
import { registrySubgraphWith } from "./index";

runSubgraphFromEnvironment(
  registrySubgraphWith({
    operatorOrganizationId: process.env.HUB_OPERATOR_ORGANIZATION_ID ?? null,
    usageWindowDays: process.env.HUB_USAGE_WINDOW_DAYS ? Number(process.env.HUB_USAGE_WINDOW_DAYS) : undefined,
  }),
).catch((error) => {
  console.error(error);
  process.exit(1);
});
