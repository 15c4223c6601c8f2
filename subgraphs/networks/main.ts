import "reflect-metadata";
import { exitOnStartFailure, runSubgraphProcess } from "../kit/process";

runSubgraphProcess("networks", async () => (await import("./index")).networksSubgraph).catch(exitOnStartFailure("networks"));
