import "reflect-metadata";
import { runSubgraphFromEnvironment } from "../kit";
import { advocacySubgraph } from "./index";

runSubgraphFromEnvironment(advocacySubgraph).catch((error) => {
  console.error(error);
  process.exit(1);
});
