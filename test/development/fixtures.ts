import { newId, type Access } from "../../subgraphs/kit";
import { developmentSubgraph } from "../../subgraphs/development";
import { personAccess } from "../support/access";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type GraphQLResult, type SubgraphUnderTest } from "../support/subgraph";

/** A date `days` from today, as the API takes it. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The person the fixture acts as unless a test says otherwise: staff of every school and manager (and
 * member) of every network whose id `someId()` hands out, so the tests of the subgraph's own rules run
 * with every right they need. Tests of access control pass their own `Access` instead.
 */
/** The network the writer manages from the start. */
export const DEFAULT_NETWORK = newId();

export const writer: Access = personAccess({
  personId: "test-writer",
  organizationId: "test-organization",
  schoolIds: [],
  managedNetworkIds: [DEFAULT_NETWORK],
  memberNetworkIds: [DEFAULT_NETWORK],
});

/**
 * Ids of schools, networks and educators: owned by the networks subgraph, so any string will do here.
 * Each one becomes a school the writer is staff of and a network it manages.
 */
export const someId = (): string => {
  const id = newId();
  writer.schoolIds.push(id);
  writer.managedNetworkIds.push(id);
  writer.memberNetworkIds.push(id);
  return id;
};

/** A fresh id nobody has a role on (a school or network of another organization). */
export const foreignId = (): string => newId();

/** A development subgraph on a fresh database, with helpers that create records through its API. */
export interface DevelopmentFixture {
  subgraph: SubgraphUnderTest;
  /** Runs an operation as `writer`, or as `access` when given. */
  execute(query: string, variables?: Record<string, unknown>, access?: Access): Promise<GraphQLResult>;
  /** Runs an operation that must succeed (as `writer`, or as `access`) and returns its data. */
  must(query: string, variables?: Record<string, unknown>, access?: Access): Promise<any>;
  createEvent(input?: Record<string, unknown>): Promise<string>;
  register(eventId: string, input?: Record<string, unknown>): Promise<GraphQLResult>;
  recordNeed(schoolId: string, networkIds: string[], focusArea: string, extra?: Record<string, unknown>): Promise<string>;
  setMentorCapacity(schoolId: string, capacity: number): Promise<void>;
  startMentorship(mentorSchoolId: string, partnerSchoolId: string, extra?: Record<string, unknown>): Promise<GraphQLResult>;
  stop(): Promise<void>;
}

export async function startDevelopmentFixture(): Promise<DevelopmentFixture> {
  const database: TestDatabase = await startTestDatabase();
  const subgraph = await startSubgraphUnderTest(developmentSubgraph, database);
  let counter = 0;
  const execute = (query: string, variables: Record<string, unknown> = {}, access: Access = writer) => subgraph.execute(query, variables, access);
  const must = async (query: string, variables: Record<string, unknown> = {}, access: Access = writer) => {
    const result = await execute(query, variables, access);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  return {
    subgraph,
    execute,
    must,
    async createEvent(input = {}) {
      const data = await must(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: {
          title: `Workshop ${++counter}`,
          kind: "WORKSHOP",
          host: { kind: "NETWORK", id: DEFAULT_NETWORK },
          startDate: daysFromToday(30),
          format: "ONLINE",
          onlineUrl: "https://example.org/meet",
          focusAreas: ["literacy"],
          capacity: 10,
          ...input,
        },
      });
      return data.createEvent.id;
    },
    register(eventId, input = {}) {
      return execute(
        `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status seats waitlistPosition } }`,
        { input: { eventId, registrantKind: "EDUCATOR", educatorId: someId(), schoolId: someId(), ...input } },
      );
    },
    async recordNeed(schoolId, networkIds, focusArea, extra = {}) {
      const data = await must(`mutation($input: RecordNeedInput!) { recordNeed(input: $input) { id } }`, {
        input: { schoolId, networkIds, focusArea, ...extra },
      });
      return data.recordNeed.id;
    },
    async setMentorCapacity(schoolId, capacity) {
      await must(`mutation($s: ID!, $c: Int!) { setMentorCapacity(schoolId: $s, capacity: $c) { capacity } }`, { s: schoolId, c: capacity });
    },
    startMentorship(mentorSchoolId, partnerSchoolId, extra = {}) {
      return execute(`mutation($input: StartMentorshipInput!) { startMentorship(input: $input) { id status } }`, {
        input: { mentorSchoolId, partnerSchoolId, focusAreas: ["advisories"], ...extra },
      });
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

/** The nodes of a connection page. */
export function nodes<T = any>(connection: { edges: Array<{ node: T }> }): T[] {
  return connection.edges.map((edge) => edge.node);
}
