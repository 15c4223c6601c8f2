import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { DocumentNode } from "graphql";
import { MongoClient, type Db } from "mongodb";
import { ANONYMOUS_ACCESS, AuditTrail, type Access, type SubgraphDefinition, type SubgraphInstance } from "../../subgraphs/kit";
import type { TestDatabase } from "./database";

export interface GraphQLResult<TData = any> {
  data?: TData | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** A subgraph served in-process (no HTTP) against its own fresh database, as Apollo's federation tests do. */
export interface SubgraphUnderTest {
  db: Db;
  instance: SubgraphInstance;
  /** Runs an operation as the gateway would forward it for a caller with `access` (anonymous by default). */
  execute<TData = any>(query: string | DocumentNode, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult<TData>>;
  /** Counts the database commands the subgraph sends (driver command monitoring), by command name. */
  commands: CommandCounter;
  /** Where the subgraph's writes are recorded. */
  audit: AuditTrail;
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

  /**
   * Queries and writes sent (find, aggregate, insert, …): not handshakes or session upkeep, and not
   * getMore, which fetches further batches of a query already counted.
   */
  get total(): number {
    let total = 0;
    for (const [name, count] of this.counts) if (!IGNORED_COMMANDS.has(name)) total += count;
    return total;
  }

  byName(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

const IGNORED_COMMANDS = new Set(["hello", "ismaster", "isMaster", "ping", "endSessions", "buildInfo", "saslStart", "saslContinue", "getMore"]);

export async function startSubgraphUnderTest(definition: SubgraphDefinition, database: TestDatabase): Promise<SubgraphUnderTest> {
  const client = new MongoClient(database.url, { monitorCommands: true });
  await client.connect();
  const commands = new CommandCounter();
  client.on("commandStarted", (event) => commands.record(event.commandName));
  const db = client.db(database.uniqueDbName(definition.name));
  const audit = new AuditTrail(client.db(database.uniqueDbName("audit")), definition.name);
  const instance = await definition.create(db, audit);
  await instance.ensureIndexes();
  const server = new ApolloServer<object>({
    schema: instance.schema,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  return {
    db,
    instance,
    commands,
    audit,
    async execute(query, variables, access = ANONYMOUS_ACCESS) {
      const contextValue = { ...(await instance.createContext(access)), access, audit };
      const response = await server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== "single") throw new Error("Incremental delivery is not expected here");
      return response.body.singleResult as GraphQLResult;
    },
    async stop() {
      await server.stop();
      await db.dropDatabase();
      await audit.entries.db.dropDatabase();
      await client.close();
    },
  };
}
