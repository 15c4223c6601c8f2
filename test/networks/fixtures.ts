import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";
import { networksSubgraph } from "../../subgraphs/networks";

/** A networks subgraph on a fresh database, with helpers that create records through its API. */
export interface NetworksFixture {
  subgraph: SubgraphUnderTest;
  createOrganization(name?: string): Promise<string>;
  createNetwork(organizationId: string, name?: string): Promise<string>;
  createSchool(input?: Record<string, unknown>): Promise<string>;
  addMembership(schoolId: string, networkId: string, extra?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export async function startNetworksFixture(): Promise<NetworksFixture> {
  const database: TestDatabase = await startTestDatabase();
  const subgraph = await startSubgraphUnderTest(networksSubgraph, database);
  let counter = 0;
  const must = async (query: string, variables: Record<string, unknown>) => {
    const result = await subgraph.execute(query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  return {
    subgraph,
    async createOrganization(name = `Organization ${++counter}`) {
      const data = await must(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
        input: { name, kind: "NONPROFIT" },
      });
      return data.createOrganization.id;
    },
    async createNetwork(organizationId, name = `Network ${++counter}`) {
      const data = await must(`mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`, {
        input: { name, organizationId, scope: "LOCAL", focusAreas: ["literacy"] },
      });
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
      return data.createSchool.id;
    },
    async addMembership(schoolId, networkId, extra = {}) {
      const data = await must(`mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }`, {
        input: { schoolId, networkId, startDate: "2024-09-01", ...extra },
      });
      return data.addMembership.id;
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
