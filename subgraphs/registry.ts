import type { SubgraphDefinition } from "./kit";
import { advocacySubgraph } from "./advocacy";
import { developmentSubgraph } from "./development";
import { networksSubgraph } from "./networks";
import { resourcesSubgraph } from "./resources";

/** The hub's subgraphs, in the order they start and compose. */
export const subgraphs: SubgraphDefinition<any>[] = [networksSubgraph, resourcesSubgraph, developmentSubgraph, advocacySubgraph];
