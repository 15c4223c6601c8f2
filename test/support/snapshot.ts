import type { Db } from "mongodb";

/** Every document of every collection of `db`, in a stable order: compare before and after a refused write. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((collection) => collection.name).sort();
  const entries = await Promise.all(names.map(async (name) => [name, await db.collection(name).find().sort({ _id: 1 }).toArray()] as const));
  return Object.fromEntries(entries);
}
