import { buildSchema, graphql, type GraphQLResolveInfo } from "graphql";
import { MongoClient, type Collection, type Db, type Document } from "mongodb";
import { findJoined, GroupedPageLoaders, pagesThroughLink, pageThroughLinkJoined, selectedArgs, type Link, type Page, type PageArgs, type StoredDocument } from "../../subgraphs/kit";
import { SchoolsArgs } from "../../subgraphs/networks/school/school.inputs";
import { startTestDatabase, type TestDatabase } from "../support/database";

/**
 * A parent read by id with its page of nodes through a link joined to the read (`findJoined`) answers, in one
 * command, the page `pagesThroughLink` answers in a command of its own: the same nodes, order, cursors, counts.
 */

interface Team extends StoredDocument {
  name: string;
}
interface Player extends StoredDocument {
  name: string;
  level: string;
}

let database: TestDatabase;
let client: MongoClient;
let db: Db;
let teams: Collection<Team>;
let players: Collection<Player>;
let link: Link;
const commands: string[] = [];

beforeAll(async () => {
  database = await startTestDatabase();
  client = await new MongoClient(database.url, { monitorCommands: true }).connect();
  client.on("commandStarted", (event) => commands.push(event.commandName));
  db = client.db(database.uniqueDbName("joined_pages"));
  teams = db.collection<Team>("teams");
  players = db.collection<Player>("players");
  await teams.insertMany([{ _id: "big", name: "Big" }, { _id: "small", name: "Small" }, { _id: "none", name: "None" }]);
  // names repeat, so `_id` orders players of one name
  await players.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: `p${String(i).padStart(2, "0")}`, name: `Player ${i % 7}`, level: i % 3 === 0 ? "HIGH" : "LOW" })));
  const memberships = db.collection("memberships");
  await memberships.createIndex({ teamId: 1, status: 1 });
  await memberships.insertMany([
    ...Array.from({ length: 25 }, (_, i) => ({ teamId: "big", playerId: `p${String(i).padStart(2, "0")}`, status: i % 5 === 4 ? "LEFT" : "ACTIVE" })),
    { teamId: "small", playerId: "p29", status: "ACTIVE" },
    { teamId: "small", playerId: "p28", status: "ACTIVE" },
    { teamId: "small", playerId: "missing", status: "ACTIVE" },
  ]);
  link = { collection: memberships, parentField: "teamId", targetField: "playerId", filter: { status: "ACTIVE" } };
});

afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await client?.close();
  await database?.stop();
});

/** What a client sees of a page. */
async function shown(page: Page<{ id: string }>): Promise<Document> {
  return { ids: page.edges.map((edge) => edge.node.id), cursors: page.edges.map((edge) => edge.cursor), pageInfo: { ...page.pageInfo, startCursor: page.pageInfo.startCursor, endCursor: page.pageInfo.endCursor }, totalCount: await page.totalCount };
}

describe("a page through a link joined to its parent's read", () => {
  it.each([
    ["a first page", { first: 4 }, {}],
    ["a whole list", { first: 100 }, {}],
    ["a filtered page", { first: 3 }, { level: "HIGH" }],
  ])("is the page pagesThroughLink reads, in one command: %s, and the pages after it", async (_name, size, filter) => {
    for (const teamId of ["big", "small", "none"]) {
      let args: PageArgs = { ...size, after: null };
      for (let pages = 0; pages < 10; pages++) {
        const separate = (await pagesThroughLink(players, link, [teamId], filter, [["name", 1]], args)).get(teamId)!;
        commands.length = 0;
        const [joined] = await findJoined(teams, [teamId], pageThroughLinkJoined(players, link, filter, [["name", 1]], args));
        expect(commands).toEqual(["aggregate"]);
        expect(joined.entity).toEqual({ id: teamId, name: (await teams.findOne({ _id: teamId }))!.name });
        expect(await shown(joined.page)).toEqual(await shown(separate));
        if (!separate.pageInfo.hasNextPage) break;
        args = { ...size, after: separate.pageInfo.endCursor };
      }
    }
  });

  it("answers nothing for a parent that does not exist", async () => {
    expect(await findJoined(teams, ["nowhere"], pageThroughLinkJoined(players, link, {}, [["name", 1]], { first: 5, after: null }))).toEqual([]);
  });
});

describe("page loaders", () => {
  it("answer a primed page for the same arguments in any key order, and read the others", async () => {
    const loaders = new GroupedPageLoaders();
    const primed = { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: Promise.resolve(0) };
    loaders.prime("Team.players", { first: 5, level: "HIGH" }, "big", primed);
    const fetched: string[][] = [];
    const fetch = async (ids: readonly string[]) => {
      fetched.push([...ids]);
      return new Map(ids.map((id) => [id, { ...primed, totalCount: Promise.resolve(1) }]));
    };
    const [big, small] = await Promise.all([loaders.load("Team.players", { level: "HIGH", first: 5, after: undefined }, "big", fetch), loaders.load("Team.players", { level: "HIGH", first: 5 }, "small", fetch)]);
    expect(big).toBe(primed);
    expect(await small.totalCount).toBe(1);
    expect(fetched).toEqual([["small"]]);
  });
});

describe("selectedArgs", () => {
  const schema = buildSchema(`
    enum Level { HIGH LOW }
    type Query { team(id: ID!): Team }
    type Team { id: ID! schools(first: Int = 20, after: String, locale: Level, includeArchived: Boolean = false): Count }
    type Count { totalCount: Int }
  `);

  async function argsOf(query: string, variables: Record<string, unknown> = {}): Promise<SchoolsArgs | null> {
    let selected: SchoolsArgs | null = null;
    const rootValue = {
      team: async (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
        selected = await selectedArgs(info, "schools", SchoolsArgs);
        return { id: "t", schools: { totalCount: 0 } };
      },
    };
    const result = await graphql({ schema, source: query, rootValue, variableValues: variables });
    expect(result.errors).toBeUndefined();
    return selected;
  }

  it("are the nested field's arguments with their defaults, through fragments and variables", async () => {
    expect({ ...(await argsOf(`{ team(id: "t") { schools(first: 3) { totalCount } } }`)) }).toEqual({ first: 3, includeArchived: false });
    expect({ ...(await argsOf(`query($n: Int, $a: String) { team(id: "t") { ... on Team { ...F } } } fragment F on Team { s: schools(first: $n, after: $a, locale: HIGH) { totalCount } }`, { n: 7, a: "c" })) }).toEqual({
      first: 7,
      after: "c",
      locale: "HIGH",
      includeArchived: false,
    });
  });

  it("are null when the field is not selected or its arguments are invalid", async () => {
    expect(await argsOf(`{ team(id: "t") { id } }`)).toBeNull();
    expect(await argsOf(`query($skip: Boolean!) { team(id: "t") { schools @skip(if: $skip) { totalCount } } }`, { skip: true })).toBeNull();
    expect(await argsOf(`{ team(id: "t") { schools(first: 1000) { totalCount } } }`)).toBeNull();
  });
});
