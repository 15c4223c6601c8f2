import DataLoader from "dataloader";

/**
 * Find options for loader queries, which always read their whole result: one reply (up to MongoDB's 16 MB)
 * instead of the driver's first batch of 101 documents and then getMores, so round trips per request do
 * not grow with the number of rows returned.
 */
export const READ_ALL = { batchSize: 10_000 } as const;

/**
 * A per-request loader of documents by key: one database call per tick, whatever the number of
 * keys, and results in key order (null where nothing matches) as DataLoader requires.
 */
export function keyedLoader<TKey, TValue>(
  fetch: (keys: readonly TKey[]) => Promise<TValue[]>,
  keyOf: (value: TValue) => TKey,
): DataLoader<TKey, TValue | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A per-request loader of the (small, bounded) lists that belong to each key, e.g. a school's memberships. */
export function groupedLoader<TKey, TValue>(
  fetch: (keys: readonly TKey[]) => Promise<TValue[]>,
  keyOf: (value: TValue) => TKey | readonly TKey[],
): DataLoader<TKey, TValue[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<TKey, TValue[]>(keys.map((key) => [key, []]));
    for (const value of await fetch(keys)) {
      const owners = keyOf(value);
      for (const key of Array.isArray(owners) ? owners : [owners as TKey]) groups.get(key)?.push(value);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Loads many keys, dropping those that match nothing (rethrowing real failures). */
export async function loadExisting<TKey, TValue>(loader: DataLoader<TKey, TValue | null>, keys: readonly TKey[]): Promise<TValue[]> {
  const values = await loader.loadMany(keys);
  return values.filter((value): value is TValue => {
    if (value instanceof Error) throw value;
    return value !== null;
  });
}
