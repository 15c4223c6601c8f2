import type { Request } from "express";
import type { GraphQLSchema } from "graphql";
import type { Db } from "mongodb";
import { connectMongo, pingDatabase, subgraphDatabaseName } from "./database";
import { startSubgraphServer, type RunningServer } from "./server";

/** A subgraph wired to its database: what the server, the compose script and the tests need. */
export interface SubgraphInstance<TContext extends object = object> {
  schema: GraphQLSchema;
  /** A fresh context (repositories, DataLoaders, the caller's access) for one request. */
  createContext(request?: Request): Promise<TContext>;
  /** Creates the indexes the repositories declare. */
  ensureIndexes(): Promise<void>;
}

export interface SubgraphDefinition<TContext extends object = object> {
  name: string;
  defaultPort: number;
  /** Environment variable that overrides the port, e.g. NETWORKS_PORT. */
  portVariable: string;
  create(db: Db): Promise<SubgraphInstance<TContext>>;
}

export interface RunSubgraphOptions {
  mongoUrl: string;
  port?: number;
  host?: string;
  /** Database names are `<prefix><subgraph>`; tests use a unique prefix. */
  databasePrefix?: string;
}

/** Connects a subgraph to its own database, creates its indexes and serves it over HTTP. */
export async function runSubgraph(definition: SubgraphDefinition, options: RunSubgraphOptions): Promise<RunningServer> {
  const client = await connectMongo(options.mongoUrl);
  try {
    const db = client.db(subgraphDatabaseName(definition.name, options.databasePrefix));
    const subgraph = await definition.create(db);
    await subgraph.ensureIndexes();
    const server = await startSubgraphServer({
      name: definition.name,
      schema: subgraph.schema,
      port: options.port ?? definition.defaultPort,
      host: options.host,
      context: (request) => subgraph.createContext(request),
      checkHealth: () => pingDatabase(db),
    });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await client.close();
      },
    };
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** Entry point helper: `node dist/subgraphs/<name>/main.js` configured from the environment. */
export async function runSubgraphFromEnvironment(definition: SubgraphDefinition): Promise<void> {
  const mongoUrl = process.env.MONGODB_URL;
  if (!mongoUrl) throw new Error("MONGODB_URL is not set: point it at the MongoDB this subgraph should use");
  const port = Number(process.env[definition.portVariable] ?? definition.defaultPort);
  const server = await runSubgraph(definition, { mongoUrl, port, host: process.env.HOST });
  console.log(`${definition.name} subgraph ready at ${server.url}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
