import type { Access } from "../../subgraphs/kit";
import { advocacySubgraph } from "../../subgraphs/advocacy";
import { personAccess } from "../support/access";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type GraphQLResult, type SubgraphUnderTest } from "../support/subgraph";

/** Ids as the networks subgraph would issue them; the advocacy subgraph only stores references. */
let idCounter = 0;
export function entityId(): string {
  idCounter += 1;
  return `${Date.now().toString(16).padStart(12, "0")}${idCounter.toString(16).padStart(12, "0")}`.slice(-24);
}

export function isoDate(daysFromToday: number): string {
  const date = new Date();
  date.setUTCHours(0, 0, 0, 0);
  date.setUTCDate(date.getUTCDate() + daysFromToday);
  return date.toISOString().slice(0, 10);
}

/** The `extensions.code` of the first error, for asserting on error kinds. */
export function errorCode(result: GraphQLResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** A person who speaks for this school (its staff), network (its coordinator) or organization (its admin). */
export function asEndorser(kind: string, id: string): Access {
  if (kind === "SCHOOL") return personAccess({ personId: `staff-of-${id}`, schoolIds: [id] });
  if (kind === "NETWORK") return personAccess({ personId: `coordinator-of-${id}`, managedNetworkIds: [id], memberNetworkIds: [id] });
  return personAccess({ personId: `admin-of-${id}`, organizationId: id, organizationAdmin: true });
}

export interface AdvocacyFixture {
  subgraph: SubgraphUnderTest;
  /** The lead network of the campaigns created here unless a test names another. */
  network: string;
  /** A coordinator of `network` and of every network from `coordinatedNetwork()`: the default caller. */
  writer: Access & { managedNetworkIds: string[]; memberNetworkIds: string[] };
  /** A new network id that `writer` coordinates. */
  coordinatedNetwork(): string;
  /** Runs an operation as `writer` (or `access`); returns the result, errors included. */
  run(query: string, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult>;
  /** Runs an operation and fails the test on any error. */
  must(query: string, variables?: Record<string, unknown>, access?: Access): Promise<any>;
  /** Creates a campaign led by `network` (or `input.leadNetworkId`) as `writer`. */
  createCampaign(input?: Record<string, unknown>): Promise<string>;
  /** Endorses as a person who speaks for the endorser (`asEndorser`). */
  endorse(campaignId: string, endorserKind: string, endorserId: string, extra?: Record<string, unknown>): Promise<string>;
  logAction(campaignId: string, input?: Record<string, unknown>): Promise<string>;
  changeStatus(campaignId: string, status: string, extra?: Record<string, unknown>): Promise<GraphQLResult>;
  stop(): Promise<void>;
}

export async function startAdvocacyFixture(): Promise<AdvocacyFixture> {
  const database: TestDatabase = await startTestDatabase();
  const subgraph = await startSubgraphUnderTest(advocacySubgraph, database);
  let counter = 0;
  const network = entityId();
  const writer = { ...personAccess({ personId: "coordinator" }), managedNetworkIds: [network], memberNetworkIds: [network], schoolMemberships: [] as Access["schoolMemberships"] };
  const run = (query: string, variables: Record<string, unknown> = {}, access: Access = writer) => {
    // a school `writer` endorses for, or that endorsed here, is an accepted member of `network` (these tests are not about access)
    const input = variables.input as { endorserKind?: unknown; endorserId?: unknown } | undefined;
    if (access === writer && input?.endorserKind === "SCHOOL" && typeof input.endorserId === "string") {
      writer.schoolMemberships.push({ schoolId: input.endorserId, networkId: network });
    }
    return subgraph.execute(query, variables, access);
  };
  const must = async (query: string, variables: Record<string, unknown> = {}, access: Access = writer) => {
    const result = await run(query, variables, access);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  return {
    subgraph,
    network,
    writer,
    coordinatedNetwork() {
      const id = entityId();
      writer.managedNetworkIds.push(id);
      writer.memberNetworkIds.push(id);
      return id;
    },
    run,
    must,
    async createCampaign(input = {}) {
      const data = await must(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, {
        input: {
          title: `Campaign ${String(++counter).padStart(4, "0")}`,
          policyGoal: "Performance-based assessment accepted as an alternative to state exams",
          level: "STATE",
          jurisdiction: "New York State",
          region: "NY",
          targetBody: "New York State Board of Regents",
          issueAreas: ["assessment"],
          leadNetworkId: network,
          status: "ACTIVE",
          startDate: "2024-01-15",
          ...input,
        },
      });
      return data.createCampaign.id;
    },
    async endorse(campaignId, endorserKind, endorserId, extra = {}) {
      if (endorserKind === "SCHOOL") writer.schoolMemberships.push({ schoolId: endorserId, networkId: network });
      const data = await must(
        `mutation($input: EndorseCampaignInput!) { endorseCampaign(input: $input) { id } }`,
        { input: { campaignId, endorserKind, endorserId, endorsedOn: "2024-02-01", ...extra } },
        asEndorser(endorserKind, endorserId),
      );
      return data.endorseCampaign.id;
    },
    async logAction(campaignId, input = {}) {
      const data = await must(`mutation($input: LogCampaignActionInput!) { logCampaignAction(input: $input) { id } }`, {
        input: { campaignId, kind: "MEETING", title: `Action ${++counter}`, date: "2024-03-01", ...input },
      });
      return data.logCampaignAction.id;
    },
    changeStatus(campaignId, status, extra = {}) {
      return run(`mutation($id: ID!, $input: ChangeCampaignStatusInput!) { changeCampaignStatus(id: $id, input: $input) { id status startDate endDate } }`, {
        id: campaignId,
        input: { status, ...extra },
      });
    },
    async stop() {
      await subgraph.stop();
      await database.stop();
    },
  };
}
