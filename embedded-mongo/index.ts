/**
 * An embedded MongoDB-compatible server: speaks the wire protocol so the official driver can use it
 * with an ordinary connection string. In memory by default, journaled to disk with `dbpath`.
 */
import { MongoServer } from "./server";

export interface EmbeddedMongoOptions {
  /** 0 or unset = a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** unset = in memory */
  dbpath?: string;
  /** seconds between passes of the TTL monitor (mongod's ttlMonitorSleepSecs); default 60 */
  ttlMonitorSleepSecs?: number;
}

export interface EmbeddedMongo {
  /** mongodb://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? "127.0.0.1";
  const server = await MongoServer.start({ port: options.port ?? 0, host, dbpath: options.dbpath, ttlMonitorSleepSecs: options.ttlMonitorSleepSecs });
  const urlHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `mongodb://${urlHost}:${server.port}`,
    port: server.port,
    stop: () => server.stop(),
  };
}
