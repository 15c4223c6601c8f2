/** A collection: documents by record id (natural order = insertion order) plus its indexes. */
import { calculateObjectSize, UUID } from "bson";
import { OrderedIndex } from "./ordered-index";
import { collationComparator, parseCollation } from "./collation";
import { TextIndex } from "./text-index";
import { FieldColumns } from "./field-columns";
import { compileFilter } from "./mingo";
import { compareValues, isNumeric, toNumber } from "./bson-order";
import { formatValue } from "./format";
import { isPlainObject, type Doc } from "./paths";
import { commandError, ErrorCodes } from "../errors";

export interface IndexSpec extends Doc {
  v: number;
  key: Doc;
  name: string;
}

interface IndexEntryBase {
  spec: IndexSpec;
  /** the compiled `partialFilterExpression` (documents it rejects are not indexed), or undefined */
  partial: { test(doc: Doc): boolean } | undefined;
}

interface BTreeEntry extends IndexEntryBase {
  ordered: OrderedIndex;
}

/**
 * A declared index, by kind: the `_id` index, a regular (single-field or compound) or unique B+tree, a
 * TTL index (a B+tree over one date field whose documents expire), or the text index (one per collection).
 */
export type IndexEntry =
  | (BTreeEntry & { kind: "id" })
  | (BTreeEntry & { kind: "regular" })
  | (BTreeEntry & { kind: "unique" })
  | (BTreeEntry & { kind: "ttl"; expireAfterSeconds: number })
  | (IndexEntryBase & { kind: "text"; text: TextIndex });

export type OrderedIndexEntry = Exclude<IndexEntry, { kind: "text" }>;
export type TextIndexEntry = Extract<IndexEntry, { kind: "text" }>;

export function isOrderedEntry(entry: IndexEntry): entry is OrderedIndexEntry {
  return entry.kind !== "text";
}

/** The kind of a B+tree index from its spec (mongod ignores `expireAfterSeconds` on a compound index). */
function btreeEntry(spec: IndexSpec, ordered: OrderedIndex, partial: IndexEntryBase["partial"]): OrderedIndexEntry {
  const seconds = spec.expireAfterSeconds;
  if (isNumeric(seconds) && ordered.fields.length === 1) return { kind: "ttl", spec, ordered, partial, expireAfterSeconds: toNumber(seconds) };
  return { kind: ordered.unique ? "unique" : "regular", spec, ordered, partial };
}

/** mongod's limit of indexes per collection (the _id index included). */
export const MAX_INDEXES = 64;

/** Receives every change so a journal can make it durable. */
export interface ChangeSink {
  put(coll: Collection, doc: Doc): void;
  remove(coll: Collection, id: unknown): void;
  indexCreated(coll: Collection, spec: IndexSpec): void;
  indexDropped(coll: Collection, name: string): void;
  /** collection options changed (collMod) */
  optionsChanged(coll: Collection): void;
}

export function isTextIndexKey(key: Doc): boolean {
  return Object.values(key).some((v) => v === "text");
}

function compilePartial(expression: unknown): { test(doc: Doc): boolean } {
  if (!isPlainObject(expression)) throw commandError(ErrorCodes.BadValue, "partialFilterExpression must be an object");
  return compileFilter(expression);
}

export class Collection {
  readonly records = new Map<number, Doc>();
  readonly indexes = new Map<string, IndexEntry>();
  readonly idIndex: OrderedIndex;
  /** Values at filtered paths by record id, for filtering many `$text` candidates. */
  readonly columns = new FieldColumns((recordId) => this.records.get(recordId));
  private nextRecordId = 1;
  private changes = 0;
  /** bytes of BSON held (kept for capped collections only) */
  private dataBytes = 0;
  private compiledValidator?: { test(doc: Doc): boolean };

  constructor(
    readonly dbName: string,
    public name: string,
    readonly options: Doc,
    private readonly sink: ChangeSink,
    readonly uuid: UUID = new UUID(),
  ) {
    // a time-series collection's _id is not unique (its buckets are keyed by time)
    this.idIndex = new OrderedIndex({ _id: 1 }, options.timeseries === undefined, false);
    this.indexes.set("_id_", { kind: "id", spec: { v: 2, key: { _id: 1 }, name: "_id_" }, ordered: this.idIndex, partial: undefined });
  }

  /** A view: no documents of its own, reads run its pipeline over `viewOn`. */
  get isView(): boolean {
    return typeof this.options.viewOn === "string";
  }

  get capped(): boolean {
    return this.options.capped === true;
  }

  /** Replaces options (collMod); the validator is recompiled on next use. */
  setOptions(options: Doc, log = true): void {
    for (const k of Object.keys(this.options)) delete this.options[k];
    Object.assign(this.options, options);
    this.compiledValidator = undefined;
    if (log) this.sink.optionsChanged(this);
  }

