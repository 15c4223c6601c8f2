/**
 * mongod's `$jsonSchema`: JSON Schema draft 4 keywords plus `bsonType` (type names as `$type` knows them),
 * no `$ref`/`$schema`/`default`/`format`. A schema is checked once when compiled (bad keywords are
 * refused with mongod's FailedToParse) and then tests documents.
 */
import { numericType } from "./numbers";
import { compareValues, isNumeric, toNumber } from "./bson-order";
import { isPlainObject, type Doc } from "./paths";
import { commandError, ErrorCodes } from "../errors";

type Check = (value: unknown) => boolean;

const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => isPlainObject(v),
  array: Array.isArray,
  number: isNumeric,
  boolean: (v) => typeof v === "boolean",
  string: (v) => typeof v === "string",
  null: (v) => v === null,
};

/** The `$type` aliases of a value (numbers as `numbers.ts` holds them). */
export function bsonTypes(v: unknown): string[] {
  const numeric = numericType(v);
  if (numeric) return [numeric, "number"];
  if (v === undefined) return ["undefined"];
  if (v === null) return ["null"];
  if (typeof v === "string") return ["string"];
  if (typeof v === "boolean") return ["bool"];
  if (Array.isArray(v)) return ["array"];
  if (v instanceof Date) return ["date"];
  if (v instanceof RegExp) return ["regex"];
  if (isPlainObject(v)) return ["object"];
  const aliases: Record<string, string> = { ObjectId: "objectId", Binary: "binData", BSONRegExp: "regex", Timestamp: "timestamp", MinKey: "minKey", MaxKey: "maxKey", Code: "javascript" };
  const bsonType = (v as { _bsontype?: string })._bsontype ?? "";
  return [aliases[bsonType] ?? bsonType];
}

const SUPPORTED = new Set([
  "bsonType", "type", "required", "properties", "additionalProperties", "patternProperties", "minProperties", "maxProperties",
  "dependencies", "items", "additionalItems", "minItems", "maxItems", "uniqueItems", "minimum", "maximum", "exclusiveMinimum",
  "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "enum", "allOf", "anyOf", "oneOf", "not", "title", "description",
]);

