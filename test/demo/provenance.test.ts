import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MongoClient, type Document } from "mongodb";
import { seedDemoData } from "../../scripts/demo/seed";
import { DemoSchools } from "../../scripts/demo/ids";
import { advocacySubgraph } from "../../subgraphs/advocacy";
import { developmentSubgraph } from "../../subgraphs/development";
import { networksSubgraph } from "../../subgraphs/networks";
import { resourcesSubgraph } from "../../subgraphs/resources";
import { seedAdvocacyDemo } from "../../scripts/demo/advocacy";
import { seedDevelopmentDemo } from "../../scripts/demo/development";
import { seedResourcesDemo } from "../../scripts/demo/resources";
import { startTestDatabase, type TestDatabase } from "../support/database";
import { startSubgraphUnderTest, type SubgraphUnderTest } from "../support/subgraph";

/*
 * Every demo record says where it comes from, and a record that claims a seed is checked against that seed's text:
 * its name (or the name the seed gives it, `statedAs`) must appear there. The seed documents live beside the
 * project (DOMAIN.md's `seeds/`); the name check needs them.
 */

const SEEDS = join(__dirname, "../../../shared/seeds");
/** Anonymous survey answers and participation marks carry nothing but what anonymity allows; their survey says where it comes from. */
const ANONYMOUS = new Set(["survey_responses", "survey_participations"]);
const SUBGRAPHS = ["networks", "resources", "development", "advocacy"];

const normalize = (text: string) =>
  text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();

let database: TestDatabase;
let client: MongoClient;
let prefix: string;
const records: Array<{ subgraph: string; collection: string; doc: Document }> = [];

beforeAll(async () => {
  database = await startTestDatabase();
  client = await new MongoClient(database.url).connect();
  prefix = `${database.uniqueDbName("provenance")}_`;
  await seedDemoData(client, prefix);
  for (const subgraph of SUBGRAPHS) {
    const db = client.db(`${prefix}${subgraph}`);
    for (const { name } of await db.listCollections().toArray()) {
      if (ANONYMOUS.has(name)) continue;
      for (const doc of await db.collection(name).find().toArray()) records.push({ subgraph, collection: name, doc });
    }
  }
});

afterAll(async () => {
  for (const subgraph of SUBGRAPHS) await client?.db(`${prefix}${subgraph}`).dropDatabase();
  await client?.close();
  await database?.stop();
});

describe("demo data provenance", () => {
  it("marks every demo record of every subgraph as stated by a seed or illustrative", () => {
    expect(new Set(records.map((record) => record.subgraph))).toEqual(new Set(SUBGRAPHS));
    const unmarked = records.filter(({ doc }) => !["SEED", "ILLUSTRATIVE"].includes(doc.provenance?.source));
    expect(unmarked.map(({ subgraph, collection, doc }) => `${subgraph}.${collection}:${doc._id}`)).toEqual([]);
    const seededWithoutSeed = records.filter(({ doc }) => doc.provenance.source === "SEED" && !/^00[0-4]$/.test(doc.provenance.seed));
    expect(seededWithoutSeed).toEqual([]);
  });

  it("flags every demo NCES id as made up", () => {
    const schools = records.filter(({ subgraph, collection }) => subgraph === "networks" && collection === "schools").map(({ doc }) => doc);
    const withNcesId = schools.filter((school) => school.ncesId);
    expect(withNcesId.length).toBeGreaterThan(0);
    const flagged = (school: Document) => school.provenance.source === "ILLUSTRATIVE" || school.provenance.illustrativeFields.includes("ncesId");
    expect(withNcesId.filter((school) => !flagged(school)).map((school) => school.name)).toEqual([]);
  });

  (existsSync(SEEDS) ? it : it.skip)("finds the name of every record marked with a seed in that seed's text", () => {
    const texts = new Map(
      readdirSync(SEEDS)
        .filter((file) => file.endsWith(".txt"))
        .map((file) => [file.slice(0, 3), normalize(readFileSync(join(SEEDS, file), "utf8"))]),
    );
    const seeded = records.filter(({ doc }) => doc.provenance?.source === "SEED");
    expect(seeded.length).toBeGreaterThan(30);
    const unfound = seeded.filter(({ doc }) => {
      const name = doc.provenance.statedAs ?? doc.name ?? doc.title;
      return !name || !texts.get(doc.provenance.seed)?.includes(normalize(name));
    });
    expect(unfound.map(({ collection, doc }) => `${collection}: ${doc.provenance.statedAs ?? doc.name ?? doc.title} (seed ${doc.provenance.seed})`)).toEqual([]);
  });
});

describe("provenance through the API", () => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await startSubgraphUnderTest(networksSubgraph, database);
    const { seedNetworksDemo } = await import("../../scripts/demo/networks");
    await seedNetworksDemo(subgraph.db);
  });
  afterAll(() => subgraph?.stop());

  it("tells a seed school's invented NCES id from the facts its seed states, and an illustrative school from a seed one", async () => {
    const PROVENANCE = "provenance { source seed statedAs illustrativeFields note }";
    const result = await subgraph.execute(`query($id: ID!) { school(id: $id) { name ncesId ${PROVENANCE} }
      schools(first: 100) { edges { node { name ${PROVENANCE} } } } }`, { id: DemoSchools.parker });
    expect(result.errors).toBeUndefined();
    expect(result.data.school.provenance).toMatchObject({ source: "SEED", seed: "004" });
    expect(result.data.school.provenance.illustrativeFields).toContain("ncesId");
    expect(result.data.school.provenance.illustrativeFields).not.toContain("enrollment");
    const sources = new Set(result.data.schools.edges.map((edge: any) => edge.node.provenance.source));
    expect(sources).toEqual(new Set(["SEED", "ILLUSTRATIVE"]));
  });
});

describe.each([
  ["resources", resourcesSubgraph, seedResourcesDemo, "{ resources(first: 100) { edges { node { title provenance { source seed } } } } }", "resources"],
  ["development", developmentSubgraph, seedDevelopmentDemo, `{ events(from: "2000-01-01", first: 100) { edges { node { title provenance { source seed } } } } }`, "events"],
  ["advocacy", advocacySubgraph, seedAdvocacyDemo, "{ campaigns(first: 100) { edges { node { title provenance { source seed } } } } }", "campaigns"],
] as const)("provenance through the %s subgraph's API", (_name, definition, seed, query, field) => {
  let subgraph: SubgraphUnderTest;
  beforeAll(async () => {
    subgraph = await startSubgraphUnderTest(definition as never, database);
    await seed(subgraph.db);
  });
  afterAll(() => subgraph?.stop());

  it("answers every public demo record's provenance", async () => {
    const result = await subgraph.execute(query);
    expect(result.errors).toBeUndefined();
    const list = result.data[field];
    const nodes = Array.isArray(list) ? list : list.edges.map((edge: any) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.filter((node: any) => !["SEED", "ILLUSTRATIVE"].includes(node.provenance?.source))).toEqual([]);
  });
});
