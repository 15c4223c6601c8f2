import { decodeCursor, encodeCursor, mapNodes, pageOf, type Page, type PageArgs, type SortKeys } from "./pagination";
import type { CursorValue } from "./cursor";

/** Orders two sort key values: null first, then numbers, strings and dates by value. */
function compare(a: CursorValue, b: CursorValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const [x, y] = [a instanceof Date ? a.getTime() : String(a), b instanceof Date ? b.getTime() : String(b)];
  return typeof a === "number" && typeof b === "number" ? a - b : x < y ? -1 : x > y ? 1 : 0;
}

/**
 * One page of a list worked out in memory (a request's allied networks, the registry's subgraphs: bounded, and
 * already read whole), with the same arguments, order and sealed cursors as a database list. The last sort key
 * must be unique.
 */
export function pageOfList<T>(items: readonly T[], sortKeys: SortKeys, valueOf: (item: T, field: string) => CursorValue, args: PageArgs): Page<T> {
  const order = (a: T, b: T) => {
    for (const [field, direction] of sortKeys) {
      const difference = compare(valueOf(a, field), valueOf(b, field));
      if (difference !== 0) return difference * direction;
    }
    return 0;
  };
  const sorted = [...items].sort(order);
  const valuesOf = (item: T) => sortKeys.map(([field]) => valueOf(item, field));
  let start = 0;
  if (args.after) {
    const after = decodeCursor(sortKeys, args.after) as CursorValue[];
    const isAfter = (item: T) => {
      const values = valuesOf(item);
      for (const [i, [, direction]] of sortKeys.entries()) {
        const difference = compare(values[i], after[i]) * direction;
        if (difference !== 0) return difference > 0;
      }
      return false;
    };
    start = sorted.findIndex(isAfter);
    if (start < 0) start = sorted.length;
  }
  return pageOf(sorted.slice(start), args, (node) => encodeCursor(sortKeys, valuesOf(node)), (node) => node, async () => sorted.length);
}

/**
 * A page of ids in their stored order (another subgraph's entities a record lists, e.g. the schools of a
 * community), each turned into a node (a reference) by `toNode`.
 */
export function pageOfIds<TNode>(ids: readonly string[], args: PageArgs, toNode: (id: string) => TNode): Page<TNode> {
  const page = pageOfList(ids.map((id, position) => ({ id, position })), [["position", 1]], (item) => item.position, args);
  return mapNodes(page, (node) => toNode(node.id));
}
