import type { MongoClient } from "mongodb";
import { subgraphDatabaseName } from "../../subgraphs/kit";
import { seedAdvocacyDemo } from "./advocacy";
import { seedAgreementsDemo } from "./agreements";
import { seedBenchmarksDemo } from "./benchmarks";
import { seedDevelopmentDemo } from "./development";
import { seedFundedWorkDemo } from "./funded-work";
import { seedNetworksDemo } from "./networks";
import { seedResourcesDemo } from "./resources";
import { seedSurveysDemo } from "./surveys";

/** Loads the demo data set drawn from the seed documents into each subgraph's database; idempotent. */
export async function seedDemoData(client: MongoClient, databasePrefix?: string): Promise<void> {
  const db = (subgraph: string) => client.db(subgraphDatabaseName(subgraph, databasePrefix));
  await seedNetworksDemo(db("networks"));
  await seedBenchmarksDemo(db("networks"));
  await seedSurveysDemo(db("networks"));
  await seedResourcesDemo(db("resources"));
  await seedAgreementsDemo(db("resources"));
  await seedFundedWorkDemo(db("resources"));
  await seedDevelopmentDemo(db("development"));
  await seedAdvocacyDemo(db("advocacy"));
}
