/** Update documents: replacement, update operators (via mingo) and pipeline updates, with mongod's checks. */
import { Decimal128, Long, ObjectId } from "bson";
import { update as mingoUpdate } from "mingo";
import { compareValues, isNumeric } from "./bson-order";
import { mingoOptions, runPipeline } from "./mingo";
import { cloneValue, getPath, isPlainObject, setPath, type Doc } from "./paths";
import { numericType, typedArithmetic } from "./numbers";
import { addNumbers, multiplyNumbers } from "./arithmetic";
import { collationComparator } from "./collation";
import { sortItems } from "./sort";
import { splitText } from "./query";
import { formatValue } from "./format";
import { commandError, ErrorCodes, toCommandError } from "../errors";
import type { CollationSpec } from "./collation";

const UPDATE_OPERATORS = new Set([
  "$set",
  "$unset",
  "$inc",
  "$mul",
  "$rename",
  "$min",
  "$max",
  "$currentDate",
  "$addToSet",
  "$pop",
  "$pull",
  "$pullAll",
  "$push",
  "$bit",
  "$setOnInsert",
]);

export type UpdateSpec = Doc | Doc[];

/** Stages allowed in a pipeline-style update. */
const PIPELINE_UPDATE_STAGES = new Set(["$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith"]);

export function isPipelineUpdate(u: UpdateSpec): u is Doc[] {
  return Array.isArray(u);
}

export function isOperatorUpdate(u: UpdateSpec): boolean {
  if (Array.isArray(u)) return false;
  const keys = Object.keys(u);
  return keys.length > 0 && keys[0].startsWith("$");
}

