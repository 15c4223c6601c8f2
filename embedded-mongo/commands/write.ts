/** insert, update, delete, findAndModify: per-statement write errors as mongod reports them. */
import { collectionName, optArray, optBool, optDoc, type CommandContext, type CommandDefinition } from "./context";
import { applyProjection } from "./read";
import { compareValues } from "../engine/bson-order";
import type { Collection } from "../engine/collection";
import { checkSize, prepareInsert } from "../engine/documents";
import { checkWritable } from "../engine/catalog";
import { isPlainObject, type Doc } from "../engine/paths";
import { findDocuments } from "../engine/query";
import { applyUpdate, buildUpsert, isOperatorUpdate, isPipelineUpdate, type UpdateSpec } from "../engine/update";
import { commandError, ErrorCodes, toCommandError } from "../errors";
import { parseCollation, type CollationSpec } from "../engine/collation";
import { checkArrayPadding } from "../limits/array-padding";
import { checkTimeLimit, interruptible } from "../limits/time-limit";

const MAX_WRITE_BATCH = 100000;

function statements(ctx: CommandContext, field: string): unknown[] {
  const list = optArray(ctx, field);
  const cmd = Object.keys(ctx.body)[0];
  if (!list) throw commandError(ErrorCodes.Location40414, `BSON field '${cmd}.${field}' is missing but a required field`);
  if (list.length === 0) throw commandError(ErrorCodes.InvalidLength, "Write batch sizes must be between 1 and 100000. Got 0 operations.");
  if (list.length > MAX_WRITE_BATCH) {
    throw commandError(ErrorCodes.InvalidLength, `Write batch sizes must be between 1 and 100000. Got ${list.length} operations.`);
  }
  return list;
}

function writeReply(n: number, errors: Doc[], extra: Doc = {}): Doc {
  const reply: Doc = { n, ...extra };
  if (errors.length) reply.writeErrors = errors;
  reply.ok = 1;
  return reply;
}

/** The collection a write goes to (created on first write), after mongod's namespace checks. */
function writableCollection(ctx: CommandContext, name: string): Collection {
  checkWritable(ctx.db, name, ctx.state.catalog.getCollection(ctx.db, name));
  return ctx.state.catalog.ensureCollection(ctx.db, name).coll;
}

