/** Sorting documents as MongoDB does: BSON order, arrays by their min (asc) / max (desc) element. */
import { compareValues, TypeBound, TypeOrder } from "./bson-order";
import { collationComparator, type CollationSpec, type Comparator } from "./collation";
import { valuesAtPath, type Doc } from "./paths";
import { textScores } from "./text-scores";
import { commandError, ErrorCodes } from "../errors";

export type SortSpec = Record<string, unknown>;

const EMPTY_ARRAY_KEY = new TypeBound(TypeOrder.Null, false);

interface SortField {
  path: string;
  dir: 1 | -1;
  textScore: boolean;
}

export function parseSort(spec: SortSpec): SortField[] {
  const fields: SortField[] = [];
  for (const [path, v] of Object.entries(spec)) {
    if (v && typeof v === "object" && (v as Doc).$meta !== undefined) {
      if ((v as Doc).$meta !== "textScore") throw commandError(ErrorCodes.BadValue, `$meta for sort must be "textScore"`);
      fields.push({ path, dir: -1, textScore: true });
      continue;
    }
    const n = typeof v === "number" ? v : Number((v as { valueOf(): unknown })?.valueOf?.());
    if (n !== 1 && n !== -1) {
      throw commandError(ErrorCodes.BadValue, `$sort key ordering must be 1 (for ascending) or -1 (for descending)`);
    }
    fields.push({ path, dir: n, textScore: false });
  }
  return fields;
}

export function sortKey(doc: Doc, field: SortField, cmp: Comparator = compareValues): unknown {
  if (field.textScore) return textScores.get(doc) ?? 0;
  const values = valuesAtPath(doc, field.path);
  if (values.length === 0) return null;
  let best: unknown = undefined;
  let first = true;
  for (let v of values) {
    if (Array.isArray(v) && v.length === 0) v = EMPTY_ARRAY_KEY;
    if (first) {
      best = v;
      first = false;
      continue;
    }
    const c = cmp(v, best);
    if (field.dir > 0 ? c < 0 : c > 0) best = v;
  }
  return best;
}

export function sortDocuments<T extends Doc>(docs: T[], spec: SortSpec, collation?: CollationSpec): T[] {
  return sortItems(docs, spec, { collation, docOf: (d) => d });
}

export interface SortItemsOptions<T> {
  collation?: CollationSpec;
  docOf: (item: T) => Doc;
  /** The text score of an item (for `{ $meta: "textScore" }` keys); default: `textScores` of its document. */
  scoreOf?: (item: T) => number | undefined;
  /** Only the first `limit` items in order are wanted (0/undefined: all). */
  limit?: number;
}

const UNSET: unique symbol = Symbol("unset");

interface Keyed<T> {
  item: T;
  i: number;
  keys: unknown[];
}

/**
 * Sorts items by a sort spec, stably (ties keep input order). With `limit`, a bounded heap keeps only the
 * best `limit` items (a top-k selection: O(n log k), not a full sort) and returns exactly the first `limit`
 * items of the full stable sort. Keys after the first are computed only when a comparison reaches them.
 */
export function sortItems<T>(items: T[], spec: SortSpec, options: SortItemsOptions<T>): T[] {
  const fields = parseSort(spec);
  if (fields.length === 0) return options.limit ? items.slice(0, options.limit) : items;
  const cmp = collationComparator(options.collation);
  const { docOf } = options;
  const scoreOf = options.scoreOf ?? ((item: T) => textScores.get(docOf(item)));
  const keyOf = (e: Keyed<T>, k: number): unknown => {
    let key = e.keys[k];
    if (key === UNSET) {
      const f = fields[k];
      key = f.textScore ? (scoreOf(e.item) ?? 0) : sortKey(docOf(e.item), f, cmp);
      e.keys[k] = key;
    }
    return key;
  };
  const compare = (a: Keyed<T>, b: Keyed<T>): number => {
    for (let k = 0; k < fields.length; k++) {
      const ka = keyOf(a, k);
      const kb = keyOf(b, k);
      const c = typeof ka === "number" && typeof kb === "number" && !Number.isNaN(ka) && !Number.isNaN(kb) ? (ka < kb ? -1 : ka > kb ? 1 : 0) : cmp(ka, kb);
      if (c !== 0) return fields[k].dir > 0 ? c : -c;
    }
    return a.i - b.i;
  };
  const keyed = (item: T, i: number): Keyed<T> => ({ item, i, keys: new Array<unknown>(fields.length).fill(UNSET) });
  const limit = options.limit ?? 0;
  if (limit <= 0 || limit * 4 >= items.length) {
    const all = items.map(keyed);
    all.sort(compare);
    const sorted = all.map((k) => k.item);
    return limit > 0 ? sorted.slice(0, limit) : sorted;
  }
  // max-heap on `compare`: the root is the worst of the best `limit` so far
  const heap: Array<Keyed<T>> = [];
  const siftUp = (j: number): void => {
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (compare(heap[j], heap[parent]) <= 0) break;
      [heap[j], heap[parent]] = [heap[parent], heap[j]];
      j = parent;
    }
  };
  const siftDown = (j: number): void => {
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let worst = j;
      if (l < heap.length && compare(heap[l], heap[worst]) > 0) worst = l;
      if (r < heap.length && compare(heap[r], heap[worst]) > 0) worst = r;
      if (worst === j) return;
      [heap[j], heap[worst]] = [heap[worst], heap[j]];
      j = worst;
    }
  };
  for (let i = 0; i < items.length; i++) {
    const e = keyed(items[i], i);
    if (heap.length < limit) {
      heap.push(e);
      siftUp(heap.length - 1);
    } else if (compare(e, heap[0]) < 0) {
      heap[0] = e;
      siftDown(0);
    }
  }
  heap.sort(compare);
  return heap.map((k) => k.item);
}
