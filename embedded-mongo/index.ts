/**
 * An embedded MongoDB-compatible server: speaks the wire protocol so the official driver can use it
 * with an ordinary connection string. In memory by default, journaled to disk with `dbpath`.
 */
import { connectionString, type Credentials } from "./auth/credentials";
import { MongoServer } from "./server";

export type { Credentials };

export interface EmbeddedMongoOptions {
  /** 0 or unset = a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** unset = in memory */
  dbpath?: string;
  /** The user clients must authenticate as; default: kept in DBPATH/credentials.json, or generated per start in memory. */
  credentials?: Credentials;
  /** Time limit (ms) of commands evaluating regular expressions without maxTimeMS; default 5000, 0 = none. */
  regexTimeLimitMs?: number;
  /** seconds between passes of the TTL monitor (mongod's ttlMonitorSleepSecs); default 60 */
  ttlMonitorSleepSecs?: number;
}

export interface EmbeddedMongo {
  /** mongodb://USER:PASSWORD@127.0.0.1:PORT/?authSource=admin */
  readonly url: string;
  readonly credentials: Credentials;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? "127.0.0.1";
  const server = await MongoServer.start({ port: options.port ?? 0, host, dbpath: options.dbpath, credentials: options.credentials, regexTimeLimitMs: options.regexTimeLimitMs, ttlMonitorSleepSecs: options.ttlMonitorSleepSecs });
  return {
    url: connectionString(host, server.port, server.credentials),
    credentials: server.credentials,
    port: server.port,
    stop: () => server.stop(),
  };
}
