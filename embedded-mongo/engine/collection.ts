/** A collection: documents by record id (natural order = insertion order) plus its indexes. */
import { UUID } from "bson";
import { OrderedIndex } from "./ordered-index";
import { TextIndex } from "./text-index";
import { compileFilter } from "./mingo";
import { formatValue } from "./format";
import { isPlainObject, type Doc } from "./paths";
import { commandError, ErrorCodes } from "../errors";

export interface IndexSpec extends Doc {
  v: number;
  key: Doc;
  name: string;
}

export interface IndexEntry {
  spec: IndexSpec;
  ordered?: OrderedIndex;
  text?: TextIndex;
  partial?: { test(doc: Doc): boolean };
}

/** Receives every change so a journal can make it durable. */
export interface ChangeSink {
  put(coll: Collection, doc: Doc): void;
  remove(coll: Collection, id: unknown): void;
  indexCreated(coll: Collection, spec: IndexSpec): void;
  indexDropped(coll: Collection, name: string): void;
}

export function isTextIndexKey(key: Doc): boolean {
  return Object.values(key).some((v) => v === "text");
}

export class Collection {
  readonly records = new Map<number, Doc>();
  readonly indexes = new Map<string, IndexEntry>();
  readonly idIndex: OrderedIndex;
  private nextRecordId = 1;
  private changes = 0;

  constructor(
    readonly dbName: string,
    public name: string,
    readonly options: Doc,
    private readonly sink: ChangeSink,
    readonly uuid: UUID = new UUID(),
  ) {
    this.idIndex = new OrderedIndex({ _id: 1 }, true, false);
    this.indexes.set("_id_", { spec: { v: 2, key: { _id: 1 }, name: "_id_" }, ordered: this.idIndex });
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

  textIndex(): IndexEntry | undefined {
    for (const e of this.indexes.values()) if (e.text) return e;
    return undefined;
  }

  private applies(entry: IndexEntry, doc: Doc): boolean {
    return !entry.partial || entry.partial.test(doc);
  }

  private keysFor(doc: Doc): Map<IndexEntry, unknown[][]> {
    const keys = new Map<IndexEntry, unknown[][]>();
    for (const entry of this.indexes.values()) {
      if (entry.ordered && this.applies(entry, doc)) keys.set(entry, entry.ordered.keysFor(doc));
    }
    return keys;
  }

  private checkUnique(keys: Map<IndexEntry, unknown[][]>, recordId: number): void {
    for (const [entry, ks] of keys) {
      if (!entry.ordered?.unique) continue;
      for (const k of ks) {
        if (entry.ordered.findDuplicate(k, recordId) !== undefined) throw this.duplicateKeyError(entry, k);
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
    for (const [entry, ks] of keys) entry.ordered!.add(ks, recordId);
    for (const entry of this.indexes.values()) if (entry.text && this.applies(entry, doc)) entry.text.add(doc, recordId);
    this.sink.put(this, doc);
    return recordId;
  }

  replace(recordId: number, doc: Doc): void {
    this.changes++;
    const old = this.records.get(recordId);
    if (!old) throw commandError(ErrorCodes.InternalError, "record vanished during update");
    const keys = this.keysFor(doc);
    this.checkUnique(keys, recordId);
    const oldKeys = this.keysFor(old);
    for (const [entry, ks] of oldKeys) entry.ordered!.remove(ks, recordId);
    for (const [entry, ks] of keys) entry.ordered!.add(ks, recordId);
    for (const entry of this.indexes.values()) {
      if (!entry.text) continue;
      entry.text.remove(recordId);
      if (this.applies(entry, doc)) entry.text.add(doc, recordId);
    }
    this.records.set(recordId, doc);
    this.sink.put(this, doc);
  }

  remove(recordId: number): void {
    this.changes++;
    const old = this.records.get(recordId);
    if (!old) return;
    for (const [entry, ks] of this.keysFor(old)) entry.ordered!.remove(ks, recordId);
    for (const entry of this.indexes.values()) entry.text?.remove(recordId);
    this.records.delete(recordId);
    this.sink.remove(this, old._id);
  }

  /** Builds an index from a validated spec; throws 11000 when existing documents violate uniqueness. */
  createIndex(spec: IndexSpec, log = true): void {
    this.changes++;
    const entry: IndexEntry = { spec };
    if (spec.partialFilterExpression !== undefined) {
      if (!isPlainObject(spec.partialFilterExpression)) throw commandError(ErrorCodes.BadValue, "partialFilterExpression must be an object");
      entry.partial = compileFilter(spec.partialFilterExpression);
    }
    if (isTextIndexKey(spec.key)) {
      entry.text = new TextIndex((spec.weights as Record<string, number>) ?? {});
      for (const [rid, doc] of this.records) if (this.applies(entry, doc)) entry.text.add(doc, rid);
    } else {
      const ordered = new OrderedIndex(spec.key, spec.unique === true, spec.sparse === true);
      entry.ordered = ordered;
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

  dropIndex(name: string): void {
    this.changes++;
    if (!this.indexes.delete(name)) throw commandError(ErrorCodes.IndexNotFound, `index not found with name [${name}]`);
    this.sink.indexDropped(this, name);
  }

  /** Removes every document (indexes stay declared). */
  clear(): void {
    this.changes++;
    this.records.clear();
    for (const e of this.indexes.values()) {
      e.ordered?.clear();
      e.text?.clear();
    }
  }
}
