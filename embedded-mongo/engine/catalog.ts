/** Databases and their collections, with every change forwarded to the journal (when durable). */
import { UUID } from "bson";
import { Collection, type ChangeSink, type IndexSpec } from "./collection";
import type { Doc } from "./paths";
import { commandError, ErrorCodes } from "../errors";

/** Where changes go to become durable (the journal); absent = in memory only. */
export interface ChangeLog {
  append(entry: Doc): void;
}

export function validateDbName(db: unknown): string {
  if (typeof db !== "string" || db.length === 0 || /[/\\. "$\0]/.test(db) || db.length >= 64) {
    throw commandError(ErrorCodes.InvalidNamespace, `Invalid database name: '${String(db)}'`);
  }
  return db;
}

export function validateCollectionName(db: string, name: unknown): string {
  if (typeof name !== "string" || name.length === 0) {
    throw commandError(ErrorCodes.InvalidNamespace, `Invalid namespace specified '${db}.'`);
  }
  if (name.includes("$") || name.includes("\0") || name.startsWith(".")) {
    throw commandError(ErrorCodes.InvalidNamespace, `Invalid collection name: ${name}`);
  }
  return name;
}

/** The `system.*` collections a user may create and write (mongod's own are not served here). */
const USER_SYSTEM_COLLECTIONS = new Set(["system.js"]);

/** Writes go to collections only: not to views (166) nor to mongod's `system.*` namespaces (73). */
export function checkWritable(db: string, name: string, coll: Collection | undefined): void {
  if (name.startsWith("system.") && !USER_SYSTEM_COLLECTIONS.has(name)) throw commandError(ErrorCodes.InvalidNamespace, `cannot write to '${db}.${name}'`);
  if (coll?.isView) throw commandError(ErrorCodes.CommandNotSupportedOnView, `Namespace ${db}.${name} is a view, not a collection`);
}

export class Catalog implements ChangeSink {
  readonly dbs = new Map<string, Map<string, Collection>>();
  log?: ChangeLog;

  private emit(entry: Doc): void {
    this.log?.append(entry);
  }

  // ChangeSink
  put(coll: Collection, doc: Doc): void {
    if (this.log) this.emit({ op: "put", db: coll.dbName, coll: coll.name, doc });
  }
  remove(coll: Collection, id: unknown): void {
    if (this.log) this.emit({ op: "del", db: coll.dbName, coll: coll.name, id });
  }
  indexCreated(coll: Collection, spec: IndexSpec): void {
    if (this.log) this.emit({ op: "index", db: coll.dbName, coll: coll.name, spec });
  }
  indexDropped(coll: Collection, name: string): void {
    if (this.log) this.emit({ op: "dropIndex", db: coll.dbName, coll: coll.name, name });
  }
  optionsChanged(coll: Collection): void {
    if (this.log) this.emit({ op: "options", db: coll.dbName, coll: coll.name, options: coll.options });
  }

  getCollection(db: string, name: string): Collection | undefined {
    return this.dbs.get(db)?.get(name);
  }

  /** The collection, created implicitly (as mongod does on first write) when absent. */
  ensureCollection(db: string, name: string): { coll: Collection; created: boolean } {
    const existing = this.getCollection(db, name);
    if (existing) return { coll: existing, created: false };
    return { coll: this.createCollection(db, name, {}), created: true };
  }

  createCollection(db: string, name: string, options: Doc, uuid?: UUID): Collection {
    validateDbName(db);
    validateCollectionName(db, name);
    if (name.startsWith("system.") && !USER_SYSTEM_COLLECTIONS.has(name)) throw commandError(ErrorCodes.InvalidNamespace, `Invalid system namespace: ${db}.${name}`);
    let colls = this.dbs.get(db);
    if (!colls) this.dbs.set(db, (colls = new Map()));
    if (colls.has(name)) throw commandError(ErrorCodes.NamespaceExists, `Collection ${db}.${name} already exists.`);
    const coll = new Collection(db, name, options, this, uuid);
    colls.set(name, coll);
    this.emit({ op: "create", db, coll: name, options, uuid: coll.uuid });
    return coll;
  }

  dropCollection(db: string, name: string): boolean {
    const colls = this.dbs.get(db);
    if (!colls?.delete(name)) return false;
    if (colls.size === 0) this.dbs.delete(db);
    this.emit({ op: "drop", db, coll: name });
    return true;
  }

  dropDatabase(db: string): void {
    if (this.dbs.delete(db)) this.emit({ op: "dropDatabase", db });
  }

  renameCollection(db: string, from: string, toDb: string, to: string, dropTarget: boolean): void {
    const coll = this.getCollection(db, from);
    if (!coll) throw commandError(ErrorCodes.NamespaceNotFound, "Source collection " + `${db}.${from} does not exist`);
    validateDbName(toDb);
    validateCollectionName(toDb, to);
    if (this.getCollection(toDb, to)) {
      if (!dropTarget) throw commandError(ErrorCodes.NamespaceExists, "target namespace exists");
      this.dropCollection(toDb, to);
    }
    if (toDb !== db) {
      // Across databases: copy documents and indexes into a new collection.
      const target = this.createCollection(toDb, to, coll.options);
      for (const [name, e] of coll.indexes) if (name !== "_id_") target.createIndex(e.spec);
      for (const doc of coll.records.values()) target.insert(doc);
      this.dropCollection(db, from);
      return;
    }
    const colls = this.dbs.get(db)!;
    colls.delete(from);
    coll.name = to;
    colls.set(to, coll);
    this.emit({ op: "rename", db, coll: from, to });
  }

  /** Applies one journal entry (during recovery, with logging off). */
  apply(entry: Doc): void {
    const db = entry.db as string;
    const name = entry.coll as string;
    switch (entry.op) {
      case "create":
        if (!this.getCollection(db, name)) this.createCollection(db, name, (entry.options as Doc) ?? {}, entry.uuid as UUID);
        return;
      case "put": {
        const { coll } = this.ensureCollection(db, name);
        const doc = entry.doc as Doc;
        const rid = coll.findById(doc._id);
        if (rid === undefined) coll.insert(doc);
        else coll.replace(rid, doc);
        return;
      }
      case "del": {
        const coll = this.getCollection(db, name);
        const rid = coll?.findById(entry.id);
        if (coll && rid !== undefined) coll.remove(rid);
        return;
      }
      case "index": {
        const { coll } = this.ensureCollection(db, name);
        const spec = entry.spec as IndexSpec;
        if (!coll.indexes.has(spec.name)) coll.createIndex(spec);
        else coll.modifyIndex(spec.name, spec, false);
        return;
      }
      case "options": {
        this.getCollection(db, name)?.setOptions(entry.options as Doc, false);
        return;
      }
      case "dropIndex":
        if (this.getCollection(db, name)?.indexes.has(entry.name as string)) this.getCollection(db, name)!.dropIndex(entry.name as string);
        return;
      case "drop":
        this.dropCollection(db, name);
        return;
      case "dropDatabase":
        this.dropDatabase(db);
        return;
      case "rename":
        if (this.getCollection(db, name)) this.renameCollection(db, name, db, entry.to as string, true);
        return;
      default:
        throw new Error(`Unknown journal entry ${String(entry.op)}`);
    }
  }

  /** Entries that rebuild the current state (used to compact the journal). */
  *snapshot(): Generator<Doc> {
    for (const [db, colls] of this.dbs) {
      for (const [name, coll] of colls) {
        yield { op: "create", db, coll: name, options: coll.options, uuid: coll.uuid };
        for (const [iname, e] of coll.indexes) if (iname !== "_id_") yield { op: "index", db, coll: name, spec: e.spec };
        for (const doc of coll.records.values()) yield { op: "put", db, coll: name, doc };
      }
    }
  }
}
