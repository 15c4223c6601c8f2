import "reflect-metadata";
import { exitOnStartFailure } from "../../runtime/process";
import { runSubgraphProcess } from "../kit/process";

runSubgraphProcess("networks", async () => (await import("./index")).networksSubgraph).catch(exitOnStartFailure("networks"));
