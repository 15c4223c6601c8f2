import type { GraphQLSchema } from "graphql";
import type { KeyLike } from "jose";
import type { Db } from "mongodb";
import { ACCESS_HEADER, importKey, verifyAccessToken, type Access } from "./access";
import { AuditTrail } from "./audit";
import { setCursorKey } from "./cursor";
import { connectMongo, pingDatabase, subgraphDatabaseName } from "./database";
import { startSubgraphServer, type RunningServer } from "./server";

/** A subgraph wired to its database: what the server, the compose script and the tests need. */
export interface SubgraphInstance<TContext extends object = object> {
  schema: GraphQLSchema;
  /** A fresh context (repositories, DataLoaders, the caller's access) for one request. */
  createContext(access: Access): Promise<TContext>;
  /** Creates the indexes the repositories declare. */
  ensureIndexes(): Promise<void>;
  /** Work before serving, after the indexes (e.g. the registry records the deployed built-in subgraphs). */
  initialize?(): Promise<void>;
}

export interface SubgraphDefinition<TContext extends object = object> {
  name: string;
  defaultPort: number;
  /** Environment variable that overrides the port, e.g. NETWORKS_PORT. */
  portVariable: string;
  /** Wires the subgraph to its database; `audit` is the hub's audit log (written by the kit, read by the networks subgraph). */
  create(db: Db, audit: AuditTrail): Promise<SubgraphInstance<TContext>>;
}

export interface RunSubgraphOptions {
  mongoUrl: string;
  port?: number;
  host?: string;
  /** Database names are `<prefix><subgraph>`; tests use a unique prefix. */
  databasePrefix?: string;
  /** Verifies the gateway's signature on the forwarded access token. */
  gatewayPublicKey: KeyLike;
  /** Signs page cursors (at least 32 bytes); default: a random key per process (see `cursor.ts`). */
  cursorKey?: string;
}

/** Connects a subgraph to its own database, creates its indexes and serves it over HTTP. */
export async function runSubgraph(definition: SubgraphDefinition, options: RunSubgraphOptions): Promise<RunningServer> {
  if (options.cursorKey) setCursorKey(options.cursorKey);
  const client = await connectMongo(options.mongoUrl);
  try {
    const db = client.db(subgraphDatabaseName(definition.name, options.databasePrefix));
    const audit = new AuditTrail(client.db(subgraphDatabaseName("audit", options.databasePrefix)), definition.name);
    const subgraph = await definition.create(db, audit);
    await Promise.all([subgraph.ensureIndexes(), audit.ensureIndexes()]);
    await subgraph.initialize?.();
    const server = await startSubgraphServer({
      name: definition.name,
      schema: subgraph.schema,
      port: options.port ?? definition.defaultPort,
      host: options.host,
      verifyAccess: (request) => verifyAccessToken(request.header(ACCESS_HEADER), definition.name, options.gatewayPublicKey),
      context: async (access) => ({ ...(await subgraph.createContext(access)), access, audit }),
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
  const publicKey = process.env.HUB_GATEWAY_PUBLIC_KEY;
  if (!publicKey) throw new Error("HUB_GATEWAY_PUBLIC_KEY is not set: the gateway's public key (PEM or JWK), to verify forwarded access");
  const port = Number(process.env[definition.portVariable] ?? definition.defaultPort);
  const server = await runSubgraph(definition, {
    mongoUrl,
    port,
    host: process.env.HOST,
    gatewayPublicKey: await importKey(publicKey, "verify"),
    cursorKey: process.env.HUB_CURSOR_KEY,
  });
  console.log(`${definition.name} subgraph ready at ${server.url}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
