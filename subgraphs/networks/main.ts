import "reflect-metadata";
import { runSubgraphFromEnvironment } from "../kit";
import { networksSubgraph } from "./index";

runSubgraphFromEnvironment(networksSubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