function insert(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const docs = statements(ctx, "documents");
  const ordered = optBool(ctx, "ordered") !== false;
  const coll = writableCollection(ctx, name);
  const validate = optBool(ctx, "bypassDocumentValidation") !== true;
  let n = 0;
  const errors: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    ctx.state.opcounters.insert++;
    try {
      const doc = prepareInsert(docs[i]);
      if (validate) coll.checkValidation(doc);
      coll.insert(doc);
      n++;
    } catch (e) {
      errors.push(toCommandError(e).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeReply(n, errors);
}

interface UpdateStatement {
  q: Doc;
  u: UpdateSpec;
  upsert: boolean;
  multi: boolean;
  arrayFilters?: Doc[];
  hint?: unknown;
  collation?: CollationSpec;
  variables?: Doc;
}

const UPDATE_STATEMENT_FIELDS = new Set(["q", "u", "upsert", "multi", "arrayFilters", "hint", "collation", "c", "upsertSupplied", "sampleId"]);
const DELETE_STATEMENT_FIELDS = new Set(["q", "limit", "hint", "collation", "sampleId"]);

function checkFields(raw: Doc, allowed: Set<string>, where: string): void {
  for (const k of Object.keys(raw)) {
    if (!allowed.has(k)) throw commandError(ErrorCodes.Location40415, `BSON field '${where}.${k}' is an unknown field.`);
  }
}

function parseUpdateStatement(raw: unknown): UpdateStatement {
  if (!isPlainObject(raw)) throw commandError(ErrorCodes.TypeMismatch, "update statement must be an object");
  checkFields(raw, UPDATE_STATEMENT_FIELDS, "update.updates");
  const q = raw.q;
  const u = raw.u;
  if (!isPlainObject(q)) throw commandError(ErrorCodes.TypeMismatch, "BSON field 'update.updates.q' is the wrong type, expected type 'object'");
  if (!isPlainObject(u) && !Array.isArray(u)) {
    throw commandError(ErrorCodes.FailedToParse, "Update argument must be either an object or an array");
  }
  const multi = raw.multi === true;
  if (multi && !isPipelineUpdate(u as UpdateSpec) && !isOperatorUpdate(u as UpdateSpec) && Object.keys(u as Doc).length > 0) {
    throw commandError(ErrorCodes.FailedToParse, "multi update is not supported for replacement-style update");
  }
  const arrayFilters = raw.arrayFilters;
  if (arrayFilters !== undefined && !Array.isArray(arrayFilters)) throw commandError(ErrorCodes.TypeMismatch, "arrayFilters must be an array");
  return { q, u: u as UpdateSpec, upsert: raw.upsert === true, multi, arrayFilters: arrayFilters as Doc[] | undefined, hint: raw.hint, collation: parseCollation(raw.collation) };
}

/** The new version of a matched document (pure: the caller writes it). */
function updatedVersion(doc: Doc, st: UpdateStatement): Doc {
  checkArrayPadding(doc, st.u);
  const updated = applyUpdate(doc, st.u, { filter: st.q, arrayFilters: st.arrayFilters, inserting: false, collation: st.collation, variables: st.variables });
  checkSize(updated);
  return updated;
}

function changed(updated: Doc, doc: Doc): boolean {
  return compareValues(updated, doc) !== 0 || Object.keys(updated).join() !== Object.keys(doc).join();
}

/** Runs one update statement; returns matched/modified counts and the upserted _id. */
function runUpdate(coll: Collection, st: UpdateStatement, validate: boolean): { matched: number; modified: number; upsertedId?: unknown } {
  // Matching, computing and validating may be stopped by the time limit; the writes below then never start.
  const { matched, changes, upsert } = interruptible(() => {
    const { matches } = findDocuments(coll, st.q, { limit: st.multi ? 0 : 1, hint: st.hint, collation: st.collation, variables: st.variables });
    const changes: Array<[number, Doc]> = [];
    for (const [rid, doc] of matches) {
      const updated = updatedVersion(doc, st);
      if (!changed(updated, doc)) continue;
      if (validate) coll.checkValidation(updated, doc);
      changes.push([rid, updated]);
    }
    const upsert = matches.length === 0 && st.upsert ? buildUpsert(st.q, st.u, st.arrayFilters, st.variables) : undefined;
    if (upsert && validate) coll.checkValidation(upsert);
    return { matched: matches.length, changes, upsert };
  });
  for (const [rid, updated] of changes) coll.replace(rid, updated);
  if (upsert) {
    coll.insert(prepareInsert(upsert));
    return { matched: 0, modified: 0, upsertedId: upsert._id };
  }
  return { matched, modified: changes.length };
}

function update(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const list = statements(ctx, "updates");
  const ordered = optBool(ctx, "ordered") !== false;
  const validate = optBool(ctx, "bypassDocumentValidation") !== true;
  // statements are parsed as mongod's IDL does: an unknown field fails the whole command
  for (const raw of list) if (isPlainObject(raw)) checkFields(raw, UPDATE_STATEMENT_FIELDS, "update.updates");
  const coll = writableCollection(ctx, name);
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const errors: Doc[] = [];
  for (let i = 0; i < list.length; i++) {
    ctx.state.opcounters.update++;
    try {
      checkTimeLimit();
      const r = runUpdate(coll, { ...parseUpdateStatement(list[i]), variables: optDoc(ctx, "let") }, validate);
      n += r.matched;
      nModified += r.modified;
      if (r.upsertedId !== undefined) {
        n++;
        upserted.push({ index: i, _id: r.upsertedId });
      }
    } catch (e) {
      errors.push(toCommandError(e).toWriteError(i));
      if (ordered) break;
    }
  }
  const extra: Doc = { nModified };
  if (upserted.length) extra.upserted = upserted;
  return writeReply(n, errors, extra);
}

function del(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const list = statements(ctx, "deletes");
  const ordered = optBool(ctx, "ordered") !== false;
  for (const raw of list) if (isPlainObject(raw)) checkFields(raw, DELETE_STATEMENT_FIELDS, "delete.deletes");
  const coll = ctx.state.catalog.getCollection(ctx.db, name);
  checkWritable(ctx.db, name, coll);
  let n = 0;
  const errors: Doc[] = [];
  for (let i = 0; i < list.length; i++) {
    ctx.state.opcounters.delete++;
    try {
      checkTimeLimit();
      const st = list[i];
      if (!isPlainObject(st) || !isPlainObject(st.q)) throw commandError(ErrorCodes.TypeMismatch, "BSON field 'delete.deletes.q' is the wrong type, expected type 'object'");
      checkFields(st, DELETE_STATEMENT_FIELDS, "delete.deletes");
      const limit = Number(st.limit ?? 0);
      if (limit !== 0 && limit !== 1) throw commandError(ErrorCodes.FailedToParse, `The limit field in delete objects must be 0 or 1. Got ${limit}`);
      if (!coll) continue;
      const filter = st.q;
      const { matches } = interruptible(() => findDocuments(coll, filter, { limit, hint: st.hint, collation: parseCollation(st.collation), variables: optDoc(ctx, "let") }));
      for (const [rid] of matches) coll.remove(rid);
      n += matches.length;
    } catch (e) {
      errors.push(toCommandError(e).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeReply(n, errors);
}

function findAndModify(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  const query = optDoc(ctx, "query") ?? {};
  const sort = optDoc(ctx, "sort");
  const fields = optDoc(ctx, "fields");
  const remove = optBool(ctx, "remove") === true;
  const returnNew = optBool(ctx, "new") === true;
  const upsert = optBool(ctx, "upsert") === true;
  const updateSpec = ctx.body.update as UpdateSpec | undefined;
  const arrayFilters = optArray(ctx, "arrayFilters") as Doc[] | undefined;
  if (remove && updateSpec !== undefined) throw commandError(ErrorCodes.FailedToParse, "Cannot specify both an update and remove=true");
  if (!remove && updateSpec === undefined) throw commandError(ErrorCodes.FailedToParse, "Either an update or remove=true must be specified");
  if (remove && returnNew) throw commandError(ErrorCodes.FailedToParse, "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  if (remove && upsert) throw commandError(ErrorCodes.FailedToParse, "Cannot specify both upsert=true and remove=true ");
  if (updateSpec !== undefined && !isPlainObject(updateSpec) && !Array.isArray(updateSpec)) {
    throw commandError(ErrorCodes.FailedToParse, "Update argument must be either an object or an array");
  }
  const collation = parseCollation(ctx.body.collation);
  const variables = optDoc(ctx, "let");
  const project = (d: Doc | null): Doc | null => (d === null ? null : applyProjection([d], fields, query)[0]);

  const validate = optBool(ctx, "bypassDocumentValidation") !== true;
  // Matching, the new version and the projected answer are computed under the time limit; the write follows.
  if (remove) {
    const coll = ctx.state.catalog.getCollection(ctx.db, name);
    checkWritable(ctx.db, name, coll);
    const found = interruptible(() => {
      const [match] = findDocuments(coll, query, { sort, limit: 1, hint: ctx.body.hint, collation, variables }).matches;
      return match && { rid: match[0], value: project(match[1]) };
    });
    if (!coll || !found) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    coll.remove(found.rid);
    return { lastErrorObject: { n: 1 }, value: found.value, ok: 1 };
  }
  const coll = writableCollection(ctx, name);
  const st: UpdateStatement = { q: query, u: updateSpec!, upsert, multi: false, arrayFilters, collation, variables };
  const found = interruptible(() => {
    const [match] = findDocuments(coll, query, { sort, limit: 1, hint: ctx.body.hint, collation, variables }).matches;
    if (!match) {
      if (!upsert) return undefined;
      const inserted = prepareInsert(buildUpsert(query, updateSpec!, arrayFilters, variables));
      if (validate) coll.checkValidation(inserted);
      return { inserted, value: returnNew ? project(inserted) : null };
    }
    const [rid, doc] = match;
    const updated = updatedVersion(doc, st);
    const isChanged = changed(updated, doc);
    if (isChanged && validate) coll.checkValidation(updated, doc);
    return { rid, updated: isChanged ? updated : undefined, value: project(returnNew ? updated : doc) };
  });
  if (!found) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  if (found.inserted) {
    coll.insert(found.inserted);
    return { lastErrorObject: { n: 1, updatedExisting: false, upserted: found.inserted._id }, value: found.value, ok: 1 };
  }
  if (found.updated) coll.replace(found.rid, found.updated);
  return { lastErrorObject: { n: 1, updatedExisting: true }, value: found.value, ok: 1 };
}

export const writeCommands: Record<string, CommandDefinition> = {
  insert: { handler: insert, counter: "none" },
  update: { handler: update, counter: "none" },
  delete: { handler: del, counter: "none" },
  findAndModify: { handler: findAndModify },
  findandmodify: { handler: findAndModify },
};
