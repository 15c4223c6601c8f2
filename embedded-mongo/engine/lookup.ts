/**
 * What a `$lookup` reads of its foreign collection: only the documents it joins, found by a query (through an
 * index on the foreign field where there is one), never a copy of the whole collection.
 *
 * An equality join (`localField`/`foreignField`) matches as mongod's: a local document's values at `localField`
 * (arrays along the path and at its end expanded, none at all counting as null) select the foreign documents the
 * query `{ <foreignField>: { $eq: value } }` selects, so a missing foreign field matches null, an array matches
 * each of its elements and itself, and 1, NumberLong(1) and 1.0 are one value.
 */
import type { CollationSpec } from "./collation";
import type { Collection } from "./collection";
import { cloneValue, isPlainObject, valuesAtPath, type Doc } from "./paths";
import { filterMatcher, findDocuments } from "./query";
import { canonicalKey } from "./typed-operators";

/** A `$lookup`'s `from`: a collection (undefined when there is none) or a view's documents. */
export type ForeignSource = Collection | undefined | { view: Doc[] };

/** What a `$lookup` stage read, as mongod's explain reports it (`executionStats`). */
export interface LookupStats {
  totalDocsExamined: number;
  totalKeysExamined: number;
  collectionScans: number;
  indexesUsed: string[];
}

/** Reads for the `$lookup` stage `stage` (its spec, which keys its statistics). */
export interface ForeignReader {
  /**
   * For each local document, copies of the documents of `from` it joins by `localField` = `foreignField`: one
   * copy of each shared by the local documents joining it, or with `ownCopies` copies of their own (a pipeline
   * runs over them).
   */
  join(stage: Doc, from: string, locals: Doc[], localField: string, foreignField: string, ownCopies?: boolean): Doc[][];
  /** Copies of the documents of `from` matching `filter`, whose `$expr` may read `variables`. */
  matching(stage: Doc, from: string, filter: Doc, variables?: Doc): Doc[];
  /** Per stage spec, what its reads examined. */
  readonly stats: Map<Doc, LookupStats>;
}

/** The values a local document joins on (mongod's `visitAllValuesAtPath`); empty when there are none. */
function localValues(doc: Doc, path: string): unknown[] {
  const parts = path.split(".");
  const values: unknown[] = [];
  const walk = (value: unknown, i: number): void => {
    if (i === parts.length) {
      if (Array.isArray(value)) values.push(...value);
      else values.push(value);
      return;
    }
    const part = parts[i];
    if (Array.isArray(value)) {
      // a numeric part picks an element; otherwise the path goes on in every element that is a document
      if (/^\d+$/.test(part)) {
        if (Number(part) < value.length) walk(value[Number(part)], i + 1);
      } else for (const element of value) if (isPlainObject(element) && Object.hasOwn(element, part)) walk(element[part], i + 1);
      return;
    }
    if (isPlainObject(value) && Object.hasOwn(value, part)) walk(value[part], i + 1);
  };
  walk(doc, 0);
  return values;
}

const isRegex = (v: unknown): boolean => v instanceof RegExp || (v as { _bsontype?: string } | null)?._bsontype === "BSONRegExp";

/** mongod's query for local values: `$eq` for one, `$in` for several, an `$or` of `$eq`s when one is a regex (matched as a value, not a pattern). */
function equalityFilter(field: string, values: unknown[]): Doc {
  if (values.length === 1) return { [field]: { $eq: values[0] } };
  if (values.some(isRegex)) return { $or: values.map((v) => ({ [field]: { $eq: v } })) };
  return { [field]: { $in: values } };
}

const KEYED_TYPES = new Set(["ObjectId", "Long", "Int32", "Double", "Decimal128"]);

/** Values whose query equality is equality of `canonicalKey` (numbers of every type by value, strings without collation). */
function keyed(v: unknown): boolean {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v instanceof Date) return true;
  return v !== null && typeof v === "object" && KEYED_TYPES.has((v as { _bsontype?: string })._bsontype ?? "");
}

