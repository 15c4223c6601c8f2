import "reflect-metadata";
import { exitOnStartFailure, runSubgraphProcess } from "../kit/process";

runSubgraphProcess("resources", async () => (await import("./index")).resourcesSubgraph).catch(exitOnStartFailure("resources"));
