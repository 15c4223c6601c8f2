import "reflect-metadata";
import { loadConfig } from "../../config";
import { exitOnStartFailure } from "../../runtime/process";
import { runSubgraphProcess } from "../kit/process";

runSubgraphProcess("networks", async () => {
  const config = loadConfig("subgraph");
  const { networksSubgraphWith } = await import("./index");
  return networksSubgraphWith({
    benchmarks: { minimumSchools: config.HUB_BENCHMARK_MIN_SCHOOLS },
    surveys: { minimumResponses: config.HUB_SURVEY_MIN_RESPONSES },
    oneRoster: { maxRows: config.HUB_ONEROSTER_MAX_ROWS },
  });
}).catch(exitOnStartFailure("networks"));
