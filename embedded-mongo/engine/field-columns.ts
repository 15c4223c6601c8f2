/**
 * Values computed from a collection's documents, by record id: a search filtering tens of thousands of
 * `$text` candidates reads them from dense arrays instead of looking every document up and walking it.
 * A value is computed on first read and forgotten when the record is written, so it is always the current
 * document's.
 */
import type { Doc } from "./paths";

const UNSET: unique symbol = Symbol("unset");

/** Columns kept per collection (the least recently asked for is dropped first). */
const COLUMNS_KEPT = 16;
/** Distinct strings a collection's columns share one copy of. */
const STRINGS_KEPT = 50_000;

interface Column {
  values: unknown[];
}

export class FieldColumns {
  private readonly columns = new Map<string, Column>();
  /**
   * One copy of each string value met: every document read from the wire holds its own copy of "PUBLIC",
   * spread over the heap, and comparing one costs a cache miss; a column of a few distinct values
   * (visibilities, kinds, owners) then points to a few strings that stay in the cache.
   */
  private readonly strings = new Map<string, string>();

  constructor(readonly docOf: (recordId: number) => Doc | undefined) {}

  /**
   * Reads `compute(recordId)` through the column named `name`: one column per name, so one name must always
   * mean the same computation (from the record's current document only).
   */
  reader(name: string, compute: (recordId: number) => unknown): (recordId: number) => unknown {
    let column = this.columns.get(name);
    if (column) this.columns.delete(name);
    else column = { values: [] };
    this.columns.set(name, column);
    if (this.columns.size > COLUMNS_KEPT) this.columns.delete(this.columns.keys().next().value!);
    const kept = column;
    const { strings } = this;
    return (recordId) => {
      let values = kept.values;
      if (recordId >= values.length) values = kept.values = grown(values, recordId);
      const value = values[recordId];
      if (value !== UNSET) return value;
      let computed = compute(recordId);
      if (typeof computed === "string") {
        const shared = strings.get(computed);
        if (shared !== undefined) computed = shared;
        else if (strings.size < STRINGS_KEPT) strings.set(computed, computed);
      }
      return (values[recordId] = computed);
    };
  }

  /** The record was inserted, replaced or removed: its values are computed again on next read. */
  forget(recordId: number): void {
    for (const { values } of this.columns.values()) if (recordId < values.length) values[recordId] = UNSET;
  }

  clear(): void {
    this.columns.clear();
    this.strings.clear();
  }
}

/** A copy long enough for `recordId`, new places unset (filled in order: the array stays dense). */
function grown(values: unknown[], recordId: number): unknown[] {
  const next = values.slice();
  const length = Math.max(recordId + 1, values.length * 2, 1024);
  for (let i = values.length; i < length; i++) next.push(UNSET);
  return next;
}
