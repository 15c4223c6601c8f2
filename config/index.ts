export { loadConfig, ConfigError, environmentWith, type HubConfig } from "./loader";
export { HUB_VARIABLES, SUBGRAPH_VARIABLES, type HubProcess, type HubSubgraphName, type HubVariableName } from "./variables";
