import { ApolloGateway } from "@apollo/gateway";
import type { GraphQLSchema } from "graphql";
import { SUPERGRAPH_PATH } from "../../contracts/supergraph-config";
import { readSupergraph } from "../../gateway/gateway";

/** The API schema clients see through the gateway, from the committed supergraph. */
export async function loadSupergraphApiSchema(): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl: readSupergraph(SUPERGRAPH_PATH) });
  const { schema } = await gateway.load();
  await gateway.stop();
  return schema;
}
