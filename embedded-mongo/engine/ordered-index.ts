/** A B+tree index over one or more fields (the _id index and every declared non-text index). */
import BTree from "sorted-btree";
import { compareValues, TypeBound } from "./bson-order";
import { valuesAtPath, type Doc } from "./paths";
import { commandError, ErrorCodes } from "../errors";

/** Tree key: the indexed values followed by the record id. */
export type IndexKey = unknown[];

export const MIN_ALL = new TypeBound(-1, false);
export const MAX_ALL = new TypeBound(99, true);

export interface FieldInterval {
  low: unknown;
  high: unknown;
  lowInclusive: boolean;
  highInclusive: boolean;
}

/** Bounds per index field: a list of point values or intervals (a field with none is unbounded). */
export type FieldBounds = FieldInterval[];

export class OrderedIndex {
  readonly fields: string[];
  readonly directions: number[];
  private readonly tree: BTree<IndexKey, undefined>;
  multikey = false;

  constructor(
    readonly keyPattern: Record<string, unknown>,
    readonly unique: boolean,
    readonly sparse: boolean,
    /** key order (a collated index compares strings by its collation) */
    compare: (a: unknown, b: unknown) => number = compareValues,
  ) {
    this.fields = Object.keys(keyPattern);
    this.directions = this.fields.map((f) => (Number(keyPattern[f]) < 0 ? -1 : 1));
    const n = this.fields.length;
    const dirs = this.directions;
    this.tree = new BTree<IndexKey, undefined>(undefined, (a, b) => {
      for (let i = 0; i < n; i++) {
        const c = compare(a[i], b[i]);
        if (c !== 0) return dirs[i] < 0 ? -c : c;
      }
      const ra = a[n] as number;
      const rb = b[n] as number;
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    });
  }

  get size(): number {
    return this.tree.size;
  }

  /** The index keys of a document (no record id), or [] when a sparse index skips it. */
  keysFor(doc: Doc): unknown[][] {
    const perField: unknown[][] = [];
    const arrayRoots = new Set<string>();
    let allMissing = true;
    for (const field of this.fields) {
      const m = { arrayMet: false };
      let values = valuesAtPath(doc, field, m);
      if (values.length === 0) values = [null];
      else allMissing = false;
      if (m.arrayMet) arrayRoots.add(field.split(".")[0]);
      perField.push(dedupe(values));
    }
    if (this.sparse && allMissing) return [];
    if (arrayRoots.size > 1) {
      throw commandError(ErrorCodes.CannotIndexParallelArrays, `cannot index parallel arrays [${[...arrayRoots].join("] [")}]`);
    }
    if (arrayRoots.size > 0) this.multikey = true;
    let keys: unknown[][] = [[]];
    for (const values of perField) {
      const next: unknown[][] = [];
      for (const k of keys) for (const v of values) next.push([...k, v]);
      keys = next;
    }
    return keys;
  }

  add(keys: unknown[][], recordId: number): void {
    for (const k of keys) this.tree.set([...k, recordId], undefined);
  }

  remove(keys: unknown[][], recordId: number): void {
    for (const k of keys) this.tree.delete([...k, recordId]);
  }

  clear(): void {
    this.tree.clear();
  }

  /** Record ids (other than `except`) holding exactly these key values. */
  findDuplicate(key: unknown[], except: number): number | undefined {
    let found: number | undefined;
    const low = [...key, -Infinity];
    const high = [...key, Infinity];
    this.tree.forRange(low, high, true, (k) => {
      const rid = k[k.length - 1] as number;
      if (rid !== except && found === undefined) found = rid;
    });
    return found;
  }

  /**
   * Scans the tree for the given bounds (one entry per field, possibly empty = unbounded) and
   * calls onKey for each index entry found; returns the number of keys examined.
   */
  scan(bounds: Array<FieldBounds | undefined>, onRecord: (recordId: number) => boolean | void): number {
    const n = this.fields.length;
    // Expand point prefixes into a list of composite ranges.
    let prefixes: unknown[][] = [[]];
    let rangeField = -1;
    for (let i = 0; i < n; i++) {
      const b = bounds[i];
      if (b !== undefined && b.length === 0) return 0;
      const allPoints = b !== undefined && b.every((iv) => iv.lowInclusive && iv.highInclusive && compareValues(iv.low, iv.high) === 0);
      if (allPoints && prefixes.length * b.length <= 100000) {
        const next: unknown[][] = [];
        for (const p of prefixes) for (const iv of b) next.push([...p, iv.low]);
        prefixes = next;
        continue;
      }
      rangeField = i;
      break;
    }
    const ranges: Array<{ low: IndexKey; high: IndexKey }> = [];
    for (const p of prefixes) {
      if (rangeField < 0) {
        ranges.push({ low: [...p, ...fill(n - p.length, MIN_ALL, MAX_ALL, this.directions.slice(p.length), true), -Infinity], high: [...p, ...fill(n - p.length, MIN_ALL, MAX_ALL, this.directions.slice(p.length), false), Infinity] });
        continue;
      }
      const dir = this.directions[rangeField];
      const rest = this.directions.slice(rangeField + 1);
      const intervals = bounds[rangeField] ?? [{ low: MIN_ALL, high: MAX_ALL, lowInclusive: true, highInclusive: true }];
      for (const iv of intervals) {
        // Tree order: for a descending field the interval is reversed.
        const lo = dir > 0 ? { v: iv.low, inc: iv.lowInclusive } : { v: iv.high, inc: iv.highInclusive };
        const hi = dir > 0 ? { v: iv.high, inc: iv.highInclusive } : { v: iv.low, inc: iv.lowInclusive };
        const low = [...p, lo.v, ...fill(rest.length, MIN_ALL, MAX_ALL, rest, lo.inc), lo.inc ? -Infinity : Infinity];
        const high = [...p, hi.v, ...fill(rest.length, MIN_ALL, MAX_ALL, rest, !hi.inc), hi.inc ? Infinity : -Infinity];
        ranges.push({ low, high });
      }
    }
    let examined = 0;
    let stopped = false;
    for (const r of ranges) {
      if (stopped) break;
      this.tree.forRange(r.low, r.high, true, ((k: IndexKey) => {
        examined++;
        if (onRecord(k[n] as number) === false) {
          stopped = true;
          return { break: true };
        }
        return undefined;
      }) as never);
    }
    return examined;
  }

  /** All record ids in index order (forward or backward). */
  *ordered(direction: 1 | -1): Generator<number> {
    const n = this.fields.length;
    if (direction > 0) for (const [k] of this.tree.entries()) yield k[n] as number;
    else for (const [k] of this.tree.entriesReversed()) yield k[n] as number;
  }
}

/** Fill remaining fields with the lowest (low=true) or highest value in tree order. */
function fill(count: number, min: unknown, max: unknown, dirs: number[], low: boolean): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const asc = (dirs[i] ?? 1) > 0;
    out.push(low === asc ? min : max);
  }
  return out;
}

function dedupe(values: unknown[]): unknown[] {
  if (values.length < 2) return values;
  const sorted = [...values].sort(compareValues);
  const out = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) if (compareValues(sorted[i], out[out.length - 1]) !== 0) out.push(sorted[i]);
  return out;
}
