import { validate, type ValidationError } from "class-validator";
import { getNamedType, type GraphQLResolveInfo } from "graphql";
import { LRUCache } from "lru-cache";
import type { ValidatorFn } from "type-graphql";
import { BadUserInputError } from "./errors";

/** Flattens class-validator's nested errors to `path: message` pairs, e.g. `location.region`. */
function flatten(errors: ValidationError[], prefix: string): Array<{ field: string; message: string }> {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The argument an input object was passed as (`input` in `createSchool(input: …)`), so field paths
 * read as the client wrote them; empty for `@Args` classes, whose properties are the arguments.
 */
function argumentName(argType: unknown, info: GraphQLResolveInfo): string {
  if (typeof argType !== "function") return "";
  const field = info.parentType.getFields()[info.fieldName];
  const matching = field.args.filter((arg) => getNamedType(arg.type).name === argType.name);
  return matching.length === 1 ? matching[0].name : "";
}

/**
 * Argument values of reads already found valid, per argument class. Validation depends on the value
 * only, and a read passes the same arguments for every parent it resolves a field of (each school's
 * `resources(first: 5)`), so each value is validated once. Writes are always validated.
 */
const validReads = new WeakMap<Function, LRUCache<string, true>>();
const VALID_READS_PER_CLASS = 1_000;

function readKey(argValue: object, argType: unknown, info: GraphQLResolveInfo): string | null {
  if (info.operation.operation !== "query" || typeof argType !== "function") return null;
  try {
    return JSON.stringify(argValue);
  } catch {
    return null;
  }
}

/**
 * type-graphql's validateFn: runs class-validator on every argument object and turns failures into a
 * BAD_USER_INPUT error naming the first field (`extensions.field`), all of them in `extensions.failures`.
 */
export const validateInput: ValidatorFn = async (argValue, argType, { info }) => {
  if (argValue === null || typeof argValue !== "object") return;
  const key = readKey(argValue, argType, info);
  const known = key === null ? undefined : validReads.get(argType as Function);
  if (key !== null && known?.has(key)) return;
  // lists of input objects are validated item by item; lists of scalars need no class validation
  const values = (Array.isArray(argValue) ? argValue : [argValue]).filter((value): value is object => value !== null && typeof value === "object");
  const results = await Promise.all(values.map((value) => validate(value, { forbidUnknownValues: false })));
  if (results.every((errors) => errors.length === 0)) {
    if (key !== null) {
      if (!known) validReads.set(argType as Function, new LRUCache({ max: VALID_READS_PER_CLASS }));
      validReads.get(argType as Function)!.set(key, true);
    }
    return;
  }
  const prefix = argumentName(argType, info);
  const failures = results.flatMap((errors) => flatten(errors, prefix));
  const [first] = failures;
  const error = new BadUserInputError(`Invalid ${first.field}: ${first.message}`, first.field);
  error.extensions.failures = failures;
  throw error;
};
