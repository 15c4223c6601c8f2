import "reflect-metadata";
import { exitOnStartFailure } from "../../runtime/process";
import { runSubgraphProcess } from "../kit/process";

runSubgraphProcess("development", async () => (await import("./index")).developmentSubgraph).catch(exitOnStartFailure("development"));