  /**
   * The collection's validator, as mongod applies it to a write: `validationLevel` off skips it, moderate
   * spares updates of documents that were already invalid, `validationAction` warn lets the write through.
   */
  checkValidation(doc: Doc, previous?: Doc): void {
    const validator = this.options.validator;
    if (!isPlainObject(validator) || Object.keys(validator).length === 0) return;
    const level = this.options.validationLevel ?? "strict";
    if (level === "off") return;
    const compiled = (this.compiledValidator ??= compileFilter(validator));
    if (compiled.test(doc)) return;
    if (level === "moderate" && previous && !compiled.test(previous)) return;
    if (this.options.validationAction === "warn") return;
    throw commandError(ErrorCodes.DocumentValidationFailure, "Document failed validation", {
      errInfo: { failingDocumentId: doc._id, details: { operatorName: Object.keys(validator)[0], specifiedAs: validator } },
    });
  }

  get ns(): string {
    return `${this.dbName}.${this.name}`;
  }

  /** Changes with every write to documents or indexes (keys query results that may be reused). */
  get version(): number {
    return this.changes;
  }

  get count(): number {
    return this.records.size;
  }

  get(recordId: number): Doc | undefined {
    return this.records.get(recordId);
  }

  /** Record id of the document with this _id. */
  findById(id: unknown): number | undefined {
    let found: number | undefined;
    this.idIndex.scan([[{ low: id, high: id, lowInclusive: true, highInclusive: true }]], (rid) => {
      found = rid;
      return false;
    });
    return found;
  }

  textIndex(): TextIndexEntry | undefined {
    for (const e of this.indexes.values()) if (e.kind === "text") return e;
    return undefined;
  }

  private applies(entry: IndexEntry, doc: Doc): boolean {
    return !entry.partial || entry.partial.test(doc);
  }

  private keysFor(doc: Doc): Map<OrderedIndexEntry, unknown[][]> {
    const keys = new Map<OrderedIndexEntry, unknown[][]>();
    for (const entry of this.indexes.values()) {
      if (entry.kind !== "text" && this.applies(entry, doc)) keys.set(entry, entry.ordered.keysFor(doc));
    }
    return keys;
  }

  /**
   * Unique indexes refuse a second document with a key; an index being prepared for uniqueness
   * (`prepareUnique`) refuses new duplicates but keeps the ones a document already had (`previous`).
   */
  private checkUnique(keys: Map<OrderedIndexEntry, unknown[][]>, recordId: number, previous?: Map<OrderedIndexEntry, unknown[][]>): void {
    for (const [entry, ks] of keys) {
      const ordered = entry.ordered;
      const preparing = entry.spec.prepareUnique === true;
      if (!ordered.unique && !preparing) continue;
      for (const k of ks) {
        if (preparing && previous?.get(entry)?.some((old) => old.every((v, i) => compareValues(v, k[i]) === 0))) continue;
        if (ordered.findDuplicate(k, recordId) !== undefined) throw this.duplicateKeyError(entry, k);
      }
    }
  }

  duplicateKeyError(entry: IndexEntry, key: unknown[], prefix = ""): Error {
    const fields = Object.keys(entry.spec.key);
    const keyValue: Doc = {};
    fields.forEach((f, i) => (keyValue[f] = key[i]));
    const keyPattern: Doc = { ...entry.spec.key };
    const dup = `{ ${fields.map((f, i) => `${f}: ${formatValue(key[i])}`).join(", ")} }`;
    return commandError(
      ErrorCodes.DuplicateKey,
      `${prefix}E11000 duplicate key error collection: ${this.ns} index: ${entry.spec.name} dup key: ${dup}`,
      { keyPattern, keyValue },
    );
  }

  /** Inserts a prepared document (it has an _id); throws 11000 on a unique violation. */
  insert(doc: Doc): number {
    this.changes++;
    const keys = this.keysFor(doc);
    const recordId = this.nextRecordId++;
    this.checkUnique(keys, recordId);
    this.records.set(recordId, doc);
    this.columns.forget(recordId);
    for (const [entry, ks] of keys) entry.ordered.add(ks, recordId);
    for (const entry of this.indexes.values()) if (entry.kind === "text" && this.applies(entry, doc)) entry.text.add(doc, recordId);
    this.sink.put(this, doc);
    if (this.capped) {
      this.dataBytes += calculateObjectSize(doc);
      this.trimCapped(recordId);
    }
    return recordId;
  }

  /** A capped collection's size in bytes as mongod keeps it: at least 4096, otherwise rounded up to a multiple of 256. */
  get cappedSize(): number {
    const size = Number(this.options.size ?? 0);
    return size <= 4096 ? 4096 : Math.ceil(size / 256) * 256;
  }

  /** A capped collection drops its oldest documents past `max` documents or its size in bytes. */
  private trimCapped(newest: number): void {
    const max = Number(this.options.max ?? 0);
    const size = this.cappedSize;
    for (const [rid] of this.records) {
      if (rid === newest) break;
      const over = (max > 0 && this.records.size > max) || (size > 0 && this.dataBytes > size);
      if (!over) break;
      this.remove(rid);
    }
  }

