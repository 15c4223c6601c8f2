import "reflect-metadata";
import { exitOnStartFailure } from "../../runtime/process";
import { runSubgraphProcess } from "../kit/process";

runSubgraphProcess("advocacy", async () => (await import("./index")).advocacySubgraph).catch(exitOnStartFailure("advocacy"));
