import type { Access } from "../../subgraphs/kit";
import { networksSubgraph } from "../../subgraphs/networks";
import { personAccess } from "../support/access";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type GraphQLResult, type SubgraphUnderTest } from "../support/subgraph";

/**
 * A networks subgraph on a fresh database, with helpers that create records through its API as an
 * admin of the latest organization created, who manages every network and school created here.
 */
export interface NetworksFixture {
  subgraph: SubgraphUnderTest;
  admin: Access & { managedNetworkIds: string[]; schoolIds: string[] };
  /** Runs an operation as `admin`, or as `access` when given. */
  execute(query: string, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult>;
  createOrganization(name?: string): Promise<string>;
  createNetwork(organizationId: string, name?: string): Promise<string>;
  createSchool(input?: Record<string, unknown>): Promise<string>;
  /** Proposes a membership as `admin`, who speaks for both sides, so it is accepted at once. */
  addMembership(schoolId: string, networkId: string, extra?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export async function startNetworksFixture(): Promise<NetworksFixture> {
  const database: TestDatabase = await startTestDatabase();
  const subgraph = await startSubgraphUnderTest(networksSubgraph, database);
  const admin = { ...personAccess({ organizationAdmin: true }), managedNetworkIds: [] as string[], schoolIds: [] as string[] };
  let counter = 0;
  const execute = (query: string, variables?: Record<string, unknown>, access: Access = admin) => subgraph.execute(query, variables, access);
  const must = async (query: string, variables: Record<string, unknown>) => {
    const result = await execute(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  return {
    subgraph,
    admin,
    execute,
    async createOrganization(name = `Organization ${++counter}`) {
      const data = await must(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
        input: { name, kind: "NONPROFIT" },
      });
      admin.organizationId = data.createOrganization.id;
      return data.createOrganization.id;
    },
    async createNetwork(organizationId, name = `Network ${++counter}`) {
      const data = await must(`mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`, {
        input: { name, organizationId, scope: "LOCAL", focusAreas: ["literacy"] },
      });
      admin.managedNetworkIds.push(data.createNetwork.id);
      return data.createNetwork.id;
    },
    async createSchool(input = {}) {
      const data = await must(`mutation($input: CreateSchoolInput!) { createSchool(input: $input) { id } }`, {
        input: {
          name: `School ${String(++counter).padStart(4, "0")}`,
          level: "HIGH",
          lowestGrade: 9,
          highestGrade: 12,
          locale: "CITY",
          location: { city: "New York", region: "NY", country: "US" },
          ...input,
        },
      });
      admin.schoolIds.push(data.createSchool.id);
      return data.createSchool.id;
    },
    async addMembership(schoolId, networkId, extra = {}) {
      const data = await must(`mutation($input: MembershipInput!) { proposeMembership(input: $input) { id status } }`, {
        input: { schoolId, networkId, startDate: "2024-09-01", ...extra },
      });
      if (data.proposeMembership.status !== "ACCEPTED") throw new Error(`Membership is ${data.proposeMembership.status}`);
      return data.proposeMembership.id;
    },
    async stop() {
      await subgraph.stop();
      await database.stop();
    },
  };
}

/** The `extensions.code` of the first error, for asserting on error kinds. */
export function errorCode(result: { errors?: Array<{ extensions?: Record<string, any> }> }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