  replace(recordId: number, doc: Doc): void {
    this.changes++;
    const old = this.records.get(recordId);
    if (!old) throw commandError(ErrorCodes.InternalError, "record vanished during update");
    const keys = this.keysFor(doc);
    const oldKeys = this.keysFor(old);
    this.checkUnique(keys, recordId, oldKeys);
    for (const [entry, ks] of oldKeys) entry.ordered.remove(ks, recordId);
    for (const [entry, ks] of keys) entry.ordered.add(ks, recordId);
    for (const entry of this.indexes.values()) {
      if (entry.kind !== "text") continue;
      entry.text.remove(recordId);
      if (this.applies(entry, doc)) entry.text.add(doc, recordId);
    }
    if (this.capped) this.dataBytes += calculateObjectSize(doc) - calculateObjectSize(old);
    this.records.set(recordId, doc);
    this.columns.forget(recordId);
    this.sink.put(this, doc);
  }

  remove(recordId: number): void {
    this.changes++;
    const old = this.records.get(recordId);
    if (!old) return;
    for (const [entry, ks] of this.keysFor(old)) entry.ordered.remove(ks, recordId);
    for (const entry of this.indexes.values()) if (entry.kind === "text") entry.text.remove(recordId);
    if (this.capped) this.dataBytes -= calculateObjectSize(old);
    this.records.delete(recordId);
    this.columns.forget(recordId);
    this.sink.remove(this, old._id);
  }

  /** Builds an index from a validated spec; throws 11000 when existing documents violate uniqueness. */
  createIndex(spec: IndexSpec, log = true): void {
    this.changes++;
    const partial = spec.partialFilterExpression === undefined ? undefined : compilePartial(spec.partialFilterExpression);
    let entry: IndexEntry;
    if (isTextIndexKey(spec.key)) {
      const text = new TextIndex((spec.weights as Record<string, number>) ?? {});
      entry = { kind: "text", spec, text, partial };
      for (const [rid, doc] of this.records) if (this.applies(entry, doc)) text.add(doc, rid);
    } else {
      // a collated index compares strings (uniqueness included) by its collation
      const ordered = new OrderedIndex(spec.key, spec.unique === true, spec.sparse === true, collationComparator(parseCollation(spec.collation)));
      entry = btreeEntry(spec, ordered, partial);
      for (const [rid, doc] of this.records) {
        if (!this.applies(entry, doc)) continue;
        const ks = ordered.keysFor(doc);
        if (ordered.unique) {
          for (const k of ks) {
            if (ordered.findDuplicate(k, rid) !== undefined) {
              throw this.duplicateKeyError(entry, k, `Index build failed: ${this.uuid.toHexString()}: Collection ${this.ns} ( ${this.uuid.toHexString()} ) :: caused by :: `);
            }
          }
        }
        ordered.add(ks, rid);
      }
    }
    this.indexes.set(spec.name, entry);
    if (log) this.sink.indexCreated(this, spec);
  }

  /** Duplicate keys of an index (the record ids sharing each key), for converting it to unique. */
  duplicates(entry: OrderedIndexEntry): unknown[][] {
    const groups: unknown[][] = [];
    const probe = new OrderedIndex(entry.spec.key, false, entry.ordered.sparse, collationComparator(parseCollation(entry.spec.collation)));
    const seen = new Map<number, number>();
    for (const [rid, doc] of this.records) {
      if (!this.applies(entry, doc)) continue;
      for (const k of probe.keysFor(doc)) {
        const other = probe.findDuplicate(k, rid);
        if (other !== undefined) {
          const g = seen.get(other) ?? groups.push([this.records.get(other)!._id]) - 1;
          seen.set(other, g);
          if (!seen.has(rid)) groups[g].push(doc._id);
          seen.set(rid, g);
        }
        probe.add([k], rid);
      }
    }
    return groups;
  }

  /** Changes an index's options in place (collMod): a new uniqueness rebuilds its tree. */
  modifyIndex(name: string, spec: IndexSpec, log = true): void {
    const entry = this.indexes.get(name);
    if (!entry) throw commandError(ErrorCodes.IndexNotFound, `cannot find index ${name}`);
    this.changes++;
    this.indexes.delete(name);
    this.createIndex(spec, false);
    if (log) this.sink.indexCreated(this, spec);
  }

  dropIndex(name: string): void {
    this.changes++;
    if (!this.indexes.delete(name)) throw commandError(ErrorCodes.IndexNotFound, `index not found with name [${name}]`);
    this.sink.indexDropped(this, name);
  }

  /** Removes every document (indexes stay declared). */
  clear(): void {
    this.changes++;
    this.records.clear();
    this.columns.clear();
    for (const e of this.indexes.values()) (e.kind === "text" ? e.text : e.ordered).clear();
  }
}
