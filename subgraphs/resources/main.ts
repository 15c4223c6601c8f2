import "reflect-metadata";
import { exitOnStartFailure } from "../../runtime/process";
import { runSubgraphProcess } from "../kit/process";

runSubgraphProcess("resources", async () => (await import("./index")).resourcesSubgraph).catch(exitOnStartFailure("resources"));
