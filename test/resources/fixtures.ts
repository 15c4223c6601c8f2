import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";
import { resourcesSubgraph } from "../../subgraphs/resources";

/** A resources subgraph on a fresh database, with helpers that create records through its API. */
export interface ResourcesFixture {
  subgraph: SubgraphUnderTest;
  /** Runs an operation that must succeed and returns its data. */
  must(query: string, variables?: Record<string, unknown>): Promise<any>;
  publish(input?: Record<string, unknown>): Promise<string>;
  adopt(resourceId: string, schoolId: string, extra?: Record<string, unknown>): Promise<string>;
  /** A fresh id for a school, network or organization of the networks subgraph (not checked here). */
  entityId(prefix?: string): string;
  stop(): Promise<void>;
}

export async function startResourcesFixture(): Promise<ResourcesFixture> {
  const database: TestDatabase = await startTestDatabase();
  const subgraph = await startSubgraphUnderTest(resourcesSubgraph, database);
  let counter = 0;
  const must = async (query: string, variables: Record<string, unknown> = {}) => {
    const result = await subgraph.execute(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const fixture: ResourcesFixture = {
    subgraph,
    must,
    entityId(prefix = "school") {
      return `${prefix}-${String(++counter).padStart(5, "0")}`;
    },
    async publish(input = {}) {
      const data = await must(`mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`, {
        input: {
          title: `Resource ${String(++counter).padStart(5, "0")}`,
          kind: "GUIDE",
          owner: { kind: "SCHOOL", id: fixture.entityId() },
          ...input,
        },
      });
      return data.publishResource.id;
    },
    async adopt(resourceId, schoolId, extra = {}) {
      const data = await must(`mutation($input: AdoptResourceInput!) { adoptResource(input: $input) { id } }`, {
        input: { resourceId, schoolId, adoptedOn: "2024-10-01", ...extra },
      });
      return data.adoptResource.id;
    },
    async stop() {
      await subgraph.stop();
      await database.stop();
    },
  };
  return fixture;
}

/** The `extensions.code` of the first error, for asserting on error kinds. */
export function errorCode(result: { errors?: Array<{ extensions?: Record<string, any> }> }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
