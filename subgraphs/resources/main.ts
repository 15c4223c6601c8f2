import "reflect-metadata";
import { runSubgraphFromEnvironment } from "../kit";
import { resourcesSubgraph } from "./index";

runSubgraphFromEnvironment(resourcesSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
