import { HUB_VARIABLES } from "../../config/variables";
import type { BenchmarkSettings } from "./benchmark/benchmark.service";

/** What the networks subgraph takes from configuration (its process reads it: `main.ts`). */
export interface NetworksSettings {
  benchmarks: BenchmarkSettings;
}

export const DEFAULT_NETWORKS_SETTINGS: NetworksSettings = {
  benchmarks: { minimumSchools: HUB_VARIABLES.HUB_BENCHMARK_MIN_SCHOOLS.default },
};
