/** Checks and normalisation of documents being inserted. */
import { calculateObjectSize, ObjectId } from "bson";
import { isPlainObject, type Doc } from "./paths";
import { idFirst } from "./update";
import { commandError, ErrorCodes } from "../errors";

export const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024;

export function prepareInsert(input: unknown): Doc {
  if (!isPlainObject(input)) throw commandError(ErrorCodes.TypeMismatch, "Documents to insert must be objects");
  // Since MongoDB 5.0, stored documents may have "$"-prefixed and dotted field names (not inside _id).
  let doc: Doc = input;
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  const id = doc._id;
  if (Array.isArray(id)) throw commandError(ErrorCodes.InvalidIdField, "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw commandError(ErrorCodes.InvalidIdField, "The '_id' value cannot be of type regex");
  if (isPlainObject(id) && Object.keys(id).some((k) => k.startsWith("$"))) {
    throw commandError(ErrorCodes.DollarPrefixedFieldName, `_id fields may not contain '$'-prefixed fields`);
  }
  checkSize(doc);
  return idFirst(doc);
}

/** mongod's limit of nested documents and arrays in a stored document. */
export const MAX_NESTING_DEPTH = 100;

function depthOf(value: unknown, limit: number): number {
  if (limit < 0) return 0;
  let deepest = 0;
  const children = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : undefined;
  if (!children) return 0;
  for (const child of children) {
    deepest = Math.max(deepest, depthOf(child, limit - 1));
    if (deepest > limit) break;
  }
  return deepest + 1;
}

/** Size and nesting limits of a document about to be stored. */
export function checkSize(doc: Doc): void {
  if (depthOf(doc, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH) {
    throw commandError(ErrorCodes.Overflow, `Document exceeds maximum nesting depth of ${MAX_NESTING_DEPTH}`);
  }
  const size = calculateObjectSize(doc);
  if (size > MAX_DOCUMENT_SIZE) {
    throw commandError(ErrorCodes.BSONObjectTooLarge, `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_SIZE}`);
  }
}
