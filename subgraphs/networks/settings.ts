import { HUB_VARIABLES } from "../../config/variables";
import type { BenchmarkSettings } from "./benchmark/benchmark.service";
import type { OneRosterSettings } from "./oneroster/oneroster.service";
import type { SurveySettings } from "./survey/survey.service";

/** What the networks subgraph takes from configuration (its process reads it: `main.ts`). */
export interface NetworksSettings {
  benchmarks: BenchmarkSettings;
  surveys: SurveySettings;
  oneRoster: OneRosterSettings;
}

export const DEFAULT_NETWORKS_SETTINGS: NetworksSettings = {
  benchmarks: { minimumSchools: HUB_VARIABLES.HUB_BENCHMARK_MIN_SCHOOLS.default },
  surveys: { minimumResponses: HUB_VARIABLES.HUB_SURVEY_MIN_RESPONSES.default },
  oneRoster: { maxRows: HUB_VARIABLES.HUB_ONEROSTER_MAX_ROWS.default },
};
