import type { Db } from "mongodb";

/** Professional development demo data drawn from the seeds (filled in as the subgraph is built). */
export async function seedDevelopmentDemo(_db: Db): Promise<void> {
  // placeholder: the development subgraph's demo records come next
}