/** Field names a stored document may not have. */
export function validateStorage(doc: Doc, top = true): void {
  for (const k of Object.keys(doc)) {
    if (top && k.startsWith("$")) {
      throw commandError(ErrorCodes.DollarPrefixedFieldName, `The dollar ($) prefixed field '${k}' in '${k}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`);
    }
  }
  const id = doc._id;
  if (Array.isArray(id)) throw commandError(ErrorCodes.InvalidIdField, "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw commandError(ErrorCodes.InvalidIdField, "The '_id' value cannot be of type regex");
}

/** Moves _id to the front, as mongod stores it. */
export function idFirst(doc: Doc): Doc {
  if (!("_id" in doc) || Object.keys(doc)[0] === "_id") return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

/** Two operators (or two fields of one) may not write the same path or a path and its prefix (mongod's 40). */
function checkConflicts(update: Doc): void {
  const paths: string[] = [];
  for (const [op, arg] of Object.entries(update)) {
    for (const path of Object.keys(arg as Doc)) {
      paths.push(path);
      if (op === "$rename" && typeof (arg as Doc)[path] === "string") paths.push((arg as Doc)[path] as string);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a === b || b.startsWith(`${a}.`)) throw commandError(ErrorCodes.ConflictingUpdateOperators, `Updating the path '${b}' would create a conflict at '${a}'`);
  }
}

function checkOperators(update: Doc): void {
  for (const [op, arg] of Object.entries(update)) {
    if (!UPDATE_OPERATORS.has(op)) {
      throw commandError(ErrorCodes.FailedToParse, `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    if (!isPlainObject(arg)) {
      throw commandError(ErrorCodes.FailedToParse, `Modifiers operate on fields but we found type ${Array.isArray(arg) ? "array" : typeof arg} instead. For example: {$mod: {<field>: ...}} not {$set: ${formatValue(arg)}}`);
    }
  }
}

function checkArithmetic(doc: Doc, update: Doc): void {
  for (const op of ["$inc", "$mul"] as const) {
    const arg = update[op] as Doc | undefined;
    if (!arg) continue;
    const verb = op === "$inc" ? "increment" : "multiply";
    for (const [path, v] of Object.entries(arg)) {
      if (!isNumeric(v)) {
        throw commandError(ErrorCodes.TypeMismatch, `Cannot ${verb} with non-numeric argument: {${path}: ${formatValue(v)}}`);
      }
      if (path.includes("$")) continue;
      const current = getPath(doc, path);
      if (current !== undefined && !isNumeric(current)) {
        throw commandError(
          ErrorCodes.TypeMismatch,
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${formatValue(doc._id)}} has the field '${path.split(".").pop()}' of non-numeric type ${typeName(current)}`,
        );
      }
    }
  }
}

/** Operators that write a value at their paths (so every existing prefix must be able to hold a field). */
const WRITING_OPERATORS = ["$set", "$inc", "$mul", "$min", "$max", "$push", "$addToSet", "$currentDate", "$bit"];

/**
 * mongod's checks of the paths an update writes: a prefix holding a scalar cannot get a field (28), an array
 * only takes numeric steps, and $push/$addToSet need an array (2). A `$push` with `$each` on a missing field
 * starts from an empty array, so its `$sort`/`$slice`/`$position` modifiers apply.
 */
function preparePaths(doc: Doc, modifier: Doc): void {
  for (const op of WRITING_OPERATORS) {
    const arg = modifier[op] as Doc | undefined;
    if (!arg) continue;
    for (const [path, value] of Object.entries(arg)) {
      if (path.includes("$")) continue; // positional paths are resolved per element by mingo
      const parts = path.split(".");
      let current: unknown = doc;
      for (let i = 0; i < parts.length && current !== undefined; i++) {
        const step = parts[i];
        if (Array.isArray(current) && /^\d+$/.test(step)) current = current[Number(step)];
        else if (isPlainObject(current)) current = current[step];
        else {
          const holder = parts.slice(0, i).join(".");
          throw commandError(ErrorCodes.PathNotViable, `Cannot create field '${step}' in element {${parts[i - 1] ?? holder}: ${formatValue(current)}}`);
        }
      }
      if ((op === "$push" || op === "$addToSet") && current !== undefined && !Array.isArray(current)) {
        throw commandError(ErrorCodes.BadValue, `The field '${path}' must be an array but is of type ${typeName(current)} in document {_id: ${formatValue(doc._id)}}`);
      }
      if (op === "$push" && current === undefined && isPlainObject(value) && "$each" in value) setPath(doc, path, []);
    }
  }
}

/**
 * $inc and $mul computed here with mongod's result types (mingo works on JS numbers): a Decimal128 operand
 * gives a Decimal128 (exact), otherwise the wider of int, long and double, an int overflowing into a long.
 * A missing field counts as int 0. Non-numeric values are left to mingo, which refuses them.
 */
function typedIncAndMul(doc: Doc, modifier: Doc): void {
  for (const op of ["$inc", "$mul"] as const) {
    const arg = modifier[op] as Doc | undefined;
    if (!isPlainObject(arg)) continue;
    for (const [path, operand] of Object.entries(arg)) {
      if (path.includes("$")) continue;
      const base = getPath(doc, path) ?? 0;
      if (numericType(base) === undefined || numericType(operand) === undefined) continue;
      let result: unknown;
      if (base instanceof Decimal128 || operand instanceof Decimal128) result = op === "$mul" ? multiplyNumbers([base, operand]) : addNumbers([base, operand]);
      else result = typedArithmetic(op, base, operand);
      delete arg[path];
      modifier.$set = { ...((modifier.$set as Doc | undefined) ?? {}), [path]: result };
    }
    if (Object.keys(arg).length === 0) delete modifier[op];
  }
}

/** Moves an operator's path to a `$set` of the value computed here (mingo then does not see it). */
function setInstead(modifier: Doc, op: string, path: string, value: unknown): void {
  delete (modifier[op] as Doc)[path];
  if (value !== undefined) modifier.$set = { ...((modifier.$set as Doc | undefined) ?? {}), [path]: value };
}

function dropEmpty(modifier: Doc, op: string): void {
  if (isPlainObject(modifier[op]) && Object.keys(modifier[op] as Doc).length === 0) delete modifier[op];
}

/**
 * `$min`, `$max` and `$push`'s `$sort` compare in BSON order (numbers of every type by value, then by type
 * bracket), under the update's collation; mingo's own comparison knows only JS values.
 */
function bsonOrderedOperators(doc: Doc, modifier: Doc, collation: CollationSpec | undefined): void {
  const cmp = collationComparator(collation);
  for (const op of ["$min", "$max"] as const) {
    const arg = modifier[op] as Doc | undefined;
    if (!isPlainObject(arg)) continue;
    for (const [path, value] of Object.entries(arg)) {
      if (path.includes("$")) continue;
      const current = getPath(doc, path);
      if (current === undefined) continue;
      const c = cmp(value, current);
      setInstead(modifier, op, path, (op === "$min" ? c < 0 : c > 0) ? value : undefined);
    }
    dropEmpty(modifier, op);
  }
  const push = modifier.$push as Doc | undefined;
  if (!isPlainObject(push)) return;
  for (const [path, value] of Object.entries(push)) {
    if (path.includes("$") || !isPlainObject(value) || !Array.isArray(value.$each) || value.$sort === undefined) continue;
    // anything unusual (unknown modifiers, a non-integer $slice or $position) is left to mingo's refusal
    if (Object.keys(value).some((k) => !["$each", "$sort", "$slice", "$position"].includes(k))) continue;
    if ([value.$slice, value.$position].some((v) => v !== undefined && !Number.isInteger(v))) continue;
    const current = getPath(doc, path);
    if (current !== undefined && !Array.isArray(current)) continue; // mingo refuses it
    const items = [...((current as unknown[] | undefined) ?? [])];
    const position = value.$position === undefined ? items.length : Number(value.$position);
    items.splice(position < 0 ? Math.max(0, items.length + position) : position, 0, ...value.$each);
    // a whole-element sort (1 / -1) compares the elements themselves
    const spec = isPlainObject(value.$sort) ? value.$sort : { v: value.$sort };
    let sorted = sortItems(items, spec, { collation, docOf: (e) => (isPlainObject(value.$sort) ? (isPlainObject(e) ? e : {}) : { v: e }) });
    if (value.$slice !== undefined) {
      const n = Number(value.$slice);
      sorted = n >= 0 ? sorted.slice(0, n) : sorted.slice(Math.max(0, sorted.length + n));
    }
    setInstead(modifier, "$push", path, sorted);
  }
  dropEmpty(modifier, "$push");
}

/** `$bit` where a long is involved (mingo takes int32 only): the result is a long. */
function longBitwise(doc: Doc, modifier: Doc): void {
  const bit = modifier.$bit as Doc | undefined;
  if (!isPlainObject(bit)) return;
  for (const [path, ops] of Object.entries(bit)) {
    if (path.includes("$") || !isPlainObject(ops)) continue;
    const current = getPath(doc, path) ?? 0;
    const operands = Object.values(ops);
    const involved = [current, ...operands];
    if (!involved.some((v) => v instanceof Long) || !involved.every((v) => numericType(v) === "int" || numericType(v) === "long")) continue;
    let n = BigInt.asIntN(64, BigInt(String(current)));
    for (const [kind, operand] of Object.entries(ops)) {
      const m = BigInt(String(operand));
      if (kind === "and") n &= m;
      else if (kind === "or") n |= m;
      else if (kind === "xor") n ^= m;
      else throw commandError(ErrorCodes.BadValue, `The $bit modifier only supports 'and', 'or', and 'xor', not '${kind}' which is an unknown operator: {${kind}: ${formatValue(operand)}}`);
    }
    setInstead(modifier, "$bit", path, Long.fromBigInt(BigInt.asIntN(64, n)));
  }
  dropEmpty(modifier, "$bit");
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof Date) return "date";
  if (isPlainObject(v)) return "object";
  return typeof v;
}

