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

/** Runs one update statement; returns matched/modified counts and the upserted _id. */
function runUpdate(coll: Collection, st: UpdateStatement, validate: boolean): { matched: number; modified: number; upsertedId?: unknown } {
  const { matches } = findDocuments(coll, st.q, { limit: st.multi ? 0 : 1, hint: st.hint, collation: st.collation, variables: st.variables });
  let modified = 0;
  for (const [rid, doc] of matches) {
    const updated = applyUpdate(doc, st.u, { filter: st.q, arrayFilters: st.arrayFilters, inserting: false, collation: st.collation, variables: st.variables });
    checkSize(updated);
    if (compareValues(updated, doc) !== 0 || Object.keys(updated).join() !== Object.keys(doc).join()) {
      if (validate) coll.checkValidation(updated, doc);
      coll.replace(rid, updated);
      modified++;
    }
  }
  if (matches.length === 0 && st.upsert) {
    const doc = buildUpsert(st.q, st.u, st.arrayFilters, st.variables);
    if (validate) coll.checkValidation(doc);
    coll.insert(prepareInsert(doc));
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  return { matched: matches.length, modified };
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
      const st = list[i];
      if (!isPlainObject(st) || !isPlainObject(st.q)) throw commandError(ErrorCodes.TypeMismatch, "BSON field 'delete.deletes.q' is the wrong type, expected type 'object'");
      checkFields(st, DELETE_STATEMENT_FIELDS, "delete.deletes");
      const limit = Number(st.limit ?? 0);
      if (limit !== 0 && limit !== 1) throw commandError(ErrorCodes.FailedToParse, `The limit field in delete objects must be 0 or 1. Got ${limit}`);
      if (!coll) continue;
      const { matches } = findDocuments(coll, st.q, { limit, hint: st.hint, collation: parseCollation(st.collation), variables: optDoc(ctx, "let") });
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
  if (remove) {
    const coll = ctx.state.catalog.getCollection(ctx.db, name);
    checkWritable(ctx.db, name, coll);
    const { matches } = findDocuments(coll, query, { sort, limit: 1, hint: ctx.body.hint, collation, variables });
    if (!coll || matches.length === 0) return { lastErrorObject: { n: 0 }, value: null, ok: 1 };
    const [rid, doc] = matches[0];
    coll.remove(rid);
    return { lastErrorObject: { n: 1 }, value: project(doc), ok: 1 };
  }
  const coll = writableCollection(ctx, name);
  const { matches } = findDocuments(coll, query, { sort, limit: 1, hint: ctx.body.hint, collation, variables });
  if (matches.length > 0) {
    const [rid, doc] = matches[0];
    const updated = applyUpdate(doc, updateSpec!, { filter: query, arrayFilters, inserting: false, collation, variables });
    checkSize(updated);
    if (compareValues(updated, doc) !== 0 || Object.keys(updated).join() !== Object.keys(doc).join()) {
      if (validate) coll.checkValidation(updated, doc);
      coll.replace(rid, updated);
    }
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(returnNew ? updated : doc), ok: 1 };
  }
  if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const doc = prepareInsert(buildUpsert(query, updateSpec!, arrayFilters, variables));
  if (validate) coll.checkValidation(doc);
  coll.insert(doc);
  return { lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id }, value: returnNew ? project(doc) : null, ok: 1 };
}

export const writeCommands: Record<string, CommandDefinition> = {
  insert: { handler: insert, counter: "none" },
  update: { handler: update, counter: "none" },
  delete: { handler: del, counter: "none" },
  findAndModify: { handler: findAndModify },
  findandmodify: { handler: findAndModify },
};
