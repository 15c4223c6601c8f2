import "reflect-metadata";
import { startEmbeddedMongo, type EmbeddedMongo } from "../embedded-mongo";
import { SUPERGRAPH_PATH } from "../gateway/compose";
import { readSupergraph, startGateway } from "../gateway/gateway";
import { connectMongo, runSubgraph, type RunningServer } from "../subgraphs/kit";
import { subgraphs } from "../subgraphs/registry";
import { seedDemoData } from "./demo/seed";

export interface HubOptions {
  /** A MongoDB to use; when absent the embedded server starts (in memory unless `dbpath`). */
  mongoUrl?: string;
  /** Where the embedded server keeps its data. */
  dbpath?: string;
  databasePrefix?: string;
  demoData?: boolean;
  host?: string;
  /** 0 or absent: a free port. */
  gatewayPort?: number;
  /** By subgraph name; 0 or absent: a free port. */
  subgraphPorts?: Record<string, number>;
}

export interface RunningHub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  mongoUrl: string;
  stop(): Promise<void>;
}

/** Starts the database (unless given), the four subgraphs and the gateway; `stop` stops them in reverse. */
export async function startHub(options: HubOptions = {}): Promise<RunningHub> {
  const started: Array<RunningServer | EmbeddedMongo> = [];
  const stop = async () => {
    for (const service of started.reverse()) await service.stop();
  };
  try {
    let mongoUrl = options.mongoUrl;
    if (!mongoUrl) {
      const embedded = await startEmbeddedMongo({ dbpath: options.dbpath, host: options.host });
      started.push(embedded);
      mongoUrl = embedded.url;
    }
    const subgraphUrls: Record<string, string> = {};
    for (const definition of subgraphs) {
      const server = await runSubgraph(definition, {
        mongoUrl,
        port: options.subgraphPorts?.[definition.name] ?? 0,
        host: options.host,
        databasePrefix: options.databasePrefix,
      });
      started.push(server);
      subgraphUrls[definition.name] = server.url;
    }
    if (options.demoData) {
      const client = await connectMongo(mongoUrl);
      await seedDemoData(client, options.databasePrefix).finally(() => client.close());
    }
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(SUPERGRAPH_PATH),
      subgraphUrls,
      port: options.gatewayPort ?? 0,
      host: options.host,
    });
    started.push(gateway);
    return { gatewayUrl: gateway.url, subgraphUrls, mongoUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
