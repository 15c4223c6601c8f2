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

interface Column {
  values: unknown[];
}

export class FieldColumns {
  private readonly columns = new Map<string, Column>();

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
    return (recordId) => {
      let values = kept.values;
      if (recordId >= values.length) values = kept.values = grown(values, recordId);
      const value = values[recordId];
      if (value !== UNSET) return value;
      return (values[recordId] = compute(recordId));
    };
  }

  /** The record was inserted, replaced or removed: its values are computed again on next read. */
  forget(recordId: number): void {
    for (const { values } of this.columns.values()) if (recordId < values.length) values[recordId] = UNSET;
  }

  clear(): void {
    this.columns.clear();
  }
}

/** A copy long enough for `recordId`, new places unset (filled in order: the array stays dense). */
function grown(values: unknown[], recordId: number): unknown[] {
  const next = values.slice();
  const length = Math.max(recordId + 1, values.length * 2, 1024);
  for (let i = values.length; i < length; i++) next.push(UNSET);
  return next;
}
