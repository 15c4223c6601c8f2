import { MongoClient, type Collection, type Db } from "mongodb";
import { pageOf, paginate, type PageArgs, type StoredDocument } from "../../subgraphs/kit";
import { rankedPage } from "../../subgraphs/resources/resource/ranked-page";
import { startTestDatabase, type TestDatabase } from "../support/database";

/**
 * A first page that holds every match (no cursor, no next page) is its own `totalCount`: no count command
 * runs for it. Any other page counts in the database, and both give the number of matches.
 */

function countedPage(candidates: number, args: PageArgs, total: number) {
  let counts = 0;
  const page = pageOf(
    Array.from({ length: candidates }, (_, i) => i),
    args,
    (candidate) => `cursor-${candidate}`,
    (candidate) => candidate,
    async () => {
      counts += 1;
      return total;
    },
  );
  return { page, counts: () => counts };
}

describe("a page's totalCount", () => {
  it("of a first page with every match is the page's size, without counting", async () => {
    for (const size of [0, 1, 5]) {
      const { page, counts } = countedPage(size, { first: 5, after: null }, 99);
      await expect(page.totalCount).resolves.toBe(size);
      expect(counts()).toBe(0);
    }
  });

  it("is counted when there is a next page, after a cursor, or for `first: 0` with matches", async () => {
    const cases: Array<[candidates: number, args: PageArgs]> = [
      [6, { first: 5, after: null }],
      [2, { first: 5, after: "cursor-3" }],
      [1, { first: 0, after: null }],
    ];
    for (const [candidates, args] of cases) {
      const { page, counts } = countedPage(candidates, args, 42);
      await expect(page.totalCount).resolves.toBe(42);
      expect(counts()).toBe(1);
    }
  });
});

interface Note extends StoredDocument {
  text: string;
  topic: string;
}

describe("a page's totalCount in the database", () => {
  let database: TestDatabase;
  let client: MongoClient;
  let db: Db;
  let notes: Collection<Note>;
  const commands: string[] = [];

  beforeAll(async () => {
    database = await startTestDatabase();
    client = await new MongoClient(database.url, { monitorCommands: true }).connect();
    client.on("commandStarted", (event) => commands.push(event.commandName));
    db = client.db(database.uniqueDbName("page_counts"));
    notes = db.collection<Note>("notes");
    await notes.createIndex({ text: "text" });
    await notes.insertMany(
      Array.from({ length: 12 }, (_, i) => ({ _id: `n${String(i).padStart(2, "0")}`, text: i < 3 ? "rare garden" : "common garden", topic: i < 3 ? "rare" : "common" })),
    );
  });

  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await client?.close();
    await database?.stop();
  });

  async function commandsOf(read: () => Promise<{ totalCount: PromiseLike<number> }>): Promise<{ total: number; commands: string[] }> {
    commands.length = 0;
    const page = await read();
    const total = await page.totalCount;
    return { total, commands: [...commands] };
  }

  it("a keyset page: one find when the first page holds every match, a find and a count otherwise", async () => {
    const page = (topic: string, args: PageArgs) => () => paginate(notes, { topic }, [["_id", 1]], args, (doc) => doc);
    expect(await commandsOf(page("rare", { first: 5, after: null }))).toEqual({ total: 3, commands: ["find"] });
    expect(await commandsOf(page("common", { first: 5, after: null }))).toEqual({ total: 9, commands: ["find", "aggregate"] });
    const first = await paginate(notes, { topic: "rare" }, [["_id", 1]], { first: 1, after: null }, (doc) => doc);
    const second = page("rare", { first: 5, after: first.pageInfo.endCursor });
    expect(await commandsOf(second)).toEqual({ total: 3, commands: ["find", "aggregate"] });
  });

  it("a ranked search: one find when the first page holds every hit, a find and a count otherwise", async () => {
    const search = (words: string, first: number) => () => rankedPage(notes, { $text: { $search: words } }, { first, after: null }, (doc) => doc);
    expect(await commandsOf(search("rare", 5))).toEqual({ total: 3, commands: ["find"] });
    expect(await commandsOf(search("garden", 5))).toEqual({ total: 12, commands: ["find", "aggregate"] });
  });
});