function asList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** Compiles a schema (throws mongod's FailedToParse for unknown or unsupported keywords). */
export function compileJsonSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) throw commandError(ErrorCodes.TypeMismatch, "$jsonSchema must be an object");
  const checks: Check[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    if (!SUPPORTED.has(keyword)) {
      const unsupported = ["$ref", "$schema", "default", "definitions", "format", "id"].includes(keyword);
      throw commandError(ErrorCodes.FailedToParse, unsupported ? `$jsonSchema keyword '${keyword}' is not currently supported` : `Unknown $jsonSchema keyword: ${keyword}`);
    }
    const a = arg as never;
    switch (keyword) {
      case "bsonType": {
        const types = asList(a);
        checks.push((v) => bsonTypes(v).some((t) => types.includes(t)));
        break;
      }
      case "type": {
        const types = asList(a);
        for (const t of types) if (!JSON_TYPES[t]) throw commandError(ErrorCodes.BadValue, `Unknown type name alias: ${t}`);
        checks.push((v) => types.some((t) => JSON_TYPES[t](v)));
        break;
      }
      case "required": {
        const fields = asList(a);
        checks.push((v) => !isPlainObject(v) || fields.every((f) => v[f] !== undefined));
        break;
      }
      case "properties": {
        const props = Object.entries(a as Doc).map(([k, s]) => [k, compileJsonSchema(s)] as const);
        checks.push((v) => !isPlainObject(v) || props.every(([k, check]) => v[k] === undefined || check(v[k])));
        break;
      }
      case "patternProperties":
      case "additionalProperties":
        checks.push(propertiesCheck(schema));
        break;
      case "minProperties":
        checks.push((v) => !isPlainObject(v) || Object.keys(v).length >= toNumber(a));
        break;
      case "maxProperties":
        checks.push((v) => !isPlainObject(v) || Object.keys(v).length <= toNumber(a));
        break;
      case "dependencies": {
        const deps = Object.entries(a as Doc).map(([k, d]) => [k, Array.isArray(d) ? ((v: unknown) => (d as string[]).every((f) => (v as Doc)[f] !== undefined)) : compileJsonSchema(d)] as const);
        checks.push((v) => !isPlainObject(v) || deps.every(([k, check]) => v[k] === undefined || check(v)));
        break;
      }
      case "items": {
        if (Array.isArray(a)) {
          const each = (a as unknown[]).map(compileJsonSchema);
          const extra = schema.additionalItems === undefined || schema.additionalItems === true ? undefined : schema.additionalItems === false ? () => false : compileJsonSchema(schema.additionalItems);
          checks.push((v) => !Array.isArray(v) || v.every((x, i) => (i < each.length ? each[i](x) : !extra || extra(x))));
        } else {
          const item = compileJsonSchema(a);
          checks.push((v) => !Array.isArray(v) || v.every(item));
        }
        break;
      }
      case "minItems":
        checks.push((v) => !Array.isArray(v) || v.length >= toNumber(a));
        break;
      case "maxItems":
        checks.push((v) => !Array.isArray(v) || v.length <= toNumber(a));
        break;
      case "uniqueItems":
        if (a) checks.push((v) => !Array.isArray(v) || v.every((x, i) => v.findIndex((y) => compareValues(x, y) === 0) === i));
        break;
      case "minimum":
        checks.push((v) => !isNumeric(v) || (schema.exclusiveMinimum ? compareValues(v, a) > 0 : compareValues(v, a) >= 0));
        break;
      case "maximum":
        checks.push((v) => !isNumeric(v) || (schema.exclusiveMaximum ? compareValues(v, a) < 0 : compareValues(v, a) <= 0));
        break;
      case "multipleOf":
        checks.push((v) => !isNumeric(v) || toNumber(v) % toNumber(a) === 0);
        break;
      case "minLength":
        checks.push((v) => typeof v !== "string" || [...v].length >= toNumber(a));
        break;
      case "maxLength":
        checks.push((v) => typeof v !== "string" || [...v].length <= toNumber(a));
        break;
      case "pattern": {
        const re = new RegExp(String(a), "u");
        checks.push((v) => typeof v !== "string" || re.test(v));
        break;
      }
      case "enum": {
        const values = a as unknown[];
        checks.push((v) => values.some((e) => compareValues(e, v) === 0));
        break;
      }
      case "allOf": {
        const all = (a as unknown[]).map(compileJsonSchema);
        checks.push((v) => all.every((c) => c(v)));
        break;
      }
      case "anyOf": {
        const any = (a as unknown[]).map(compileJsonSchema);
        checks.push((v) => any.some((c) => c(v)));
        break;
      }
      case "oneOf": {
        const one = (a as unknown[]).map(compileJsonSchema);
        checks.push((v) => one.filter((c) => c(v)).length === 1);
        break;
      }
      case "not": {
        const inner = compileJsonSchema(a);
        checks.push((v) => !inner(v));
        break;
      }
      default:
        break; // title, description, exclusiveMinimum/Maximum (read with minimum/maximum), additionalItems (with items)
    }
  }
  return (v) => checks.every((c) => c(v));
}

/** additionalProperties and patternProperties judge the same keys together. */
function propertiesCheck(schema: Doc): Check {
  const named = new Set(Object.keys((schema.properties as Doc | undefined) ?? {}));
  const patterns = Object.entries((schema.patternProperties as Doc | undefined) ?? {}).map(([p, s]) => [new RegExp(p, "u"), compileJsonSchema(s)] as const);
  const additional = schema.additionalProperties;
  const extra: Check | undefined = additional === undefined || additional === true ? undefined : additional === false ? () => false : compileJsonSchema(additional);
  return (v) => {
    if (!isPlainObject(v)) return true;
    for (const [k, x] of Object.entries(v)) {
      let matched = named.has(k);
      for (const [re, check] of patterns) {
        if (!re.test(k)) continue;
        matched = true;
        if (!check(x)) return false;
      }
      if (!matched && extra && !extra(x)) return false;
    }
    return true;
  };
}

/** `$type`'s numeric codes. */
const TYPE_CODES: Record<number, string> = {
  1: "double", 2: "string", 3: "object", 4: "array", 5: "binData", 6: "undefined", 7: "objectId", 8: "bool", 9: "date", 10: "null",
  11: "regex", 13: "javascript", 16: "int", 17: "timestamp", 18: "long", 19: "decimal", [-1]: "minKey", 127: "maxKey",
};

/** The type names a `$type` argument asks for (names, numeric codes, or a list of them). */
export function typeNames(arg: unknown): Set<string> {
  const names = new Set<string>();
  for (const t of Array.isArray(arg) ? arg : [arg]) {
    const numeric = numericType(t);
    const name = numeric ? TYPE_CODES[toNumber(t)] : typeof t === "string" ? t : undefined;
    if (name === undefined || (name !== "number" && !Object.values(TYPE_CODES).includes(name))) {
      throw commandError(ErrorCodes.BadValue, `Unknown type name alias: ${String(t)}`);
    }
    names.add(name);
  }
  return names;
}
