import "reflect-metadata";
import { exitOnStartFailure, runSubgraphProcess } from "../kit/process";

runSubgraphProcess("advocacy", async () => (await import("./index")).advocacySubgraph).catch(exitOnStartFailure("advocacy"));
