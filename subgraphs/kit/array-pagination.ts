import { decodeCursor, Deferred, encodeCursor, type Page, type PageArgs, type SortKeys } from "./pagination";

type Key = string | number;

function compare(a: Key[], b: Key[], keys: SortKeys): number {
  for (let i = 0; i < keys.length; i++) {
    if (a[i] === b[i]) continue;
    const order = a[i] < b[i] ? -1 : 1;
    return keys[i][1] === 1 ? order : -order;
  }
  return 0;
}

/**
 * One page of a list already in memory (a bounded list stored inside one record, e.g. a closed benchmark's
 * entries), with the same sealed keyset cursors as database pages: `keyOf` gives each item's values for
 * `sortKeys`, the last of which must be unique.
 */
export function pageOfList<T>(items: readonly T[], sortKeys: SortKeys, keyOf: (item: T) => Key[], args: PageArgs): Page<T> {
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compare(a.key, b.key, sortKeys));
  const after = args.after ? (decodeCursor(sortKeys, args.after) as Key[]) : null;
  const rest = after ? keyed.filter(({ key }) => compare(key, after, sortKeys) > 0) : keyed;
  const edges = rest.slice(0, args.first).map(({ item, key }) => ({ cursor: encodeCursor(sortKeys, key), node: item }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rest.length > args.first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: new Deferred(async () => items.length),
  };
}
