import "reflect-metadata";
import { exitOnStartFailure, runSubgraphProcess } from "../kit/process";

runSubgraphProcess("development", async () => (await import("./index")).developmentSubgraph).catch(exitOnStartFailure("development"));
