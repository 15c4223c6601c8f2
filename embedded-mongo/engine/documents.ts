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

export function checkSize(doc: Doc): void {
  const size = calculateObjectSize(doc);
  if (size > MAX_DOCUMENT_SIZE) {
    throw commandError(ErrorCodes.BSONObjectTooLarge, `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_SIZE}`);
  }
}
