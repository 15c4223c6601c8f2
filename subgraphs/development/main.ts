import "reflect-metadata";
import { runSubgraphFromEnvironment } from "../kit";
import { developmentSubgraph } from "./index";

runSubgraphFromEnvironment(developmentSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
