import type { Access } from "../../subgraphs/kit";
import { resourcesSubgraph } from "../../subgraphs/resources";
import { personAccess } from "../support/access";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type GraphQLResult, type SubgraphUnderTest } from "../support/subgraph";

/**
 * A resources subgraph on a fresh database, with helpers that create records through its API as `admin`: a
 * person on the staff of every school and coordinating every network that `entityId` hands out, so the tests
 * of the subgraph's own rules are not about access (test/resources/access.test.ts is).
 */
export interface ResourcesFixture {
  subgraph: SubgraphUnderTest;
  admin: Access;
  /** Runs an operation as `admin`, or as `access` when given. */
  execute(query: string, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult>;
  /** Runs an operation that must succeed and returns its data. */
  must(query: string, variables?: Record<string, unknown>, access?: Access): Promise<any>;
  /** Publishes a resource (by default owned by a fresh school within a fresh network) and returns its id. */
  publish(input?: Record<string, unknown>, access?: Access): Promise<string>;
  adopt(resourceId: string, schoolId: string, extra?: Record<string, unknown>, access?: Access): Promise<string>;
  /** A fresh id for a school, network or organization of the networks subgraph (not checked here); `admin` gets a role on it. */
  entityId(prefix?: string): string;
  stop(): Promise<void>;
}

export async function startResourcesFixture(): Promise<ResourcesFixture> {
  const database: TestDatabase = await startTestDatabase();
  const subgraph = await startSubgraphUnderTest(resourcesSubgraph, database);
  const admin = personAccess({ personId: "fixture-admin", schoolIds: [], managedNetworkIds: [], memberNetworkIds: [], schoolMemberships: [] });
  let counter = 0;
  const execute = (query: string, variables: Record<string, unknown> = {}, access: Access = admin) => {
    // `admin`'s schools are accepted members of the networks it names (as the gateway would forward them)
    const input = variables.input as { schoolId?: unknown; networkId?: unknown } | undefined;
    if (access === admin && typeof input?.schoolId === "string" && typeof input.networkId === "string") {
      admin.schoolMemberships.push({ schoolId: input.schoolId, networkId: input.networkId });
    }
    return subgraph.execute(query, variables, access);
  };
  const must = async (query: string, variables: Record<string, unknown> = {}, access: Access = admin) => {
    const result = await execute(query, variables, access);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const fixture: ResourcesFixture = {
    subgraph,
    admin,
    execute,
    must,
    entityId(prefix = "school") {
      // a well-formed id (24 hex digits), readable in failures: the prefix's first letters, then the counter
      const id = `${Buffer.from(prefix.slice(0, 4)).toString("hex").padEnd(8, "0")}${String(++counter).padStart(16, "0")}`;
      if (prefix === "school") admin.schoolIds.push(id);
      if (prefix === "network") admin.managedNetworkIds.push(id), admin.memberNetworkIds.push(id);
      return id;
    },
    async publish(input = {}, access = admin) {
      const full: Record<string, unknown> = {
        title: `Resource ${String(++counter).padStart(5, "0")}`,
        kind: "GUIDE",
        networkId: fixture.entityId("network"),
        schoolId: fixture.entityId(),
        ...input,
      };
      const data = await must(`mutation($input: PublishResourceInput!) { publishResource(input: $input) { id } }`, { input: full }, access);
      return data.publishResource.id;
    },
    async adopt(resourceId, schoolId, extra = {}, access = admin) {
      const data = await must(
        `mutation($input: AdoptResourceInput!) { adoptResource(input: $input) { id } }`,
        { input: { resourceId, schoolId, adoptedOn: "2024-10-01", ...extra } },
        access,
      );
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