/** The documents of a source matching `filter` (the stored ones, not copies), in natural order; what it examined goes to `stats`. */
function read(source: ForeignSource, filter: Doc, stats: LookupStats, collation: CollationSpec | undefined, variables?: Doc): Doc[] {
  if (!source) return [];
  if ("view" in source) {
    const matcher = filterMatcher(filter, { collation, variables });
    stats.collectionScans++;
    stats.totalDocsExamined += source.view.length;
    return source.view.filter((doc) => matcher.test(doc));
  }
  const { matches, plan } = findDocuments(source, filter, { collation, variables });
  stats.totalDocsExamined += plan.totalDocsExamined();
  stats.totalKeysExamined += plan.totalKeysExamined();
  for (let stage: Doc | undefined = plan.describe(false); stage; stage = stage.inputStage as Doc | undefined) {
    if (stage.stage === "COLLSCAN") stats.collectionScans++;
    if (stage.stage === "IXSCAN" && !stats.indexesUsed.includes(stage.indexName as string)) stats.indexesUsed.push(stage.indexName as string);
  }
  return matches.sort(([a], [b]) => a - b).map(([, doc]) => doc);
}

/** `let` values as the query engine takes them: expressions, each evaluated to itself. */
function literals(variables: Doc | undefined): Doc | undefined {
  return variables && Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, { $literal: value }]));
}

export function foreignReader(resolve: (name: string) => ForeignSource, collation?: CollationSpec): ForeignReader {
  const sources = new Map<string, ForeignSource>();
  const sourceOf = (name: string): ForeignSource => {
    if (!sources.has(name)) sources.set(name, resolve(name));
    return sources.get(name);
  };
  const stats = new Map<Doc, LookupStats>();
  const statsOf = (stage: Doc): LookupStats => {
    if (!stats.has(stage)) stats.set(stage, { totalDocsExamined: 0, totalKeysExamined: 0, collectionScans: 0, indexesUsed: [] });
    return stats.get(stage)!;
  };
  return {
    stats,
    join(stage, from, locals, localField, foreignField, ownCopies = false) {
      const sets = locals.map((doc) => {
        const values = localValues(doc, localField);
        return values.length > 0 ? values : [null];
      });
      const distinct = new Map(sets.flat().map((v) => [canonicalKey(v), v]));
      if (distinct.size === 0) return [];
      // one query for every local value: its candidates are all the documents joined
      const candidates = read(sourceOf(from), equalityFilter(foreignField, [...distinct.values()]), statsOf(stage), collation);
      if (candidates.length === 0) return sets.map(() => []);
      // keyed values find their candidates by key (the paths the query walks are those `valuesAtPath` walks, but
      // for numeric parts); the others (null, arrays, regexes, strings under a collation) ask the query engine
      const hashable = !collation && !/(^|\.)\d+(\.|$)/.test(foreignField);
      let byKey: Map<string, number[]> | undefined;
      const keyIndex = (): Map<string, number[]> => {
        if (byKey) return byKey;
        byKey = new Map();
        candidates.forEach((doc, i) => {
          for (const key of new Set(valuesAtPath(doc, foreignField).filter(keyed).map(canonicalKey))) {
            const list = byKey!.get(key);
            if (list) list.push(i);
            else byKey!.set(key, [i]);
          }
        });
        return byKey;
      };
      const joined = new Map<string, number[]>();
      const copies: Doc[] = [];
      return sets.map((values) => {
        const key = values.map(canonicalKey).join("\u0000");
        let found = joined.get(key);
        if (!found) {
          if (hashable && values.every(keyed)) {
            const index = keyIndex();
            found = [...new Set(values.flatMap((v) => index.get(canonicalKey(v)) ?? []))].sort((a, b) => a - b);
          } else {
            const matcher = filterMatcher(equalityFilter(foreignField, values), { collation });
            found = candidates.flatMap((doc, i) => (matcher.test(doc) ? [i] : []));
          }
          joined.set(key, found);
        }
        return found.map((i) => (ownCopies ? cloneValue(candidates[i]) : (copies[i] ??= cloneValue(candidates[i]))));
      });
    },
    matching(stage, from, filter, variables) {
      return read(sourceOf(from), filter, statsOf(stage), collation, literals(variables)).map(cloneValue);
    },
  };
}