/**
 * Applies an update to a copy of `doc`. `filter` is the statement's query (for the positional $);
 * `inserting` is true when building an upserted document ($setOnInsert applies, _id may be set).
 */
export function applyUpdate(
  doc: Doc,
  update: UpdateSpec,
  opts: { filter: Doc; arrayFilters?: Doc[]; inserting: boolean; collation?: CollationSpec; variables?: Doc },
): Doc {
  const originalId = doc._id;
  let result: Doc;
  try {
    if (isPipelineUpdate(update)) {
      for (const stage of update) {
        const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
        if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
          throw commandError(ErrorCodes.InvalidOptions, `${name ?? "A stage"} is not allowed to be used within an update`);
        }
      }
      const [out] = runPipeline([cloneValue(doc)], update, mingoOptions({ variables: opts.variables, collation: opts.collation }));
      if (!isPlainObject(out)) throw commandError(ErrorCodes.BadValue, "The update pipeline must produce a document");
      result = out;
    } else if (!isOperatorUpdate(update)) {
      validateStorage(update);
      result = cloneValue(update);
      if (!("_id" in result) && originalId !== undefined) result = { _id: originalId, ...result };
    } else {
      checkOperators(update);
      checkConflicts(update);
      const modifier: Doc = {};
      for (const [op, arg] of Object.entries(update)) {
        if (op === "$setOnInsert") {
          if (!opts.inserting) continue;
          const set = (update.$set as Doc | undefined) ?? {};
          for (const path of Object.keys(arg as Doc)) {
            if (path in set) throw commandError(ErrorCodes.ConflictingUpdateOperators, `Updating the path '${path}' would create a conflict at '${path}'`);
          }
          modifier.$set = { ...((modifier.$set as Doc) ?? {}), ...(arg as Doc) };
          continue;
        }
        modifier[op] = op === "$set" && modifier.$set ? { ...(modifier.$set as Doc), ...(arg as Doc) } : arg;
      }
      result = cloneValue(doc);
      // _id may be "set" to its current value (or to anything while inserting).
      for (const op of Object.keys(modifier)) {
        const arg = { ...(modifier[op] as Doc) };
        for (const path of Object.keys(arg)) {
          if (path !== "_id" && !path.startsWith("_id.")) continue;
          if (op === "$set" && path === "_id" && (opts.inserting || compareValues(arg[path], originalId) === 0)) {
            if (opts.inserting) result = idFirst({ ...result, _id: arg[path] });
            delete arg[path];
            continue;
          }
          if (opts.inserting && op === "$set") {
            setPath(result, path, arg[path]);
            delete arg[path];
            continue;
          }
          throw commandError(ErrorCodes.ImmutableField, `Performing an update on the path '${path}' would modify the immutable field '_id'`);
        }
        if (Object.keys(arg).length === 0) delete modifier[op];
        else modifier[op] = arg;
      }
      checkArithmetic(result, modifier);
      preparePaths(result, modifier);
      typedIncAndMul(result, modifier);
      bsonOrderedOperators(result, modifier, opts.collation);
      longBitwise(result, modifier);
      if (Object.keys(modifier).length > 0) {
        // The filter only matters for the positional "$" (the document already matched it).
        const positional = Object.values(modifier).some((arg) => Object.keys(arg as Doc).some((p) => /(^|\.)\$(\.|$)/.test(p)));
        const condition = positional && !opts.inserting ? splitText(opts.filter ?? {}).rest : {};
        mingoUpdate(result, modifier as never, opts.arrayFilters, condition, {
          cloneMode: "copy",
          queryOptions: mingoOptions({ collation: opts.collation }),
        });
      }
    }
  } catch (e) {
    throw toCommandError(e, ErrorCodes.BadValue);
  }
  // A pipeline (e.g. $replaceWith) may drop _id: mongod keeps the original one.
  if (originalId !== undefined && result._id === undefined) result = { _id: originalId, ...result };
  if (originalId !== undefined && !opts.inserting && compareValues(result._id, originalId) !== 0) {
    throw commandError(
      ErrorCodes.ImmutableField,
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(result._id)}`,
    );
  }
  return idFirst(result);
}

/** The document an upsert starts from: the filter's equality conditions. */
export function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (f: Doc): void => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$and" && Array.isArray(v)) {
        for (const sub of v) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (k.startsWith("$")) continue;
      if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith("$"))) {
        if ("$eq" in v) setPath(seed, k, cloneValue(v.$eq));
        continue;
      }
      if (v instanceof RegExp) continue;
      setPath(seed, k, cloneValue(v));
    }
  };
  visit(filter);
  return seed;
}

/** Builds the document an upsert inserts. */
export function buildUpsert(filter: Doc, update: UpdateSpec, arrayFilters?: Doc[], variables?: Doc): Doc {
  const seed = upsertSeed(filter);
  let doc: Doc;
  if (!isPipelineUpdate(update) && !isOperatorUpdate(update)) {
    validateStorage(update);
    doc = cloneValue(update);
    if (!("_id" in doc) && seed._id !== undefined) doc = { _id: seed._id, ...doc };
    else if ("_id" in doc && seed._id !== undefined && compareValues(doc._id, seed._id) !== 0) {
      throw commandError(ErrorCodes.ImmutableField, `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(doc._id)}`);
    }
  } else {
    doc = applyUpdate(seed, update, { filter, arrayFilters, inserting: true, variables });
  }
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  validateStorage(doc);
  return idFirst(doc);
}
