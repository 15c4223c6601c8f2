import { ApolloServer } from "@apollo/server";
import type { DocumentNode } from "graphql";
import { MongoClient, type Db } from "mongodb";
import type { SubgraphDefinition, SubgraphInstance } from "../../subgraphs/kit";
import type { TestDatabase } from "./database";

export interface GraphQLResult<TData = any> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** A subgraph served in-process (no HTTP) against its own fresh database, as Apollo's federation tests do. */
export interface SubgraphUnderTest {
  db: Db;
  instance: SubgraphInstance;
  execute<TData = any>(query: string | DocumentNode, variables?: Record<string, unknown>): Promise<GraphQLResult<TData>>;
  /** Counts the database commands the subgraph sends (driver command monitoring), by command name. */
  commands: CommandCounter;
  stop(): Promise<void>;
}

export class CommandCounter {
  private counts = new Map<string, number>();

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
  }

  /** Total of data commands (find, aggregate, insert, …), ignoring handshakes and session upkeep. */
  get total(): number {
    let total = 0;
    for (const [name, count] of this.counts) if (!IGNORED_COMMANDS.has(name)) total += count;
    return total;
  }

  byName(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

const IGNORED_COMMANDS = new Set(["hello", "ismaster", "isMaster", "ping", "endSessions", "buildInfo", "saslStart", "saslContinue"]);

export async function startSubgraphUnderTest(definition: SubgraphDefinition, database: TestDatabase): Promise<SubgraphUnderTest> {
  const client = new MongoClient(database.url, { monitorCommands: true });
  await client.connect();
  const commands = new CommandCounter();
  client.on("commandStarted", (event) => commands.record(event.commandName));
  const db = client.db(database.uniqueDbName(definition.name));
  const instance = await definition.create(db);
  await instance.ensureIndexes();
  const server = new ApolloServer<object>({ schema: instance.schema, includeStacktraceInErrorResponses: false });
  await server.start();
  return {
    db,
    instance,
    commands,
    async execute(query, variables) {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: await instance.createContext() },
      );
      if (response.body.kind !== "single") throw new Error("Incremental delivery is not expected here");
      return response.body.singleResult as GraphQLResult;
    },
    async stop() {
      await server.stop();
      await db.dropDatabase();
      await client.close();
    },
  };
}
