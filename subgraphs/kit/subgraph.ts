import type { GraphQLSchema } from "graphql";
import type { KeyLike } from "jose";
import type { Db } from "mongodb";
import { acceptedKeys, type KeyRotation } from "../../contracts/gateway-keys";
import { ACCESS_HEADER, type Access } from "./access";
import { AuditTrail } from "./audit";
import { setCursorKey } from "./cursor";
import { connectMongo, pingDatabase, subgraphDatabaseName } from "./database";
import { instrumentMongoClient, ServiceMetrics, traceMongoClient, type Logger } from "../../runtime/observability";
import { startSubgraphServer, type RunningServer } from "./server";
import { VerifiedAccessCache } from "./verified-access";

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
  /** Wires the subgraph to its database; `audit` is the hub's audit log (written by the kit, read by the networks subgraph). */
  create(db: Db, audit: AuditTrail): Promise<SubgraphInstance<TContext>>;
}

export interface RunSubgraphOptions {
  mongoUrl: string;
  /** 0 or absent: a free port. */
  port?: number;
  host?: string;
  /** Database names are `<prefix><subgraph>`; tests use a unique prefix. */
  databasePrefix?: string;
  /** Verifies the gateway's signature on the forwarded access token … */
  gatewayPublicKey: KeyLike;
  /** … as do, during a rotation, the previous and the next key. */
  gatewayKeyRotation?: KeyRotation;
  /** Signs page cursors (at least 32 bytes); default: a random key per process (see `cursor.ts`). */
  cursorKey?: string;
  logger?: Logger;
  /** On stop, how long in-flight requests may finish before the database connections close. */
  shutdownTimeoutMs?: number;
}

/** Connects a subgraph to its own database, creates its indexes and serves it over HTTP. */
export async function runSubgraph(definition: SubgraphDefinition, options: RunSubgraphOptions): Promise<RunningServer> {
  if (options.cursorKey) setCursorKey(options.cursorKey);
  const client = await connectMongo(options.mongoUrl);
  const metrics = new ServiceMetrics(definition.name);
  instrumentMongoClient(client, metrics);
  traceMongoClient(client);
  try {
    const verifiedAccess = new VerifiedAccessCache(definition.name, await acceptedKeys(options.gatewayPublicKey, options.gatewayKeyRotation));
    const db = client.db(subgraphDatabaseName(definition.name, options.databasePrefix));
    const audit = new AuditTrail(client.db(subgraphDatabaseName("audit", options.databasePrefix)), definition.name);
    const subgraph = await definition.create(db, audit);
    await Promise.all([subgraph.ensureIndexes(), audit.ensureIndexes()]);
    await subgraph.initialize?.();
    const server = await startSubgraphServer({
      name: definition.name,
      schema: subgraph.schema,
      port: options.port ?? 0,
      host: options.host,
      logger: options.logger,
      metrics,
      shutdownTimeoutMs: options.shutdownTimeoutMs,
      verifyAccess: (request) => verifiedAccess.access(request.header(ACCESS_HEADER)),
      context: async (access) => ({ ...(await subgraph.createContext(access)), access, audit }),
      checkDatabase: () => pingDatabase(db),
    });
    return {
      ...server,
      // connections close only once the in-flight requests are done with them
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
