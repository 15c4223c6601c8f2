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
  const fields = parseSort(spec);
  if (fields.length === 0) return docs;
  const cmp = collationComparator(collation);
  const keyed = docs.map((doc, i) => ({ doc, i, keys: fields.map((f) => sortKey(doc, f, cmp)) }));
  keyed.sort((a, b) => {
    for (let k = 0; k < fields.length; k++) {
      const c = cmp(a.keys[k], b.keys[k]);
      if (c !== 0) return fields[k].dir > 0 ? c : -c;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.doc);
}
